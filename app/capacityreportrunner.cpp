#include "capacityreportrunner.h"

#include "consolesession.h"
#include "networkstate.h"
#include "platformlink.h"
#include "replayclient.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace cpn {

namespace {
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
}

std::optional<ReportPeriod> ReportPeriod::parse(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("24h") || t == QLatin1String("1d"))
        return ReportPeriod { Kind::Day };
    if (t == QLatin1String("7d"))
        return ReportPeriod { Kind::Week };
    if (t == QLatin1String("30d"))
        return ReportPeriod { Kind::Month };
    return std::nullopt;
}

qint64 ReportPeriod::lengthMs() const
{
    switch (kind) {
    case Kind::Day:
        return kDayMs;
    case Kind::Week:
        return 7 * kDayMs;
    case Kind::Month:
        return 30 * kDayMs;
    case Kind::Range:
        return toMs - fromMs;
    }
    return 0;
}

CapacityReportRunner::CapacityReportRunner(ConsoleSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{ }

CapacityReportRunner::~CapacityReportRunner()
{
    cancel();
}

QString CapacityReportRunner::sourceText() const
{
    QStringList parts;
    for (const PlatformLink* p : m_session->platforms()) {
        const QString where = p->source().embedded() ? tr("embedded mock scheduler") : p->settings().target;
        const QString name = p->name().isEmpty() ? tr("the console's platform") : p->name();
        parts << tr("%1 (%2)").arg(name, where);
    }
    return parts.join(QStringLiteral(", "));
}

void CapacityReportRunner::cancel()
{
    for (const Call& c : std::as_const(m_calls)) {
        if (c.client)
            c.client->cancel(c.id);
    }
    m_calls.clear();
    for (ReplayClient* client : std::as_const(m_clients))
        client->deleteLater();
    m_clients.clear();
    m_pending = 0;
    m_building = false;
    ++m_generation;
}

void CapacityReportRunner::run(const ReportPeriod& period, const ReportScope& scope)
{
    cancel();
    m_scope = scope;
    m_usage.clear(); // another period: the figures of the last one no longer serve
    m_fetching.clear();
    m_problems.clear();
    const NetworkState* state = m_session->state();
    for (PlatformLink* p : m_session->platforms()) {
        const NetworkState::Platform& known = state->platform(p->name());
        if (!known.hasSnapshot) {
            m_problems << tr("%1: not connected yet").arg(p->displayName());
            continue;
        }
        qint64 to = period.kind == ReportPeriod::Kind::Range ? period.toMs : known.simTimeMs;
        qint64 from = period.kind == ReportPeriod::Kind::Range ? period.fromMs : to - period.lengthMs();
        auto* client = new ReplayClient(p->settings(), this);
        m_clients.append(client);
        connect(client, &ReplayClient::capacityReportReceived, this, &CapacityReportRunner::onUsage);
        connect(client, &ReplayClient::capacityReportFailed, this, &CapacityReportRunner::onFailed);
        // Room for sites the platform adds meanwhile, as for a past moment.
        qsizetype sites = 0;
        for (const Site& s : state->sites())
            sites += s.platform == p->name() ? 1 : 0;
        const int maxSites = int(std::min<qsizetype>(ReplayClient::kMaxEntities, sites + sites / 10 + 1000));
        m_calls.append({ client, client->fetchCapacityReport(from, to, ReplayClient::kReportSeriesPoints, maxSites),
            p->name() });
    }
    m_pending = int(m_calls.size());
    m_total = m_pending + 1;
    if (m_pending == 0) {
        emit failed(m_problems.isEmpty() ? tr("No platform is connected.")
                                         : tr("No platform can make the report: %1").arg(m_problems.join(QStringLiteral("; "))));
        return;
    }
    emit progress(0, m_total);
}

void CapacityReportRunner::onUsage(quint64 id, const PlatformUsage& usage)
{
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (m_calls[i].client == sender() && m_calls[i].id == id) {
            m_calls.removeAt(i);
            m_fetching.append(usage);
            answered();
            return;
        }
    }
}

void CapacityReportRunner::onFailed(quint64 id, const QString& codeName, const QString& message)
{
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (m_calls[i].client == sender() && m_calls[i].id == id) {
            const PlatformLink* link = m_session->platform(m_calls[i].platform);
            const QString name = link ? link->displayName() : m_calls[i].platform;
            QString why;
            if (codeName == QLatin1String("OUT_OF_RANGE"))
                why = tr("it keeps nothing of this period");
            else if (codeName == QLatin1String("UNIMPLEMENTED"))
                why = tr("its scheduler makes no capacity reports");
            else if (codeName == QLatin1String("UNAVAILABLE") || codeName == QLatin1String("DEADLINE_EXCEEDED"))
                why = tr("it did not answer");
            else if (codeName == QLatin1String("PERMISSION_DENIED") || codeName == QLatin1String("UNAUTHENTICATED"))
                why = tr("it refused this console's token");
            else
                why = tr("%1 (%2)").arg(codeName, message);
            m_problems << tr("%1: %2").arg(name, why);
            m_calls.removeAt(i);
            answered();
            return;
        }
    }
}

void CapacityReportRunner::answered()
{
    --m_pending;
    emit progress(m_total - 1 - m_pending, m_total);
    if (m_pending > 0)
        return;
    if (m_fetching.isEmpty()) {
        emit failed(tr("No platform could make the report: %1").arg(m_problems.join(QStringLiteral("; "))));
        return;
    }
    m_usage = m_fetching;
    m_fetching.clear();
    build();
}

void CapacityReportRunner::rescope(const ReportScope& scope)
{
    m_scope = scope;
    if (!m_usage.isEmpty() && m_pending == 0)
        build();
}

void CapacityReportRunner::build()
{
    const NetworkState* state = m_session->state();
    std::vector<int> duplicateOf(std::size_t(state->sites().size()));
    for (int i = 0; i < int(duplicateOf.size()); ++i)
        duplicateOf[std::size_t(i)] = state->duplicateOf(i);
    m_building = true;
    const quint64 generation = ++m_generation;
    QPointer<CapacityReportRunner> self(this);
    QThreadPool::globalInstance()->start([self, generation, usage = m_usage, sites = state->sites(),
                                             regions = state->regions(), duplicateOf = std::move(duplicateOf),
                                             scope = m_scope, problems = m_problems] {
        CapacityReport report = buildCapacityReport(usage, sites, duplicateOf, regions, scope);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, report = std::move(report), problems] {
                if (!self || self->m_generation != generation)
                    return;
                self->m_building = false;
                emit self->progress(self->m_total, self->m_total);
                emit self->ready(report, problems);
            },
            Qt::QueuedConnection);
    });
}

} // namespace cpn
