#include "statestore.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace cpn::gateway {

namespace {

constexpr std::int64_t kFineKeptMs = 24LL * 3600 * 1000;
constexpr std::int64_t kCoarseStepMs = 15LL * 60 * 1000;
constexpr std::int64_t kKeptMs = 7LL * 24 * 3600 * 1000;
constexpr int kAnswersKept = 100000;

// A prepared statement, finalised when it goes.
class Statement {
public:
    Statement(sqlite3* db, const char* sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "cpn-slurm-gateway: state store: %s\n", sqlite3_errmsg(db));
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    explicit operator bool() const { return m_stmt != nullptr; }
    Statement& bind(int i, const std::string& text)
    {
        sqlite3_bind_text(m_stmt, i, text.data(), int(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bindBlob(int i, const std::string& bytes)
    {
        sqlite3_bind_blob(m_stmt, i, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement& bind(int i, double v)
    {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }
    bool step() { return m_stmt && sqlite3_step(m_stmt) == SQLITE_ROW; }
    void run()
    {
        if (m_stmt)
            sqlite3_step(m_stmt);
        reset();
    }
    void reset()
    {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    std::string text(int i) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(m_stmt, i));
        return p ? std::string(p, std::size_t(sqlite3_column_bytes(m_stmt, i))) : std::string();
    }
    std::int64_t integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    double real(int i) const { return sqlite3_column_double(m_stmt, i); }
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace

StateStore::~StateStore()
{
    sqlite3_close(m_db);
}

bool StateStore::exec(const char* sql) const
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "cpn-slurm-gateway: state store: %s\n", message ? message : "error");
    sqlite3_free(message);
    return false;
}

void StateStore::commit()
{
    // A failed commit (disk full, I/O error) must not leave the transaction open: every later
    // write would stay uncommitted. What it held is lost, and said so.
    if (!exec("COMMIT"))
        exec("ROLLBACK");
}

bool StateStore::open(const std::string& directory, std::string* error)
{
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec) {
        *error = "cannot create the state directory " + directory + ": " + ec.message();
        return false;
    }
    const std::string path = (std::filesystem::path(directory) / "gateway.sqlite").string();
    std::lock_guard lock(m_mutex);
    if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr)
        != SQLITE_OK) {
        *error = "cannot open " + path + ": " + (m_db ? sqlite3_errmsg(m_db) : "out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    // WAL with NORMAL sync survives the process being killed (not a power cut), and keeps a
    // migration's step durable before the gateway acts on Slurm.
    const bool ok = exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                         "CREATE TABLE IF NOT EXISTS migrations(id TEXT PRIMARY KEY, proto BLOB, phase INTEGER,"
                         " job TEXT, source_partition TEXT, target_partition TEXT, feature TEXT,"
                         " was_pending INTEGER, phase_since INTEGER, transfer_s REAL, attempts INTEGER,"
                         " updated INTEGER, seq INTEGER, concurrency INTEGER);"
                         "CREATE TABLE IF NOT EXISTS answers(kind TEXT, request_id TEXT, answer BLOB, seq INTEGER,"
                         " PRIMARY KEY(kind, request_id));"
                         "CREATE TABLE IF NOT EXISTS alarms(key TEXT PRIMARY KEY, proto BLOB);"
                         "CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER);"
                         "CREATE TABLE IF NOT EXISTS samples(entity TEXT, metric TEXT, t INTEGER, v REAL,"
                         " PRIMARY KEY(entity, metric, t)) WITHOUT ROWID;"
                         "CREATE INDEX IF NOT EXISTS samples_by_time ON samples(t);");
    if (!ok) {
        *error = path + " is not a usable state store: " + sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

void StateStore::saveMigration(const MigrationRun& run)
{
    std::lock_guard lock(m_mutex);
    saveMigrationLocked(run);
}

void StateStore::saveCommand(const std::vector<const MigrationRun*>& runs, const std::string& kind,
    const std::string& requestId, const std::string& answer)
{
    std::lock_guard lock(m_mutex);
    exec("BEGIN");
    for (const auto* run : runs)
        saveMigrationLocked(*run);
    saveAnswerLocked(kind, requestId, answer);
    commit();
}

void StateStore::saveMigrationLocked(const MigrationRun& run)
{
    Statement s(m_db,
        "INSERT INTO migrations(id, proto, phase, job, source_partition, target_partition, feature, was_pending,"
        " phase_since, transfer_s, attempts, updated, concurrency, seq)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13, (SELECT COALESCE(MAX(seq), 0) + 1 FROM migrations))"
        " ON CONFLICT(id) DO UPDATE SET proto=?2, phase=?3, job=?4, source_partition=?5, target_partition=?6,"
        " feature=?7, was_pending=?8, phase_since=?9, transfer_s=?10, attempts=?11, updated=?12, concurrency=?13");
    s.bind(1, run.proto.id())
        .bindBlob(2, run.proto.SerializeAsString())
        .bind(3, std::int64_t(run.phase))
        .bind(4, run.jobId)
        .bind(5, run.sourcePartition)
        .bind(6, run.targetPartition)
        .bind(7, run.feature)
        .bind(8, std::int64_t(run.wasPending))
        .bind(9, run.phaseSinceMs)
        .bind(10, run.transferSeconds)
        .bind(11, std::int64_t(run.attempts))
        .bind(12, run.proto.updated_time_ms())
        .bind(13, std::int64_t(run.maxConcurrent))
        .run();
}

std::vector<MigrationRun> StateStore::loadMigrations() const
{
    std::lock_guard lock(m_mutex);
    std::vector<MigrationRun> runs;
    Statement s(m_db,
        "SELECT proto, phase, job, source_partition, target_partition, feature, was_pending, phase_since,"
        " transfer_s, attempts, concurrency FROM migrations ORDER BY seq");
    while (s.step()) {
        MigrationRun run;
        if (!run.proto.ParseFromString(s.text(0)))
            continue;
        const auto phase = s.integer(1);
        run.phase = phase >= 0 && phase <= int(Phase::Done) ? Phase(phase) : Phase::Done;
        run.jobId = s.text(2);
        run.sourcePartition = s.text(3);
        run.targetPartition = s.text(4);
        run.feature = s.text(5);
        run.wasPending = s.integer(6) != 0;
        run.phaseSinceMs = s.integer(7);
        run.transferSeconds = s.real(8);
        run.attempts = int(s.integer(9));
        run.maxConcurrent = std::uint32_t(s.integer(10));
        runs.push_back(std::move(run));
    }
    return runs;
}

void StateStore::forgetMigrationsBefore(std::int64_t updatedBeforeMs)
{
    std::lock_guard lock(m_mutex);
    Statement(m_db, "DELETE FROM migrations WHERE phase = ?1 AND updated < ?2")
        .bind(1, std::int64_t(Phase::Done))
        .bind(2, updatedBeforeMs)
        .run();
}

std::optional<std::string> StateStore::findAnswer(const std::string& kind, const std::string& requestId) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT answer FROM answers WHERE kind = ?1 AND request_id = ?2");
    s.bind(1, kind).bind(2, requestId);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void StateStore::saveAnswer(const std::string& kind, const std::string& requestId, const std::string& answer)
{
    std::lock_guard lock(m_mutex);
    saveAnswerLocked(kind, requestId, answer);
}

void StateStore::saveAnswerLocked(const std::string& kind, const std::string& requestId, const std::string& answer)
{
    Statement(m_db,
        "INSERT OR IGNORE INTO answers(kind, request_id, answer, seq)"
        " VALUES(?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM answers))")
        .bind(1, kind)
        .bind(2, requestId)
        .bindBlob(3, answer)
        .run();
}

void StateStore::saveAlarm(const std::string& key, const cpn::v1::Alarm& alarm)
{
    std::lock_guard lock(m_mutex);
    Statement(m_db, "INSERT OR REPLACE INTO alarms(key, proto) VALUES(?1, ?2)")
        .bind(1, key)
        .bindBlob(2, alarm.SerializeAsString())
        .run();
}

void StateStore::forgetAlarm(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    Statement(m_db, "DELETE FROM alarms WHERE key = ?1").bind(1, key).run();
}

std::map<std::string, cpn::v1::Alarm> StateStore::loadAlarms() const
{
    std::lock_guard lock(m_mutex);
    std::map<std::string, cpn::v1::Alarm> alarms;
    Statement s(m_db, "SELECT key, proto FROM alarms");
    while (s.step()) {
        cpn::v1::Alarm alarm;
        if (alarm.ParseFromString(s.text(1)))
            alarms[s.text(0)] = alarm;
    }
    return alarms;
}

void StateStore::saveCounter(const std::string& name, std::uint64_t value)
{
    std::lock_guard lock(m_mutex);
    Statement(m_db, "INSERT OR REPLACE INTO counters(name, value) VALUES(?1, ?2)")
        .bind(1, name)
        .bind(2, std::int64_t(value))
        .run();
}

std::uint64_t StateStore::loadCounter(const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT value FROM counters WHERE name = ?1");
    s.bind(1, name);
    return s.step() ? std::uint64_t(std::max<std::int64_t>(0, s.integer(0))) : 0;
}

void StateStore::recordSamples(std::int64_t timeMs, const std::vector<Sample>& samples)
{
    std::lock_guard lock(m_mutex);
    exec("BEGIN");
    {
        Statement s(m_db, "INSERT OR REPLACE INTO samples(entity, metric, t, v) VALUES(?1, ?2, ?3, ?4)");
        for (const auto& sample : samples) {
            s.bind(1, sample.entity).bind(2, sample.metric).bind(3, timeMs).bind(4, sample.value);
            s.run();
        }
    }
    commit();
}

std::vector<std::pair<std::int64_t, double>> StateStore::samples(
    const std::string& entity, const std::string& metric, std::int64_t fromMs, std::int64_t toMs) const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::pair<std::int64_t, double>> out;
    Statement s(m_db, "SELECT t, v FROM samples WHERE entity = ?1 AND metric = ?2 AND t BETWEEN ?3 AND ?4 ORDER BY t");
    s.bind(1, entity).bind(2, metric).bind(3, fromMs).bind(4, toMs);
    while (s.step())
        out.emplace_back(s.integer(0), s.real(1));
    return out;
}

void StateStore::compact(std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    const std::int64_t dayAgo = nowMs - kFineKeptMs;
    const std::int64_t cutoff = dayAgo - dayAgo % kCoarseStepMs;
    // Hourly: only the last two days before the cutoff can hold minutes not yet folded (older
    // ones, left by a gateway that was down, go with the week).
    const std::int64_t since = cutoff - 2 * kFineKeptMs;
    exec("BEGIN");
    // Minutes older than a day become the mean of their quarter hour, at its start; a status
    // the worst of the quarter (the enums order them so), one that was really held.
    Statement(m_db,
        "INSERT OR REPLACE INTO samples(entity, metric, t, v) SELECT entity, metric, (t / ?2) * ?2,"
        " CASE WHEN metric = 'status' THEN MAX(v) ELSE AVG(v) END"
        " FROM samples WHERE t >= ?3 AND t < ?1 GROUP BY entity, metric, t / ?2")
        .bind(1, cutoff)
        .bind(2, kCoarseStepMs)
        .bind(3, since)
        .run();
    Statement(m_db, "DELETE FROM samples WHERE t >= ?3 AND t < ?1 AND t % ?2 != 0")
        .bind(1, cutoff)
        .bind(2, kCoarseStepMs)
        .bind(3, since)
        .run();
    Statement(m_db, "DELETE FROM samples WHERE t < ?1").bind(1, nowMs - kKeptMs).run();
    m_compactedBeforeMs = std::max(m_compactedBeforeMs, cutoff);
    Statement(m_db, "DELETE FROM answers WHERE seq <= (SELECT MAX(seq) FROM answers) - ?1")
        .bind(1, std::int64_t(kAnswersKept))
        .run();
    commit();
}

StateStore::SampleSpan StateStore::sampleSpan() const
{
    std::lock_guard lock(m_mutex);
    SampleSpan span;
    // Two subqueries: each of MIN and MAX alone is one look-up in the index on t.
    Statement s(m_db, "SELECT (SELECT MIN(t) FROM samples), (SELECT MAX(t) FROM samples)");
    if (s.step() && sqlite3_column_type(s.handle(), 0) != SQLITE_NULL) {
        span.fromMs = s.integer(0);
        span.toMs = s.integer(1);
        span.fineFromMs = std::clamp(m_compactedBeforeMs, span.fromMs, span.toMs);
    }
    return span;
}

std::vector<Sample> StateStore::samplesAt(std::int64_t timeMs, std::int64_t* sampleTimeMs) const
{
    std::lock_guard lock(m_mutex);
    std::vector<Sample> out;
    Statement s(m_db, "SELECT entity, metric, t, v FROM samples WHERE t = (SELECT MAX(t) FROM samples WHERE t <= ?1)");
    s.bind(1, timeMs);
    while (s.step()) {
        *sampleTimeMs = s.integer(2);
        out.push_back({ s.text(0), s.text(1), s.real(3) });
    }
    return out;
}

void StateStore::forEachSampleTime(std::int64_t fromMs, std::int64_t toMs,
    const std::function<bool(std::int64_t, const std::vector<Sample>&)>& visit) const
{
    constexpr std::int64_t kChunkMs = 6LL * 3600 * 1000;
    std::vector<std::pair<std::int64_t, std::vector<Sample>>> chunk;
    for (std::int64_t at = fromMs; at <= toMs;) {
        // A chunk ends at a time that cannot overflow; the last one at toMs.
        const std::int64_t end = toMs - at < kChunkMs ? toMs : at + kChunkMs - 1;
        chunk.clear();
        {
            std::lock_guard lock(m_mutex);
            Statement s(m_db, "SELECT entity, metric, t, v FROM samples WHERE t BETWEEN ?1 AND ?2 ORDER BY t");
            s.bind(1, at).bind(2, end);
            while (s.step()) {
                const std::int64_t t = s.integer(2);
                if (chunk.empty() || chunk.back().first != t)
                    chunk.emplace_back(t, std::vector<Sample> {});
                chunk.back().second.push_back({ s.text(0), s.text(1), s.real(3) });
            }
        }
        for (const auto& [t, samples] : chunk)
            if (!visit(t, samples))
                return;
        if (end == toMs)
            break;
        at = end + 1;
    }
}

} // namespace cpn::gateway
