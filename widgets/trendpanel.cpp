#include "trendpanel.h"

#include "trendchart.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cpn {

namespace {
    QString lineName(const TrendLineSpec& line)
    {
        return TrendPanel::tr("%1 · %2").arg(line.entityName, trendMetricLabel(line.key.metric));
    }
} // namespace

const QList<qint64>& TrendPanel::spans()
{
    static const QList<qint64> spans { 15 * 60 * 1000, 3600 * 1000, 6 * 3600 * 1000, 24 * 3600 * 1000 };
    return spans;
}

TrendPanel::TrendPanel(QWidget* parent)
    : QWidget(parent)
    , m_entity(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_compare(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_ranges(new QButtonGroup(this))
    , m_compared(new QListWidget(this))
    , m_message(new QLabel(this))
    , m_chart(new TrendChart(this))
    , m_spanMs(spans().at(1))
{
    setObjectName(QStringLiteral("TrendPanel"));
    m_entity->setObjectName(QStringLiteral("TrendEntity"));
    m_metric->setObjectName(QStringLiteral("TrendMetric"));
    m_compare->setObjectName(QStringLiteral("TrendCompare"));
    m_compare->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_remove->setObjectName(QStringLiteral("TrendRemove"));
    m_entity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_message->setObjectName(QStringLiteral("TrendMessage"));
    m_message->setWordWrap(true);
    m_compared->setObjectName(QStringLiteral("TrendCompared"));
    m_compared->setMaximumWidth(260);

    auto* top = new QHBoxLayout;
    top->addWidget(m_entity);
    top->addWidget(m_metric);
    top->addWidget(m_compare);
    top->addStretch(1);
    const QStringList rangeIds { QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("6h"), QStringLiteral("24h") };
    for (int i = 0; i < rangeIds.size(); ++i) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("TrendRange") + rangeIds.at(i));
        button->setCheckable(true);
        button->setChecked(spans().at(i) == m_spanMs);
        m_ranges->addButton(button, i);
        top->addWidget(button);
    }
    auto* side = new QVBoxLayout;
    side->addWidget(m_compared, 1);
    side->addWidget(m_remove);
    auto* body = new QHBoxLayout;
    body->addWidget(m_chart, 1);
    body->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(body, 1);

    connect(m_ranges, &QButtonGroup::idClicked, this, [this](int id) { setSpanMs(spans().at(id)); });
    connect(m_entity, &QComboBox::currentIndexChanged, this, [this] {
        fillMetrics();
        emit linesChanged();
    });
    connect(m_metric, &QComboBox::activated, this, [this] {
        m_wantedMetric = selectedMetric();
        emit linesChanged();
    });
    connect(m_compare, &QToolButton::clicked, this, &TrendPanel::compareCurrent);
    connect(m_remove, &QToolButton::clicked, this, [this] { removeCompared(m_compared->currentRow()); });
    m_removeShortcut = new QShortcut(QKeySequence::Delete, m_compared, nullptr, nullptr, Qt::WidgetShortcut);
    connect(m_removeShortcut, &QShortcut::activated, this, [this] { removeCompared(m_compared->currentRow()); });
    connect(m_compared, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    m_remove->setEnabled(false);
    retranslate();
}

void TrendPanel::setEntities(const QList<TrendEntity>& entities)
{
    const QString previous = m_entity->currentData().toString();
    m_entities = entities;
    {
        const QSignalBlocker blocker(m_entity);
        m_entity->clear();
        for (const auto& e : entities)
            m_entity->addItem(e.name, e.id);
        const int keep = m_entity->findData(previous);
        m_entity->setCurrentIndex(keep >= 0 ? keep : (entities.isEmpty() ? -1 : 0));
    }
    m_entity->setEnabled(!entities.isEmpty());
    fillMetrics();
    emit linesChanged();
}

void TrendPanel::fillMetrics()
{
    const QSignalBlocker blocker(m_metric);
    m_metric->clear();
    const int e = m_entity->currentIndex();
    if (e >= 0 && e < m_entities.size()) {
        for (const QString& metric : m_entities.at(e).metrics)
            m_metric->addItem(trendMetricLabel(metric), metric);
    }
    const int wanted = m_metric->findData(m_wantedMetric);
    m_metric->setCurrentIndex(wanted >= 0 ? wanted : (m_metric->count() > 0 ? 0 : -1));
    m_metric->setEnabled(m_metric->count() > 0);
    m_compare->setEnabled(m_metric->count() > 0);
}

QString TrendPanel::selectedMetric() const
{
    return m_metric->currentData().toString();
}

void TrendPanel::selectMetric(const QString& metric)
{
    const int i = m_metric->findData(metric);
    if (i < 0)
        return;
    m_metric->setCurrentIndex(i);
    m_wantedMetric = metric;
    emit linesChanged();
}

std::optional<TrendLineSpec> TrendPanel::currentLine() const
{
    const int e = m_entity->currentIndex();
    if (e < 0 || e >= m_entities.size() || selectedMetric().isEmpty())
        return std::nullopt;
    return TrendLineSpec { { m_entities.at(e).id, selectedMetric() }, m_entities.at(e).name };
}

QList<TrendLineSpec> TrendPanel::lines() const
{
    QList<TrendLineSpec> lines;
    const auto current = currentLine();
    if (current)
        lines.append(*current);
    for (const auto& pinned : m_pinned) {
        if (!current || pinned.key != current->key)
            lines.append(pinned);
    }
    return lines;
}

bool TrendPanel::compareCurrent()
{
    const auto current = currentLine();
    if (!current)
        return false;
    const bool pinned = std::any_of(
        m_pinned.cbegin(), m_pinned.cend(), [&](const TrendLineSpec& l) { return l.key == current->key; });
    if (pinned || m_pinned.size() >= kMaxLines - 1) {
        updateMessage();
        return false;
    }
    m_pinned.append(*current);
    updateComparedList();
    emit linesChanged();
    return true;
}

void TrendPanel::removeCompared(int index)
{
    if (index < 0 || index >= m_pinned.size())
        return;
    m_pinned.removeAt(index);
    updateComparedList();
    emit linesChanged();
}

void TrendPanel::updateComparedList()
{
    m_compared->clear();
    for (const auto& line : m_pinned)
        m_compared->addItem(lineName(line));
}

void TrendPanel::setSpanMs(qint64 spanMs)
{
    const int i = int(spans().indexOf(spanMs));
    if (i < 0 || spanMs == m_spanMs)
        return;
    m_spanMs = spanMs;
    m_ranges->button(i)->setChecked(true);
    emit spanChanged(spanMs);
}

void TrendPanel::refresh(qint64 nowMs)
{
    m_nowMs = nowMs;
    QList<TrendLine> drawn;
    if (m_store) {
        for (const auto& line : lines())
            drawn.append({ lineName(line), m_store->unit(line.key), isShareMetric(line.key.metric),
                m_store->points(line.key) });
    }
    m_chart->setLines(drawn, nowMs - m_spanMs, nowMs);
    updateMessage();
}

void TrendPanel::setLineStatus(const SeriesKey& key, bool loading, const QString& error)
{
    if (loading)
        m_loading.insert(key);
    else
        m_loading.remove(key);
    if (error.isEmpty())
        m_errors.remove(key);
    else
        m_errors.insert(key, error);
    updateMessage();
}

void TrendPanel::setStale(bool stale)
{
    m_stale = stale;
    updateMessage();
}

QString TrendPanel::message() const
{
    return m_message->text();
}

void TrendPanel::updateMessage()
{
    const QList<TrendLineSpec> shown = lines();
    QStringList parts;
    bool problem = false;
    if (shown.isEmpty()) {
        parts.append(tr("Select a site on the map, or a task in the list, to see its trends."));
    } else {
        for (const auto& line : shown) {
            if (const auto error = m_errors.constFind(line.key); error != m_errors.cend()) {
                parts.append(tr("%1: no history (%2)").arg(lineName(line), *error));
                problem = true;
            }
        }
        if (m_stale) {
            parts.append(tr("The scheduler cannot be reached: the lines stop where the connection did, and the "
                            "gap is filled when it is back."));
            problem = true;
        }
        const bool empty = !m_store || std::all_of(shown.cbegin(), shown.cend(), [this](const TrendLineSpec& l) {
            return m_store->points(l.key).isEmpty();
        });
        const bool loading = std::any_of(
            shown.cbegin(), shown.cend(), [this](const TrendLineSpec& l) { return m_loading.contains(l.key); });
        if (loading && empty)
            parts.append(tr("Loading history..."));
        else if (empty && !problem)
            parts.append(tr("No data in this range."));
    }
    if (m_pinned.size() >= kMaxLines - 1)
        parts.append(tr("At most %n lines on one chart: remove one to compare another.", nullptr, kMaxLines));
    m_message->setText(parts.join(QLatin1Char('\n')));
    m_message->setVisible(!parts.isEmpty());
    m_message->setStyleSheet(problem ? QStringLiteral("QLabel { color: #e5484d; }") : QString());
}

void TrendPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrendPanel::retranslate()
{
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Keep this line on the chart to compare it with other selections (%1)")
                              .arg(m_compare->shortcut().toString(QKeySequence::NativeText)));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the chosen line from the comparison (Delete)"));
    m_removeShortcut->setWhatsThis(tr("Remove the chosen line from the comparison")); // in the shortcut sheet
    m_compared->setToolTip(tr("Lines kept for comparison"));
    const QStringList rangeNames { tr("15 min"), tr("1 h"), tr("6 h"), tr("24 h") };
    for (int i = 0; i < rangeNames.size(); ++i) {
        m_ranges->button(i)->setText(rangeNames.at(i));
        m_ranges->button(i)->setToolTip(tr("Show the last %1 of the scheduler's time").arg(rangeNames.at(i)));
    }
    for (int i = 0; i < m_metric->count(); ++i)
        m_metric->setItemText(i, trendMetricLabel(m_metric->itemData(i).toString()));
    updateComparedList();
    if (m_nowMs > 0)
        refresh(m_nowMs);
    else
        updateMessage();
}

} // namespace cpn
