#pragma once
// The alarms dock: every alarm the scheduler reports, active and most severe first, filterable
// by severity, state, acknowledgement and text; unacknowledged critical alarms pulse red until
// someone acknowledges them. "Acknowledge..." asks for a note; double-click shows the source on
// the map.

#include <QDialog>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace cpn {

class AlarmFilterProxyModel;
class AlarmTableModel;
class PlatformFilterBox;

// Asks for the note that goes with an acknowledgement.
class AcknowledgeAlarmDialog final : public QDialog {
    Q_OBJECT
public:
    AcknowledgeAlarmDialog(const QString& alarmId, const QString& summary, QWidget* parent = nullptr);

    QString alarmId() const { return m_alarmId; }
    QString note() const;
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* acknowledgeButton() const { return m_ok; }

private:
    QString m_alarmId;
    QPlainTextEdit* m_note;
    QPushButton* m_ok;
};

class AlarmsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit AlarmsPanel(AlarmTableModel* alarms, QWidget* parent = nullptr);

    // Viewers and a console that lost its scheduler may look but not acknowledge; `whyNot`
    // is the tooltip of what is disabled.
    void setAcknowledgeAllowed(bool allowed, const QString& whyNot = {});
    // The platforms connected: with several, a Platform column and filter.
    void setPlatforms(const QStringList& names);
    bool isAcknowledgeAllowed() const { return m_allowed; }

    QTableView* view() const { return m_view; }
    AlarmFilterProxyModel* proxy() const { return m_proxy; }
    QAction* acknowledgeAction() const { return m_acknowledge; }
    QPushButton* acknowledgeButton() const { return m_acknowledgeButton; }
    QComboBox* severityFilter() const { return m_severity; }
    QCheckBox* activeOnlyFilter() const { return m_activeOnly; }
    QComboBox* acknowledgementFilter() const { return m_acknowledgement; }
    QLineEdit* textFilter() const { return m_text; }
    QString currentAlarmId() const;
    bool selectAlarm(const QString& alarmId);
    // Opens the note dialog for the selected alarm (non-modal); null when not allowed or none.
    AcknowledgeAlarmDialog* acknowledgeSelected();
    // Whether the pulsing highlight of unacknowledged critical alarms is running.
    bool isPulsing() const;

signals:
    void acknowledgeRequested(const QString& alarmId, const QString& note);
    // The operator asked to see an alarm's source on the map.
    void siteRequested(const QString& siteId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateActions();
    void updateCount();
    void fillCombo(QComboBox* combo, const QStringList& texts);

    AlarmTableModel* m_alarms;
    AlarmFilterProxyModel* m_proxy;
    QComboBox* m_severity;
    PlatformFilterBox* m_platform = nullptr;
    QCheckBox* m_activeOnly;
    QComboBox* m_acknowledgement;
    QLineEdit* m_text;
    QLabel* m_count;
    QPushButton* m_acknowledgeButton;
    QAction* m_acknowledge;
    QTableView* m_view;
    QTimer* m_pulse;
    bool m_pulseOn = false;
    bool m_allowed = true;
    QString m_whyNot;
};

} // namespace cpn
