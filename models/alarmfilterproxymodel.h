#pragma once
// Sorting and filtering of the alarm table. Sorted by default as an operator reads alarms:
// active first, then the most severe, then the newest. Filters: a lowest severity, active only,
// acknowledged or not, and text found in any column.

#include "domain.h"

#include <QSortFilterProxyModel>

namespace cpn {

class AlarmFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Acknowledgement { Any, Unacknowledged, Acknowledged };

    explicit AlarmFilterProxyModel(QObject* parent = nullptr);

    // Alarms at least this severe; Unknown = all.
    void setMinimumSeverity(AlarmSeverity severity);
    AlarmSeverity minimumSeverity() const { return m_minimumSeverity; }
    void setActiveOnly(bool activeOnly);
    bool activeOnly() const { return m_activeOnly; }
    void setAcknowledgement(Acknowledgement acknowledgement);
    Acknowledgement acknowledgement() const { return m_acknowledgement; }
    // Case-insensitive; in the code, its label, the source, the message, who acknowledged, the note.
    void setText(const QString& text);
    // Only the alarms of one platform; empty = all.
    void setPlatform(const QString& platform);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    AlarmSeverity m_minimumSeverity = AlarmSeverity::Unknown;
    bool m_activeOnly = false;
    Acknowledgement m_acknowledgement = Acknowledgement::Any;
    QString m_text;
    QString m_platform;
};

} // namespace cpn
