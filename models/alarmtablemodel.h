#pragma once
// The scheduler's alarms as a table: severity, what (a translated label for the codes the console
// knows), where (the site, link or migration by name in the UI language), when (Beijing time),
// active or cleared, who acknowledged it, when and why. Follows a NetworkState: new alarms go in
// with one ranged insert per batch, changed ones with one ranged dataChanged. Unacknowledged,
// active critical alarms "need attention": highlighted until someone acknowledges them.

#include "domain.h"

#include "tablemodelbase.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace cpn {

class NetworkState;

class AlarmTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        CodeColumn,
        SourceColumn,
        MessageColumn,
        RaisedColumn,
        StateColumn,
        AcknowledgedColumn,
        NoteColumn,
        PlatformColumn,
        ColumnCount
    };
    enum Role {
        AlarmIdRole = Qt::UserRole + 1,
        SourceIdRole,
        // The site to show on the map for the alarm: the site itself, a link's first end, a
        // migration's source; empty when there is none.
        MapSiteIdRole,
        SortRole,
        SeverityRole, // int(AlarmSeverity)
        ActiveRole, // bool
        AcknowledgedRole, // bool
        AttentionRole, // bool: active, critical and not acknowledged
        PlatformRole
    };

    explicit AlarmTableModel(QObject* parent = nullptr);

    void setNetworkState(const NetworkState* state);

    const Alarm* alarm(const QString& id) const;
    int rowOf(const QString& id) const { return m_rows.value(id, -1); }
    static bool needsAttention(const Alarm& alarm);
    // The alarms that need attention, by id.
    QStringList attentionAlarmIds() const;
    // A readable name of what an alarm is about, in the UI language.
    // What the alarm says, in the interface language (Wording::alarm).
    QString messageText(const Alarm& alarm) const;
    QString sourceName(const Alarm& alarm) const;

signals:
    // Which alarms need attention may have changed (raised, acknowledged, cleared).
    void attentionChanged();
    // Critical alarms that appeared after the first snapshot (not the ones it held).
    void criticalAlarmsRaised(const QStringList& alarmIds);

private:
    int storedRowCount() const override { return int(m_alarms.size()); }
    QString columnTitle(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    void reset();
    void update();
    QString sourceSiteId(const Alarm& alarm) const;
    void noteNewCritical(const Alarm& alarm, QStringList& raised);

    QPointer<const NetworkState> m_state;
    QList<Alarm> m_alarms; // row order: as first seen; a copy, to tell what changed
    QHash<QString, int> m_rows;
    QSet<QString> m_seen; // alarm ids seen since the first snapshot and still held
    bool m_loaded = false; // the first snapshot has been taken in
};

} // namespace cpn
