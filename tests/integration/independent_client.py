#!/usr/bin/python3
"""An independent gRPC client of cpn-mock-scheduler that knows only the .proto files.

Usage: independent_client.py PROTO_DIR MOCK_SCHEDULER_EXE

Generates Python stubs from proto/cpn/v1/*.proto with protoc and grpc_python_plugin, starts
the mock scheduler on a free loopback port, and as any third-party client would: reads the
snapshot, follows the watch, pages through every task, moves a task, and checks the status
codes of DESIGN.md. Then, with gRPC's default limits (4 MB messages) as before, reads a `huge`
network: its snapshot, a whole metrics sample from the watch, every one of its tasks, and where
its busiest cluster's tasks would go if it were drained. Exits non-zero on the first failure; prints 'N passed, N failed'.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid

proto_dir, mock_exe = sys.argv[1], sys.argv[2]
out_dir = tempfile.mkdtemp(prefix="cpn-proto-")
protos = sorted(glob.glob(os.path.join(proto_dir, "cpn", "v1", "*.proto")))
subprocess.run(["protoc", "-I", proto_dir, "--python_out", out_dir, "--grpc_out", out_dir,
                "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin"] + protos, check=True)
sys.path.insert(0, out_dir)

import grpc  # noqa: E402
from cpn.v1 import dispatch_pb2, dispatch_pb2_grpc, state_pb2, state_pb2_grpc  # noqa: E402

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, flush=True)


def expect_code(call, code, what):
    try:
        call()
    except grpc.RpcError as e:
        check(e.code() == code, "%s: expected %s, got %s (%s)" % (what, code, e.code(), e.details()))
        return
    check(False, "%s: expected %s, got OK" % (what, code))


def start_mock(*arguments):
    """Starts the mock scheduler on a free port; returns the process and a channel with gRPC's default
    limits (messages of at most 4 MB)."""
    process = subprocess.Popen([mock_exe, "--listen", "127.0.0.1:0"] + list(arguments), stdout=subprocess.PIPE,
                               text=True)
    line = process.stdout.readline()
    match = re.search(r"listening on ([\d.]+:\d+)", line)
    if not match:
        print("the mock scheduler did not say where it listens:", line)
        process.kill()
        sys.exit(1)
    channel = grpc.insecure_channel(match.group(1))
    grpc.channel_ready_future(channel).result(timeout=60)
    return process, channel


def stop_mock(process):
    process.terminate()
    code = process.wait(timeout=20)
    check(code == 0, "the mock scheduler stops cleanly on SIGTERM (exit %s)" % code)


def read_snapshot(state):
    """GetSnapshot streams the snapshot in parts (state.proto): the first has the header, every part
    the same revision, and the lists are joined in order. Returns the snapshot and its part count."""
    snapshot = None
    parts = 0
    for part in state.GetSnapshot(state_pb2.GetSnapshotRequest(), timeout=60):
        parts += 1
        if snapshot is None:
            snapshot = part
            continue
        check(part.revision == snapshot.revision, "every part has the snapshot's revision")
        for field in ("regions", "sites", "links", "site_metrics", "link_metrics", "alarms", "migrations"):
            getattr(snapshot, field).extend(getattr(part, field))
    return snapshot, parts


mock, channel = start_mock("--seed", "3", "--time-scale", "120")
try:
    state = state_pb2_grpc.StateServiceStub(channel)
    dispatch = dispatch_pb2_grpc.DispatchServiceStub(channel)

    # The snapshot.
    snapshot, _ = read_snapshot(state)
    tiers = [s.tier for s in snapshot.sites]
    check(tiers.count(1) == 8, "8 national hubs, got %d" % tiers.count(1))
    check(tiers.count(2) == 10, "10 clusters, got %d" % tiers.count(2))
    check(len(snapshot.links) > 0 and snapshot.revision > 0, "links and a revision")
    site_ids = {s.id for s in snapshot.sites}
    check(all(l.site_a_id in site_ids and l.site_b_id in site_ids for l in snapshot.links), "links join known sites")

    # Follow the watch: revisions strictly increase.
    revisions = []
    stream = state.Watch(state_pb2.WatchRequest(from_revision=snapshot.revision), timeout=30)
    for event in stream:
        revisions.append(event.revision)
        if len(revisions) >= 5:
            break
    stream.cancel()
    check(revisions and revisions[0] > snapshot.revision, "watch starts after the snapshot")
    check(all(a < b for a, b in zip(revisions, revisions[1:])), "revisions strictly increase")
    expect_code(lambda: next(iter(state.Watch(state_pb2.WatchRequest(from_revision=snapshot.revision + 10**9),
                                              timeout=10))),
                grpc.StatusCode.OUT_OF_RANGE, "watch from a revision the server never had")

    # Page through every task: each exactly once.
    seen = set()
    token = ""
    total = None
    pages = 0
    duplicates = 0
    while True:
        page = state.ListTasks(state_pb2.ListTasksRequest(page_size=2000, page_token=token), timeout=30)
        pages += 1
        for t in page.tasks:
            duplicates += t.id in seen
            seen.add(t.id)
        total = page.total_count if total is None else total
        token = page.next_page_token
        if not token:
            break
    check(pages > 1 and len(seen) > 10000, "paged through %d tasks in %d pages" % (len(seen), pages))
    check(duplicates == 0, "%d tasks listed twice" % duplicates)
    # Tasks come and go while paging, but not many.
    check(abs(len(seen) - total) < total * 0.05, "listed %d of %d tasks" % (len(seen), total))
    expect_code(lambda: state.ListTasks(state_pb2.ListTasksRequest(page_size=-1), timeout=10),
                grpc.StatusCode.INVALID_ARGUMENT, "negative page size")
    expect_code(lambda: state.ListTasks(state_pb2.ListTasksRequest(site_id="no-such-site"), timeout=10),
                grpc.StatusCode.NOT_FOUND, "unknown site")

    # Move a task: find a feasible plan, start it, watch it complete.
    expect_code(lambda: dispatch.PlanMigration(dispatch_pb2.PlanMigrationRequest(task_id="", target_site_id="x"),
                                               timeout=10),
                grpc.StatusCode.INVALID_ARGUMENT, "empty task id")
    expect_code(lambda: dispatch.PlanMigration(dispatch_pb2.PlanMigrationRequest(task_id="no-such-task",
                                                                                 target_site_id=snapshot.sites[0].id),
                                               timeout=10),
                grpc.StatusCode.NOT_FOUND, "unknown task")
    hubs = [s.id for s in snapshot.sites if s.tier == 1]
    page = state.ListTasks(state_pb2.ListTasksRequest(page_size=200), timeout=30)
    chosen = None
    for t in page.tasks:
        if t.kind != 1 or t.state != 2:  # running training
            continue
        for hub in hubs:
            if hub == t.site_id:
                continue
            plan = dispatch.PlanMigration(dispatch_pb2.PlanMigrationRequest(task_id=t.id, target_site_id=hub),
                                          timeout=10)
            if plan.feasible:
                chosen = (t.id, hub)
                break
            check(len(plan.violations) > 0, "an infeasible plan says why")
        if chosen:
            break
    check(chosen is not None, "a feasible migration exists")
    if chosen:
        key = str(uuid.uuid4())
        request = dispatch_pb2.StartMigrationRequest(request_id=key, task_id=chosen[0], target_site_id=chosen[1],
                                                     reason="independent client")
        first = dispatch.StartMigration(request, timeout=10)
        again = dispatch.StartMigration(request, timeout=10)
        check(first.id == again.id, "the same request_id returns the same migration")
        done = None
        stream = state.Watch(state_pb2.WatchRequest(from_revision=read_snapshot(state)[0].revision), timeout=120)
        deadline = time.time() + 120
        for event in stream:
            if event.WhichOneof("event") == "migration" and event.migration.id == first.id \
                    and event.migration.state >= 5:
                done = event.migration
                break
            if time.time() > deadline:
                break
        stream.cancel()
        check(done is not None and done.state == 5, "the migration completed: %s" % (done.state if done else None))
        expect_code(lambda: dispatch.CancelMigration(dispatch_pb2.CancelMigrationRequest(migration_id=first.id),
                                                     timeout=10),
                    grpc.StatusCode.FAILED_PRECONDITION, "cancel a finished migration")
    expect_code(lambda: dispatch.CancelMigration(dispatch_pb2.CancelMigrationRequest(migration_id="nope"), timeout=10),
                grpc.StatusCode.NOT_FOUND, "cancel an unknown migration")
finally:
    stop_mock(mock)

# At huge (10,000 sites, 50,000 links, a million tasks) a client with gRPC's default 4 MB limit
# reads everything: the snapshot in parts, whole metrics samples in several batches, every task.
mock, channel = start_mock("--scale", "huge", "--seed", "5", "--time-scale", "600")
try:
    state = state_pb2_grpc.StateServiceStub(channel)
    started = time.time()
    snapshot, parts = read_snapshot(state)
    check(len(snapshot.sites) == 10000 and len(snapshot.links) == 50000 and len(snapshot.site_metrics) == 10000,
          "huge snapshot: %d sites, %d links, %d site metrics" % (len(snapshot.sites), len(snapshot.links),
                                                                 len(snapshot.site_metrics)))
    check(parts > 4 and snapshot.ByteSize() > 4 * 2**20, "a %d-byte snapshot in %d parts" % (snapshot.ByteSize(), parts))
    print("huge snapshot: %.1f MB in %d parts, %.1f s" % (snapshot.ByteSize() / 2**20, parts, time.time() - started))

    # Watch until one sample's batches have covered every site and link.
    sites_by_sample = {}
    links_by_sample = {}
    whole_sample = None
    revision = snapshot.revision
    stream = state.Watch(state_pb2.WatchRequest(from_revision=snapshot.revision), timeout=120)
    for event in stream:
        kind = event.WhichOneof("event")
        if kind == "heartbeat":
            continue
        check(event.revision > revision, "revisions strictly increase")
        revision = event.revision
        if kind == "metrics":
            t = event.metrics.sample_time_ms
            sites_by_sample.setdefault(t, set()).update(m.site_id for m in event.metrics.sites)
            links_by_sample.setdefault(t, set()).update(m.link_id for m in event.metrics.links)
            if len(sites_by_sample[t]) == 10000 and len(links_by_sample[t]) == 50000:
                whole_sample = t
                break
    stream.cancel()
    check(whole_sample is not None, "a whole metrics sample arrived in batches within 4 MB")

    started = time.time()
    listed = 0
    largest = 0
    tasks_on = {}
    token = ""
    while True:
        page = state.ListTasks(state_pb2.ListTasksRequest(page_size=5000, page_token=token), timeout=30)
        listed += len(page.tasks)
        for t in page.tasks:
            tasks_on[t.site_id] = tasks_on.get(t.site_id, 0) + 1
        largest = max(largest, page.ByteSize())
        token = page.next_page_token
        if not token:
            break
    check(listed > 900000, "listed %d tasks at huge" % listed)
    print("huge tasks: %d in %.1f s, largest page %.1f MB" % (listed, time.time() - started, largest / 2**20))

    # Where the busiest cluster's tens of thousands of tasks would go: an answer in parts too.
    busiest = max(tasks_on, key=tasks_on.get)
    dispatch = dispatch_pb2_grpc.DispatchServiceStub(channel)
    started = time.time()
    planned, unplaced, parts, answer_bytes = 0, 0, 0, 0
    for part in dispatch.DrainSite(dispatch_pb2.DrainSiteRequest(site_id=busiest, dry_run=True), timeout=180):
        parts += 1
        check(part.site_id == busiest, "every part names the drained site")
        planned += len(part.migrations)
        unplaced += len(part.unplaced_task_ids)
        answer_bytes += part.ByteSize()
    # Tasks end and start meanwhile (the mock runs at 600x, and planning takes simulated hours):
    # many are answered for, in more than one part.
    check(planned + unplaced > 0.5 * tasks_on[busiest] and parts > 1,
          "a drain of %d tasks answered for %d in %d parts" % (tasks_on[busiest], planned + unplaced, parts))
    print("huge drain preview of %s: %d tasks, %.1f MB in %d parts, %.1f s"
          % (busiest, tasks_on[busiest], answer_bytes / 2**20, parts, time.time() - started))
finally:
    stop_mock(mock)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
