#pragma once
// Slurm as its commands show it: running sinfo, squeue and scontrol against one slurm.conf, and
// reading what they print (`--json` where 22.05 has it, `scontrol show ... -o` where not).

#include "cpn/v1/types.pb.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cpn::gateway {

struct SlurmNode {
    std::string name;
    std::string state; // base state, lower case: idle, mixed, allocated, down, unknown, ...
    std::vector<std::string> flags; // upper case: DRAIN, NOT_RESPONDING, INVALID_REG, ...
    std::string reason;
    std::uint32_t cpus = 0;
    std::uint32_t allocCpus = 0;
    std::map<std::string, std::uint32_t> gpus; // by GRES type ("nvidia"): installed
    std::map<std::string, std::uint32_t> gpusUsed; // by GRES type: allocated
    std::vector<std::string> partitions;

    bool hasFlag(std::string_view flag) const;
    bool down() const; // down, or not responding: nothing runs there
    bool drained() const; // drain, draining or drained: takes no new work
    bool invalid() const; // registered with less than configured (Slurm's INVAL)
};

struct SlurmJob {
    std::string id;
    std::string name;
    std::string state; // upper case: PENDING, RUNNING, COMPLETING, COMPLETED, CANCELLED, ...
    std::string reason; // Slurm's state_reason: None, Resources, Priority, JobHeldUser, BeginTime...
    std::string partition;
    std::string user;
    std::string account;
    std::string comment;
    std::string features; // the job's constraint (-C)
    std::string nodes;
    std::int64_t submitTimeS = 0;
    std::int64_t startTimeS = 0; // when it started, or when Slurm expects it to
    std::int64_t timeLimitMin = 0; // 0 = none
    std::uint32_t gpus = 0; // requested, all nodes
    std::uint32_t nodeCount = 0;

    bool pending() const { return state == "PENDING"; }
    bool running() const; // running, or finishing its run (COMPLETING, CONFIGURING, SUSPENDED)
    bool finished() const; // left for good (COMPLETED, CANCELLED, FAILED, TIMEOUT, ...)
    // Held: JobHeldUser, JobHeldAdmin, or (squeue's %r after a requeue-hold) "job requeued in
    // held state".
    bool held() const;
};

struct SlurmPartition {
    std::string name;
    std::string state; // UP, DOWN, DRAIN, INACTIVE
};

// One poll: everything the gateway reads from Slurm at one moment.
struct SlurmView {
    std::vector<SlurmNode> nodes;
    std::vector<SlurmJob> jobs;
    // Jobs whose lines cannot be trusted this time: a separator or a line break in a name or
    // comment (users' text) made two lines for one id, or shifted its fields.
    std::set<std::string> ambiguousJobs;
    std::vector<SlurmPartition> partitions;
};

// Parsers of the commands' output; nullopt (and why) when it is not what 22.05 prints.
std::optional<std::vector<SlurmNode>> parseSinfoJson(std::string_view json, std::string* error);
// `squeue -h -o kSqueueFormat` with SLURM_TIME_FORMAT=%s: one job a line, fields separated by
// 0x1F. (22.05's `squeue --json` prints 3 MB for 1,000 jobs and costs ten times the CPU.)
extern const char* const kSqueueFormat;
std::vector<SlurmJob> parseSqueueLines(std::string_view text, std::set<std::string>* ambiguous = nullptr);
std::vector<SlurmPartition> parsePartitions(std::string_view scontrolShowPartitionOneLiners);
// "gpu:nvidia:8(S:0-1),gpu:ascend:2" -> {nvidia: 8, ascend: 2}; untyped gpus count as "".
std::map<std::string, std::uint32_t> parseGpuGres(std::string_view gres);

// Our architecture for a GRES type or job feature ("nvidia", "a100", "ascend", "dcu", "mlu",
// "kunlun"...); UNSPECIFIED when it names none.
cpn::v1::Architecture architectureOf(std::string_view name);
// The GRES type and feature name the lab and the gateway use for one of ours ("nvidia").
const char* gresTypeOf(cpn::v1::Architecture architecture);

struct CommandResult {
    bool ok = false; // started, finished in time, exit 0
    int exitCode = -1;
    std::string out;
    std::string err;
    std::string describe() const; // "exit 1: <first line of stderr>", "timed out", ...
};

class SlurmCli {
public:
    // `slurmConf` empty: the commands find their configuration as usual (SLURM_CONF).
    explicit SlurmCli(std::string slurmConf, int timeoutMs = 10000);

    // Runs a Slurm command (sinfo, squeue, scontrol, scancel, sbatch) with the configuration;
    // `environment` adds NAME=VALUE entries.
    CommandResult run(const std::string& program, const std::vector<std::string>& args,
        const std::vector<std::string>& environment = {}) const;
    // Reads nodes, jobs and partitions; nullopt (and why) when the controller does not answer.
    std::optional<SlurmView> poll(std::string* error) const;

    const std::string& slurmConf() const { return m_slurmConf; }

private:
    std::string m_slurmConf;
    int m_timeoutMs;
};

} // namespace cpn::gateway
