#include "siteinspector.h"

#include "domainlabels.h"
#include "mapview.h"
#include "networkstate.h"
#include "sitesummary.h"
#include "taskdragview.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"
#include "utilisationcolor.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cpn {

namespace {

// No site: the task list shows nothing rather than the whole network.
const QString kNoSite = QStringLiteral("\x01none");

const char* const kFieldOrder[] = { "platform", "duplicates", "status", "utilisation", "capacity", "power", "pue",
    "green", "price", "queue", "alarms", "folded", "region" };

} // namespace

SiteInspector::SiteInspector(QWidget* parent)
    : QWidget(parent)
    , m_proxy(new TaskFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_details(new QWidget(this))
    , m_load(new QProgressBar(this))
    , m_accelerators(new QTableWidget(this))
    , m_showOnMap(new QPushButton(this))
    , m_unfold(new QPushButton(this))
    , m_tasksTitle(new QLabel(this))
    , m_taskFilter(new QLineEdit(this))
    , m_taskView(new TaskDragView(this))
{
    setObjectName(QStringLiteral("SiteInspector"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_load->setRange(0, 1000);
    m_load->setTextVisible(true);
    m_load->setMaximumHeight(16);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(3);
    for (const char* key : kFieldOrder) {
        auto* name = new QLabel(m_details);
        auto* value = new QLabel(m_details);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_fieldNames.insert(QLatin1String(key), name);
        m_fields.insert(QLatin1String(key), value);
        form->addRow(name, value);
    }
    m_accelerators->setColumnCount(4);
    m_accelerators->verticalHeader()->hide();
    m_accelerators->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accelerators->setSelectionMode(QAbstractItemView::NoSelection);
    m_accelerators->setFocusPolicy(Qt::NoFocus);
    m_accelerators->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_accelerators->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_accelerators->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_accelerators->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_accelerators->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showOnMap);
    buttons->addWidget(m_unfold);
    buttons->addStretch(1);
    auto* details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addWidget(m_load);
    details->addLayout(form);
    details->addWidget(m_accelerators);
    details->addLayout(buttons);

    m_proxy->setSiteFilter(kNoSite);
    m_taskView->setModel(m_proxy);
    m_taskView->setSortingEnabled(true);
    m_taskFilter->setClearButtonEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_empty);
    layout->addWidget(m_details);
    layout->addWidget(m_tasksTitle);
    layout->addWidget(m_taskFilter);
    layout->addWidget(m_taskView, 1);
    layout->addStretch(0); // takes the room when there is no task list
    m_details->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(500); // figures move every metrics frame; half a second is plenty
    connect(&m_refreshTimer, &QTimer::timeout, this, &SiteInspector::refresh);
    connect(m_showOnMap, &QPushButton::clicked, this, [this] { emit showOnMapRequested(m_siteId); });
    connect(m_unfold, &QPushButton::clicked, this, [this] { emit unfoldRequested(m_siteId); });
    connect(m_taskFilter, &QLineEdit::textChanged, m_proxy, &TaskFilterProxyModel::setTextFilter);
    connect(m_taskView, &TaskDragView::taskContextMenuRequested, this, &SiteInspector::taskContextMenuRequested);
    connect(m_taskView, &QTableView::activated, this,
        [this](const QModelIndex& index) { emit taskActivated(m_taskView->taskIdAt(index)); });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &SiteInspector::updateTaskCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SiteInspector::updateTaskCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SiteInspector::updateTaskCount);
    retranslate();
}

void SiteInspector::setState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (state) {
        connect(state, &NetworkState::sitesChanged, this, [this](const QList<int>& sites) {
            if (m_state && std::binary_search(sites.begin(), sites.end(), m_state->siteIndex(m_siteId)))
                scheduleRefresh();
        });
        connect(state, &NetworkState::alarmsChanged, this, &SiteInspector::scheduleRefresh);
        connect(state, &NetworkState::topologyReset, this, &SiteInspector::refresh);
    }
    refresh();
}

void SiteInspector::setMap(const MapView* map)
{
    if (m_map)
        disconnect(m_map, nullptr, this, nullptr);
    m_map = map;
    if (map) // folding changes what the selected hub holds
        connect(map, &MapView::viewportChanged, this, &SiteInspector::scheduleRefresh);
    refresh();
}

void SiteInspector::setPlatformNotes(const QHash<QString, QString>& notes)
{
    if (notes == m_platformNotes)
        return;
    m_platformNotes = notes;
    scheduleRefresh();
}

void SiteInspector::setTaskModel(TaskTableModel* tasks)
{
    m_tasks = tasks;
    attachTasks();
    if (tasks)
        m_taskView->sortByColumn(TaskTableModel::IdColumn, Qt::AscendingOrder);
    updateTaskCount();
}

void SiteInspector::setSite(const QString& siteId)
{
    if (siteId == m_siteId)
        return;
    m_siteId = siteId;
    m_proxy->setSiteFilter(siteId.isEmpty() ? kNoSite : siteId);
    attachTasks();
    refresh();
}

void SiteInspector::attachTasks()
{
    // With no site selected the list follows no tasks: a million of them at huge would cost the
    // GUI thread a pass over them with every batch, for an empty list.
    QAbstractItemModel* source = m_siteId.isEmpty() ? nullptr : m_tasks.data();
    if (m_proxy->sourceModel() == source)
        return;
    m_proxy->setSourceModel(source);
    // The columns come with the source: the narrow list's choice is made again each time.
    for (int c = 0; c < TaskTableModel::ColumnCount && source; ++c) {
        const bool wanted = c == TaskTableModel::IdColumn || c == TaskTableModel::NameColumn
            || c == TaskTableModel::KindColumn || c == TaskTableModel::StateColumn
            || c == TaskTableModel::ArchitectureColumn || c == TaskTableModel::CardsColumn
            || c == TaskTableModel::ProgressColumn;
        m_taskView->setColumnHidden(c, !wanted);
    }
}

void SiteInspector::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

QString SiteInspector::field(const QString& name) const
{
    if (name == QLatin1String("name"))
        return m_title->text();
    if (name == QLatin1String("subtitle"))
        return m_subtitle->text();
    const QLabel* label = m_fields.value(name);
    return label && label->isVisibleTo(this) ? label->text() : QString();
}

void SiteInspector::refresh()
{
    const int i = m_state ? m_state->siteIndex(m_siteId) : -1;
    m_details->setVisible(i >= 0);
    m_subtitle->setVisible(i >= 0);
    m_empty->setVisible(i < 0);
    m_tasksTitle->setVisible(i >= 0 && m_tasks);
    m_taskFilter->setVisible(i >= 0 && m_tasks);
    m_taskView->setVisible(i >= 0 && m_tasks);
    if (i < 0) {
        m_title->setText(tr("No site selected"));
        updateTaskCount();
        return;
    }
    const Site& site = m_state->sites().at(i);
    const FoldedNetwork* folded = m_map ? &m_map->foldedNetwork() : nullptr;
    const SiteSummary s = SiteSummaries::summarize(*m_state, folded, i);
    const QLocale locale;
    const QString name = siteDisplayName(site);
    const QString other = name == site.nameZh ? site.nameEn : site.nameZh;
    m_title->setText(name);
    QString subtitle = tierName(site.tier) + QStringLiteral(" · ") + site.id;
    if (!other.isEmpty() && other != name)
        subtitle = other + QStringLiteral("\n") + subtitle;
    m_subtitle->setText(subtitle);

    auto set = [&](const char* key, const QString& value) {
        m_fields.value(QLatin1String(key))->setText(value);
        m_fields.value(QLatin1String(key))->setVisible(!value.isEmpty());
        m_fieldNames.value(QLatin1String(key))->setVisible(!value.isEmpty());
    };
    // Several platforms: whose site this is, who may act on it, and who else reports it.
    set("platform", m_platformNotes.value(site.platform));
    QStringList others;
    const int primary = m_state->duplicateOf(i);
    for (const int d :
        primary >= 0 ? QList<int> { primary } + m_state->duplicatesOf(primary) : m_state->duplicatesOf(i)) {
        if (d != i)
            others << tr("%1 (as %2)").arg(m_state->sites().at(d).platform, m_state->sites().at(d).id);
    }
    set("duplicates",
        others.isEmpty() ? QString()
            : primary >= 0
            ? tr("%1. The map shows the site as %2 reports it.")
                  .arg(others.join(QStringLiteral(", ")), m_state->sites().at(primary).platform)
            : tr("%1. The map shows the site as this platform reports it.").arg(others.join(QStringLiteral(", "))));
    set("status", siteStatusName(site.status));
    set("utilisation", tr("%1 %").arg(locale.toString(s.utilisation * 100, 'f', 1)));
    set("capacity", tr("%1 PFLOPS").arg(locale.toString(s.pflops, 'f', 1)));
    set("power", tr("%1 of %2 MW").arg(locale.toString(s.powerMw, 'f', 1), locale.toString(s.powerCapacityMw, 'f', 1)));
    set("pue", locale.toString(s.pue, 'f', 2));
    set("green", tr("%1 %").arg(locale.toString(s.greenShare * 100, 'f', 0)));
    set("price", tr("%1 CNY/kWh").arg(locale.toString(s.priceCnyPerKwh, 'f', 3)));
    set("queue", tr("%1 waiting, %2 running").arg(locale.toString(s.queueLength), locale.toString(s.runningTasks)));
    set("alarms", s.activeAlarms > 0 ? tr("%n active", nullptr, s.activeAlarms) : tr("None"));
    set("folded", s.members > 0 ? SiteSummaries::membersText(s) : QString());
    const Region* region = m_state->region(site.regionId);
    set("region",
        region ? (QLocale().language() == QLocale::Chinese ? region->nameZh : region->nameEn) : site.regionId);

    m_load->setValue(int(std::lround(s.utilisation * 1000)));
    m_load->setFormat(tr("Load %1 %").arg(locale.toString(s.utilisation * 100, 'f', 1)));
    m_load->setStyleSheet(
        QStringLiteral("QProgressBar::chunk { background: %1; }").arg(utilisationColor(s.utilisation).name()));

    m_accelerators->setRowCount(int(s.accelerators.size()));
    for (int row = 0; row < s.accelerators.size(); ++row) {
        const auto& a = s.accelerators[row];
        const double load = a.pflops > 0 ? a.pflopsUsed / a.pflops : 0;
        const QString cells[] = { architectureName(a.architecture), locale.toString(a.cards),
            locale.toString(a.pflops, 'f', 1), tr("%1 %").arg(locale.toString(load * 100, 'f', 0)) };
        for (int c = 0; c < 4; ++c) {
            auto* item = m_accelerators->item(row, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_accelerators->setItem(row, c, item);
            }
            item->setText(cells[c]);
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    const int rows = int(s.accelerators.size());
    m_accelerators->setFixedHeight(m_accelerators->horizontalHeader()->height()
        + rows * m_accelerators->verticalHeader()->defaultSectionSize() + 2 * m_accelerators->frameWidth());
    m_unfold->setVisible(s.members > 0);
    updateTaskCount();
}

void SiteInspector::updateTaskCount()
{
    const QLocale locale;
    m_tasksTitle->setText(tr("<b>Tasks here</b> (%1) — drag one onto a site on the map to move it")
                              .arg(locale.toString(m_tasks ? m_proxy->rowCount() : 0)));
}

void SiteInspector::retranslate()
{
    static const char* const names[] = { QT_TR_NOOP("Platform"), QT_TR_NOOP("Also reported by"), QT_TR_NOOP("Status"),
        QT_TR_NOOP("Utilisation"), QT_TR_NOOP("Capacity"), QT_TR_NOOP("Power"), QT_TR_NOOP("PUE"),
        QT_TR_NOOP("Green power"), QT_TR_NOOP("Power price"), QT_TR_NOOP("Queue"), QT_TR_NOOP("Alarms"),
        QT_TR_NOOP("Folded here"), QT_TR_NOOP("Region") };
    for (std::size_t k = 0; k < std::size(kFieldOrder); ++k)
        m_fieldNames.value(QLatin1String(kFieldOrder[k]))->setText(tr(names[k]));
    m_empty->setText(tr("Click a site on the map, or find one with the search box over the map."));
    m_accelerators->setHorizontalHeaderLabels({ tr("Accelerator"), tr("Cards"), tr("PFLOPS"), tr("In use") });
    m_showOnMap->setText(tr("Show on map"));
    m_unfold->setText(tr("Unfold"));
    m_unfold->setToolTip(tr("Show the sites folded into this one"));
    m_taskFilter->setPlaceholderText(tr("Filter tasks by id, name or tenant"));
    refresh();
}

void SiteInspector::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace cpn
