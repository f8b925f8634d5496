#pragma once
// A small network (three sites, two links, three tasks) and the pieces to build batches of it,
// for the tests of the network state and the task table.

#include "domain.h"

namespace modeltest {

using namespace cpn;

inline Site site(const QString& id, double lat, double lon, SiteTier tier = SiteTier::Regional)
{
    Site s;
    s.id = id;
    s.nameZh = id + QStringLiteral("中心");
    s.nameEn = id + QStringLiteral(" centre");
    s.tier = tier;
    s.latitude = lat;
    s.longitude = lon;
    s.capacity = { { Architecture::Ascend, 1000, 300 } };
    s.status = SiteStatus::Online;
    return s;
}

inline Link link(const QString& id, const QString& a, const QString& b)
{
    Link l;
    l.id = id;
    l.siteAId = a;
    l.siteBId = b;
    l.capacityGbps = 400;
    l.latencyMs = 5;
    l.status = LinkStatus::Up;
    return l;
}

inline Task task(const QString& id, const QString& siteId, const QString& name = {})
{
    Task t;
    t.id = id;
    t.name = name.isEmpty() ? QStringLiteral("job-") + id : name;
    t.siteId = siteId;
    t.kind = TaskKind::Training;
    t.state = TaskState::Running;
    t.architecture = Architecture::Ascend;
    t.cards = 8;
    t.tenant = QStringLiteral("tenant-a");
    return t;
}

inline StateBatch snapshotBatch(quint64 revision = 10)
{
    Snapshot s;
    s.revision = revision;
    s.simTimeMs = 1'000'000;
    s.sites = { site(QStringLiteral("bj"), 39.9, 116.4, SiteTier::NationalHub), site(QStringLiteral("sh"), 31.2, 121.5),
        site(QStringLiteral("gy"), 26.6, 106.6) };
    s.links = { link(QStringLiteral("l1"), QStringLiteral("bj"), QStringLiteral("sh")),
        link(QStringLiteral("l2"), QStringLiteral("sh"), QStringLiteral("gy")) };
    StateBatch batch;
    batch.snapshot = s;
    batch.tasks = { task(QStringLiteral("t1"), QStringLiteral("bj")), task(QStringLiteral("t2"), QStringLiteral("sh")),
        task(QStringLiteral("t3"), QStringLiteral("gy")) };
    return batch;
}

inline StateEvent stateEvent(quint64 revision, decltype(StateEvent::change) change)
{
    StateEvent e;
    e.revision = revision;
    e.simTimeMs = 1'000'000 + qint64(revision);
    e.change = std::move(change);
    return e;
}

inline SiteMetrics siteMetrics(const QString& id, double utilisation)
{
    SiteMetrics m;
    m.siteId = id;
    m.utilisation = utilisation;
    m.pue = 1.2;
    m.powerMw = 10;
    return m;
}


} // namespace modeltest
