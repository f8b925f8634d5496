#pragma once
// The site selected on the map, in full: names, tier, status, load, capacity per accelerator
// type, power, PUE, green share, price, queue, alarms, what is folded into it, and its tasks,
// which the operator can drag onto another site on the map.

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cpn {

class MapView;
class NetworkState;
class TaskDragView;
class TaskFilterProxyModel;
class TaskTableModel;

class SiteInspector final : public QWidget {
    Q_OBJECT
public:
    explicit SiteInspector(QWidget* parent = nullptr);

    void setState(const NetworkState* state);
    // Sums over folded sites as the map shows them; optional.
    void setMap(const MapView* map);
    // The task list's source; optional (no task list without it).
    void setTaskModel(TaskTableModel* tasks);
    // With several platforms: what to say of each (its name, and who may act on it), by name.
    void setPlatformNotes(const QHash<QString, QString>& notes);

    // Empty clears.
    void setSite(const QString& siteId);
    QString siteId() const { return m_siteId; }

    TaskDragView* taskView() const { return m_taskView; }
    TaskFilterProxyModel* taskProxy() const { return m_proxy; }
    // The figures as shown, by field name (for tests): "name", "status", "utilisation", ...
    QString field(const QString& name) const;

signals:
    void taskContextMenuRequested(const QString& taskId, const QPoint& globalPos);
    void taskActivated(const QString& taskId);
    void showOnMapRequested(const QString& siteId);
    void unfoldRequested(const QString& siteId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void attachTasks();
    void retranslate();
    void refresh();
    void scheduleRefresh();
    void updateTaskCount();

    QPointer<const NetworkState> m_state;
    QPointer<const MapView> m_map;
    QPointer<TaskTableModel> m_tasks;
    TaskFilterProxyModel* m_proxy;
    QString m_siteId;
    QHash<QString, QString> m_platformNotes;
    QTimer m_refreshTimer;

    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_empty;
    QWidget* m_details;
    QProgressBar* m_load;
    QHash<QString, QLabel*> m_fields;
    QHash<QString, QLabel*> m_fieldNames;
    QTableWidget* m_accelerators;
    QPushButton* m_showOnMap;
    QPushButton* m_unfold;
    QLabel* m_tasksTitle;
    QLineEdit* m_taskFilter;
    TaskDragView* m_taskView;
};

} // namespace cpn
