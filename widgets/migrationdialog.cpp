#include "migrationdialog.h"

#include "candidateplanmodel.h"
#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "wording.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

namespace {
    // Below these a move is not "more expensive" or "further away" enough to ask twice.
    constexpr double kCostThresholdCnyPerHour = 0.5;
    constexpr double kLatencyThresholdMs = 0.1;

    QString signedNumber(double value, int decimals)
    {
        const QString text = QLocale().toString(value, 'f', decimals);
        return value > 0 ? QLatin1Char('+') + text : text;
    }

    QString percent(double ratio)
    {
        return QLocale().toString(ratio * 100, 'f', 0) + QLatin1Char('%');
    }
}

MigrationDialog::MigrationDialog(const NetworkState* state, const Task& task, QWidget* parent)
    : QDialog(parent)
    , m_state(state)
    , m_task(task)
    , m_model(new CandidatePlanModel(this))
    , m_ranked(new QSortFilterProxyModel(this))
    , m_header(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_view(new QTableView(this))
    , m_details(new QLabel(this))
    , m_confirm(new QCheckBox(this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_start(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("MigrationDialog"));
    m_model->setNetworkState(state);
    m_ranked->setSourceModel(m_model);
    m_ranked->setSortRole(CandidatePlanModel::RankRole);
    m_ranked->setDynamicSortFilter(true);
    m_ranked->sort(CandidatePlanModel::RankColumn, Qt::AscendingOrder);

    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_hint->setWordWrap(true);
    m_view->setModel(m_ranked);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CandidatePlanModel::SiteColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    m_view->setColumnWidth(CandidatePlanModel::SiteColumn, 300);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 7);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_confirm->hide();
    m_reasonLabel->setBuddy(m_reason);
    m_start->setDefault(true);

    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_confirm);
    layout->addLayout(reasonRow);
    layout->addWidget(buttons);
    resize(1040, 640);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MigrationDialog::onSelectionChanged);
    connect(m_view, &QTableView::pressed, this, [this] { m_userChose = true; });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetails();
        updateStart();
    });
    connect(m_reason, &QLineEdit::textChanged, this, &MigrationDialog::updateStart);
    connect(m_confirm, &QCheckBox::toggled, this, &MigrationDialog::updateStart);
    connect(m_start, &QPushButton::clicked, this, &MigrationDialog::onStart);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
}

void MigrationDialog::setCandidates(const QStringList& siteIds, const QString& preferred)
{
    m_preferred = preferred;
    m_userChose = false;
    m_model->setCandidates(siteIds);
    if (!preferred.isEmpty())
        selectSite(preferred);
    updateDetails();
    updateStart();
}

void MigrationDialog::setPlan(const MigrationPlan& plan)
{
    m_model->setPlan(plan);
    if (!m_userChose) {
        // Follow the best answer so far, unless the operator chose a target (or dropped it there).
        const QModelIndex best = m_ranked->index(0, 0);
        if (!m_preferred.isEmpty())
            selectSite(m_preferred);
        else if (best.isValid() && best.data(CandidatePlanModel::FeasibleRole).toBool())
            selectSite(best.data(CandidatePlanModel::SiteIdRole).toString());
    }
    updateDetails();
    updateStart();
}

void MigrationDialog::setPlanError(const QString& siteId, const QString& error)
{
    m_model->setError(siteId, error);
}

QString MigrationDialog::selectedSiteId() const
{
    return m_view->currentIndex().data(CandidatePlanModel::SiteIdRole).toString();
}

void MigrationDialog::selectSite(const QString& siteId)
{
    for (int row = 0; row < m_ranked->rowCount(); ++row) {
        const QModelIndex index = m_ranked->index(row, 0);
        if (index.data(CandidatePlanModel::SiteIdRole).toString() == siteId) {
            if (m_view->currentIndex().row() != row)
                m_view->setCurrentIndex(index);
            return;
        }
    }
}

QString MigrationDialog::reason() const
{
    return m_reason->text().trimmed();
}

void MigrationDialog::setReason(const QString& reason)
{
    m_reason->setText(reason);
}

const MigrationPlan* MigrationDialog::selectedPlan() const
{
    const CandidatePlan* c = m_model->candidate(selectedSiteId());
    return c && c->plan ? &*c->plan : nullptr;
}

bool MigrationDialog::needsConfirmation() const
{
    const MigrationPlan* p = selectedPlan();
    return p && p->feasible
        && (p->costDeltaCnyPerHour > kCostThresholdCnyPerHour
            || p->latencyMsAfter > p->latencyMsBefore + kLatencyThresholdMs);
}

void MigrationDialog::setConfirmed(bool confirmed)
{
    m_confirm->setChecked(confirmed);
}

void MigrationDialog::onSelectionChanged()
{
    m_confirm->setChecked(false);
    updateDetails();
    updateStart();
    if (const MigrationPlan* p = selectedPlan())
        emit selectedPlanChanged(*p);
    else
        emit selectionCleared();
}

void MigrationDialog::onStart()
{
    if (!m_start->isEnabled())
        return;
    emit startRequested(m_task.id, selectedSiteId(), reason());
    accept();
}

void MigrationDialog::updateDetails()
{
    const QString siteId = selectedSiteId();
    const CandidatePlan* c = m_model->candidate(siteId);
    if (!c) {
        m_details->setText(tr("Select a target to see the plan."));
        m_confirm->hide();
        return;
    }
    const QLocale locale;
    QString html = QStringLiteral("<b>%1</b>").arg(siteName(m_state, siteId).toHtmlEscaped());
    if (!c->error.isEmpty()) {
        m_details->setText(html + QStringLiteral("<br>") + c->error.toHtmlEscaped());
        m_confirm->hide();
        return;
    }
    if (!c->plan) {
        m_details->setText(html + QStringLiteral("<br>") + tr("Asking the scheduler for a plan…"));
        m_confirm->hide();
        return;
    }
    const MigrationPlan& p = *c->plan;
    html += QStringLiteral(" — ") + (p.feasible ? tr("feasible") : tr("blocked"));
    QStringList lines;
    if (!p.pathLinkIds.isEmpty())
        lines << tr("Path: %1 (%n link(s))", nullptr, int(p.pathLinkIds.size()))
                     .arg(pathSiteNames(m_state, p.sourceSiteId, p.pathLinkIds).join(QStringLiteral(" → ")).toHtmlEscaped());
    if (p.feasible)
        lines << tr("Moves %1 in %2; the task is down for %3")
                     .arg(formatBytes(p.transferGb * 1e9), formatDuration(p.transferSeconds),
                         formatDuration(p.downtimeSeconds));
    lines << tr("Electricity: %1 CNY/h; CO₂: %2 kg/h")
                 .arg(signedNumber(p.costDeltaCnyPerHour, 1), signedNumber(p.carbonDeltaKgPerHour, 1));
    if (p.latencyMsBefore > 0 || p.latencyMsAfter > 0)
        lines << tr("Latency to its users: %1 → %2 ms")
                     .arg(locale.toString(p.latencyMsBefore, 'f', 1), locale.toString(p.latencyMsAfter, 'f', 1));
    QStringList loads;
    for (const ProjectedLoad& l : p.projectedSiteLoads)
        loads << tr("%1 %2 → %3")
                     .arg(siteName(m_state, l.entityId).toHtmlEscaped(), percent(l.utilisationBefore),
                         percent(l.utilisationAfter));
    double linkBefore = 0;
    double linkAfter = -1;
    for (const ProjectedLoad& l : p.projectedLinkLoads)
        if (l.utilisationAfter > linkAfter) {
            linkBefore = l.utilisationBefore;
            linkAfter = l.utilisationAfter;
        }
    if (linkAfter >= 0)
        loads << tr("busiest link on the path %1 → %2").arg(percent(linkBefore), percent(linkAfter));
    if (!loads.isEmpty())
        lines << tr("Load after the move: %1").arg(loads.join(QStringLiteral("; ")));
    for (const Violation& v : p.violations)
        lines << QStringLiteral("<span style='color:#e5484d'>✖ %1: %2</span>")
                     .arg(violationName(v.code).toHtmlEscaped(), Wording::violation(v, m_state).toHtmlEscaped());
    m_details->setText(html + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));

    if (needsConfirmation()) {
        QStringList worse;
        if (p.costDeltaCnyPerHour > kCostThresholdCnyPerHour)
            worse << tr("costs %1 CNY/h more").arg(locale.toString(p.costDeltaCnyPerHour, 'f', 1));
        if (p.latencyMsAfter > p.latencyMsBefore + kLatencyThresholdMs)
            worse << tr("takes it from %1 to %2 ms from its users")
                         .arg(locale.toString(p.latencyMsBefore, 'f', 1), locale.toString(p.latencyMsAfter, 'f', 1));
        m_confirm->setText(tr("This move %1. I confirm it.").arg(worse.join(tr(" and "))));
        m_confirm->show();
    } else {
        m_confirm->hide();
    }
}

void MigrationDialog::updateStart()
{
    const MigrationPlan* p = selectedPlan();
    QString why;
    if (!p)
        why = selectedSiteId().isEmpty() ? tr("Select a target") : tr("Waiting for the scheduler's plan");
    else if (!p->feasible)
        why = tr("The scheduler cannot move the task there: see why below");
    else if (reason().isEmpty())
        why = tr("Give a reason: it is kept in the audit log");
    else if (needsConfirmation() && !m_confirm->isChecked())
        why = tr("Confirm the higher cost or latency first");
    m_start->setEnabled(why.isEmpty());
    m_start->setToolTip(why.isEmpty() ? tr("Start moving %1 to %2").arg(m_task.id, siteName(m_state, selectedSiteId()))
                                      : why);
}

void MigrationDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void MigrationDialog::retranslate()
{
    setWindowTitle(tr("Move task %1").arg(m_task.id));
    m_header->setText(tr("<b>%1</b> %2 — %3, %4 × %5 cards, now at <b>%6</b>")
                          .arg(m_task.id.toHtmlEscaped(), m_task.name.toHtmlEscaped(), taskKindName(m_task.kind),
                              architectureName(m_task.architecture), QLocale().toString(m_task.cards),
                              siteName(m_state, m_task.siteId).toHtmlEscaped()));
    m_hint->setText(tr("Targets are ranked by the scheduler's plans: feasible moves first, then the shortest "
                       "downtime, the lowest latency to the task's users and the lowest extra cost. The selected "
                       "plan is previewed on the map."));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Why this move (kept in the audit log)"));
    m_start->setText(tr("&Start migration"));
    m_close->setText(tr("Cancel"));
    m_model->retranslate();
    updateDetails();
    updateStart();
}

} // namespace cpn
