#pragma once
// Alarms and the regional summary in the main window: the alarms dock and its acknowledge
// command, the attention an unacknowledged critical alarm draws (map marks, a count in the
// status bar, an optional beep for a new one), the regional summary dock, and their View menu
// entries. Acknowledging is disabled, with the reason, for viewers and while disconnected.

#include <QObject>
#include <QSet>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace cpn {

class AlarmsPanel;
class AlarmTableModel;
class ConsoleSession;
class MapView;
class PlatformLink;
class RegionSummaryModel;
class RegionSummaryPanel;
struct Alarm;
struct CommandError;

class AlarmController final : public QObject {
    Q_OBJECT
public:
    // Adds the docks to `window`, their entries to `viewMenu` and a count to the status bar.
    AlarmController(QMainWindow* window, ConsoleSession* session, MapView* map, QMenu* viewMenu);

    AlarmTableModel* alarms() const { return m_alarms; }
    AlarmsPanel* alarmsPanel() const { return m_panel; }
    QDockWidget* alarmsDock() const { return m_alarmsDock; }
    RegionSummaryModel* regions() const { return m_regions; }
    RegionSummaryPanel* regionPanel() const { return m_regionPanel; }
    QDockWidget* regionDock() const { return m_regionDock; }
    QAction* soundAction() const { return m_sound; }
    QLabel* attentionLabel() const { return m_attention; }

    // On any platform; on this one.
    bool isAcknowledgeAllowed() const;
    bool isAcknowledgeAllowed(const PlatformLink* platform) const;
    // A wall display (--kiosk) shows alarms; they are acknowledged elsewhere.
    void setDisplayOnly(bool on);
    QString whyNotAllowed(const PlatformLink* platform) const;
    // Why no platform allows it; empty when one does.
    QString whyNotAllowed() const;
    // Beeps given for new critical alarms since the start (with the sound on).
    int beepCount() const { return m_beeps; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void updateAllowed();
    void updateAttention();
    void onCriticalRaised(const QStringList& alarmIds);
    void onAcknowledged(const QString& requestId, const Alarm& alarm);
    void onFailed(const QString& requestId, const CommandError& error);

    QMainWindow* m_window;
    ConsoleSession* m_session;
    MapView* m_map;
    AlarmTableModel* m_alarms;
    AlarmsPanel* m_panel;
    QDockWidget* m_alarmsDock;
    RegionSummaryModel* m_regions;
    RegionSummaryPanel* m_regionPanel;
    QDockWidget* m_regionDock;
    QAction* m_sound;
    QLabel* m_attention;
    QSet<QString> m_requests; // acknowledgements on their way
    int m_beeps = 0;
    bool m_displayOnly = false;
};

} // namespace cpn
