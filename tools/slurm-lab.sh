#!/usr/bin/env bash
# A small multi-site Slurm 22.05 cluster on this one machine, for the Slurm gateway.
#   tools/slurm-lab.sh start DIR [--nodes N] [--jobs N] [--sites N] [--seed N]
#   tools/slurm-lab.sh stop DIR
#   tools/slurm-lab.sh status DIR
# start: installs slurm-wlm and munge if missing (apt-get, through sudo when not root), then
#   builds everything under DIR: a munge key and munged on its own socket, slurmctld, one
#   `slurmd -N NODE` per node, all on free loopback ports. Each site (4 by default, up to 8)
#   is a partition; nodes carry Gres=gpu:<arch>:8 over fake devices and Feature=site_<id>,<arch>.
#   Writes DIR/slurm.conf, DIR/gres.conf, DIR/sites.json (for the gateway), DIR/env,
#   DIR/lab.ports; --jobs N submits N demo jobs (some stay pending). Needs root.
# stop: partitions DOWN, jobs cancelled, `scontrol shutdown`, then every leftover process of the
#   lab (daemons, slurmstepd, job processes) ended by PID. Safe on a stopped or half-started lab.
# Logs: DIR/log. Job output and checkpoints: DIR/jobs.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
me="tools/slurm-lab.sh"
marker=".cpn-slurm-lab"

say() { echo "slurm-lab: $*"; }
die() { echo "slurm-lab: error: $*" >&2; exit 1; }
usage() {
  cat >&2 <<EOF
usage: $me start DIR [--nodes N] [--jobs N] [--sites N] [--seed N]
       $me stop DIR
       $me status DIR
       $me controller-stop DIR | controller-start DIR
  --nodes N   nodes in all (default 8), spread evenly over the sites, at least 1 per site
  --sites N   sites = partitions, 4..8 (default 4)
  --jobs N    demo jobs to submit once the cluster is ready (default 0)
  --seed N    seed for the demo jobs (default 1)
controller-stop and controller-start stop and start only slurmctld (jobs and nodes go on), to
see how a client of the cluster copes with a controller that goes away and comes back.
EOF
  exit 2
}
now_ms() { date +%s%3N; }
elapsed() { local t=$(( $(now_ms) - $1 )); printf '%d.%03d s' $((t / 1000)) $((t % 1000)); }

cmd=${1:-}
[ $# -ge 2 ] || usage
dir_arg=$2
shift 2
case "$dir_arg" in
  "" | / ) die "DIR must be a directory of its own, not '$dir_arg'" ;;
esac
DIR=$(realpath -m -- "$dir_arg")
[ "$DIR" != / ] || die "DIR must not be /"

nodes=8 sites=4 jobs=0 seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) [ $# -ge 2 ] || usage; nodes=$2; shift 2 ;;
    --sites) [ $# -ge 2 ] || usage; sites=$2; shift 2 ;;
    --jobs) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || usage; seed=$2; shift 2 ;;
    *) echo "slurm-lab: unknown option '$1'" >&2; usage ;;
  esac
done
for v in nodes sites jobs seed; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "--$v wants a whole number, got '${!v}'"
done
(( sites >= 4 && sites <= 8 )) || die "--sites must be 4..8, got $sites"
(( nodes >= sites )) || die "--nodes must be at least the number of sites ($sites), got $nodes"
(( nodes <= 64 )) || die "--nodes at most 64, got $nodes"

export SLURM_CONF="$DIR/slurm.conf"
# Debian's python3 (a pyenv or venv python3 first in PATH would also do, only slower to start)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || echo /usr/bin/python3)

# Every process that belongs to the lab in DIR, one PID a line: the daemons (by pid file and by
# command line naming DIR), slurmstepd whose working directory is under DIR (the slurmd log
# directory), processes of jobs of this lab (SLURM_JOB_ID plus this SLURM_CONF, or cwd under
# DIR/jobs), and every descendant of those. Never this script or its ancestors.
lab_pids() {
  "$PY" - "$DIR" "$$" <<'PY'
import os, sys
d, me = sys.argv[1], int(sys.argv[2])
conf = ("SLURM_CONF=" + d + "/slurm.conf").encode()
under = lambda p: p == d or p.startswith(d + "/")

def read(path, mode="rb"):
    try:
        with open(path, mode) as f:
            return f.read()
    except OSError:
        return None

procs = {}
for e in os.listdir("/proc"):
    if not e.isdigit():
        continue
    pid = int(e)
    stat = read(f"/proc/{pid}/stat")
    if not stat:
        continue
    rest = stat[stat.rfind(b")") + 2:].split()
    if rest[0] == b"Z":
        continue  # zombies cannot be killed; their parent reaps them
    comm = stat[stat.find(b"(") + 1:stat.rfind(b")")].decode(errors="replace")
    try:
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        cwd = ""
    procs[pid] = (int(rest[1]), comm, cwd)

ancestors, p = set(), me
while p > 1 and p in procs:
    ancestors.add(p)
    p = procs[p][0]

roots = set()
for name in ["run/slurmctld.pid", "run/munged.pid"] + [
        "run/" + f for f in (os.listdir(d + "/run") if os.path.isdir(d + "/run") else [])
        if f.startswith("slurmd-") and f.endswith(".pid")]:
    txt = read(os.path.join(d, name), "r")
    if txt and txt.strip().isdigit():
        pid = int(txt.strip())
        if pid in procs and procs[pid][1] in ("slurmctld", "slurmd", "munged"):
            roots.add(pid)
for pid, (ppid, comm, cwd) in procs.items():
    if comm in ("slurmctld", "slurmd", "munged", "slurmstepd"):
        cmdline = read(f"/proc/{pid}/cmdline") or b""
        if (d + "/").encode() in cmdline or under(cwd):
            roots.add(pid)
        continue
    env = read(f"/proc/{pid}/environ") or b""
    vars_ = env.split(b"\0")
    if any(v.startswith(b"SLURM_JOB_ID=") for v in vars_) and (conf in vars_ or under(cwd)):
        roots.add(pid)

children = {}
for pid, (ppid, _, _) in procs.items():
    children.setdefault(ppid, []).append(pid)
found, todo = set(), list(roots)
while todo:
    p = todo.pop()
    if p in found:
        continue
    found.add(p)
    todo.extend(children.get(p, []))
for pid in sorted(found - ancestors):
    print(pid)
PY
}

describe_pids() {
  local p
  for p in "$@"; do
    [ -r "/proc/$p/cmdline" ] || continue
    printf '  %s %s\n' "$p" "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-120)"
  done
}

ensure_packages() {
  local packages=(slurm-wlm munge) missing=() p sudo=""
  [ -x /usr/bin/python3 ] || packages+=(python3)
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "installing: ${missing[*]}"
    $sudo apt-get update || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" \
      || die "apt-get install ${missing[*]} failed"
  fi
  PY=/usr/bin/python3
  for p in munged mungekey slurmctld slurmd scontrol sinfo squeue sbatch scancel mknod "$PY"; do
    command -v "$p" >/dev/null 2>&1 || die "'$p' not found after installing ${packages[*]}"
  done
}

# Write slurm.conf, gres.conf, sites.json, lab.ports, lab.layout and (with --jobs) jobs/plan.tsv.
generate() {
  "$PY" - "$DIR" "$nodes" "$sites" "$jobs" "$seed" "$(hostname -s)" <<'PY'
import json, math, os, random, socket, sys

d, nnodes, nsites, njobs, seed, host = sys.argv[1], *map(int, sys.argv[2:6]), sys.argv[6]

# Real clusters of the national network (DOMAIN.md): coordinates, province, hub region.
# Figures: contracted IT power (MW), PUE (hub targets below 1.25, Qingyang at most 1.2, new
# western builds down to 1.10), electricity price (western about 30 % cheaper; Guizhou 0.35),
# green share (new hub data centres over 80 % by end 2025, western sites greener).
# The first two share an architecture so that a running job can move between them.
SITES = [
    # id,          short, name_zh,        name_en,               region, lat,   lon,    prov, MW,  PUE,  CNY,  green, arch
    ("zhangjiakou", "zjk", "张家口集群",   "Zhangjiakou cluster", "jjj", 40.77, 114.88, "HE", 240, 1.23, 0.50, 0.62, "nvidia"),
    ("zhongwei",    "zw",  "中卫集群",     "Zhongwei cluster",    "nx",  37.51, 105.19, "NX", 260, 1.15, 0.33, 0.86, "nvidia"),
    ("guian",       "ga",  "贵安集群",     "Gui'an cluster",      "gz",  26.40, 106.40, "GZ", 200, 1.20, 0.35, 0.72, "ascend"),
    ("shaoguan",    "sg",  "韶关集群",     "Shaoguan cluster",    "gba", 24.81, 113.60, "GD", 150, 1.24, 0.52, 0.45, "dcu"),
    ("horinger",    "hlg", "和林格尔集群", "Horinger cluster",    "nm",  40.38, 111.82, "NM", 300, 1.14, 0.30, 0.82, "mlu"),
    ("qingyang",    "qy",  "庆阳集群",     "Qingyang cluster",    "gs",  35.71, 107.64, "GS", 120, 1.18, 0.32, 0.78, "ascend"),
    ("wuhu",        "wh",  "芜湖集群",     "Wuhu cluster",        "yrd", 31.35, 118.43, "AH", 110, 1.24, 0.55, 0.38, "nvidia"),
    ("chongqing",   "cq",  "重庆集群",     "Chongqing cluster",   "cy",  29.56, 106.55, "CQ", 160, 1.24, 0.40, 0.55, "dcu"),
][:nsites]
# Racks, storage and how capacity is reported (DOMAIN.md, ministry reports): 85 % of the
# contracted power in 2.5 kW standard racks; rack occupancy around the hubs' 65 % target (Zhongwei
# reports 76.7 %); storage some 40 PB per MW, 60 % used; a tenth of the clusters' accelerators
# dedicated to inference serving.
OCCUPANCY = {"zhangjiakou": 0.68, "zhongwei": 0.767, "guian": 0.71, "shaoguan": 0.62, "horinger": 0.66,
             "qingyang": 0.58, "wuhu": 0.64, "chongqing": 0.69}
REGIONS = {
    "jjj": ("京津冀", "Beijing-Tianjin-Hebei", False, ["BJ", "TJ", "HE"]),
    "yrd": ("长三角", "Yangtze River Delta", False, ["SH", "JS", "ZJ", "AH"]),
    "gba": ("粤港澳大湾区", "Greater Bay Area", False, ["GD"]),
    "cy": ("成渝", "Chengdu-Chongqing", True, ["SC", "CQ"]),
    "nm": ("内蒙古", "Inner Mongolia", True, ["NM"]),
    "gz": ("贵州", "Guizhou", True, ["GZ"]),
    "gs": ("甘肃", "Gansu", True, ["GS"]),
    "nx": ("宁夏", "Ningxia", True, ["NX"]),
}
CARDS_PER_NODE, CPUS, MEM_MB = 8, 64, 256000

# --- free loopback ports: one for slurmctld, one per node, one for the gateway --------------
def bindable(port):
    for addr in ("127.0.0.1", "0.0.0.0"):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((addr, port))
        except OSError:
            return False
        finally:
            s.close()
    return True

rng_ports = random.Random()  # not seeded: two labs must not pick the same ports
taken = set()
def free_port(lo=20000, hi=32000):
    # below Linux's ephemeral range (32768-60999), so outgoing connections do not take them
    for _ in range(2000):
        p = rng_ports.randrange(lo, hi)
        if p not in taken and bindable(p):
            taken.add(p)
            return p
    sys.exit("no free TCP port found in %d-%d" % (lo, hi))

ctld_port = free_port()

# The gateway's port: the first free one from 50061 that no other running lab has claimed.
# Claims are symlinks REGISTRY/gateway-PORT -> lab directory; a claim holds while that lab is
# starting, or running with a live slurmctld.
registry = os.environ.get("CPN_SLURM_LAB_REGISTRY", "/tmp/cpn-slurm-labs")
os.makedirs(registry, exist_ok=True)
def lab_alive(other):
    try:
        with open(os.path.join(other, "lab.state")) as f:
            state = f.read().strip()
        if state == "starting":
            return True
        with open(os.path.join(other, "run", "slurmctld.pid")) as f:
            pid = int(f.read().strip())
        with open(f"/proc/{pid}/comm") as f:
            return state == "running" and f.read().strip() == "slurmctld"
    except (OSError, ValueError):
        return False
def claim(port):
    link = os.path.join(registry, f"gateway-{port}")
    try:
        other = os.readlink(link)
    except OSError:
        other = None
    if other is not None and other != d:
        if lab_alive(other):
            return False
        try:
            os.unlink(link)
        except OSError:
            pass
    if other == d:
        return True
    try:
        os.symlink(d, link)
        return True
    except FileExistsError:
        return False  # another lab starting at the same moment won it
gateway_port = next((p for p in range(50061, 50261) if bindable(p) and claim(p)), None)
if gateway_port is None:
    sys.exit("no free gateway port in 50061-50260")

# --- nodes spread evenly over the sites ------------------------------------------------------
layout = []  # (site tuple, [node names])
for i, s in enumerate(SITES):
    count = nnodes // nsites + (1 if i < nnodes % nsites else 0)
    layout.append((s, ["%s%02d" % (s[1], k + 1) for k in range(count)]))
node_port = {n: free_port() for _, names in layout for n in names}

# --- slurm.conf and gres.conf ----------------------------------------------------------------
conf = f"""# Generated by tools/slurm-lab.sh: a Slurm lab on one machine, everything under {d}.
ClusterName=cpnlab
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={ctld_port}
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={d}/munge/munge.sock,cred_expire=10
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
StateSaveLocation={d}/state
SlurmdSpoolDir={d}/spool/d-%n
SlurmctldPidFile={d}/run/slurmctld.pid
SlurmdPidFile={d}/run/slurmd-%n.pid
SlurmctldLogFile={d}/log/slurmctld.log
SlurmdLogFile={d}/log/slurmd-%n.log
SlurmctldDebug=info
SlurmdDebug=info
TmpFS={d}/tmp
MailProg=/bin/true
SlurmdParameters=config_overrides
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc={d}/log/jobcomp.txt
SwitchType=switch/none
MpiDefault=none
PropagateResourceLimits=NONE
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,sched_min_interval=100000,bf_interval=1,bf_continue,bf_resolution=60,default_queue_depth=500
SchedulerTimeSlice=30
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=4000
GresTypes=gpu
ReturnToService=2
MinJobAge=30
KillWait=5
MessageTimeout=10
SlurmctldTimeout=30
SlurmdTimeout=60
InactiveLimit=0
JobRequeue=1
MaxJobCount=20000
"""
gres = f"# Generated by tools/slurm-lab.sh: fake accelerators (character devices like /dev/null).\n"
for s, names in layout:
    arch = s[12]
    for n in names:
        conf += (f"NodeName={n} NodeHostname={host} NodeAddr=127.0.0.1 Port={node_port[n]} "
                 f"CPUs={CPUS} Sockets=2 CoresPerSocket={CPUS // 2} ThreadsPerCore=1 RealMemory={MEM_MB} "
                 f"Gres=gpu:{arch}:{CARDS_PER_NODE} Feature=site_{s[0]},{arch} State=UNKNOWN\n")
        gres += f"NodeName={n} Name=gpu Type={arch} File={d}/dev/{n}/acc[0-{CARDS_PER_NODE - 1}]\n"
for i, (s, names) in enumerate(layout):
    conf += (f"PartitionName={s[0]} Nodes={','.join(names)} Default={'YES' if i == 0 else 'NO'} "
             f"MaxTime=INFINITE State=UP\n")
with open(os.path.join(d, "slurm.conf"), "w") as f:
    f.write(conf)
with open(os.path.join(d, "gres.conf"), "w") as f:
    f.write(gres)

# --- sites.json: sites, their hub regions, and a backbone joining them -----------------------
def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[5], a[6], b[5], b[6]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))

pairs = set()
if nsites <= 5:
    pairs = {(i, j) for i in range(nsites) for j in range(i + 1, nsites)}  # full mesh
else:
    # ring around the centroid, plus each site to its nearest other site
    clat = sum(s[5] for s in SITES) / nsites
    clon = sum(s[6] for s in SITES) / nsites
    order = sorted(range(nsites), key=lambda i: math.atan2(SITES[i][5] - clat, SITES[i][6] - clon))
    for k in range(nsites):
        a, b = order[k], order[(k + 1) % nsites]
        pairs.add((min(a, b), max(a, b)))
    for i in range(nsites):
        j = min((j for j in range(nsites) if j != i), key=lambda j: km(SITES[i], SITES[j]))
        pairs.add((min(i, j), max(i, j)))
links = []
for i, j in sorted(pairs):
    a, b = SITES[i], SITES[j]
    length = round(km(a, b) * 1.3 / 10) * 10  # fibre routes run about 30 % over the great circle
    west_a, west_b = REGIONS[a[4]][2], REGIONS[b[4]][2]
    capacity = 1600 if not (west_a or west_b) else 800 if west_a != west_b else 400
    links.append({"id": f"lk-{a[0]}--{b[0]}", "site_a_id": a[0], "site_b_id": b[0],
                  "capacity_gbps": capacity, "latency_ms": round(length / 200 + 1.0, 1),
                  "length_km": length})
used_regions = []
for s in SITES:
    if s[4] not in used_regions:
        used_regions.append(s[4])
doc = {
    "sites": [{"id": s[0], "partition": s[0], "name_zh": s[2], "name_en": s[3], "tier": "cluster",
               "region_id": s[4], "parent_site_id": "", "latitude": s[5], "longitude": s[6],
               "province": s[7], "power_capacity_mw": s[8], "pue": s[9], "price_cny_per_kwh": s[10],
               "green_share": s[11], "racks_built": round(s[8] * 1000 / 2.5 * 0.85),
               "racks_in_use": round(round(s[8] * 1000 / 2.5 * 0.85) * OCCUPANCY[s[0]]),
               "storage_pb": s[8] * 40, "storage_used_pb": round(s[8] * 40 * 0.6, 1),
               "compute_class": "intelligent", "inference_share": 0.1} for s in SITES],
    "regions": [{"id": r, "name_zh": REGIONS[r][0], "name_en": REGIONS[r][1], "western": REGIONS[r][2],
                 "provinces": REGIONS[r][3]} for r in used_regions],
    "links": links,
}
with open(os.path.join(d, "sites.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")

with open(os.path.join(d, "lab.ports"), "w") as f:
    f.write(f"SLURMCTLD_PORT={ctld_port}\nGATEWAY_PORT={gateway_port}\n")
    for n, p in node_port.items():
        f.write(f"SLURMD_PORT_{n}={p}\n")
with open(os.path.join(d, "lab.layout"), "w") as f:  # site arch node,node,...
    for s, names in layout:
        f.write(f"{s[0]} {s[12]} {','.join(names)}\n")

# --- demo jobs: kinds, sizes and sites like the real network's; a few stay pending ----------
if njobs:
    rng = random.Random(seed)
    KINDS = {
        #            names                                                  tenants                                         minutes    data GB
        "training": (["llm-pretrain", "moe-finetune", "vision-train", "speech-train"], ["bj-ai-lab", "sh-auto-drive", "hz-ecom-rec"], (60, 120), (80, 900)),
        "inference": (["chat-serve", "asr-infer", "recsys-infer"], ["sz-smartcity", "gz-fintech", "bj-gov-cloud"], (30, 120), (5, 40)),
        "batch": (["etl-nightly", "log-batch", "ocr-batch"], ["sh-bank-dw", "hz-logistics"], (10, 40), (50, 500)),
        "rendering": (["render-batch", "film-vfx", "anim-render"], ["bj-film-studio", "gz-game-art"], (20, 60), (20, 300)),
        "scientific": (["cfd-sim", "weather-ens", "genome-seq", "md-protein"], ["cas-iap", "bgi-shenzhen", "ustc-hpc"], (30, 90), (10, 2000)),
    }
    kinds = list(KINDS)
    west = {s[0] for s in SITES if REGIONS[s[4]][2]}
    east_sites = [s for s in SITES if s[0] not in west]
    # the east is crowded: it gets more work than the west, and pending jobs queue there
    weight = {s[0]: (1.0 if s[0] in west else 1.4) for s in SITES}
    weight[SITES[1][0]] = 0.7  # keep the second nvidia site roomy: the target of migrations
    free = {s[0]: [CARDS_PER_NODE] * len(names) for s, names in layout}
    used_names = set()
    n_pending = max(1, njobs // 6) if njobs >= 4 else 0
    plan = []
    for i in range(njobs):
        kind = kinds[i % len(kinds)] if i < len(kinds) else rng.choice(kinds)
        names, tenants, (tlo, thi), (dlo, dhi) = KINDS[kind]
        while True:
            name = f"{rng.choice(names)}-{rng.randint(1, 24):02d}" if rng.random() < 0.6 else \
                   f"{rng.choice(names)}-{rng.randint(1, 9)}"
            if name not in used_names:
                used_names.add(name)
                break
        crowded = SITES[0]  # the busiest east site: a third of the work goes there while it has room
        if i >= njobs - n_pending:
            # ask for more than is free: the site whose best node has the fewest free cards
            site = min(SITES, key=lambda s: (max(free[s[0]]), s is not crowded))
            cards = min(4, max(free[site[0]]) + 1)
        else:
            cards = rng.randint(1, 4)
            if kind != "inference" and i % 3 == 0 and max(free[crowded[0]]) >= cards:
                site = crowded
            else:
                pool = east_sites if kind == "inference" and east_sites else SITES
                room = [weight[s[0]] * (1.0 if max(free[s[0]]) >= cards else 0.1) for s in pool]
                site = rng.choices(pool, weights=room)[0]
        fits = [k for k, f in enumerate(free[site[0]]) if f >= cards]
        if fits:
            free[site[0]][fits[0]] -= cards
        minutes = rng.randrange(tlo, thi + 1, 5)
        run = int(minutes * 60 * rng.uniform(0.5, 0.9))
        tenant = rng.choice(tenants)
        comment = f"kind={kind};data_gb={rng.randint(dlo, dhi)};tenant={tenant}"
        if kind == "inference":
            comment += f";latency_slo_ms={rng.choice([5, 10, 20])}"
        plan.append((site[0], name, kind, cards, cards * 8, minutes, run, site[12], comment, tenant))
    with open(os.path.join(d, "jobs", "plan.tsv"), "w") as f:
        for row in plan:
            f.write("\t".join(map(str, row)) + "\n")
PY
}

write_job_script() {
  cat >"$DIR/jobs/demo-job.sh" <<EOF
#!/bin/bash
# Demo workload of the CPN Slurm lab: works in short sleeps, writes a checkpoint on SIGUSR1 and
# carries on, resumes from its checkpoint after a requeue, exits 0 after DEMO_RUN_SECONDS.
ckpt="$DIR/jobs/\${SLURM_JOB_ID}.ckpt"
run=\${DEMO_RUN_SECONDS:-600}
done0=0
[ -r "\$ckpt" ] && done0=\$(cat "\$ckpt")
start=\$(date +%s)
progress() { echo \$(( done0 + \$(date +%s) - start )); }
echo "start job=\$SLURM_JOB_ID name=\$SLURM_JOB_NAME partition=\$SLURM_JOB_PARTITION node=\$SLURMD_NODENAME restart=\${SLURM_RESTART_COUNT:-0} devices=\${CUDA_VISIBLE_DEVICES:-none} resume=\${done0}s of \${run}s at \$(date -Is)"
checkpoint() {
  local p; p=\$(progress)
  echo "\$p" >"\$ckpt"
  echo "checkpoint job=\$SLURM_JOB_ID progress=\${p}s of \${run}s node=\$SLURMD_NODENAME at \$(date -Is)"
}
trap checkpoint USR1
trap 'echo "terminated job=\$SLURM_JOB_ID progress=\$(progress)s at \$(date -Is)"; exit 143' TERM
last=0
while [ "\$(progress)" -lt "\$run" ]; do
  sleep 1 &
  wait \$! || true   # returns at once when a signal arrives, so traps run without delay
  p=\$(progress)
  if [ \$(( p / 60 )) -gt "\$last" ]; then last=\$(( p / 60 )); echo "progress \${p}s of \${run}s"; fi
done
rm -f "\$ckpt"
echo "done job=\$SLURM_JOB_ID at \$(date -Is)"
exit 0
EOF
  chmod 755 "$DIR/jobs/demo-job.sh"
}

log_tail() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 15 "$f" >&2
  done
}

# slurmctld of this lab answers (scontrol ping alone takes seconds to give up on a dead one)
ctld_up() {
  alive_pidfile "$DIR/run/slurmctld.pid" slurmctld && timeout 5 scontrol ping 2>/dev/null | grep -q "is UP"
}

# Stop everything of the lab in DIR; quiet=1 prints less (cleanup of a failed start).
do_stop() {
  local quiet=${1:-0} t0 pids p i
  t0=$(now_ms)
  if [ -f "$DIR/slurm.conf" ] && ctld_up; then
    for p in $(timeout 10 sinfo -h -o '%R' 2>/dev/null | sort -u); do
      timeout 10 scontrol update PartitionName="$p" State=DOWN >/dev/null 2>&1 || true
    done
    local ids
    ids=$(timeout 10 squeue -h -o '%A' 2>/dev/null | tr '\n' ' ' || true)
    if [ -n "${ids// /}" ]; then
      # shellcheck disable=SC2086
      timeout 15 scancel $ids >/dev/null 2>&1 || true
      # let the jobs end while slurmctld still listens: slurmstepd then finishes by itself
      for i in $(seq 1 40); do
        [ -z "$(timeout 5 squeue -h -o '%A' 2>/dev/null || true)" ] && break
        sleep 0.2
      done
    fi
    timeout 10 scontrol shutdown >/dev/null 2>&1 || true
    # the daemons go by themselves within a few seconds; slurmstepd and jobs may stay
    for i in $(seq 1 50); do
      pgrep_lab_daemons || break
      sleep 0.1
    done
  fi
  local -a killed=()
  mapfile -t pids < <(lab_pids)
  if [ ${#pids[@]} -gt 0 ]; then
    killed=("${pids[@]}")
    [ "$quiet" = 1 ] || say "ending by PID the ${#pids[@]} process(es) still there:"
    [ "$quiet" = 1 ] || describe_pids "${pids[@]}"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for i in $(seq 1 15); do  # 1.5 s grace, then SIGKILL (slurmstepd ignores SIGTERM)
      mapfile -t pids < <(lab_pids)
      killed+=("${pids[@]}")
      [ ${#pids[@]} -gt 0 ] || break
      sleep 0.1
    done
    if [ ${#pids[@]} -gt 0 ]; then
      kill -KILL "${pids[@]}" 2>/dev/null || true
      for i in $(seq 1 50); do
        mapfile -t pids < <(lab_pids)
        [ ${#pids[@]} -gt 0 ] || break
        sleep 0.1
      done
    fi
  fi
  mapfile -t pids < <(lab_pids)
  if [ ${#pids[@]} -gt 0 ]; then
    echo "slurm-lab: error: processes of the lab in $DIR would not end:" >&2
    describe_pids "${pids[@]}" >&2
    return 1
  fi
  # ended daemons are orphans: wait (briefly) until init has reaped them, so ps shows nothing
  local zombies=0
  for i in $(seq 1 30); do
    zombies=0
    for p in "${killed[@]}"; do [ -e "/proc/$p" ] && zombies=$((zombies + 1)); done
    [ "$zombies" -eq 0 ] && break
    sleep 0.1
  done
  [ "$zombies" -eq 0 ] || [ "$quiet" = 1 ] || say "note: $zombies ended process(es) not yet reaped by their parent (zombies, harmless)"
  rm -f "$DIR"/run/*.pid "$DIR/munge/munge.sock" "$DIR/munge/munge.sock.lock" 2>/dev/null || true
  # give up the gateway port claimed at start
  local claim gw
  gw=$(sed -n 's/^GATEWAY_PORT=//p' "$DIR/lab.ports" 2>/dev/null || true)
  claim="${CPN_SLURM_LAB_REGISTRY:-/tmp/cpn-slurm-labs}/gateway-$gw"
  if [ -n "$gw" ] && [ "$(readlink "$claim" 2>/dev/null)" = "$DIR" ]; then rm -f "$claim"; fi
  [ -d "$DIR" ] && [ -f "$DIR/$marker" ] && echo stopped >"$DIR/lab.state"
  [ "$quiet" = 1 ] || say "stopped the lab in $DIR in $(elapsed "$t0"); no process of it is left"
}

# true when the pid file names a live process called NAME
alive_pidfile() {
  local p
  [ -r "$1" ] || return 1
  p=$(cat "$1" 2>/dev/null || true)
  [ -n "$p" ] && [ -r "/proc/$p/stat" ] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$2" ] \
    && ! grep -q '^[^ ]* ([^)]*) Z' "/proc/$p/stat" 2>/dev/null
}

# true while slurmctld or a slurmd of this lab still runs
pgrep_lab_daemons() {
  local f
  alive_pidfile "$DIR/run/slurmctld.pid" slurmctld && return 0
  for f in "$DIR"/run/slurmd-*.pid; do
    alive_pidfile "$f" slurmd && return 0
  done
  return 1
}

# EXIT trap while starting: a failed start takes down whatever it had started
on_start_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "slurm-lab: start failed; taking the half-started lab down (logs stay in $DIR/log)" >&2
    do_stop 1 || true
  fi
}

do_start() {
  local t0 pids
  t0=$(now_ms)
  [ "$(id -u)" -eq 0 ] || die "start needs root (SlurmUser=root, slurmd runs jobs as their users, mknod needs CAP_MKNOD); run it with sudo"
  # a unix socket path holds at most 107 bytes
  (( ${#DIR} <= 80 )) || die "DIR is too long for munge's socket path (${#DIR} > 80 characters): $DIR"
  [ -x "$PY" ] || ensure_packages
  if [ -d "$DIR" ]; then
    mapfile -t pids < <(lab_pids)
    if [ ${#pids[@]} -gt 0 ]; then
      echo "slurm-lab: error: a lab is already running in $DIR:" >&2
      describe_pids "${pids[@]}" >&2
      die "run '$me stop $DIR' first"
    fi
    if [ -n "$(ls -A "$DIR")" ] && [ ! -f "$DIR/$marker" ]; then
      die "$DIR exists, is not empty and is not a lab directory (no $marker): choose another DIR"
    fi
  fi
  ensure_packages

  # from nothing: the previous lab's state, spool, logs, jobs and gateway state go
  mkdir -p "$DIR"
  rm -rf "${DIR:?}"/{state,spool,run,log,jobs,dev,munge,tmp,gateway} \
         "$DIR"/{slurm.conf,gres.conf,sites.json,env,lab.ports,lab.layout,lab.state}
  echo "CPN Slurm lab made by $me" >"$DIR/$marker"
  mkdir -p "$DIR"/{state,spool,run,log,jobs,dev,munge,tmp,gateway}
  chmod 700 "$DIR/munge"
  echo starting >"$DIR/lab.state"

  # from here on a failure takes down whatever was started
  trap on_start_exit EXIT

  generate || die "could not write the configuration (python3 failed)"
  local site arch nodelist n i
  local -a all_nodes=() partitions=()
  while read -r site arch nodelist; do
    partitions+=("$site")
    for n in ${nodelist//,/ }; do
      all_nodes+=("$n")
      mkdir -p "$DIR/dev/$n" "$DIR/spool/d-$n"
      for i in 0 1 2 3 4 5 6 7; do
        mknod "$DIR/dev/$n/acc$i" c 1 3 || die "mknod $DIR/dev/$n/acc$i failed (needs CAP_MKNOD)"
      done
    done
  done <"$DIR/lab.layout"
  cat >"$DIR/env" <<EOF
# CPN Slurm lab in $DIR: source this file to use it with sinfo, squeue, sbatch, scontrol.
export SLURM_CONF=$DIR/slurm.conf
EOF
  # shellcheck disable=SC1091
  . "$DIR/lab.ports"

  # munge
  mungekey -c -k "$DIR/munge/munge.key" >"$DIR/log/mungekey.out" 2>&1 \
    || { log_tail "$DIR/log/mungekey.out"; die "mungekey -c -k $DIR/munge/munge.key failed"; }
  chmod 600 "$DIR/munge/munge.key"
  munged -f --socket="$DIR/munge/munge.sock" --key-file="$DIR/munge/munge.key" \
    --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
    --seed-file="$DIR/munge/munged.seed" </dev/null >>"$DIR/log/munged.out" 2>&1 \
    || { log_tail "$DIR/log/munged.out" "$DIR/log/munged.log"; die "munged did not start"; }
  for i in $(seq 1 50); do [ -S "$DIR/munge/munge.sock" ] && break; sleep 0.1; done
  [ -S "$DIR/munge/munge.sock" ] || { log_tail "$DIR/log/munged.log"; die "munged made no socket at $DIR/munge/munge.sock"; }

  # slurmctld
  slurmctld -i -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1 \
    || { log_tail "$DIR/log/slurmctld.out" "$DIR/log/slurmctld.log"; die "slurmctld did not start"; }
  for i in $(seq 1 75); do
    ctld_up && break
    alive_pidfile "$DIR/run/slurmctld.pid" slurmctld || [ "$i" -lt 5 ] \
      || { log_tail "$DIR/log/slurmctld.out" "$DIR/log/slurmctld.log"; die "slurmctld exited while starting"; }
    sleep 0.2
  done
  ctld_up || { log_tail "$DIR/log/slurmctld.out" "$DIR/log/slurmctld.log"; die "slurmctld does not answer 'scontrol ping' (port $SLURMCTLD_PORT) after 15 s"; }

  # one slurmd per node
  for n in "${all_nodes[@]}"; do
    slurmd -N "$n" -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmd-$n.out" 2>&1 \
      || { log_tail "$DIR/log/slurmd-$n.out" "$DIR/log/slurmd-$n.log"; die "slurmd -N $n did not start"; }
  done

  # ready when every node is idle
  local states notidle=""
  for i in $(seq 1 150); do
    states=$(timeout 10 sinfo -h -N -o '%N %t' 2>/dev/null | sort -u || true)
    notidle=$(awk '$2 != "idle" {print $1 "(" $2 ")"}' <<<"$states" | sort -u | tr '\n' ' ')
    if [ -n "$states" ] && [ -z "$notidle" ] && [ "$(awk '{print $1}' <<<"$states" | sort -u | wc -l)" -eq ${#all_nodes[@]} ]; then
      break
    fi
    sleep 0.2
  done
  if [ -n "$notidle" ] || [ -z "$states" ]; then
    local logs=("$DIR/log/slurmctld.log")
    for n in ${notidle}; do logs+=("$DIR/log/slurmd-${n%%(*}.log"); done
    log_tail "${logs[@]}"
    timeout 10 sinfo -N -l >&2 || true
    die "nodes not idle after 30 s: ${notidle:-sinfo answered nothing}"
  fi
  local ready_ms=$(( $(now_ms) - t0 ))
  echo running >"$DIR/lab.state"
  say "cluster ready in $((ready_ms / 1000)).$(printf '%03d' $((ready_ms % 1000))) s: ${#all_nodes[@]} nodes, partitions ${partitions[*]}"

  # demo jobs
  write_job_script # also for jobs submitted by hand and by tests
  if [ "$jobs" -gt 0 ]; then
    local name cards cpus minutes run comment tenant submitted=0
    while IFS=$'\t' read -r site name _ cards cpus minutes run arch comment tenant; do
      # DEMO_RUN_SECONDS through the environment: --export=ALL,VAR=... would make Slurm build
      # the user's login environment (su - USER) for each job
      DEMO_RUN_SECONDS=$run sbatch --parsable -p "$site" -J "$name" -A "$tenant" --comment="$comment" \
             --gres="gpu:$cards" -C "$arch" -c "$cpus" --requeue --open-mode=append \
             -t "$minutes" -D "$DIR/jobs" -o "$DIR/jobs/%j.out" \
             "$DIR/jobs/demo-job.sh" >>"$DIR/jobs/submitted.txt" 2>"$DIR/log/sbatch.err" \
        || { cat "$DIR/log/sbatch.err" >&2; die "sbatch of demo job $name on $site failed"; }
      submitted=$((submitted + 1))
    done <"$DIR/jobs/plan.tsv"
    # give the scheduler a moment to place them (pending jobs it has not looked at say 'None')
    for i in $(seq 1 30); do
      [ "$(squeue -h -t PD -o '%r' | grep -c '^None$' || true)" -eq 0 ] && break
      sleep 0.2
    done
    say "submitted $submitted demo jobs: $(squeue -h -t R | wc -l) running, $(squeue -h -t PD | wc -l) pending"
  fi
  trap - EXIT

  cat <<EOF

Slurm lab running in $DIR (started in $(elapsed "$t0")).
  Sites = partitions: $(awk '{printf "%s(%s: %s) ", $1, $2, $3}' "$DIR/lab.layout")
  Use it:      export SLURM_CONF=$DIR/slurm.conf      (or: . $DIR/env)
               sinfo; squeue
  Gateway:     $repo/build/gateway/cpn-slurm-gateway --slurm-conf $DIR/slurm.conf --sites $DIR/sites.json --state-dir $DIR/gateway --listen 127.0.0.1:$GATEWAY_PORT
  Console:     $repo/build/app/cpn-console --connect 127.0.0.1:$GATEWAY_PORT
  Stop it:     $repo/tools/slurm-lab.sh stop $DIR
  Logs in $DIR/log, ports in $DIR/lab.ports, job output in $DIR/jobs.
EOF
}

do_status() {
  local pids
  [ -d "$DIR" ] || die "no lab in $DIR (no such directory)"
  mapfile -t pids < <(lab_pids)
  say "$DIR: state file says '$(cat "$DIR/lab.state" 2>/dev/null || echo none)', ${#pids[@]} process(es) of the lab"
  if [ ${#pids[@]} -gt 0 ]; then
    # the daemons by name, the rest (slurmstepd, job scripts) counted
    local p comm others=0
    for p in "${pids[@]}"; do
      comm=$(cat "/proc/$p/comm" 2>/dev/null || true)
      case "$comm" in
        munged | slurmctld | slurmd) describe_pids "$p" ;;
        *) others=$((others + 1)) ;;
      esac
    done
    echo "  and $others slurmstepd/job process(es)"
  fi
  if [ -f "$DIR/slurm.conf" ] && ctld_up; then
    timeout 10 sinfo || true
    echo "jobs: $(squeue -h -t R | wc -l) running, $(squeue -h -t PD | wc -l) pending"
  else
    say "slurmctld is not answering"
    [ ${#pids[@]} -eq 0 ] || return 1
    return 3
  fi
}

# slurmctld alone, its state kept: jobs survive a controller restart
do_controller_stop() {
  local pid
  pid=$(cat "$DIR/run/slurmctld.pid" 2>/dev/null || true)
  alive_pidfile "$DIR/run/slurmctld.pid" slurmctld || { say "slurmctld of $DIR is not running"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; sleep 0.2; fi
  say "slurmctld of $DIR stopped"
}

do_controller_start() {
  [ -f "$DIR/slurm.conf" ] || die "no lab in $DIR (no slurm.conf)"
  if ctld_up; then say "slurmctld of $DIR already answers"; return 0; fi
  slurmctld -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1 \
    || { log_tail "$DIR/log/slurmctld.out" "$DIR/log/slurmctld.log"; die "slurmctld did not start"; }
  for _ in $(seq 1 75); do ctld_up && break; sleep 0.2; done
  ctld_up || { log_tail "$DIR/log/slurmctld.log"; die "slurmctld does not answer after 15 s"; }
  say "slurmctld of $DIR answers again"
}

case "$cmd" in
  start) do_start ;;
  controller-stop) do_controller_stop ;;
  controller-start) do_controller_start ;;
  stop)
    if [ ! -d "$DIR" ]; then say "nothing to stop: $DIR does not exist"; exit 0; fi
    [ -x "$PY" ] || die "python3 is needed to find the lab's processes"
    do_stop 0
    ;;
  status) do_status ;;
  *) usage ;;
esac
