#pragma once
// What the decision-support analysis (recommendations.h, contingencies.h) works on: the network
// and its tasks as the shared placement rules see them (rules/placementrules.h), taken from the
// console's live state.
//
// Taking it on the GUI thread must stay cheap at `huge` (a million tasks): AnalysisCapture copies
// the implicitly shared lists of the NetworkState (O(1)) and a compact record per task, in slices
// the caller spreads over event-loop turns (copyTasks(store, n)); prepareAnalysis() then builds
// the arrays and the graph on a worker thread. A capture taken over several turns is a slightly
// smeared snapshot (a task added to a slot already passed is left out): good enough for advice;
// start again on NetworkState::topologyReset (the store is replaced).

#include "domain.h"

#include "placementrules.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <vector>

namespace cpn {

class NetworkState;
struct TaskStore;

namespace analysis {

// One task as copied on the GUI thread (the strings are shared, not deep-copied).
struct TaskRecord {
    QString id;
    QString usersSiteId;
    QStringList allowedRegionIds;
    int siteKey = -1; // into AnalysisSource::siteIds
    float latencySloMs = 0;
    double pflops = 0;
    quint32 cards = 0;
    TaskKind kind = TaskKind::Unknown;
    TaskState state = TaskState::Unknown;
    Architecture architecture = Architecture::Unknown;
};

// The state as taken on the GUI thread: implicitly shared lists and compact task records.
struct AnalysisSource {
    quint64 revision = 0;
    QList<Region> regions;
    QList<Site> sites;
    QList<Link> links;
    QList<SiteMetrics> siteMetrics; // live ones, also while a past moment is shown
    QList<LinkMetrics> linkMetrics;
    QHash<QString, Migration> migrations;
    std::vector<QString> siteIds; // of TaskRecord::siteKey
    std::vector<TaskRecord> tasks;
};

// Takes an AnalysisSource on the GUI thread, tasks in slices.
class AnalysisCapture {
public:
    explicit AnalysisCapture(const NetworkState& state); // O(1)
    // Copies up to maxTasks more tasks of `store` (in slot order); true once every task is in.
    // About 100,000 tasks take a few ms.
    bool copyTasks(const TaskStore& store, int maxTasks);
    AnalysisSource take(const TaskStore& store);

private:
    AnalysisSource m_source;
    std::size_t m_nextSlot = 0;
};

// All at once (tests, headless, small networks).
AnalysisSource captureAnalysisSource(const NetworkState& state, const TaskStore& store);

// A site beyond what the rules need: for choosing and for the words of a result.
struct SiteFacts {
    SiteTier tier = SiteTier::Unknown;
    bool western = false;
    int platform = 0; // moves stay on one platform
};

struct AnalysisTask {
    int record = 0; // index into AnalysisInput::taskIds
    TaskKind kind = TaskKind::Unknown;
    rules::TaskDemand rule;
};

// The prepared input: plain arrays indexed like NetworkState's sites() and links().
struct AnalysisInput {
    quint64 revision = 0;
    rules::Network network;
    std::vector<SiteFacts> sites;
    QStringList siteIds;
    QStringList linkIds;
    QStringList taskIds;
    std::vector<AnalysisTask> tasks;
    // Tasks by site: tasksAt[siteStart[s] .. siteStart[s + 1]) index into tasks.
    std::vector<int> siteStart;
    std::vector<int> tasksAt;

    int siteIndex(const QString& id) const { return int(siteIds.indexOf(id)); }
    int linkIndex(const QString& id) const { return int(linkIds.indexOf(id)); }
};

// Builds the input on any thread. Site cards taken come from the metrics (cards in use and
// reserved for incoming moves), or from the tasks at a site without metrics; a task is busy when
// it is migrating or has an unfinished migration.
AnalysisInput prepareAnalysis(AnalysisSource&& source);

// Set by the caller to stop a run early (a newer network state supersedes it); a cancelled run
// returns what it has with `cancelled` set.
using CancelFlag = std::atomic<bool>;

// Whether a task kind tolerates latency (may move west): everything but inference.
bool isLatencyTolerant(TaskKind kind);

} // namespace analysis
} // namespace cpn
