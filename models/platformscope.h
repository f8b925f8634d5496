#pragma once
// Ids of one platform inside the console. With several platforms connected, two may use the same
// site or task id: inside the console every id a platform sends is qualified as
// "<platform>/<id>", and its entities carry the platform's name; what goes back to the platform
// is its own id again. The console's one unnamed platform (a single --connect HOST:PORT, or the
// embedded scheduler) keeps its ids as they are. Regions are the nation's, shared by all.

#include "domain.h"

namespace cpn {

class PlatformScope {
public:
    explicit PlatformScope(QString name = {})
        : m_name(std::move(name))
    { }

    const QString& name() const { return m_name; }
    // The console's id for one of the platform's ids (empty stays empty).
    QString qualify(const QString& id) const;
    // The platform's own id for one of the console's; an id not of this platform is returned as
    // it is (the platform will not know it).
    QString local(const QString& id) const;
    bool owns(const QString& consoleId) const;

    void qualify(Site& site) const;
    void qualify(Link& link) const;
    void qualify(SiteMetrics& metrics) const;
    void qualify(LinkMetrics& metrics) const;
    void qualify(Task& task) const;
    void qualify(TaskRemoved& removed) const;
    void qualify(Migration& migration) const;
    void qualify(Alarm& alarm) const;
    void qualify(MetricsFrame& frame) const;
    void qualify(Snapshot& snapshot) const;
    void qualify(StateEvent& event) const;
    void qualify(MigrationPlan& plan) const;
    void qualify(DrainResult& result) const;
    template <typename T> void qualify(QList<T>& values) const
    {
        if (!m_name.isEmpty()) {
            for (T& v : values)
                qualify(v);
        }
    }
    void qualify(QStringList& ids) const;

private:
    QString m_name;
};

} // namespace cpn
