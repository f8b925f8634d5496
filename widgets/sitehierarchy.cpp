#include "sitehierarchy.h"

#include <QHash>

namespace cpn {

void SiteHierarchy::build(const QList<Site>& sites)
{
    const int n = int(sites.size());
    QHash<QString, int> index;
    index.reserve(n);
    for (int i = 0; i < n; ++i)
        index.insert(sites[i].id, i);
    m_parent.assign(n, -1);
    m_depth.assign(n, 0);
    m_root.assign(n, 0);
    m_children.assign(n, {});
    m_folds.assign(n, false);
    m_tier.resize(n);
    m_parentId.resize(n);
    for (int i = 0; i < n; ++i) {
        m_tier[i] = sites[i].tier;
        m_parentId[i] = sites[i].parentSiteId;
        if (!sites[i].parentSiteId.isEmpty())
            m_parent[i] = index.value(sites[i].parentSiteId, -1);
        if (m_parent[i] == i)
            m_parent[i] = -1;
    }
    // Break cycles: walk up from every site; a walk longer than the site count loops.
    std::vector<int> state(n, 0); // 0 unknown, 1 on the current walk, 2 done
    std::vector<int> walk;
    for (int i = 0; i < n; ++i) {
        walk.clear();
        int s = i;
        while (s >= 0 && state[s] == 0) {
            state[s] = 1;
            walk.push_back(s);
            s = m_parent[s];
        }
        if (s >= 0 && state[s] == 1)
            m_parent[s] = -1; // s closes a loop: make it a root
        for (int w : walk)
            state[w] = 2;
    }
    // Depth and root, parents first: resolve by walking up with memo.
    std::vector<bool> known(n, false);
    for (int i = 0; i < n; ++i) {
        walk.clear();
        int s = i;
        while (s >= 0 && !known[s]) {
            walk.push_back(s);
            s = m_parent[s];
        }
        for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
            const int w = *it;
            const int p = m_parent[w];
            m_depth[w] = p < 0 ? 0 : m_depth[p] + 1;
            m_root[w] = p < 0 ? w : m_root[p];
            known[w] = true;
        }
    }
    for (int i = 0; i < n; ++i) {
        if (m_parent[i] >= 0)
            m_children[m_parent[i]].push_back(i);
        m_folds[i] = m_parent[i] >= 0 && sites[i].tier != SiteTier::Cluster && sites[i].tier != SiteTier::NationalHub;
    }
}

bool SiteHierarchy::differs(const QList<Site>& sites, const QList<int>& changed) const
{
    if (sites.size() != qsizetype(m_parent.size()))
        return true;
    for (int i : changed) {
        if (i < 0 || i >= sites.size())
            continue;
        if (sites[i].parentSiteId != m_parentId[i] || sites[i].tier != m_tier[i])
            return true;
    }
    return false;
}

QList<int> SiteHierarchy::ancestry(int site) const
{
    QList<int> out;
    for (int s = site; s >= 0; s = m_parent[s])
        out << s;
    return out;
}

void SiteHierarchy::descendants(int site, std::vector<int>& out) const
{
    const std::size_t start = out.size();
    out.insert(out.end(), m_children[site].begin(), m_children[site].end());
    for (std::size_t k = start; k < out.size(); ++k) {
        const auto& kids = m_children[out[k]];
        out.insert(out.end(), kids.begin(), kids.end());
    }
}

} // namespace cpn
