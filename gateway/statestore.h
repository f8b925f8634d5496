#pragma once
// What the gateway keeps across restarts, in SQLite under --state-dir: the migrations and where
// each stands with Slurm, the answers of commands by request_id, alarm acknowledgements, and the
// metric samples behind QueryHistory. Thread-safe: one connection behind a mutex.

#include "migrationrun.h"

#include "cpn/v1/types.pb.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace cpn::gateway {

struct Sample {
    std::string entity;
    std::string metric;
    double value = 0;
};

class StateStore {
public:
    StateStore() = default;
    ~StateStore();
    StateStore(const StateStore&) = delete;
    StateStore& operator=(const StateStore&) = delete;

    // Creates the directory and the database if needed; false and why when it cannot.
    bool open(const std::string& directory, std::string* error);

    void saveMigration(const MigrationRun& run);
    // A command's new migrations and its answer, together or not at all: a re-sent request_id
    // finds the answer exactly when the migrations exist.
    void saveCommand(const std::vector<const MigrationRun*>& runs, const std::string& kind,
        const std::string& requestId, const std::string& answer);
    std::vector<MigrationRun> loadMigrations() const; // oldest first
    void forgetMigrationsBefore(std::int64_t updatedBeforeMs); // finished ones only

    // A command's answer by its idempotency key (kind: "start", "drain", "cancel").
    std::optional<std::string> findAnswer(const std::string& kind, const std::string& requestId) const;
    void saveAnswer(const std::string& kind, const std::string& requestId, const std::string& answer);

    // Alarms still active or acknowledged, by the engine's key (code and entity), so that a
    // restart keeps their times and acknowledgements.
    void saveAlarm(const std::string& key, const cpn::v1::Alarm& alarm);
    void forgetAlarm(const std::string& key);
    std::map<std::string, cpn::v1::Alarm> loadAlarms() const;

    void saveCounter(const std::string& name, std::uint64_t value);
    std::uint64_t loadCounter(const std::string& name) const; // 0 when never saved

    void recordSamples(std::int64_t timeMs, const std::vector<Sample>& samples);
    // Samples of one series in [fromMs, toMs], oldest first.
    std::vector<std::pair<std::int64_t, double>> samples(
        const std::string& entity, const std::string& metric, std::int64_t fromMs, std::int64_t toMs) const;
    // Older than a day: 15-minute means; older than a week: gone. Also trims the answers.
    void compact(std::int64_t nowMs);

    // The samples' times: oldest, newest, and the oldest not yet folded into 15-minute means.
    struct SampleSpan {
        std::int64_t fromMs = 0;
        std::int64_t toMs = -1; // < fromMs: none
        std::int64_t fineFromMs = 0;
    };
    SampleSpan sampleSpan() const;
    // Every sample at the newest time at or before timeMs (one query), that time in *sampleTimeMs;
    // empty when none is that old.
    std::vector<Sample> samplesAt(std::int64_t timeMs, std::int64_t* sampleTimeMs) const;
    // Every sample in [fromMs, toMs], one time after another, oldest first: visit(time, its samples) until it returns false. Reads a few hours
    // at a time, so that polls record meanwhile.
    void forEachSampleTime(std::int64_t fromMs, std::int64_t toMs,
        const std::function<bool(std::int64_t, const std::vector<Sample>&)>& visit) const;

private:
    bool exec(const char* sql) const;
    void commit();
    void saveMigrationLocked(const MigrationRun& run);
    void saveAnswerLocked(const std::string& kind, const std::string& requestId, const std::string& answer);

    mutable std::mutex m_mutex;
    sqlite3* m_db = nullptr;
    std::int64_t m_compactedBeforeMs = 0; // minutes before it are 15-minute means by now
};

} // namespace cpn::gateway
