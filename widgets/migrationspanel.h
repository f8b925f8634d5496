#pragma once
// The migrations dock: every migration the scheduler reports, live (state, progress, time left,
// path), newest first, with cancel from a button or the context menu.

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace cpn {

class MigrationFilterProxyModel;
class PlatformFilterBox;
class MigrationTableModel;

class MigrationsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit MigrationsPanel(MigrationTableModel* migrations, QWidget* parent = nullptr);

    // Viewers may watch but not cancel; `whyNot` is the tooltip of what is disabled.
    void setDispatchAllowed(bool allowed, const QString& whyNot = {});
    // The platforms connected: with several, a Platform column and filter.
    void setPlatforms(const QStringList& names);
    QTableView* view() const { return m_view; }
    MigrationFilterProxyModel* proxy() const { return m_proxy; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString currentMigrationId() const;
    // Selects the migration's row (and scrolls to it); false when it is not shown.
    bool selectMigration(const QString& migrationId);

signals:
    void cancelRequested(const QString& migrationId);
    // The operator picked a migration (to show its path on the map).
    void migrationActivated(const QString& migrationId);
    void taskRequested(const QString& taskId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateActions();
    void updateCount();
    void showContextMenu(const QPoint& position);

    MigrationTableModel* m_migrations;
    MigrationFilterProxyModel* m_proxy;
    QCheckBox* m_activeOnly;
    PlatformFilterBox* m_platform = nullptr;
    QLabel* m_count;
    QPushButton* m_cancel;
    QTableView* m_view;
    bool m_allowed = true;
    QString m_whyNot;
};

} // namespace cpn
