#pragma once
// Asynchronous QueryHistory: a metric's past for a site, link or region. Every call returns at
// once; the answer comes back as a signal on the GUI thread, tagged with the call's id.

#include "connectionsettings.h"
#include "timeseries.h"

#include <QObject>

#include <memory>

namespace cpn {

struct HistoryQuery {
    SeriesKey key;
    qint64 fromMs = 0; // simulated Unix time
    qint64 toMs = 0;
    qint64 stepMs = 0; // 0 = the server's native step
};

class HistoryClient final : public QObject {
    Q_OBJECT
public:
    explicit HistoryClient(ConnectionSettings settings, QObject* parent = nullptr);
    ~HistoryClient() override;

    // Returns the id the answer signal carries.
    quint64 query(const HistoryQuery& query);

signals:
    void historyReceived(quint64 id, const cpn::HistoryQuery& query, const QString& unit,
        const QList<cpn::TimePoint>& points);
    // `codeName` as gRPC names the status, e.g. "INVALID_ARGUMENT"; `message` is the server's.
    void historyFailed(quint64 id, const cpn::HistoryQuery& query, const QString& codeName, const QString& message);

private:
    struct Channel;
    std::shared_ptr<Channel> m_channel;
    quint64 m_nextId = 1;
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::HistoryQuery)
