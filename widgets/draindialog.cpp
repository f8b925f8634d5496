#include "draindialog.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "migrationfilterproxymodel.h"
#include "migrationtablemodel.h"
#include "networkstate.h"
#include "progressdelegate.h"
#include "tasktablemodel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cpn {

namespace {
    enum PlanColumn { TaskCol, KindCol, CardsCol, TargetCol, TimeCol, PlanColumnCount };
    constexpr int kDefaultConcurrency = 4;
}

DrainDialog::DrainDialog(const NetworkState* state, const TaskTableModel* tasks, MigrationTableModel* migrations,
    const QString& siteId, QWidget* parent)
    : QDialog(parent)
    , m_state(state)
    , m_tasks(tasks)
    , m_migrations(migrations)
    , m_batch(new MigrationFilterProxyModel(this))
    , m_siteId(siteId)
    , m_pages(new QStackedWidget(this))
    , m_intro(new QLabel(this))
    , m_concurrentLabel(new QLabel(this))
    , m_concurrent(new QSpinBox(this))
    , m_refresh(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_plan(new QTableWidget(0, PlanColumnCount, this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_drain(new QPushButton(this))
    , m_close(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_batchView(new QTableView(this))
    , m_cancelRest(new QPushButton(this))
    , m_done(new QPushButton(this))
{
    setObjectName(QStringLiteral("DrainDialog"));
    m_intro->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_concurrent->setRange(1, 64);
    m_concurrent->setValue(kDefaultConcurrency);
    m_concurrentLabel->setBuddy(m_concurrent);
    m_reasonLabel->setBuddy(m_reason);
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_plan->setAlternatingRowColors(true);
    m_plan->setWordWrap(false);
    m_plan->verticalHeader()->hide();
    m_plan->horizontalHeader()->setStretchLastSection(true);
    m_plan->setColumnWidth(TargetCol, 220);
    m_drain->setDefault(true);

    auto* planPage = new QWidget(this);
    auto* concurrency = new QHBoxLayout;
    concurrency->addWidget(m_concurrentLabel);
    concurrency->addWidget(m_concurrent);
    concurrency->addStretch(1);
    concurrency->addWidget(m_refresh);
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    auto* planButtons = new QDialogButtonBox(this);
    planButtons->addButton(m_drain, QDialogButtonBox::AcceptRole);
    planButtons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto* planLayout = new QVBoxLayout(planPage);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(m_intro);
    planLayout->addLayout(concurrency);
    planLayout->addWidget(m_summary);
    planLayout->addWidget(m_plan, 1);
    planLayout->addLayout(reasonRow);
    planLayout->addWidget(planButtons);

    m_batch->setSourceModel(migrations);
    m_batch->setDrainRequestId(QStringLiteral("-")); // nothing until the drain is sent
    m_batchView->setModel(m_batch);
    m_batchView->setSortingEnabled(true);
    m_batchView->sortByColumn(MigrationTableModel::StateColumn, Qt::AscendingOrder);
    m_batchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_batchView->setAlternatingRowColors(true);
    m_batchView->setWordWrap(false);
    m_batchView->verticalHeader()->hide();
    m_batchView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_batchView->horizontalHeader()->setSectionResizeMode(MigrationTableModel::ProgressColumn, QHeaderView::Interactive);
    m_batchView->horizontalHeader()->setStretchLastSection(true);
    m_batchView->setItemDelegateForColumn(
        MigrationTableModel::ProgressColumn, new ProgressDelegate(MigrationTableModel::ProgressRole, this));
    m_batchView->setColumnWidth(MigrationTableModel::ProgressColumn, 170);
    for (int c : { int(MigrationTableModel::SourceColumn), int(MigrationTableModel::ReasonColumn),
             int(MigrationTableModel::RequestedByColumn) })
        m_batchView->hideColumn(c);
    m_status->setWordWrap(true);
    m_progress->setRange(0, 1000);
    auto* progressPage = new QWidget(this);
    auto* progressButtons = new QDialogButtonBox(this);
    progressButtons->addButton(m_cancelRest, QDialogButtonBox::ActionRole);
    progressButtons->addButton(m_done, QDialogButtonBox::AcceptRole);
    auto* progressLayout = new QVBoxLayout(progressPage);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_status);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_batchView, 1);
    progressLayout->addWidget(progressButtons);

    m_pages->addWidget(planPage);
    m_pages->addWidget(progressPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(900, 600);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_previewReady = false;
        m_preview.reset();
        m_plan->setRowCount(0);
        retranslate();
        emit previewRequested(m_siteId, maxConcurrent());
    });
    connect(m_reason, &QLineEdit::textChanged, this, &DrainDialog::updateDrainButton);
    connect(m_drain, &QPushButton::clicked, this, [this] {
        if (m_drain->isEnabled())
            emit drainRequested(m_siteId, maxConcurrent(), reason());
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelRest, &QPushButton::clicked, this, &DrainDialog::cancelRest);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_batch, signal, this, &DrainDialog::updateProgress);
    connect(m_batch, &QAbstractItemModel::dataChanged, this, &DrainDialog::updateProgress);
    connect(m_batch, &QAbstractItemModel::modelReset, this, &DrainDialog::updateProgress);
    retranslate();
}

int DrainDialog::maxConcurrent() const
{
    return m_concurrent->value();
}

void DrainDialog::setMaxConcurrent(int count)
{
    m_concurrent->setValue(count);
}

QString DrainDialog::reason() const
{
    return m_reason->text().trimmed();
}

void DrainDialog::setReason(const QString& reason)
{
    m_reason->setText(reason);
}

bool DrainDialog::isShowingProgress() const
{
    return m_pages->currentIndex() == 1;
}

QString DrainDialog::progressText() const
{
    return m_status->text();
}

void DrainDialog::setPreview(const DrainResult& preview)
{
    m_preview = preview;
    m_previewReady = true;
    m_error.clear();
    const QLocale locale;
    m_plan->setRowCount(0);
    auto addRow = [this](const QStringList& cells, bool stays) {
        const int row = m_plan->rowCount();
        m_plan->insertRow(row);
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (stays)
                item->setForeground(QColor(0xe5, 0x48, 0x4d));
            m_plan->setItem(row, c, item);
        }
    };
    auto taskCells = [&](const QString& taskId) {
        const Task* t = m_tasks ? m_tasks->task(taskId) : nullptr;
        return QStringList { t ? QStringLiteral("%1  %2").arg(taskId, t->name) : taskId,
            t ? taskKindName(t->kind) : QString(), t ? locale.toString(t->cards) : QString() };
    };
    for (const Migration& m : preview.migrations)
        addRow(taskCells(m.taskId)
                << QStringLiteral("→ ") + siteName(m_state, m.targetSiteId) << formatDuration(m.etaSeconds),
            false);
    for (const QString& taskId : preview.unplacedTaskIds)
        addRow(taskCells(taskId) << tr("stays: no feasible target") << QString(), true);
    m_plan->resizeColumnToContents(TaskCol);
    retranslate();
}

void DrainDialog::setPreviewFailed(const QString& error)
{
    m_previewReady = false;
    m_error = error;
    retranslate();
}

void DrainDialog::setSent(const QString& drainRequestId)
{
    m_drainRequestId = drainRequestId;
    m_batch->setDrainRequestId(drainRequestId);
    m_pages->setCurrentIndex(1);
    updateProgress();
}

void DrainDialog::setStarted(const DrainResult& result)
{
    m_answered = true;
    m_unplaced = int(result.unplacedTaskIds.size());
    updateProgress();
}

void DrainDialog::setFailed(const QString& error)
{
    m_error = error;
    m_answered = true;
    updateProgress();
}

void DrainDialog::updateDrainButton()
{
    QString why;
    if (!m_previewReady)
        why = tr("Wait for the plan");
    else if (reason().isEmpty())
        why = tr("Give a reason: it is kept in the audit log");
    m_drain->setEnabled(why.isEmpty());
    m_drain->setToolTip(why.isEmpty() ? tr("Put the site into maintenance and start moving its tasks") : why);
}

void DrainDialog::updateProgress()
{
    if (!isShowingProgress())
        return;
    int total = 0;
    int completed = 0;
    int failed = 0;
    int running = 0;
    double progress = 0;
    QStringList active;
    for (int row = 0; row < m_batch->rowCount(); ++row) {
        const QModelIndex index = m_batch->index(row, 0);
        const auto state = MigrationState(index.data(MigrationTableModel::StateRole).toInt());
        ++total;
        completed += state == MigrationState::Completed;
        failed += isFinished(state) && state != MigrationState::Completed;
        running += !isFinished(state) && state != MigrationState::Planned;
        progress += isFinished(state) ? 1.0 : index.data(MigrationTableModel::ProgressRole).toDouble();
        if (!isFinished(state))
            active << index.data(MigrationTableModel::MigrationIdRole).toString();
    }
    m_progress->setValue(total > 0 ? int(progress / total * 1000) : 0);
    m_cancelRest->setEnabled(!active.isEmpty());
    QString text;
    if (!m_error.isEmpty()) {
        text = tr("The scheduler refused the drain: %1").arg(m_error);
    } else if (!m_answered && total == 0) {
        text = tr("Sent; waiting for the scheduler's answer (the request is kept and sent again until it answers).");
    } else {
        const QLocale locale;
        text = tr("%1 of %2 moved, %3 moving, %4 waiting, %5 failed or cancelled")
                   .arg(locale.toString(completed), locale.toString(total), locale.toString(running),
                       locale.toString(total - completed - failed - running), locale.toString(failed));
        if (m_unplaced > 0)
            text += QLatin1Char('\n') + tr("%n task(s) had no feasible target and stay.", nullptr, m_unplaced);
        if (total > 0 && active.isEmpty())
            text += QLatin1Char('\n') + tr("The drain has finished.");
    }
    m_status->setText(text);
}

void DrainDialog::cancelRest()
{
    QStringList ids;
    for (int row = 0; row < m_batch->rowCount(); ++row) {
        const QModelIndex index = m_batch->index(row, 0);
        if (index.data(MigrationTableModel::ActiveRole).toBool())
            ids << index.data(MigrationTableModel::MigrationIdRole).toString();
    }
    if (!ids.isEmpty())
        emit cancelRequested(ids);
}

void DrainDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DrainDialog::retranslate()
{
    const QString site = siteName(m_state, m_siteId);
    setWindowTitle(tr("Drain %1").arg(site));
    m_intro->setText(tr("Draining puts %1 into maintenance (it takes no new work) and moves each of its tasks to a "
                        "feasible target, a few at a time, spread so that no target overloads.")
                         .arg(site));
    m_concurrentLabel->setText(tr("&Migrations at once:"));
    m_refresh->setText(tr("&Plan again"));
    m_plan->setHorizontalHeaderLabels({ tr("Task"), tr("Kind"), tr("Cards"), tr("Goes to"), tr("Estimated time") });
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Why drain this site (kept in the audit log)"));
    m_drain->setText(tr("&Drain site"));
    m_close->setText(tr("Cancel"));
    m_cancelRest->setText(tr("Cancel the rest"));
    m_cancelRest->setToolTip(tr("Cancel every migration of this drain that has not finished"));
    m_done->setText(tr("Close"));
    if (!m_error.isEmpty() && !isShowingProgress()) {
        m_summary->setText(tr("The scheduler could not plan the drain: %1").arg(m_error.toHtmlEscaped()));
    } else if (!m_preview) {
        m_summary->setText(tr("Asking the scheduler where each task would go…"));
    } else {
        QMap<QString, int> perTarget;
        for (const Migration& m : m_preview->migrations)
            ++perTarget[m.targetSiteId];
        QList<QPair<int, QString>> busiest;
        for (auto it = perTarget.cbegin(); it != perTarget.cend(); ++it)
            busiest.append({ it.value(), it.key() });
        std::sort(busiest.begin(), busiest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        QStringList top;
        for (int i = 0; i < std::min<int>(4, int(busiest.size())); ++i)
            top << tr("%1 (%2)").arg(siteName(m_state, busiest.at(i).second).toHtmlEscaped()).arg(busiest.at(i).first);
        QString text = tr("%n task(s) move", nullptr, int(m_preview->migrations.size())) + QLatin1Char(' ')
            + tr("to %n site(s)", nullptr, int(perTarget.size()));
        if (!top.isEmpty())
            text += QStringLiteral(": ") + top.join(QStringLiteral(", "));
        if (!m_preview->unplacedTaskIds.isEmpty())
            text += QStringLiteral("<br><span style='color:#e5484d'>")
                + tr("%n task(s) have no feasible target and stay on the site.", nullptr,
                    int(m_preview->unplacedTaskIds.size()))
                + QStringLiteral("</span>");
        m_summary->setText(text);
    }
    updateDrainButton();
    updateProgress();
}

} // namespace cpn
