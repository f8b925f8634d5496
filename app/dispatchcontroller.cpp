#include "dispatchcontroller.h"

#include "auditlogmodel.h"
#include "auditlogpanel.h"
#include "commandjournal.h"
#include "consolesession.h"
#include "platformlink.h"
#include "dispatchclient.h"
#include "dispatchlabels.h"
#include "dispatchoutbox.h"
#include "draindialog.h"
#include "mapview.h"
#include "migrationdialog.h"
#include "migrationfilterproxymodel.h"
#include "migrationspanel.h"
#include "migrationtablemodel.h"
#include "networkstate.h"
#include "siteinspector.h"
#include "statefeed.h"
#include "taskdragview.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>

namespace cpn {

namespace {
    constexpr int kNoticeMs = 15000;
}

DispatchController::DispatchController(
    QMainWindow* window, ConsoleSession* session, MapView* map, TaskTablePanel* tasks, SiteInspector* inspector)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_map(map)
    , m_tasks(tasks)
    , m_migrations(new MigrationTableModel(this))
    , m_audit(new AuditLogModel(this))
    , m_panel(new MigrationsPanel(m_migrations, window))
    , m_auditPanel(new AuditLogPanel(m_audit, window))
{
    m_migrations->setNetworkState(session->state());
    m_audit->setNetworkState(session->state());
    // Every platform journals into the same file (main.cpp): its log is this console's log.
    CommandJournal* journal = session->outbox()->journal();
    m_audit->setCommands(journal->recent());
    m_auditPanel->setJournalLocation(journal->path(), journal->isOpen() ? QString() : journal->lastError());

    createDocks(window);
    createActions(window);
    m_roleBadge = new QLabel(window);
    m_roleBadge->setObjectName(QStringLiteral("RoleBadge"));
    m_roleBadge->setStyleSheet(QStringLiteral("QLabel { color: #d9a400; font-weight: bold; }"));
    window->statusBar()->addPermanentWidget(m_roleBadge);

    for (PlatformLink* platform : session->platforms())
        wirePlatform(platform);
    connect(session, &ConsoleSession::platformAdded, this, &DispatchController::wirePlatform);
    connect(session, &ConsoleSession::platformRemoved, this, &DispatchController::updateRole);
    connect(session->state(), &NetworkState::topologyReset, this, &DispatchController::updateRole);
    connect(session->state(), &NetworkState::pastChanged, this, &DispatchController::updateRole);

    connect(map, &MapView::taskDroppedOnSite, this,
        [this](const QString& taskId, const QString& siteId) { openMigrationDialog(taskId, siteId); });
    connect(map, &MapView::siteContextMenuRequested, this, &DispatchController::showSiteMenu);
    connect(map, &MapView::siteSelected, this, &DispatchController::updateActions);
    if (inspector)
        connect(inspector, &SiteInspector::taskContextMenuRequested, this, &DispatchController::showTaskMenu);
    if (auto* dragView = qobject_cast<TaskDragView*>(tasks->view())) {
        connect(dragView, &TaskDragView::taskContextMenuRequested, this, &DispatchController::showTaskMenu);
    } else {
        tasks->view()->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(tasks->view(), &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
            const QModelIndex index = m_tasks->view()->indexAt(position);
            if (index.isValid())
                showTaskMenu(index.data(TaskTableModel::TaskIdRole).toString(),
                    m_tasks->view()->viewport()->mapToGlobal(position));
        });
    }
    connect(tasks->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DispatchController::updateActions);
    connect(m_panel, &MigrationsPanel::cancelRequested, this,
        [this](const QString& id) { requestCancel({ id }); });
    connect(m_panel, &MigrationsPanel::taskRequested, this, [this](const QString& taskId) {
        if (const Task* task = m_session->tasks()->task(taskId))
            m_map->flyToSite(task->siteId);
    });
    connect(m_panel->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DispatchController::updateActions);
    connect(m_migrations, &QAbstractItemModel::dataChanged, this, &DispatchController::updateActions);

    window->installEventFilter(this);
    retranslate();
    updateRole();
}

DispatchController::~DispatchController() = default;

void DispatchController::wirePlatform(PlatformLink* platform)
{
    DispatchOutbox* outbox = platform->outbox();
    connect(outbox, &DispatchOutbox::commandRecorded, this, [this](const DispatchCommand& c) {
        m_sentThisRun.insert(c.requestId);
        m_audit->upsert(c);
    });
    connect(outbox, &DispatchOutbox::commandAnswered, this, &DispatchController::onCommandAnswered);
    connect(outbox, &DispatchOutbox::commandFailed, this, &DispatchController::onCommandFailed);
    connect(outbox, &DispatchOutbox::awaitingConsent, this,
        [this, outbox](const QList<DispatchCommand>& commands) { askAboutForeignCommands(outbox, commands); });
    connect(
        outbox, &DispatchOutbox::commandDeferred, this, [this, outbox](const DispatchCommand& c, const QString& why) {
            if (auto fresh = outbox->journal()->find(c.requestId))
                m_audit->upsert(*fresh);
            say(tr("No answer from the scheduler (%1): \"%2\" is kept and will be sent again.")
                    .arg(why, commandSummary(c, m_session->state())));
        });
    connect(outbox, &DispatchOutbox::migrationStarted, this, [this](const QString&, const Migration& m) {
        m_migrationsDock->show();
        m_panel->selectMigration(m.id);
    });
    connect(outbox, &DispatchOutbox::drainStarted, this, [this](const QString& requestId, const DrainResult& result) {
        if (DrainDialog* dialog = m_drains.value(requestId))
            dialog->setStarted(result);
    });
    // Whatever has no answer yet goes out again as soon as the scheduler is reachable: after a
    // broken connection, and after a restart of the console (the first time the feed is live).
    connect(platform->feed(), &StateFeed::stateChanged, outbox, [this, outbox](ConnectionState state) {
        if (state != ConnectionState::Live)
            return;
        if (const int pending = outbox->pendingCount(); pending > 0) {
            say(tr("Sending %n command(s) that had no answer again.", nullptr, pending));
            outbox->resendPending();
        }
    });
    DispatchClient* client = platform->dispatch();
    connect(client, &DispatchClient::migrationPlanned, this, &DispatchController::onPlanned);
    connect(client, &DispatchClient::commandFailed, this, &DispatchController::onClientFailed);
    connect(client, &DispatchClient::drainPreviewed, this, [this](const QString& requestId, const DrainResult& r) {
        if (DrainDialog* dialog = m_drainPreviews.take(requestId))
            dialog->setPreview(r);
    });
    connect(platform, &PlatformLink::healthChanged, this, &DispatchController::updateRole);
}

std::optional<DispatchCommand> DispatchController::findCommand(const QString& requestId) const
{
    for (PlatformLink* p : m_session->platforms()) {
        if (auto found = p->outbox()->journal()->find(requestId))
            return found;
    }
    return std::nullopt;
}

QString DispatchController::platformOfTask(const QString& taskId) const
{
    const Task* task = m_session->tasks()->task(taskId);
    return task ? task->platform : QString();
}

QString DispatchController::platformOfSite(const QString& siteId) const
{
    const int i = m_session->state()->siteIndex(siteId);
    return i >= 0 ? m_session->state()->sites().at(i).platform : QString();
}

QString DispatchController::platformOfMigration(const QString& migrationId) const
{
    const auto it = m_session->state()->migrations().constFind(migrationId);
    return it != m_session->state()->migrations().cend() ? it->platform : QString();
}

void DispatchController::createDocks(QMainWindow* window)
{
    m_migrationsDock = new QDockWidget(window);
    m_migrationsDock->setObjectName(QStringLiteral("MigrationsDock"));
    m_migrationsDock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_migrationsDock);
    m_auditDock = new QDockWidget(window);
    m_auditDock->setObjectName(QStringLiteral("DispatchLogDock"));
    m_auditDock->setWidget(m_auditPanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_auditDock);
    // The log is looked at now and then: a tab behind the migrations, not a pane of its own.
    window->tabifyDockWidget(m_migrationsDock, m_auditDock);
    m_migrationsDock->raise();
}

void DispatchController::createActions(QMainWindow* window)
{
    m_menu = new QMenu(window);
    m_menu->setToolTipsVisible(true);
    const QList<QAction*> menus = window->menuBar()->actions();
    // Before Help, which stays last.
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_menu);

    m_moveTask = m_menu->addAction(QString(), this, [this] { openMigrationDialog(selectedTaskId()); });
    m_moveTask->setObjectName(QStringLiteral("MoveTaskAction"));
    m_moveTask->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_drainSite = m_menu->addAction(QString(), this, [this] { openDrainDialog(m_map->selectedSiteId()); });
    m_drainSite->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_cancelMigration = m_menu->addAction(QString(), this, [this] {
        if (const QString id = m_panel->currentMigrationId(); !id.isEmpty())
            requestCancel({ id });
    });
    m_menu->addSeparator();
    m_showMigrations = m_migrationsDock->toggleViewAction();
    m_showMigrations->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_menu->addAction(m_showMigrations);
    m_showAudit = m_auditDock->toggleViewAction();
    m_showAudit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_menu->addAction(m_showAudit);
    // The shortcut works where the operator is looking: the task list.
    m_tasks->view()->addAction(m_moveTask);
}

bool DispatchController::isViewer(const QString& platform) const
{
    // Empty: the scheduler did not say; it still enforces roles, and says so if we may not.
    const PlatformLink* link = m_session->platform(platform);
    return link && link->role() == QLatin1String("viewer");
}

bool DispatchController::isViewer() const
{
    const auto& all = m_session->platforms();
    return !all.isEmpty()
        && std::all_of(all.cbegin(), all.cend(), [this](const PlatformLink* p) { return isViewer(p->name()); });
}

bool DispatchController::isDispatchAllowed(const QString& platform) const
{
    // While disconnected the console is read-only there: what it shows may no longer be true.
    const PlatformLink* link = m_session->platform(platform);
    return link && !m_displayOnly && !m_session->state()->isPast() && !isViewer(platform)
        && link->connectionState() == ConnectionState::Live;
}

void DispatchController::setDisplayOnly(bool on)
{
    m_displayOnly = on;
    updateRole();
}

bool DispatchController::isDispatchAllowed() const
{
    const auto& all = m_session->platforms();
    return std::any_of(
        all.cbegin(), all.cend(), [this](const PlatformLink* p) { return isDispatchAllowed(p->name()); });
}

QString DispatchController::whyNotAllowed(const QString& platform) const
{
    const PlatformLink* link = m_session->platform(platform);
    const bool several = m_session->platforms().size() > 1;
    if (!link)
        return tr("Platform %1 is no longer connected.").arg(platform);
    if (m_displayOnly)
        return tr("This console is a wall display (--kiosk): it does not dispatch.");
    if (m_session->state()->isPast())
        return tr("The map shows the past: nothing is dispatched from it. Return to live (End) to dispatch.");
    if (isViewer(platform))
        return several ? tr("Your token on %1 has the viewer role: moving its tasks, draining its sites and "
                            "cancelling its migrations need an operator token.")
                             .arg(link->displayName())
                       : tr("Your token has the viewer role: moving tasks, draining sites and cancelling "
                            "migrations need an operator token.");
    if (!isDispatchAllowed(platform))
        return several ? tr("Not connected to %1: its part of the network is read-only until the connection is back.")
                             .arg(link->displayName())
                       : tr("Not connected to the scheduler: the console is read-only until the connection is back.");
    return {};
}

QString DispatchController::whyNotAllowed() const
{
    if (isDispatchAllowed())
        return {};
    const auto& all = m_session->platforms();
    return all.isEmpty() ? tr("No platform is connected.") : whyNotAllowed(all.front()->name());
}

void DispatchController::updateRole()
{
    m_panel->setDispatchAllowed(isDispatchAllowed(), whyNotAllowed());
    QStringList viewerOn;
    for (const PlatformLink* p : m_session->platforms()) {
        if (isViewer(p->name()))
            viewerOn << p->displayName();
    }
    m_roleBadge->setVisible(!viewerOn.isEmpty());
    m_roleBadge->setText(isViewer() || m_session->platforms().size() == 1
            ? tr("Read only (viewer)")
            : tr("Read only (viewer) on %1").arg(QLocale().createSeparatedList(viewerOn)));
    m_roleBadge->setToolTip(
        isViewer() ? whyNotAllowed() : tr("Your token is a viewer's on %1.").arg(viewerOn.join(QStringLiteral(", "))));
    if (isViewer() || m_session->state()->isPast()) { // nothing to dispatch from here
        if (m_migrationDialog)
            m_migrationDialog->close();
        for (const auto& dialog : std::as_const(m_drainDialogs))
            if (dialog && !dialog->isShowingProgress())
                dialog->close();
    }
    updateActions();
}

QString DispatchController::selectedTaskId() const
{
    return m_tasks->currentTaskId();
}

void DispatchController::updateActions()
{
    // Each action as the platform of what it acts on allows; with nothing chosen, as any does.
    const auto allowedFor = [this](const QString& id, QString (DispatchController::*platformOf)(const QString&) const) {
        const QString platform = (this->*platformOf)(id);
        return std::pair { id.isEmpty() ? isDispatchAllowed() : isDispatchAllowed(platform),
            id.isEmpty() ? whyNotAllowed() : whyNotAllowed(platform) };
    };
    const QString task = selectedTaskId();
    auto [allowed, why] = allowedFor(task, &DispatchController::platformOfTask);
    m_moveTask->setEnabled(allowed && !task.isEmpty());
    m_moveTask->setToolTip(!allowed ? why
            : task.isEmpty()        ? tr("Select a task in the task list first")
                                    : tr("Plan and start a migration of %1").arg(task));
    const QString site = m_map->selectedSiteId();
    std::tie(allowed, why) = allowedFor(site, &DispatchController::platformOfSite);
    m_drainSite->setEnabled(allowed && !site.isEmpty());
    m_drainSite->setToolTip(!allowed ? why
            : site.isEmpty()         ? tr("Select a site on the map first")
                                     : tr("Move every task off %1 and put it into maintenance")
                                   .arg(siteName(m_session->state(), site)));
    const QModelIndex current = m_panel->view()->currentIndex();
    const bool active = current.data(MigrationTableModel::ActiveRole).toBool();
    std::tie(allowed, why) = allowedFor(
        current.data(MigrationTableModel::MigrationIdRole).toString(), &DispatchController::platformOfMigration);
    m_cancelMigration->setEnabled(allowed && active);
    m_cancelMigration->setToolTip(!allowed ? why
            : active                       ? tr("Stop the selected migration and roll it back")
                                           : tr("Select a running migration in the migrations list first"));
}

void DispatchController::say(const QString& text)
{
    if (auto* bar = m_window->statusBar())
        bar->showMessage(text, kNoticeMs);
    emit notice(text);
}

bool DispatchController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void DispatchController::retranslate()
{
    m_menu->setTitle(tr("&Dispatch"));
    m_moveTask->setText(tr("&Move task…"));
    m_drainSite->setText(tr("&Drain site…"));
    m_cancelMigration->setText(tr("&Cancel migration…"));
    m_migrationsDock->setWindowTitle(tr("Migrations"));
    m_auditDock->setWindowTitle(tr("Dispatch log"));
    m_migrations->retranslate();
    m_audit->retranslate();
    updateRole();
}

} // namespace cpn
