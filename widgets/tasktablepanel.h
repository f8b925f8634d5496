#pragma once
// The task list: a filter box, "selected site only", and the sortable table.

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cpn {

class PlatformFilterBox;
class TaskFilterProxyModel;
class TaskTableModel;

class TaskTablePanel final : public QWidget {
    Q_OBJECT
public:
    explicit TaskTablePanel(TaskTableModel* tasks, QWidget* parent = nullptr);

    // The site selected on the map; the table follows it when "selected site only" is on.
    void setSelectedSite(const QString& siteId, const QString& siteName);
    QTableView* view() const { return m_view; }
    TaskFilterProxyModel* proxy() const { return m_proxy; }
    QString currentTaskId() const;
    // The platforms connected: with several, a Platform column and filter.
    void setPlatforms(const QStringList& names);

signals:
    void taskActivated(const QString& taskId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateSiteFilter();
    void updateCount();

    TaskTableModel* m_tasks;
    TaskFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QCheckBox* m_siteOnly;
    PlatformFilterBox* m_platform;
    QLabel* m_count;
    QTableView* m_view;
    QString m_siteId;
    QString m_siteName;
    bool m_currentLeaving = false;
};

} // namespace cpn
