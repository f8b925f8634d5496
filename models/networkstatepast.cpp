// NetworkState in replay: a past moment shown over the live network (see showPast()).

#include "networkstate.h"

#include <numeric>

namespace cpn {

void NetworkState::showPast(qint64 timeMs, const QHash<QString, MetricsFrame>& frames)
{
    restoreLive();
    m_pastFrames = frames;
    m_pastTimeMs = timeMs;
    applyPast();
    reportWarnings();
    emitAllChanged();
}

void NetworkState::showLive()
{
    if (!m_live)
        return;
    restoreLive();
    m_pastFrames.clear();
    emitAllChanged();
}

void NetworkState::restoreLive()
{
    if (!m_live)
        return;
    m_sites = std::move(m_live->sites);
    m_links = std::move(m_live->links);
    m_siteMetrics = std::move(m_live->siteMetrics);
    m_linkMetrics = std::move(m_live->linkMetrics);
    m_live.reset();
}

void NetworkState::applyPast()
{
    m_live = Live { m_sites, m_links, m_siteMetrics, m_linkMetrics };
    if (m_pastFrames.size() == 1 && showWholeFrame(m_pastFrames.cbegin().key(), m_pastFrames.cbegin().value()))
        return;
    // Nothing is known of the past but what the frames say: the rest shows no metrics.
    QList<SiteMetrics> sites(m_sites.size());
    for (qsizetype i = 0; i < sites.size(); ++i)
        sites[i].siteId = m_sites[i].id;
    QList<LinkMetrics> links(m_links.size());
    for (qsizetype i = 0; i < links.size(); ++i)
        links[i].linkId = m_links[i].id;
    for (auto it = m_pastFrames.cbegin(); it != m_pastFrames.cend(); ++it)
        writeMetrics(it.value(), sites, links, nullptr, nullptr, &it.key());
    m_siteMetrics = std::move(sites);
    m_linkMetrics = std::move(links);
}

void NetworkState::emitAllChanged()
{
    QList<int> sites(m_sites.size());
    std::iota(sites.begin(), sites.end(), 0);
    QList<int> links(m_links.size());
    std::iota(links.begin(), links.end(), 0);
    if (!sites.isEmpty())
        emit sitesChanged(sites);
    if (!links.isEmpty())
        emit linksChanged(links);
    emit pastChanged();
}

} // namespace cpn
