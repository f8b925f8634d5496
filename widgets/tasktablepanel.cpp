#include "tasktablepanel.h"

#include "platformfilterbox.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace cpn {

TaskTablePanel::TaskTablePanel(TaskTableModel* tasks, QWidget* parent)
    : QWidget(parent)
    , m_tasks(tasks)
    , m_proxy(new TaskFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_siteOnly(new QCheckBox(this))
    , m_platform(new PlatformFilterBox(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
{
    m_proxy->setSourceModel(tasks);
    m_filter->setClearButtonEnabled(true);
    m_siteOnly->setChecked(true);

    // When the current task leaves the list (it ended, or the filter hides it), nothing is
    // current, rather than the neighbour Qt would make current: a dispatcher's next command must
    // never silently go to another task. Connected before the view's selection model, which
    // moves the current row as soon as it hears of the removal.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex&, int first, int last) {
        const int row = m_view->currentIndex().row();
        m_currentLeaving = m_currentLeaving || (row >= first && row <= last);
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (std::exchange(m_currentLeaving, false))
            m_view->selectionModel()->clear();
    });
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TaskTableModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_platform);
    top->addWidget(m_filter, 1);
    top->addWidget(m_siteOnly);
    top->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TaskFilterProxyModel::setTextFilter);
    connect(m_platform, &PlatformFilterBox::platformChanged, m_proxy, &TaskFilterProxyModel::setPlatformFilter);
    m_platform->setColumn(m_view, TaskTableModel::PlatformColumn);
    connect(m_siteOnly, &QCheckBox::toggled, this, &TaskTablePanel::updateSiteFilter);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TaskTablePanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TaskTablePanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TaskTablePanel::updateCount);
    // The list drops rows while the table still holds them: the total is right once the table is done.
    connect(m_tasks, &QAbstractItemModel::rowsRemoved, this, &TaskTablePanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TaskTablePanel::updateCount);
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex& index) { emit taskActivated(index.data(TaskTableModel::TaskIdRole).toString()); });
    retranslate();
}

void TaskTablePanel::setPlatforms(const QStringList& names)
{
    m_platform->setPlatforms(names);
}

QString TaskTablePanel::currentTaskId() const
{
    return m_view->currentIndex().data(TaskTableModel::TaskIdRole).toString();
}

void TaskTablePanel::setSelectedSite(const QString& siteId, const QString& siteName)
{
    m_siteId = siteId;
    m_siteName = siteName;
    updateSiteFilter();
}

void TaskTablePanel::updateSiteFilter()
{
    m_proxy->setSiteFilter(m_siteOnly->isChecked() ? m_siteId : QString());
    updateCount();
}

void TaskTablePanel::updateCount()
{
    const QLocale locale;
    const int shown = m_proxy->rowCount();
    const int total = m_tasks->rowCount();
    if (!m_proxy->siteFilter().isEmpty()) {
        m_count->setText(tr("%1 of %2 tasks at %3").arg(locale.toString(shown), locale.toString(total), m_siteName));
    } else {
        m_count->setText(tr("%1 of %2 tasks").arg(locale.toString(shown), locale.toString(total)));
    }
}

void TaskTablePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TaskTablePanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by id, name, site or tenant"));
    m_siteOnly->setText(tr("Selected site only"));
    m_siteOnly->setToolTip(tr("Show only the tasks of the site selected on the map"));
    updateCount();
}

} // namespace cpn
