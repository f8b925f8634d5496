#pragma once
// Domain value types of the computing power network, free of protobuf and widgets.

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <array>
#include <optional>
#include <variant>
#include <vector>

namespace cpn {

enum class SiteTier : quint8 { Unknown, NationalHub, Cluster, Regional, Edge };
enum class SiteStatus : quint8 { Unknown, Online, Degraded, Maintenance, Offline };
enum class LinkStatus : quint8 { Unknown, Up, Degraded, Down };
enum class Architecture : quint8 { Unknown, NvidiaGpu, Ascend, HygonDcu, CambriconMlu, Kunlunxin, Cpu };
inline constexpr int kArchitectureCount = int(Architecture::Cpu) + 1;
enum class TaskKind : quint8 { Unknown, Training, Inference, Batch, Rendering, Scientific, Storage };
inline constexpr int kTaskKindCount = int(TaskKind::Storage) + 1;
enum class TaskState : quint8 { Unknown, Queued, Running, Migrating };
inline constexpr int kTaskStateCount = int(TaskState::Migrating) + 1;
enum class MigrationState : quint8 {
    Unknown,
    Planned,
    Checkpointing,
    Transferring,
    Restoring,
    Completed,
    Failed,
    Cancelled,
    RolledBack
};
enum class AlarmSeverity : quint8 { Unknown, Info, Warning, Major, Critical };
// How capacity is reported: general (CPU), intelligent (AI, FP16), supercomputing (HPC).
enum class ComputeClass : quint8 { Unknown, General, Intelligent, Supercomputing };

bool isFinished(MigrationState state);

struct Region {
    QString id;
    QString nameZh;
    QString nameEn;
    bool western = false;
    QStringList provinces;
};

struct AcceleratorCapacity {
    Architecture architecture = Architecture::Unknown;
    quint32 cards = 0;
    double pflops = 0; // PFLOPS
    ComputeClass computeClass = ComputeClass::Unknown; // Unknown: by architecture (classOf)
    double inferencePflops = 0; // of pflops, dedicated to inference serving

    // The class this capacity is reported in: as the server says, else CPU general and the
    // accelerators intelligent.
    ComputeClass classOf() const;
};

// Inside the console an entity's id is qualified by its platform when there are several
// (platformscope.h); `platform` names it (empty: the console's one unnamed platform).

struct Site {
    QString id;
    QString nameZh;
    QString nameEn;
    SiteTier tier = SiteTier::Unknown;
    QString regionId;
    QString parentSiteId;
    double latitude = 0; // degrees north
    double longitude = 0; // degrees east
    QList<AcceleratorCapacity> capacity;
    double powerCapacityMw = 0;
    SiteStatus status = SiteStatus::Unknown;
    QString province;
    quint32 racksBuilt = 0; // standard racks built; 0 = not reported
    double storagePb = 0; // storage installed, PB

    double totalPflops() const;
    QString platform {}; // see platformscope.h (the `{}` keeps partial initialisers -Wextra clean)
};

struct Link {
    QString id;
    QString siteAId;
    QString siteBId;
    double capacityGbps = 0; // per direction
    double latencyMs = 0; // one way
    double lengthKm = 0;
    LinkStatus status = LinkStatus::Unknown;
    QString platform {}; // see platformscope.h (the `{}` keeps partial initialisers -Wextra clean)
};

struct AcceleratorUse {
    Architecture architecture = Architecture::Unknown;
    quint32 cardsUsed = 0;
    double pflopsUsed = 0;
    double utilisation = 0; // 0..1
};

struct SiteMetrics {
    QString siteId;
    qint64 sampleTimeMs = 0;
    double utilisation = 0; // 0..1
    QList<AcceleratorUse> usage;
    double powerMw = 0;
    double pue = 0;
    double greenShare = 0; // 0..1
    double priceCnyPerKwh = 0;
    quint32 queueLength = 0;
    quint32 runningTasks = 0;
    SiteStatus status = SiteStatus::Unknown; // at the sample time: set in a past moment only (replay)
    quint32 racksInUse = 0;
    double storageUsedPb = 0; // PB
};

struct LinkMetrics {
    QString linkId;
    qint64 sampleTimeMs = 0;
    double throughputAbGbps = 0;
    double throughputBaGbps = 0;
    double utilisation = 0; // 0..1
    double latencyMs = 0;
    double lossRatio = 0; // 0..1
    LinkStatus status = LinkStatus::Unknown; // at the sample time: set in a past moment only (replay)
};

// Task ids in the order people expect: ids of digits alone (a Slurm job's) by their number, so
// that 9 comes before 10, and before any other id; others as text. <0, 0, >0.
int compareTaskIds(QStringView a, QStringView b);
// Tasks by platform, then by compareTaskIds of the id as their platform gives it.
struct Task;
int compareTasksById(const Task& a, const Task& b);

struct Task {
    QString id;
    QString name;
    TaskKind kind = TaskKind::Unknown;
    TaskState state = TaskState::Unknown;
    QString siteId;
    Architecture architecture = Architecture::Unknown;
    quint32 cards = 0;
    double pflops = 0;
    QString usersSiteId;
    double latencySloMs = 0;
    QStringList allowedRegionIds;
    double dataGb = 0;
    qint64 submittedTimeMs = 0;
    qint64 expectedEndTimeMs = 0;
    double progress = 0; // 0..1
    QString tenant;
    QString platform {}; // see platformscope.h (the `{}` keeps partial initialisers -Wextra clean)
};

struct Migration {
    QString id;
    QString requestId;
    QString taskId;
    QString sourceSiteId;
    QString targetSiteId;
    MigrationState state = MigrationState::Unknown;
    QStringList pathLinkIds;
    quint64 bytesTotal = 0;
    quint64 bytesDone = 0;
    double etaSeconds = 0;
    qint64 createdTimeMs = 0;
    qint64 updatedTimeMs = 0;
    QString reason;
    QString requestedBy;
    QString failureReason; // the server's words
    QString drainRequestId;
    QString failureCode; // what the console words itself (Wording::failure), see types.proto
    QString failureDetail; // the scheduler's own words on the cause, quoted
    QString platform {}; // see platformscope.h (the `{}` keeps partial initialisers -Wextra clean)
};

struct Alarm {
    QString id;
    AlarmSeverity severity = AlarmSeverity::Unknown;
    QString sourceId;
    QString code;
    QString message;
    qint64 raisedTimeMs = 0;
    qint64 clearedTimeMs = 0;
    bool acknowledged = false;
    QString acknowledgedBy;
    qint64 acknowledgedTimeMs = 0;
    QString acknowledgeNote;
    // Its particulars, which the console words itself (Wording::alarm); see Alarm in types.proto.
    double value = 0;
    double threshold = 0;
    QString unit {};
    quint32 count = 0;
    QString relatedId {};
    QString detail {};

    bool isActive() const { return clearedTimeMs == 0; }
    QString platform {}; // see platformscope.h (the `{}` keeps partial initialisers -Wextra clean)
};

enum class ViolationCode : quint8 {
    Unknown,
    InsufficientCapacity,
    ArchitectureMismatch,
    LatencySlo,
    DataResidency,
    TargetUnavailable,
    NoRoute,
    TaskBusy,
    // The console's own, never on the wire: the target is another platform's site.
    OtherPlatform
};

struct Violation {
    ViolationCode code = ViolationCode::Unknown;
    QString message; // the server's words
    // Its particulars, which the console words itself (Wording::violation); see Violation in dispatch.proto.
    QString entityId {};
    double value = 0;
    double threshold = 0;
    QString unit {};
    QString detail {};
};

struct ProjectedLoad {
    QString entityId;
    double utilisationBefore = 0;
    double utilisationAfter = 0;
};

struct MigrationPlan {
    QString taskId;
    QString sourceSiteId;
    QString targetSiteId;
    bool feasible = false;
    QList<Violation> violations;
    QStringList pathLinkIds;
    double transferSeconds = 0;
    double downtimeSeconds = 0;
    double costDeltaCnyPerHour = 0;
    double carbonDeltaKgPerHour = 0;
    double latencyMsBefore = 0;
    double latencyMsAfter = 0;
    QList<ProjectedLoad> projectedSiteLoads;
    QList<ProjectedLoad> projectedLinkLoads;
    double transferGb = 0;
};

struct DrainResult {
    QString siteId;
    QList<Migration> migrations;
    QStringList unplacedTaskIds;
};

struct Snapshot {
    quint64 revision = 0;
    qint64 simTimeMs = 0;
    double timeScale = 1;
    QList<Region> regions;
    QList<Site> sites;
    QList<Link> links;
    QList<SiteMetrics> siteMetrics;
    QList<LinkMetrics> linkMetrics;
    QList<Alarm> alarms;
    QList<Migration> migrations;
    quint64 taskCount = 0;
    QString scale;
    QString callerRole; // "viewer", "operator", or empty when the server does not say
};

struct MetricsFrame {
    qint64 sampleTimeMs = 0;
    QList<SiteMetrics> sites;
    QList<LinkMetrics> links;
};

// What a platform keeps of the past (replay), and the alarms and migrations of a span of it.
struct ReplayTimeline {
    qint64 keptFromMs = 0; // oldest and newest moment with metrics, simulated Unix ms
    qint64 keptToMs = 0;
    qint64 fineStepMs = 0; // spacing of the samples from fineFromMs on
    qint64 fineFromMs = 0;
    qint64 coarseStepMs = 0; // spacing before fineFromMs
    QList<Alarm> alarms;
    QList<Migration> migrations;
    bool truncated = false; // more than the server sends at once

    bool isEmpty() const { return keptToMs <= 0; }
    // Spacing of the samples at `timeMs`.
    qint64 stepAt(qint64 timeMs) const { return timeMs >= fineFromMs ? fineStepMs : coarseStepMs; }
};

struct TaskRemoved {
    QString taskId;
    QString siteId;
    QString reason;
};

// One change from the Watch stream, already converted from the wire.
struct StateEvent {
    quint64 revision = 0;
    qint64 simTimeMs = 0;
    std::variant<std::monostate, MetricsFrame, Task, TaskRemoved, Migration, Alarm, Site, Link> change;
};

// Everything the network thread gathered since the GUI last applied a batch.
// When `snapshot` is set, state is replaced by it (and `tasks` holds the complete task list)
// before `events` are applied in order.
struct StateBatch {
    QString platform; // whose: a snapshot replaces this platform's part of the network only
    std::optional<Snapshot> snapshot;
    QList<Task> tasks;
    std::vector<StateEvent> events;
    // Events the server sent with a revision at or below one already received: dropped by the
    // feed, counted so that the console can say so.
    int staleEvents = 0;

    bool isEmpty() const { return !snapshot && events.empty() && staleEvents == 0; }
};

} // namespace cpn
