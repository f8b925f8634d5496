#include "alarmtablemodel.h"

#include "domainlabels.h"
#include "networkstate.h"
#include "wording.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <climits>

namespace cpn {

namespace {

bool sameAlarm(const Alarm& a, const Alarm& b)
{
    return a.severity == b.severity && a.sourceId == b.sourceId && a.code == b.code && a.message == b.message
        && a.value == b.value && a.threshold == b.threshold && a.count == b.count && a.relatedId == b.relatedId
        && a.unit == b.unit && a.detail == b.detail
        && a.raisedTimeMs == b.raisedTimeMs && a.clearedTimeMs == b.clearedTimeMs && a.acknowledged == b.acknowledged
        && a.acknowledgedBy == b.acknowledgedBy && a.acknowledgedTimeMs == b.acknowledgedTimeMs
        && a.acknowledgeNote == b.acknowledgeNote;
}

// Descending: active first, then the most severe, then the newest.
qint64 defaultOrderKey(const Alarm& a)
{
    return (qint64(a.isActive()) << 61) | (qint64(a.severity) << 55)
        | std::clamp<qint64>(a.raisedTimeMs, 0, (1LL << 55) - 1);
}

QColor severityColor(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical:
        return QColor(0xff, 0x3b, 0x5c);
    case AlarmSeverity::Major:
        return QColor(0xff, 0x7a, 0x1a);
    case AlarmSeverity::Warning:
        return QColor(0xff, 0xc0, 0x20);
    case AlarmSeverity::Info:
        return QColor(0x4d, 0xa3, 0xff);
    case AlarmSeverity::Unknown:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

} // namespace

AlarmTableModel::AlarmTableModel(QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
{ }

void AlarmTableModel::setNetworkState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (state) {
        connect(state, &NetworkState::topologyReset, this, &AlarmTableModel::reset);
        connect(state, &NetworkState::alarmsChanged, this, &AlarmTableModel::update);
    }
    reset();
}

bool AlarmTableModel::needsAttention(const Alarm& alarm)
{
    return alarm.isActive() && alarm.severity == AlarmSeverity::Critical && !alarm.acknowledged;
}

const Alarm* AlarmTableModel::alarm(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_alarms.at(row);
}

QStringList AlarmTableModel::attentionAlarmIds() const
{
    QStringList ids;
    for (const Alarm& a : m_alarms)
        if (needsAttention(a))
            ids.append(a.id);
    return ids;
}

void AlarmTableModel::noteNewCritical(const Alarm& alarm, QStringList& raised)
{
    if (m_seen.contains(alarm.id))
        return;
    m_seen.insert(alarm.id);
    if (m_loaded && needsAttention(alarm))
        raised.append(alarm.id);
}

void AlarmTableModel::reset()
{
    QStringList raised;
    resetWith([this, &raised] {
        m_alarms.clear();
        m_rows.clear();
        if (m_state) {
            for (const Alarm& a : m_state->alarms())
                m_alarms.append(a);
            std::sort(m_alarms.begin(), m_alarms.end(), [](const Alarm& a, const Alarm& b) {
                return a.raisedTimeMs != b.raisedTimeMs ? a.raisedTimeMs < b.raisedTimeMs : a.id < b.id;
            });
            for (int row = 0; row < m_alarms.size(); ++row) {
                m_rows.insert(m_alarms[row].id, row);
                noteNewCritical(m_alarms[row], raised);
            }
            // Only what is still held is remembered: the set does not grow with every alarm ever seen.
            m_seen.removeIf([this](const QString& id) { return !m_rows.contains(id); });
            m_loaded = m_loaded || m_state->hasSnapshot();
        }
    });
    emit attentionChanged();
    if (!raised.isEmpty())
        emit criticalAlarmsRaised(raised);
}

void AlarmTableModel::update()
{
    if (!m_state)
        return;
    const QHash<QString, Alarm>& alarms = m_state->alarms();
    // Alarms go away only with a new snapshot; anything else odd is taken in from scratch.
    if (alarms.size() < m_alarms.size()
        || std::any_of(m_alarms.cbegin(), m_alarms.cend(), [&](const Alarm& a) { return !alarms.contains(a.id); })) {
        reset();
        return;
    }
    QList<int> changed;
    bool attention = false;
    QList<const Alarm*> added;
    for (const Alarm& a : alarms) {
        const int row = rowOf(a.id);
        if (row < 0) {
            added.append(&a);
            continue;
        }
        if (sameAlarm(m_alarms.at(row), a))
            continue;
        attention = attention || needsAttention(m_alarms.at(row)) != needsAttention(a);
        m_alarms[row] = a;
        changed.append(row);
    }
    emitRowsChanged(std::move(changed));
    QStringList raised;
    std::sort(added.begin(), added.end(), [](const Alarm* a, const Alarm* b) {
        return a->raisedTimeMs != b->raisedTimeMs ? a->raisedTimeMs < b->raisedTimeMs : a->id < b->id;
    });
    insertRowsWith(int(m_alarms.size()), int(added.size()), [&] {
        for (const Alarm* a : added) {
            m_rows.insert(a->id, int(m_alarms.size()));
            m_alarms.append(*a);
            attention = attention || needsAttention(*a);
            noteNewCritical(*a, raised);
        }
    });
    if (attention)
        emit attentionChanged();
    if (!raised.isEmpty())
        emit criticalAlarmsRaised(raised);
}

QString AlarmTableModel::messageText(const Alarm& a) const
{
    return Wording::alarm(a, m_state);
}

QString AlarmTableModel::sourceName(const Alarm& a) const
{
    if (!m_state)
        return a.sourceId;
    if (const int s = m_state->siteIndex(a.sourceId); s >= 0)
        return siteDisplayName(m_state->sites().at(s));
    if (const int l = m_state->linkIndex(a.sourceId); l >= 0) {
        const QList<Site>& sites = m_state->sites();
        return tr("%1 – %2").arg(
            siteDisplayName(sites.at(m_state->linkSiteA(l))), siteDisplayName(sites.at(m_state->linkSiteB(l))));
    }
    if (m_state->migrations().contains(a.sourceId))
        return tr("Migration %1").arg(a.sourceId);
    return a.sourceId;
}

QString AlarmTableModel::sourceSiteId(const Alarm& a) const
{
    if (!m_state)
        return {};
    if (m_state->siteIndex(a.sourceId) >= 0)
        return a.sourceId;
    if (const int l = m_state->linkIndex(a.sourceId); l >= 0)
        return m_state->links().at(l).siteAId;
    if (const auto it = m_state->migrations().constFind(a.sourceId); it != m_state->migrations().cend())
        return it->sourceSiteId;
    return {};
}

QVariant AlarmTableModel::cellData(int row, int column, int role) const
{
    const Alarm& a = m_alarms.at(row);
    const bool attention = needsAttention(a);
    switch (role) {
    case AlarmIdRole:
        return a.id;
    case SourceIdRole:
        return a.sourceId;
    case MapSiteIdRole:
        return sourceSiteId(a);
    case SeverityRole:
        return int(a.severity);
    case ActiveRole:
        return a.isActive();
    case AcknowledgedRole:
        return a.acknowledged;
    case AttentionRole:
        return attention;
    case PlatformRole:
        return a.platform;
    case Qt::BackgroundRole:
        return attention ? QVariant(QColor(0x9e, 0x12, 0x2c)) : QVariant();
    case Qt::ForegroundRole:
        if (attention)
            return QColor(Qt::white);
        if (!a.isActive())
            return QColor(0x8a, 0x94, 0xa6);
        return column == SeverityColumn ? QVariant(severityColor(a.severity)) : QVariant();
    case Qt::FontRole:
        if (attention) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        return column == SeverityColumn ? QVariant(severityColor(a.severity)) : QVariant();
    case Qt::ToolTipRole:
        return tr("%1\n%2\nSource: %3").arg(alarmCodeName(a.code), messageText(a), a.sourceId);
    case SortRole:
        switch (column) {
        case SeverityColumn:
            return defaultOrderKey(a);
        case RaisedColumn:
            return a.raisedTimeMs;
        case StateColumn:
            return a.isActive() ? LLONG_MAX : a.clearedTimeMs;
        case AcknowledgedColumn:
            return a.acknowledged ? a.acknowledgedTimeMs : 0;
        default:
            return {}; // the text
        }
    case Qt::DisplayRole:
        switch (column) {
        case SeverityColumn:
            return severityName(a.severity);
        case CodeColumn:
            return alarmCodeName(a.code);
        case SourceColumn:
            return sourceName(a);
        case MessageColumn:
            return messageText(a);
        case RaisedColumn:
            return beijingTimeText(a.raisedTimeMs);
        case StateColumn:
            return a.isActive() ? tr("Active") : tr("Cleared %1").arg(beijingTimeText(a.clearedTimeMs));
        case AcknowledgedColumn:
            if (!a.acknowledged)
                return tr("Not acknowledged");
            return tr("%1 at %2")
                .arg(a.acknowledgedBy.isEmpty() ? tr("(unknown)") : a.acknowledgedBy,
                    beijingTimeText(a.acknowledgedTimeMs));
        case NoteColumn:
            return a.acknowledgeNote;
        case PlatformColumn:
            return a.platform;
        }
        return {};
    default:
        return {};
    }
}

QString AlarmTableModel::columnTitle(int column) const
{
    switch (column) {
    case SeverityColumn:
        return tr("Severity");
    case CodeColumn:
        return tr("Alarm");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    case RaisedColumn:
        return tr("Raised (Beijing)");
    case StateColumn:
        return tr("State");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    case NoteColumn:
        return tr("Note");
    case PlatformColumn:
        return tr("Platform");
    }
    return {};
}

} // namespace cpn
