#pragma once
// One platform the console is connected to: its live feed, its command client and journal, and
// its health (live, reconnecting and why, stale since when). Several run side by side, each on
// its own feed thread; ConsoleSession merges what they report into one network.

#include "commandline.h"
#include "connectionsettings.h"
#include "statefeed.h"

#include <QDateTime>
#include <QObject>

namespace cpn {

class DispatchClient;
class DispatchOutbox;
class HistoryClient;

class PlatformLink final : public QObject {
    Q_OBJECT
public:
    explicit PlatformLink(const ConnectionSettings& settings, QObject* parent = nullptr);
    ~PlatformLink() override;

    // The platform's name ("" for the console's one unnamed platform), as entities carry it.
    QString name() const { return m_settings.platform; }
    // What the operator reads: the name, or the address of the unnamed platform.
    QString displayName() const { return m_settings.platform.isEmpty() ? m_settings.target : m_settings.platform; }
    const ConnectionSettings& settings() const { return m_settings; }
    // Where its settings came from (the command line, the Connections dialog, what was
    // remembered): the files' paths, to be remembered in turn. Empty paths when not known.
    const PlatformOptions& source() const { return m_source; }
    void setSource(const PlatformOptions& source) { m_source = source; }
    StateFeed* feed() const { return m_feed; }
    DispatchClient* dispatch() const { return m_dispatch; }
    HistoryClient* history() const { return m_history; }
    // Commands through the journal at `path`, for the scheduler named `scheduler` (the platform's
    // name; its address when unnamed; DispatchOutbox::kEmbeddedScheduler for the embedded one).
    // Call once, before outbox(); without it outbox() opens the default journal.
    void openJournal(const QString& path, const QString& scheduler);
    DispatchOutbox* outbox();
    // The name commands for this platform are journalled under by default.
    QString journalKey() const;

    // Health, on the GUI thread.
    ConnectionState connectionState() const { return m_feed->state(); }
    QString lastError() const { return m_lastError; }
    // Wall time (ms since the epoch) of the next reconnection attempt; 0 when none is due.
    qint64 retryAtMs() const { return m_retryAtMs; }
    // Since when what the console shows of this platform is no longer live; invalid while live.
    QDateTime staleSince(qint64 quietAfterMs) const;
    QDateTime lastUpdate() const { return m_lastUpdate; }
    void noteUpdate() { m_lastUpdate = QDateTime::currentDateTime(); }
    // The role the platform's scheduler gave this console ("viewer", "operator"; empty: not said).
    QString role() const { return m_role; }
    void setRole(const QString& role);

signals:
    // State, error, countdown or role changed.
    void healthChanged();

private:
    ConnectionSettings m_settings;
    PlatformOptions m_source;
    StateFeed* m_feed;
    DispatchClient* m_dispatch;
    HistoryClient* m_history;
    DispatchOutbox* m_outbox = nullptr;
    QString m_lastError;
    QString m_role;
    qint64 m_retryAtMs = 0;
    qint64 m_brokeAtMs = 0; // when the feed stopped being live; 0 while live
    QDateTime m_lastUpdate;
};

} // namespace cpn
