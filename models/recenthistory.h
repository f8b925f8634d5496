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
    void rebuild();
    qint64 sampleTime(qint64 sampleTimeMs) const;
    void recordSites(const QList<int>& indexes);
    void recordLinks(const QList<int>& indexes);

    QPointer<const NetworkState> m_state;
    std::vector<Ring> m_sites; // same order as NetworkState::sites()
    std::vector<Ring> m_links;
    QStringList m_siteIds; // of the topology the rings were built for
    QStringList m_linkIds;
};

} // namespace cpn
