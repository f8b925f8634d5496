// DispatchController: the operator's flows (move a task, drain a site, cancel) and what the
// scheduler answers to them.

#include "dispatchcontroller.h"

#include "auditlogmodel.h"
#include "candidateplanmodel.h"
#include "commandjournal.h"
#include "consolesession.h"
#include "platformlink.h"
#include "dispatchclient.h"
#include "dispatchlabels.h"
#include "dispatchoutbox.h"
#include "draindialog.h"
#include "mapview.h"
#include "migrationdialog.h"
#include "migrationpreview.h"
#include "migrationspanel.h"
#include "migrationtablemodel.h"
#include "networkstate.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "wording.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include <QPointer>

#include <algorithm>

namespace cpn {

namespace {
    constexpr int kTasksInSiteMenu = 12;
}

MigrationDialog* DispatchController::openMigrationDialog(const QString& taskId, const QString& preferred)
{
    const NetworkState* state = m_session->state();
    const Task* task = m_session->tasks()->task(taskId);
    if (!task) {
        say(taskId.isEmpty() ? tr("Select a task first") : tr("Task %1 is no longer in the network").arg(taskId));
        return nullptr;
    }
    PlatformLink* platform = m_session->platform(task->platform);
    if (!isDispatchAllowed(task->platform) || !platform) {
        say(whyNotAllowed(task->platform));
        return nullptr;
    }
    if (const Migration* moving = m_migrations->activeMigrationOfTask(taskId)) {
        say(tr("%1 is already being moved by %2").arg(taskId, moving->id));
        m_migrationsDock->show();
        m_panel->selectMigration(moving->id);
        return nullptr;
    }
    // A site the map shows as another platform's that the task's own platform reports too: the
    // task's platform's own report of it is the target.
    QString preferredSiteId = preferred;
    if (const int same = state->sameSiteOn(state->siteIndex(preferred), task->platform); same >= 0)
        preferredSiteId = state->sites().at(same).id;
    if (m_migrationDialog)
        m_migrationDialog->close(); // one plan previewed on the map at a time
    auto* dialog = new MigrationDialog(state, *task, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_migrationDialog = dialog;
    connect(dialog, &MigrationDialog::selectedPlanChanged, this, &DispatchController::previewPlan);
    connect(dialog, &MigrationDialog::selectionCleared, this, &DispatchController::clearPreview);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_migrationDialog == dialog)
            clearPreview();
    });
    connect(dialog, &MigrationDialog::startRequested, this,
        [this](const QString& task, const QString& target, const QString& reason) { requestMove(task, target, reason); });
    const QStringList candidates = migrationCandidates(*state, *task, preferredSiteId);
    dialog->setCandidates(candidates, preferredSiteId);
    for (const QString& site : candidates) {
        const QString sitePlatform = platformOfSite(site);
        if (sitePlatform == task->platform) {
            m_plans.insert(platform->dispatch()->planMigration(taskId, site), { dialog, site });
            continue;
        }
        // No scheduler moves a task to a platform it does not run: said here, not asked.
        MigrationPlan plan;
        plan.taskId = taskId;
        plan.sourceSiteId = task->siteId;
        plan.targetSiteId = site;
        plan.violations.append({ ViolationCode::OtherPlatform,
            tr("%1 belongs to platform %2 and %3 to %4: a task moves only within its own platform.")
                .arg(siteName(state, site), sitePlatform, taskId, task->platform) });
        dialog->setPlan(plan);
    }
    dialog->show();
    return dialog;
}

bool DispatchController::requestMove(const QString& taskId, const QString& targetSiteId, const QString& reason)
{
    if (!m_session->tasks()->task(taskId)) {
        say(tr("%1 is no longer in the task list: it has ended.").arg(taskId));
        return false;
    }
    const QString platformName = platformOfTask(taskId);
    PlatformLink* platform = m_session->platform(platformName);
    // Not connected is no reason to refuse: the outbox journals the command and sends it once
    // the scheduler is back.
    if (!platform || m_displayOnly || m_session->state()->isPast() || isViewer(platformName)) {
        say(whyNotAllowed(platformName));
        return false;
    }
    platform->outbox()->startMigration(taskId, targetSiteId, reason);
    say(tr("Asked the scheduler to move %1 to %2").arg(taskId, siteName(m_session->state(), targetSiteId)));
    return true;
}

void DispatchController::onPlanned(const QString& requestId, const MigrationPlan& plan)
{
    const auto entry = m_plans.take(requestId);
    if (entry.first)
        entry.first->setPlan(plan);
}

void DispatchController::onClientFailed(const QString& requestId, const CommandError& error)
{
    // Plans and drain previews are reads: shown where they were asked for, never journaled.
    if (const auto entry = m_plans.take(requestId); entry.first)
        entry.first->setPlanError(entry.second, tr("%1: %2").arg(error.codeName, error.message));
    if (const auto dialog = m_drainPreviews.take(requestId))
        dialog->setPreviewFailed(tr("%1: %2").arg(error.codeName, error.message));
}

void DispatchController::previewPlan(const MigrationPlan& plan)
{
    MigrationPreview preview;
    preview.taskId = plan.taskId;
    preview.sourceSiteId = plan.sourceSiteId;
    preview.targetSiteId = plan.targetSiteId;
    preview.pathLinkIds = plan.pathLinkIds;
    for (const ProjectedLoad& l : plan.projectedSiteLoads)
        preview.siteUtilisationAfter.insert(l.entityId, l.utilisationAfter);
    for (const ProjectedLoad& l : plan.projectedLinkLoads)
        preview.linkUtilisationAfter.insert(l.entityId, l.utilisationAfter);
    m_map->setMigrationPreview(preview);
}

void DispatchController::clearPreview()
{
    m_map->setMigrationPreview(std::nullopt);
}

DrainDialog* DispatchController::openDrainDialog(const QString& siteId)
{
    if (m_session->state()->siteIndex(siteId) < 0) {
        say(tr("Select a site on the map first"));
        return nullptr;
    }
    PlatformLink* platform = m_session->platform(platformOfSite(siteId));
    if (!platform || !isDispatchAllowed(platform->name())) {
        say(whyNotAllowed(platformOfSite(siteId)));
        return nullptr;
    }
    if (DrainDialog* open = m_drainDialogs.value(siteId)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new DrainDialog(m_session->state(), m_session->tasks(), m_migrations, siteId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_drainDialogs.insert(siteId, dialog);
    connect(dialog, &QObject::destroyed, this, [this, siteId] { m_drainDialogs.remove(siteId); });
    // The platform by name: it may be removed while the dialog is open.
    const QString platformName = platform->name();
    connect(dialog, &DrainDialog::previewRequested, this,
        [this, dialog, platformName](const QString& site, int maxConcurrent) {
            if (PlatformLink* p = m_session->platform(platformName))
                m_drainPreviews.insert(p->dispatch()->previewDrain(site, maxConcurrent), dialog);
        });
    connect(dialog, &DrainDialog::drainRequested, this,
        [this, dialog, platformName](const QString& site, int maxConcurrent, const QString& reason) {
            PlatformLink* p = m_session->platform(platformName);
            if (!p) {
                say(whyNotAllowed(platformName));
                return;
            }
            const QString id = p->outbox()->drainSite(site, maxConcurrent, reason);
            m_drains.insert(id, dialog);
            dialog->setSent(id);
            say(tr("Asked the scheduler to drain %1").arg(siteName(m_session->state(), site)));
        });
    connect(dialog, &DrainDialog::cancelRequested, this, &DispatchController::requestCancel);
    m_drainPreviews.insert(platform->dispatch()->previewDrain(siteId, dialog->maxConcurrent()), dialog);
    dialog->show();
    return dialog;
}

void DispatchController::requestCancel(const QStringList& migrationIds)
{
    if (migrationIds.isEmpty())
        return;
    for (const QString& id : migrationIds) {
        if (!isDispatchAllowed(platformOfMigration(id))) {
            say(whyNotAllowed(platformOfMigration(id)));
            return;
        }
    }
    auto* ask = new QInputDialog(m_window);
    ask->setObjectName(QStringLiteral("CancelMigrationDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Cancel migration"));
    ask->setLabelText(migrationIds.size() == 1
            ? tr("Cancel %1 and roll it back? The task stays at its source.\nReason (kept in the audit log):")
                  .arg(migrationIds.first())
            : tr("Cancel %n migration(s) and roll them back? The tasks stay at their sources.\nReason (kept in the "
                 "audit log):",
                nullptr, int(migrationIds.size())));
    ask->setTextValue(tr("Cancelled by the operator"));
    ask->setOkButtonText(tr("Cancel migration"));
    ask->setCancelButtonText(tr("Keep it running"));
    connect(ask, &QInputDialog::textValueSelected, this, [this, migrationIds](const QString& reason) {
        for (const QString& id : migrationIds)
            cancelMigration(id, reason.trimmed());
    });
    ask->open();
}

void DispatchController::cancelMigration(const QString& migrationId, const QString& reason)
{
    const QString platform = platformOfMigration(migrationId);
    PlatformLink* link = m_session->platform(platform);
    if (!link || !isDispatchAllowed(platform)) {
        say(whyNotAllowed(platform));
        return;
    }
    link->outbox()->cancelMigration(migrationId, reason);
}

void DispatchController::onCommandAnswered(const DispatchCommand& command)
{
    m_audit->upsert(command);
    const QString what = commandSummary(command, m_session->state());
    // The answer to a command sent before a restart or a broken connection: say so.
    if (command.attempts > 1 || !m_sentThisRun.contains(command.requestId))
        say(tr("Answer to an earlier command: %1 — %2").arg(what, commandOutcomeText(command)));
    else if (command.outcome == CommandOutcome::Succeeded)
        say(tr("%1 — %2").arg(what, commandOutcomeText(command)));
}

void DispatchController::onCommandFailed(const QString& requestId, const CommandError& error)
{
    const auto command = findCommand(requestId);
    if (DrainDialog* dialog = m_drains.value(requestId)) {
        dialog->setFailed(error.message);
        return;
    }
    QString text = command ? tr("The scheduler refused \"%1\" (%2).").arg(commandSummary(*command, m_session->state()),
                                 error.codeName)
                           : tr("The scheduler refused a command (%1).").arg(error.codeName);
    QStringList why;
    for (const Violation& v : error.violations)
        why << QStringLiteral("• ") + violationName(v.code) + QStringLiteral(": ") + Wording::violation(v, m_session->state());
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Command refused"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("CommandRefusedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(why.isEmpty() ? error.message : why.join(QLatin1Char('\n')));
    box->open();
    say(text);
}

void DispatchController::askAboutForeignCommands(DispatchOutbox* outbox, const QList<DispatchCommand>& commands)
{
    // Never sent silently as someone else: the scheduler would record this operator as having
    // given them.
    QStringList lines;
    QStringList ids;
    for (const DispatchCommand& c : commands) {
        lines << tr("• %1, given by %2 at %3")
                     .arg(commandSummary(c, m_session->state()), c.operatorName,
                         QLocale().toString(c.createdAt, QLocale::ShortFormat));
        ids << c.requestId;
    }
    const QString me = outbox->operatorName();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Commands left by another operator"),
        tr("%n command(s) given on this console by another operator or token had no answer when it closed.",
            nullptr, int(commands.size())),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("ForeignCommandsMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + tr("Send them now in your name (%1), or abandon them?").arg(me));
    QPushButton* send = box->addButton(tr("Send in my name"), QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("SendAsMine"));
    QPushButton* drop = box->addButton(tr("Abandon"), QMessageBox::DestructiveRole);
    drop->setObjectName(QStringLiteral("Abandon"));
    box->setDefaultButton(drop);
    QPointer<DispatchOutbox> to(outbox);
    connect(box, &QMessageBox::buttonClicked, this, [this, ids, send, me, to](QAbstractButton* clicked) {
        if (!to)
            return; // its platform was removed meanwhile
        if (clicked == send) {
            to->sendAsMine(ids);
            say(tr("Sending %n command(s) of another operator in your name.", nullptr, int(ids.size())));
        } else {
            to->abandon(ids, tr("abandoned by %1: given by another operator, not confirmed").arg(me));
        }
    });
    box->open();
}

void DispatchController::showTaskMenu(const QString& taskId, const QPoint& globalPos)
{
    const Task* task = m_session->tasks()->task(taskId);
    if (!task)
        return;
    QMenu menu(m_window);
    menu.setToolTipsVisible(true);
    const bool allowed = isDispatchAllowed(task->platform);
    const QString whyNot = whyNotAllowed(task->platform);
    const Migration* moving = m_migrations->activeMigrationOfTask(taskId);
    QAction* move = menu.addAction(tr("Move %1…").arg(taskId), this, [this, taskId] { openMigrationDialog(taskId); });
    move->setShortcut(m_moveTask->shortcut());
    move->setEnabled(allowed && !moving);
    move->setToolTip(!allowed ? whyNot : moving ? tr("Already being moved by %1").arg(moving->id) : QString());
    if (moving) {
        const QString id = moving->id;
        QAction* cancel = menu.addAction(tr("Cancel migration %1…").arg(id), this, [this, id] { requestCancel({ id }); });
        cancel->setEnabled(allowed);
        cancel->setToolTip(whyNot);
        menu.addAction(tr("Show migration %1").arg(id), this, [this, id] {
            m_migrationsDock->show();
            m_migrationsDock->raise();
            m_panel->selectMigration(id);
        });
    }
    menu.exec(globalPos);
}

void DispatchController::showSiteMenu(const QString& siteId, const QPoint& globalPos)
{
    const NetworkState* state = m_session->state();
    if (state->siteIndex(siteId) < 0)
        return;
    const QString platform = state->sites().at(state->siteIndex(siteId)).platform;
    const bool allowed = isDispatchAllowed(platform);
    const QString whyNot = whyNotAllowed(platform);
    const QString name = siteName(state, siteId);
    QMenu menu(m_window);
    menu.setToolTipsVisible(true);

    // Move one of the site's tasks: the biggest ones first.
    QMenu* moveFrom = menu.addMenu(tr("Move a task from %1").arg(name));
    moveFrom->setToolTipsVisible(true);
    QList<const Task*> here;
    const TaskTableModel* tasks = m_session->tasks();
    for (int row = 0; row < tasks->rowCount(); ++row)
        if (const Task& t = tasks->taskAt(row); t.siteId == siteId && !m_migrations->activeMigrationOfTask(t.id))
            here.append(&t);
    std::sort(here.begin(), here.end(), [](const Task* a, const Task* b) { return a->cards > b->cards; });
    for (const Task* t : here.mid(0, kTasksInSiteMenu)) {
        const QString id = t->id;
        moveFrom->addAction(tr("%1 %2 (%n card(s))", nullptr, int(t->cards)).arg(id, t->name), this,
            [this, id] { openMigrationDialog(id); });
    }
    moveFrom->setEnabled(allowed && !here.isEmpty());
    moveFrom->menuAction()->setToolTip(allowed ? QString() : whyNot);

    // Move the task selected in the task list here.
    const QString selected = selectedTaskId();
    if (const Task* t = tasks->task(selected); t && t->siteId != siteId) {
        QAction* moveHere = menu.addAction(tr("Move %1 here…").arg(selected), this,
            [this, selected, siteId] { openMigrationDialog(selected, siteId); });
        moveHere->setEnabled(allowed);
        moveHere->setToolTip(whyNot);
    }
    QAction* drain = menu.addAction(tr("Drain %1…").arg(name), this, [this, siteId] { openDrainDialog(siteId); });
    drain->setEnabled(allowed);
    drain->setToolTip(allowed ? tr("Move every task off the site and put it into maintenance") : whyNot);

    QStringList touching;
    for (const Migration& m : state->migrations())
        if (!isFinished(m.state) && (m.sourceSiteId == siteId || m.targetSiteId == siteId))
            touching << m.id;
    if (!touching.isEmpty()) {
        std::sort(touching.begin(), touching.end());
        QMenu* cancel = menu.addMenu(tr("Cancel a migration"));
        for (const QString& id : touching) {
            const Migration& m = state->migrations()[id];
            cancel->addAction(tr("%1: %2 → %3").arg(id, siteName(state, m.sourceSiteId), siteName(state, m.targetSiteId)),
                this, [this, id] { requestCancel({ id }); });
        }
        cancel->setEnabled(allowed);
        cancel->menuAction()->setToolTip(whyNot);
    }
    menu.exec(globalPos);
}

} // namespace cpn
