#pragma once
// The dispatch workflow in the main window: the Dispatch menu and its shortcuts, the migrations
// dock and the dispatch log, the migration and drain dialogs, context menus on the task table,
// the site inspector and the map, the map's preview of a planned move; commands go out through
// the session's journal so that none is lost. Disabled, with the reason, for viewers.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QPoint;

namespace cpn {

class AuditLogModel;
class AuditLogPanel;
class ConsoleSession;
class DispatchOutbox;
class DrainDialog;
class PlatformLink;
class MapView;
class MigrationDialog;
class MigrationTableModel;
class MigrationsPanel;
class SiteInspector;
class TaskTablePanel;
struct CommandError;
struct DispatchCommand;
struct MigrationPlan;

class DispatchController final : public QObject {
    Q_OBJECT
public:
    // Adds its menu and docks to `window`; the inspector is optional.
    DispatchController(QMainWindow* window, ConsoleSession* session, MapView* map, TaskTablePanel* tasks,
        SiteInspector* inspector = nullptr);
    ~DispatchController() override;

    MigrationTableModel* migrations() const { return m_migrations; }
    MigrationsPanel* migrationsPanel() const { return m_panel; }
    AuditLogPanel* auditPanel() const { return m_auditPanel; }
    QDockWidget* migrationsDock() const { return m_migrationsDock; }
    AuditLogModel* auditLog() const { return m_audit; }
    QDockWidget* auditDock() const { return m_auditDock; }
    QAction* moveTaskAction() const { return m_moveTask; }
    QAction* drainSiteAction() const { return m_drainSite; }
    QAction* cancelMigrationAction() const { return m_cancelMigration; }

    // Viewers may not dispatch, nor anyone while the scheduler is not connected; the tooltip of
    // every disabled action says why.
    // On the platform named (that of the task, site or migration at hand); without a name, on
    // any platform.
    bool isDispatchAllowed(const QString& platform) const;
    bool isDispatchAllowed() const;
    // A wall display (--kiosk) never dispatches.
    void setDisplayOnly(bool on);
    bool isViewer(const QString& platform) const;
    bool isViewer() const;
    QString whyNotAllowed(const QString& platform) const;
    QString whyNotAllowed() const;

    // Starts a move through the task's platform's outbox (journalled, sent exactly once), as the
    // migration dialog's Start does; false (and the status bar says why) when not allowed.
    bool requestMove(const QString& taskId, const QString& targetSiteId, const QString& reason);

    // The dialogs are non-modal; each returns the one it opened (or raised), or null when not allowed.
    MigrationDialog* openMigrationDialog(const QString& taskId, const QString& preferredSiteId = {});
    DrainDialog* openDrainDialog(const QString& siteId);
    // Asks for a reason, then cancels them.
    void requestCancel(const QStringList& migrationIds);
    // Cancels without asking.
    void cancelMigration(const QString& migrationId, const QString& reason);

signals:
    // Something the operator should read now (also shown in the status bar).
    void notice(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions(QMainWindow* window);
    void createDocks(QMainWindow* window);
    void retranslate();
    void updateRole();
    void updateActions();
    void showTaskMenu(const QString& taskId, const QPoint& globalPos);
    void showSiteMenu(const QString& siteId, const QPoint& globalPos);
    void previewPlan(const MigrationPlan& plan);
    void clearPreview();
    void onCommandAnswered(const DispatchCommand& command);
    void onCommandFailed(const QString& requestId, const CommandError& error);
    void wirePlatform(PlatformLink* platform);
    std::optional<DispatchCommand> findCommand(const QString& requestId) const;
    QString platformOfTask(const QString& taskId) const;
    QString platformOfSite(const QString& siteId) const;
    QString platformOfMigration(const QString& migrationId) const;
    // Commands another operator left unanswered: send them as this one, or abandon them.
    void askAboutForeignCommands(DispatchOutbox* outbox, const QList<DispatchCommand>& commands);
    void onPlanned(const QString& requestId, const MigrationPlan& plan);
    void onClientFailed(const QString& requestId, const CommandError& error);
    void say(const QString& text);
    QString selectedTaskId() const;

    QMainWindow* m_window;
    ConsoleSession* m_session;
    MapView* m_map;
    TaskTablePanel* m_tasks;
    MigrationTableModel* m_migrations;
    AuditLogModel* m_audit;
    MigrationsPanel* m_panel;
    AuditLogPanel* m_auditPanel;
    QDockWidget* m_migrationsDock = nullptr;
    QDockWidget* m_auditDock = nullptr;
    QLabel* m_roleBadge = nullptr; // in the status bar, for viewers
    QMenu* m_menu = nullptr;
    QAction* m_moveTask = nullptr;
    QAction* m_drainSite = nullptr;
    QAction* m_cancelMigration = nullptr;
    QAction* m_showMigrations = nullptr;
    QAction* m_showAudit = nullptr;

    // Plans and drain previews on their way, by the client's request id.
    QHash<QString, QPair<QPointer<MigrationDialog>, QString>> m_plans;
    QHash<QString, QPointer<DrainDialog>> m_drainPreviews;
    QHash<QString, QPointer<DrainDialog>> m_drains; // by the drain's request id
    QSet<QString> m_sentThisRun; // request ids of the commands this run sent first
    QPointer<MigrationDialog> m_migrationDialog;
    QHash<QString, QPointer<DrainDialog>> m_drainDialogs; // by site
    bool m_displayOnly = false;
};

} // namespace cpn
