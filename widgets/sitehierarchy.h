#pragma once
// The three levels of the network as a tree over site indexes: national hubs at the root,
// clusters and regional centres under their hub, edge sites under their regional centre
// (Site::parentSiteId). Sites whose parent is unknown, or which would make a cycle, are roots.

#include "domain.h"

#include <QList>

#include <vector>

namespace cpn {

class SiteHierarchy {
public:
    void build(const QList<Site>& sites);
    // True when a change of these sites' parents or tiers needs a rebuild.
    bool differs(const QList<Site>& sites, const QList<int>& changed) const;

    int size() const { return int(m_parent.size()); }
    int parent(int site) const { return m_parent[site]; } // -1 for a root
    int depth(int site) const { return m_depth[site]; } // 0 for a root
    int root(int site) const { return m_root[site]; }
    const std::vector<int>& children(int site) const { return m_children[site]; }
    bool hasChildren(int site) const { return !m_children[site].empty(); }
    // The site itself, its parent, ... up to its root: root last.
    QList<int> ancestry(int site) const;
    // Every site below this one (not itself), depth first.
    void descendants(int site, std::vector<int>& out) const;
    // Clusters stay visible while their hub is folded: only regional and edge sites fold.
    bool folds(int site) const { return m_folds[site]; }

private:
    std::vector<int> m_parent;
    std::vector<int> m_depth;
    std::vector<int> m_root;
    std::vector<std::vector<int>> m_children;
    std::vector<bool> m_folds;
    std::vector<SiteTier> m_tier;
    QList<QString> m_parentId;
};

} // namespace cpn
