#include "migrationspanel.h"

#include "migrationfilterproxymodel.h"
#include "platformfilterbox.h"
#include "migrationtablemodel.h"
#include "progressdelegate.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

MigrationsPanel::MigrationsPanel(MigrationTableModel* migrations, QWidget* parent)
    : QWidget(parent)
    , m_migrations(migrations)
    , m_proxy(new MigrationFilterProxyModel(this))
    , m_activeOnly(new QCheckBox(this))
    , m_count(new QLabel(this))
    , m_cancel(new QPushButton(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("MigrationsPanel"));
    m_proxy->setSourceModel(migrations);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MigrationTableModel::IdColumn, Qt::DescendingOrder); // newest first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(
        MigrationTableModel::ProgressColumn, new ProgressDelegate(MigrationTableModel::ProgressRole, this));
    m_view->setColumnWidth(MigrationTableModel::ProgressColumn, 170);
    m_view->setColumnWidth(MigrationTableModel::PathColumn, 260);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* top = new QHBoxLayout;
    m_platform = new PlatformFilterBox(this);
    m_platform->setColumn(m_view, MigrationTableModel::PlatformColumn);
    connect(m_platform, &PlatformFilterBox::platformChanged, m_proxy, &MigrationFilterProxyModel::setPlatform);
    top->addWidget(m_platform);
    top->addWidget(m_activeOnly);
    top->addWidget(m_count, 1);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_activeOnly, &QCheckBox::toggled, m_proxy, &MigrationFilterProxyModel::setActiveOnly);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const QString id = currentMigrationId(); !id.isEmpty())
            emit cancelRequested(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &MigrationsPanel::showContextMenu);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit migrationActivated(index.data(MigrationTableModel::MigrationIdRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        updateActions();
        if (index.isValid())
            emit migrationActivated(index.data(MigrationTableModel::MigrationIdRole).toString());
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &MigrationsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MigrationsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        updateCount();
        updateActions();
    });
    retranslate();
}

QString MigrationsPanel::currentMigrationId() const
{
    return m_view->currentIndex().data(MigrationTableModel::MigrationIdRole).toString();
}

bool MigrationsPanel::selectMigration(const QString& migrationId)
{
    const int sourceRow = m_migrations->rowOf(migrationId);
    const QModelIndex index = m_proxy->mapFromSource(m_migrations->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void MigrationsPanel::setPlatforms(const QStringList& names)
{
    m_platform->setPlatforms(names);
}

void MigrationsPanel::setDispatchAllowed(bool allowed, const QString& whyNot)
{
    m_allowed = allowed;
    m_whyNot = whyNot;
    updateActions();
}

void MigrationsPanel::updateActions()
{
    const bool active = m_view->currentIndex().data(MigrationTableModel::ActiveRole).toBool();
    m_cancel->setEnabled(m_allowed && active);
    if (!m_allowed)
        m_cancel->setToolTip(m_whyNot);
    else if (!active)
        m_cancel->setToolTip(tr("Select a migration that is still running"));
    else
        m_cancel->setToolTip(tr("Stop the selected migration and roll it back: the task stays at its source"));
}

void MigrationsPanel::updateCount()
{
    int active = 0;
    for (int row = 0; row < m_migrations->rowCount(); ++row)
        active += m_migrations->index(row, 0).data(MigrationTableModel::ActiveRole).toBool();
    const QLocale locale;
    m_count->setText(tr("%1 running, %2 finished")
                         .arg(locale.toString(active), locale.toString(m_migrations->rowCount() - active)));
}

void MigrationsPanel::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    const QString id = index.data(MigrationTableModel::MigrationIdRole).toString();
    const QString task = index.data(MigrationTableModel::TaskIdRole).toString();
    QMenu menu(this);
    QAction* cancel = menu.addAction(tr("Cancel migration %1").arg(id), this, [this, id] { emit cancelRequested(id); });
    cancel->setEnabled(m_allowed && index.data(MigrationTableModel::ActiveRole).toBool());
    if (!m_allowed)
        cancel->setToolTip(m_whyNot);
    menu.setToolTipsVisible(true);
    menu.addAction(tr("Show task %1").arg(task), this, [this, task] { emit taskRequested(task); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void MigrationsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MigrationsPanel::retranslate()
{
    m_activeOnly->setText(tr("Running only"));
    m_activeOnly->setToolTip(tr("Hide migrations that have finished"));
    m_cancel->setText(tr("Cancel migration"));
    m_migrations->retranslate();
    updateCount();
    updateActions();
}

} // namespace cpn
