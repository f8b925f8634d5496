#include "recenthistory.h"

#include "networkstate.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <numeric>

namespace cpn {

namespace {
    constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

    qint64 minuteOf(qint64 timeMs) { return timeMs >= 0 ? timeMs / RecentHistory::kMinuteMs : -1; }

    // Rings of the entities that are still there, by id, in the new order.
    template <typename Ring, typename Entities>
    std::vector<Ring> carryOver(const std::vector<Ring>& rings, const QStringList& ids, const Entities& entities)
    {
        QHash<QString, int> old;
        for (int i = 0; i < ids.size() && i < int(rings.size()); ++i)
            old.insert(ids.at(i), i);
        std::vector<Ring> carried(std::size_t(entities.size()));
        for (qsizetype i = 0; i < entities.size(); ++i) {
            if (const int o = old.value(entities.at(i).id, -1); o >= 0)
                carried[std::size_t(i)] = rings[std::size_t(o)];
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
    m_sites = carryOver(m_sites, m_siteIds, m_state->sites());
    m_links = carryOver(m_links, m_linkIds, m_state->links());
    m_siteIds.clear();
    for (const auto& s : m_state->sites())
        m_siteIds.append(s.id);
    m_linkIds.clear();
    for (const auto& l : m_state->links())
        m_linkIds.append(l.id);
    // A snapshot's metrics come with the topology, not as a change.
    QList<int> all(m_state->sites().size());
    std::iota(all.begin(), all.end(), 0);
    recordSites(all);
    all.resize(m_state->links().size());
    std::iota(all.begin(), all.end(), 0);
    recordLinks(all);
}

qint64 RecentHistory::sampleTime(qint64 sampleTimeMs) const
{
    // A scheduler that stamps only its frames: the state's clock is the frame's time.
    return sampleTimeMs > 0 ? sampleTimeMs : m_state->simTimeMs();
}

void RecentHistory::recordSites(const QList<int>& indexes)
{
    const auto& metrics = m_state->liveSiteMetrics();
    for (int i : indexes) {
        if (i >= 0 && std::size_t(i) < m_sites.size() && i < metrics.size())
            m_sites[std::size_t(i)].record(sampleTime(metrics.at(i).sampleTimeMs), metrics.at(i).utilisation);
    }
    emit updated();
}

void RecentHistory::recordLinks(const QList<int>& indexes)
{
    const auto& metrics = m_state->liveLinkMetrics();
    for (int i : indexes) {
        if (i >= 0 && std::size_t(i) < m_links.size() && i < metrics.size())
            m_links[std::size_t(i)].record(sampleTime(metrics.at(i).sampleTimeMs), metrics.at(i).utilisation);
    }
    emit updated();
}

QList<double> RecentHistory::utilisation(const QString& entityId) const
{
    if (!m_state)
        return {};
    if (const int s = m_state->siteIndex(entityId); s >= 0 && std::size_t(s) < m_sites.size())
        return m_sites[std::size_t(s)].ordered();
    if (const int l = m_state->linkIndex(entityId); l >= 0 && std::size_t(l) < m_links.size())
        return m_links[std::size_t(l)].ordered();
    return {};
}

} // namespace cpn
