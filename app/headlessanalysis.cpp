#include "headlessanalysis.h"

#include "csvfield.h"
#include "headlessreport.h"

#include "analysisinput.h"
#include "consolesession.h"
#include "contingencies.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "platformlink.h"
#include "recommendations.h"
#include "tasktablemodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

namespace cpn {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cpn::HeadlessAnalysis)
};

// Tasks copied a slice per turn of the event loop: a million at huge would stall it.
constexpr int kTasksPerSlice = 100'000;

// '.' decimals whatever the locale (QString::number is not localised); no "-0.00".
QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return {};
    QString text = QString::number(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')) && QStringView(text).mid(1).toDouble() == 0)
        text.remove(0, 1);
    return text;
}

QString taskKindCode(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Training:
        return QStringLiteral("training");
    case TaskKind::Inference:
        return QStringLiteral("inference");
    case TaskKind::Batch:
        return QStringLiteral("batch");
    case TaskKind::Rendering:
        return QStringLiteral("rendering");
    case TaskKind::Scientific:
        return QStringLiteral("scientific");
    case TaskKind::Storage:
        return QStringLiteral("storage");
    case TaskKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString reasonCode(analysis::RecommendationKind kind)
{
    switch (kind) {
    case analysis::RecommendationKind::RelieveSite:
        return QStringLiteral("relieve_site");
    case analysis::RecommendationKind::EastToWest:
        return QStringLiteral("east_to_west");
    case analysis::RecommendationKind::NearerUsers:
        return QStringLiteral("nearer_users");
    case analysis::RecommendationKind::PackForDrain:
        return QStringLiteral("pack_for_drain");
    }
    return QStringLiteral("unknown");
}

QString tierCode(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return QStringLiteral("national_hub");
    case SiteTier::Cluster:
        return QStringLiteral("cluster");
    case SiteTier::Regional:
        return QStringLiteral("regional");
    case SiteTier::Edge:
        return QStringLiteral("edge");
    case SiteTier::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QByteArray csvText(const QStringList& header, const QList<QStringList>& rows)
{
    QString text;
    const auto line = [&text](const QStringList& fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += QLatin1Char(',');
            text += csvField(fields[i]);
        }
        text += QStringLiteral("\r\n");
    };
    line(header);
    for (const QStringList& row : rows)
        line(row);
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8(); // a BOM, so that Excel reads the Chinese names
}

// What a worker hands back for one file: where it goes, its text and how many rows it has.
struct Written {
    QString path;
    QByteArray text;
    int rows = 0;
};

// Waits for the data, takes it, analyses it on a worker thread, writes the files, exits.
class HeadlessAnalysis final : public QObject {
public:
    HeadlessAnalysis(ConsoleSession& session, const ConsoleOptions& options)
        : QObject(qApp)
        , m_session(session)
        , m_recommendationsPath(options.recommendations)
        , m_contingenciesPath(options.contingencyReport)
        , m_threshold(options.analysisThreshold)
    {
        m_clock.start();
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, &HeadlessAnalysis::noData);
        m_timeout.start(headlessWaitMs());
        connect(&session, &ConsoleSession::batchApplied, this, &HeadlessAnalysis::batchApplied);
        m_slice.setInterval(0);
        connect(&m_slice, &QTimer::timeout, this, &HeadlessAnalysis::copySlice);
    }

private:
    struct Arrival {
        bool network = false; // the snapshot's network is applied
        bool tasks = false; // and its tasks
    };

    // A platform's task list is complete a step after its snapshot's network: the feed sends
    // a snapshot only with every page of its tasks (StateFeed::snapshotTaken), and the session
    // applies a batch's network, says batchApplied, then applies that batch's tasks before
    // anything newer and says batchApplied again (ConsoleSession::holdTasks). So the first
    // batchApplied with a platform's snapshot in is its network alone; the next, its tasks.
    void batchApplied()
    {
        if (m_capture)
            return;
        bool all = true;
        for (const PlatformLink* p : m_session.platforms()) {
            Arrival& a = m_arrivals[p->name()];
            if (a.network)
                a.tasks = true;
            else if (m_session.state()->platform(p->name()).hasSnapshot)
                a.network = true;
            all = all && a.tasks;
        }
        if (all && !m_session.platforms().isEmpty())
            startCapture();
    }

    void noData()
    {
        QStringList missing;
        for (const PlatformLink* p : m_session.platforms()) {
            const Arrival a = m_arrivals.value(p->name());
            if (!a.network)
                missing << QStringLiteral("%1 (%2)").arg(p->displayName(), p->lastError());
            else if (!a.tasks)
                missing << Tr::tr("%1 (its tasks)").arg(p->displayName());
        }
        headlessFinish(Tr::tr("No data within a minute: %1").arg(missing.join(QStringLiteral(", "))), 3);
    }

    // The tables stand still while the tasks are copied, so that the copy is of one moment.
    void startCapture()
    {
        m_timeout.stop();
        m_session.hold(true);
        m_capture.emplace(*m_session.state());
        m_sites = m_session.state()->sites(); // shared, for the names
        headlessSay(Tr::tr("Analysing the network at revision %1…").arg(m_session.state()->revision()), true);
        m_slice.start();
    }

    void copySlice()
    {
        const TaskStore& store = m_session.tasks()->store();
        if (!m_capture->copyTasks(store, kTasksPerSlice))
            return;
        m_slice.stop();
        analysis::AnalysisSource source = m_capture->take(store);
        m_session.hold(false);
        run(std::move(source));
    }

    void run(analysis::AnalysisSource&& source)
    {
        auto shared = std::make_shared<analysis::AnalysisSource>(std::move(source));
        const QPointer<HeadlessAnalysis> self(this);
        const QList<Site> sites = m_sites;
        const QString recommendationsPath = m_recommendationsPath;
        const QString contingenciesPath = m_contingenciesPath;
        const double threshold = m_threshold;
        m_pending = int(!recommendationsPath.isEmpty()) + int(!contingenciesPath.isEmpty());
        QThreadPool::globalInstance()->start([self, shared, sites, recommendationsPath, contingenciesPath, threshold] {
            auto input = std::make_shared<const analysis::AnalysisInput>(analysis::prepareAnalysis(std::move(*shared)));
            const auto back = [self](Written written) {
                QMetaObject::invokeMethod(
                    qApp,
                    [self, written = std::move(written)] {
                        if (self)
                            self->write(written);
                    },
                    Qt::QueuedConnection);
            };
            // The contingencies beside the recommendations, on another thread of the pool.
            if (!contingenciesPath.isEmpty()) {
                QThreadPool::globalInstance()->start([input, contingenciesPath, threshold, back] {
                    analysis::ContingencyOptions options;
                    options.threshold = threshold;
                    const analysis::ContingencyResult result = analysis::contingencies(*input, {}, options);
                    back({ contingenciesPath, contingenciesCsv(result, *input), int(result.contingencies.size()) });
                });
            }
            if (!recommendationsPath.isEmpty()) {
                analysis::RecommendationOptions options;
                options.threshold = threshold;
                const analysis::RecommendationResult result = analysis::recommend(*input, options);
                back({ recommendationsPath, recommendationsCsv(result, *input, sites),
                    int(result.recommendations.size()) });
            }
        });
    }

    void write(const Written& written)
    {
        QSaveFile file(written.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(written.text) != written.text.size() || !file.commit()) {
            m_failed = true;
            headlessSay(Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(written.path), file.errorString()), true);
        } else {
            headlessSay(Tr::tr("%1 written (rows: %2, %3 s)")
                    .arg(QDir::toNativeSeparators(written.path))
                    .arg(written.rows)
                    .arg(number(double(m_clock.elapsed()) / 1000.0, 1)),
                false);
        }
        if (--m_pending == 0)
            QCoreApplication::exit(m_failed ? 1 : 0);
    }

    ConsoleSession& m_session;
    const QString m_recommendationsPath;
    const QString m_contingenciesPath;
    const double m_threshold;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    QTimer m_slice;
    QHash<QString, Arrival> m_arrivals; // by platform name
    std::optional<analysis::AnalysisCapture> m_capture;
    QList<Site> m_sites;
    int m_pending = 0;
    bool m_failed = false;
};
} // namespace

void startHeadlessAnalysis(ConsoleSession& session, const ConsoleOptions& options)
{
    new HeadlessAnalysis(session, options); // the application's child
}

QStringList recommendationCsvColumns()
{
    return { QStringLiteral("rank"), QStringLiteral("task_id"), QStringLiteral("task_kind"),
        QStringLiteral("source_site_id"), QStringLiteral("source_name"), QStringLiteral("target_site_id"),
        QStringLiteral("target_name"), QStringLiteral("reason"), QStringLiteral("cost_saved_cny_per_hour"),
        QStringLiteral("carbon_saved_kg_per_hour"), QStringLiteral("latency_before_ms"),
        QStringLiteral("latency_after_ms"), QStringLiteral("load_relieved"), QStringLiteral("source_load_before"),
        QStringLiteral("source_load_after"), QStringLiteral("target_load_before"), QStringLiteral("target_load_after"),
        QStringLiteral("path_link_ids"), QStringLiteral("revision") };
}

QStringList contingencyCsvColumns()
{
    return { QStringLiteral("rank"), QStringLiteral("element_ids"), QStringLiteral("element_kind"),
        QStringLiteral("tier"), QStringLiteral("tasks_displaced"), QStringLiteral("pflops_displaced"),
        QStringLiteral("tasks_placed"), QStringLiteral("unplaced_capacity"), QStringLiteral("unplaced_architecture"),
        QStringLiteral("unplaced_residency"), QStringLiteral("unplaced_latency"), QStringLiteral("worst_site_id"),
        QStringLiteral("worst_site_load"), QStringLiteral("worst_link_id"), QStringLiteral("worst_link_load"),
        QStringLiteral("severity"), QStringLiteral("revision") };
}

QByteArray recommendationsCsv(
    const analysis::RecommendationResult& result, const analysis::AnalysisInput& input, const QList<Site>& sites)
{
    QHash<QString, const Site*> byId;
    byId.reserve(sites.size());
    for (const Site& s : sites)
        byId.insert(s.id, &s);
    const auto name = [&byId](const QString& id) {
        const Site* site = byId.value(id);
        return site ? siteDisplayName(*site) : id;
    };
    const QString revision = QString::number(result.revision);
    QList<QStringList> rows;
    rows.reserve(qsizetype(result.recommendations.size()));
    int rank = 0;
    for (const analysis::Recommendation& r : result.recommendations) {
        const TaskKind kind = r.task >= 0 && std::size_t(r.task) < input.tasks.size()
            ? input.tasks[std::size_t(r.task)].kind
            : TaskKind::Unknown;
        rows.append({ QString::number(++rank), r.taskId, taskKindCode(kind), r.sourceSiteId, name(r.sourceSiteId),
            r.targetSiteId, name(r.targetSiteId), reasonCode(r.kind), number(r.costSavedCnyPerHour, 2),
            number(r.carbonSavedKgPerHour, 3), number(r.latencyBeforeMs, 2), number(r.latencyAfterMs, 2),
            number(r.loadRelieved, 4), number(r.sourceLoad.before, 4), number(r.sourceLoad.after, 4),
            number(r.targetLoad.before, 4), number(r.targetLoad.after, 4), r.pathLinkIds.join(QLatin1Char(';')),
            revision });
    }
    return csvText(recommendationCsvColumns(), rows);
}

QByteArray contingenciesCsv(const analysis::ContingencyResult& result, const analysis::AnalysisInput& input)
{
    const QString revision = QString::number(result.revision);
    QList<QStringList> rows;
    rows.reserve(qsizetype(result.contingencies.size()));
    int rank = 0;
    for (const analysis::Contingency& c : result.contingencies) {
        QStringList ids, kinds, tiers;
        for (const analysis::Element& e : c.failed) {
            ids << e.id;
            const bool site = e.kind == analysis::ElementKind::Site;
            const QString kind = site ? QStringLiteral("site") : QStringLiteral("link");
            if (!kinds.contains(kind))
                kinds << kind;
            const bool known = site && e.index >= 0 && std::size_t(e.index) < input.sites.size();
            const QString tier = site ? tierCode(known ? input.sites[std::size_t(e.index)].tier : SiteTier::Unknown)
                                      : QStringLiteral("link");
            if (!tiers.contains(tier))
                tiers << tier;
        }
        const bool worstSite = c.worstSite.index >= 0;
        const bool worstLink = c.worstLink.index >= 0;
        using analysis::UnplacedReason;
        rows.append({ QString::number(++rank), ids.join(QLatin1Char('+')), kinds.join(QLatin1Char('+')),
            tiers.join(QLatin1Char('+')), QString::number(c.tasksDisplaced), number(c.pflopsDisplaced, 3),
            QString::number(c.tasksPlaced), QString::number(c.unplacedTasks[int(UnplacedReason::Capacity)]),
            QString::number(c.unplacedTasks[int(UnplacedReason::Architecture)]),
            QString::number(c.unplacedTasks[int(UnplacedReason::Residency)]),
            QString::number(c.unplacedTasks[int(UnplacedReason::Latency)]), worstSite ? c.worstSite.id : QString(),
            worstSite ? number(c.worstSite.after, 4) : QString(), worstLink ? c.worstLink.id : QString(),
            worstLink ? number(c.worstLink.after, 4) : QString(), number(c.severity, 4), revision });
    }
    return csvText(contingencyCsvColumns(), rows);
}

} // namespace cpn
