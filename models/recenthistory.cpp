#include "recenthistory.h"

#include "networkstate.h"

#include <QCoreApplication>
#include <QHash>
#include <QThreadPool>

#include <cmath>
#include <limits>
#include <utility>

namespace cpn {

namespace {
    constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

    qint64 minuteOf(qint64 timeMs) { return timeMs >= 0 ? timeMs / RecentHistory::kMinuteMs : -1; }

    // Rings of the entities that are still there, by id, in the new order, each with its sample
    // of the snapshot; `ids` becomes the new order's.
    template <typename Ring, typename Entities, typename Metrics>
    std::vector<Ring> carryOver(
        const std::vector<Ring>& rings, QStringList& ids, const Entities& entities, const Metrics& metrics, qint64 simTimeMs)
    {
        QHash<QString, int> old;
        for (int i = 0; i < ids.size() && i < int(rings.size()); ++i)
            old.insert(ids.at(i), i);
        std::vector<Ring> carried(std::size_t(entities.size()));
        ids.clear();
        ids.reserve(entities.size());
        for (qsizetype i = 0; i < entities.size(); ++i) {
            if (const int o = old.value(entities.at(i).id, -1); o >= 0)
                carried[std::size_t(i)] = rings[std::size_t(o)];
            ids.append(entities.at(i).id);
            if (i < metrics.size()) {
                const auto& m = metrics.at(i);
                carried[std::size_t(i)].record(m.sampleTimeMs > 0 ? m.sampleTimeMs : simTimeMs, m.utilisation);
            }
        }
        return carried;
    }
} // namespace

void RecentHistory::Ring::record(qint64 timeMs, double value)
{
    const qint64 minute = minuteOf(timeMs);
    if (minute < 0)
        return;
    // A first sample, a clock that went back (restarted scheduler) or an hour without data.
    if (lastMinute < 0 || minute < lastMinute || minute - lastMinute >= kMinutes) {
        values.fill(kNoValue);
    } else {
        for (qint64 m = lastMinute + 1; m < minute; ++m)
            values[std::size_t(m % kMinutes)] = kNoValue;
    }
    values[std::size_t(minute % kMinutes)] = float(value); // the latest sample of a minute wins
    lastMinute = minute;
}

QList<double> RecentHistory::Ring::ordered() const
{
    QList<double> out;
    if (lastMinute < 0)
        return out;
    out.reserve(kMinutes);
    for (qint64 m = lastMinute - kMinutes + 1; m <= lastMinute; ++m)
        out.append(m < 0 ? double(kNoValue) : double(values[std::size_t(m % kMinutes)]));
    return out;
}

RecentHistory::RecentHistory(const NetworkState* state, QObject* parent)
    : QObject(parent)
    , m_state(state)
{
    connect(state, &NetworkState::topologyReset, this, &RecentHistory::rebuild);
    // Live values only: a past moment shown (replay) is not the last hour.
    connect(state, &NetworkState::sitesChanged, this, [this](const QList<int>& sites) {
        if (!m_state->isPast())
            recordSites(sites);
    });
    connect(state, &NetworkState::linksChanged, this, [this](const QList<int>& links) {
        if (!m_state->isPast())
            recordLinks(links);
    });
    connect(state, &NetworkState::liveMetricsChanged, this, [this](const QList<int>& sites, const QList<int>& links) {
        recordSites(sites);
        recordLinks(links);
    });
    if (state->hasSnapshot())
        rebuild();
}

void RecentHistory::rebuild()
{
    // A snapshot's metrics come with the topology, not as a change. What the worker reads is
    // shared (copied when the state writes its own).
    const auto make = [sites = m_state->sites(), links = m_state->links(), siteMetrics = m_state->liveSiteMetrics(),
                          linkMetrics = m_state->liveLinkMetrics(), simTimeMs = m_state->simTimeMs()](Rings& rings) {
        rings.sites = carryOver(rings.sites, rings.siteIds, sites, siteMetrics, simTimeMs);
        rings.links = carryOver(rings.links, rings.linkIds, links, linkMetrics, simTimeMs);
    };
    if (m_rebuilding) {
        m_rebuildAgain = true; // from the rings on their way
        return;
    }
    Rings rings { std::exchange(m_sites, {}), std::exchange(m_links, {}), std::exchange(m_siteIds, {}),
        std::exchange(m_linkIds, {}) };
    const auto adopt = [](RecentHistory* history, Rings&& rings) {
        history->m_sites = std::move(rings.sites);
        history->m_links = std::move(rings.links);
        history->m_siteIds = std::move(rings.siteIds);
        history->m_linkIds = std::move(rings.linkIds);
        history->m_rebuilding = false;
        if (std::exchange(history->m_rebuildAgain, false))
            history->rebuild();
        else
            emit history->updated();
    };
    if (m_state->sites().size() + m_state->links().size() <= kRebuiltHere) {
        make(rings);
        adopt(this, std::move(rings));
        return;
    }
    m_rebuilding = true;
    QPointer<RecentHistory> self(this);
    QThreadPool::globalInstance()->start([self, make, adopt, rings = std::move(rings)]() mutable {
        make(rings);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, adopt, rings = std::move(rings)]() mutable {
                if (self)
                    adopt(self, std::move(rings));
            },
            Qt::QueuedConnection);
    });
}

qint64 RecentHistory::sampleTime(qint64 sampleTimeMs) const
{
    // A scheduler that stamps only its frames: the state's clock is the frame's time.
    return sampleTimeMs > 0 ? sampleTimeMs : m_state->simTimeMs();
}

void RecentHistory::recordSites(const QList<int>& indexes)
{
    if (m_rebuilding)
        return;
    const auto& metrics = m_state->liveSiteMetrics();
    for (int i : indexes) {
        if (i >= 0 && std::size_t(i) < m_sites.size() && i < metrics.size())
            m_sites[std::size_t(i)].record(sampleTime(metrics.at(i).sampleTimeMs), metrics.at(i).utilisation);
    }
    emit updated();
}

void RecentHistory::recordLinks(const QList<int>& indexes)
{
    if (m_rebuilding)
        return;
    const auto& metrics = m_state->liveLinkMetrics();
    for (int i : indexes) {
        if (i >= 0 && std::size_t(i) < m_links.size() && i < metrics.size())
            m_links[std::size_t(i)].record(sampleTime(metrics.at(i).sampleTimeMs), metrics.at(i).utilisation);
    }
    emit updated();
}

QList<double> RecentHistory::utilisation(const QString& entityId) const
{
    if (!m_state || m_rebuilding)
        return {}; // not the rings of this topology yet
    if (const int s = m_state->siteIndex(entityId); s >= 0 && std::size_t(s) < m_sites.size())
        return m_sites[std::size_t(s)].ordered();
    if (const int l = m_state->linkIndex(entityId); l >= 0 && std::size_t(l) < m_links.size())
        return m_links[std::size_t(l)].ordered();
    return {};
}

} // namespace cpn
