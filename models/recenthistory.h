#pragma once
// The last hour of utilisation of every site and link, one value per simulated minute, kept from
// the live frames a NetworkState applies: what the sparklines in tables draw.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <array>
#include <vector>

namespace cpn {

class NetworkState;

class RecentHistory final : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinutes = 60;
    static constexpr qint64 kMinuteMs = 60 * 1000;

    explicit RecentHistory(const NetworkState* state, QObject* parent = nullptr);

    // A site's or link's utilisation (0..1) for the last kMinutes minutes it has data for,
    // oldest first; NaN for a minute without a sample. Empty for an unknown id.
    QList<double> utilisation(const QString& entityId) const;

signals:
    // New samples came in.
    void updated();

private:
    struct Ring {
        qint64 lastMinute = -1; // simulated minutes since the epoch of the newest value
        std::array<float, kMinutes> values {};
        void record(qint64 timeMs, double value);
        QList<double> ordered() const;
    };
    // The rings of a new topology, those of the entities still there carried over, each with the
    // snapshot's sample. A big network's (60,000 rings, 15 MB at huge: 30-70 ms) are made on a
    // worker thread; samples that come meanwhile are left out (the next frame's fill their minute),
    // and a topology that comes meanwhile is rebuilt from them once they are in.
    struct Rings {
        std::vector<Ring> sites;
        std::vector<Ring> links;
        QStringList siteIds;
        QStringList linkIds;
    };
    static constexpr qsizetype kRebuiltHere = 5000; // entities: rebuilt on this thread up to so many
    void rebuild();
    qint64 sampleTime(qint64 sampleTimeMs) const;
    void recordSites(const QList<int>& indexes);
    void recordLinks(const QList<int>& indexes);

    QPointer<const NetworkState> m_state;
    std::vector<Ring> m_sites; // same order as NetworkState::sites()
    std::vector<Ring> m_links;
    QStringList m_siteIds; // of the topology the rings were built for
    QStringList m_linkIds;
    bool m_rebuilding = false; // on a worker thread; the rings here are moved out meanwhile
    bool m_rebuildAgain = false; // a newer topology came meanwhile
};

} // namespace cpn
