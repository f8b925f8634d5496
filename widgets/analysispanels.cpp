#include "analysispanels.h"

#include "analysistablemodels.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

AnalysisPanel::AnalysisPanel(QAbstractItemModel* model, int sortRole, QWidget* parent)
    : QWidget(parent)
    , m_bar(new QWidget(this))
    , m_thresholdLabel(new QLabel(this))
    , m_threshold(new QSpinBox(this))
    , m_refresh(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_threshold->setRange(50, 100);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(85);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_thresholdLabel);
    top->addWidget(m_threshold);
    top->addWidget(m_refresh);
    top->addWidget(m_status, 1);
    auto* barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(0, 0, 0, 0);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // ranked until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_bar);

    connect(m_threshold, &QSpinBox::valueChanged, this, [this](int percent) { emit thresholdChanged(percent / 100.0); });
    connect(m_refresh, &QPushButton::clicked, this, &AnalysisPanel::refreshRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { emit currentRowChanged(currentRow()); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { emit currentRowChanged(-1); });
}

double AnalysisPanel::threshold() const
{
    return m_threshold->value() / 100.0;
}

void AnalysisPanel::setThreshold(double ratio)
{
    m_threshold->setValue(int(std::lround(ratio * 100)));
}

void AnalysisPanel::setStatus(const QString& text, const QString& detail)
{
    m_status->setText(text);
    m_status->setToolTip(detail);
}

int AnalysisPanel::currentRow() const
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    return index.isValid() ? index.row() : -1;
}

QList<int> AnalysisPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void AnalysisPanel::retranslate()
{
    m_thresholdLabel->setText(tr("Keep loads under"));
    m_threshold->setToolTip(tr("No projected site or link load may go above this"));
    m_refresh->setText(tr("&Refresh"));
}

void AnalysisPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

RecommendationsPanel::RecommendationsPanel(RecommendationTableModel* model, QWidget* parent)
    : AnalysisPanel(model, RecommendationTableModel::SortRole, parent)
    , m_apply(new QPushButton(this))
{
    setObjectName(QStringLiteral("recommendationsPanel"));
    view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    bar()->layout()->addWidget(m_apply);
    static_cast<QHBoxLayout*>(bar()->layout())->addStretch();
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (const QList<int> rows = selectedRows(); !rows.isEmpty())
            emit applyRequested(rows);
    });
    connect(view()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecommendationsPanel::updateApply);
    retranslate();
    updateApply();
}

void RecommendationsPanel::setApplyAllowed(bool allowed, const QString& whyNot)
{
    m_allowed = allowed;
    m_whyNot = whyNot;
    updateApply();
}

void RecommendationsPanel::updateApply()
{
    const int count = int(view()->selectionModel()->selectedRows().size());
    m_apply->setEnabled(m_allowed && count > 0);
    m_apply->setToolTip(m_allowed ? tr("Start the selected migrations through the normal path (planned, journalled)")
                                  : m_whyNot);
    m_apply->setText(count > 1 ? tr("&Apply %n recommendation(s)", nullptr, count) : tr("&Apply"));
}

void RecommendationsPanel::retranslate()
{
    AnalysisPanel::retranslate();
    updateApply();
}

ContingenciesPanel::ContingenciesPanel(ContingencyTableModel* model, QWidget* parent)
    : AnalysisPanel(model, ContingencyTableModel::SortRole, parent)
    , m_pairLabel(new QLabel(this))
    , m_first(new QComboBox(this))
    , m_second(new QComboBox(this))
    , m_pair(new QPushButton(this))
{
    setObjectName(QStringLiteral("contingenciesPanel"));
    view()->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* layout = static_cast<QHBoxLayout*>(bar()->layout());
    layout->addWidget(m_pairLabel);
    layout->addWidget(m_first, 1);
    layout->addWidget(m_second, 1);
    layout->addWidget(m_pair);
    connect(m_pair, &QPushButton::clicked, this, [this] {
        const QString a = m_first->currentData().toString();
        const QString b = m_second->currentData().toString();
        emit pairRequested(a, b); // the same one twice is answered, not ignored
    });
    retranslate();
}

void ContingenciesPanel::setElements(const QList<QPair<QString, QString>>& elements)
{
    for (QComboBox* box : { m_first, m_second }) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        for (const auto& [id, name] : elements)
            box->addItem(name, id);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    }
    if (m_second->currentIndex() == m_first->currentIndex() && m_second->count() > 1)
        m_second->setCurrentIndex(1);
}

void ContingenciesPanel::retranslate()
{
    AnalysisPanel::retranslate();
    m_pairLabel->setText(tr("N-2, these two together:"));
    m_pair->setText(tr("&Show"));
    m_pair->setToolTip(tr("What happens if both fail at once"));
}

} // namespace cpn
