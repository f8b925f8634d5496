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

bool NetworkState::showWholeFrame(const QString& platform, const MetricsFrame& frame)
{
    const QList<Site>& allSites = m_sites; // through const: a write copies the list the live state shares
    const QList<Link>& allLinks = m_links;
    if (frame.sites.size() != allSites.size() || frame.links.size() != allLinks.size())
        return false;
    for (qsizetype i = 0; i < allSites.size(); ++i) {
        const SiteMetrics& m = frame.sites[i];
        if (allSites[i].id != m.siteId || allSites[i].platform != platform || !validMetrics(m))
            return false;
    }
    for (qsizetype i = 0; i < allLinks.size(); ++i) {
        const LinkMetrics& m = frame.links[i];
        if (allLinks[i].id != m.linkId || allLinks[i].platform != platform || !validMetrics(m))
            return false;
    }
    for (qsizetype i = 0; i < allSites.size(); ++i) {
        if (const SiteStatus s = frame.sites[i].status; s != SiteStatus::Unknown && allSites[i].status != s)
            m_sites[i].status = s;
    }
    for (qsizetype i = 0; i < allLinks.size(); ++i) {
        if (const LinkStatus s = frame.links[i].status; s != LinkStatus::Unknown && allLinks[i].status != s)
            m_links[i].status = s;
    }
    m_siteMetrics = frame.sites;
    m_linkMetrics = frame.links;
    return true;
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
