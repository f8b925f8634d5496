#pragma once
// Sorting and filtering of the migration table: only active ones, only one drain's batch.

#include <QSortFilterProxyModel>

namespace cpn {

class MigrationFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit MigrationFilterProxyModel(QObject* parent = nullptr);

    void setActiveOnly(bool activeOnly);
    bool activeOnly() const { return m_activeOnly; }
    // Only the migrations of this drain; empty = all.
    void setDrainRequestId(const QString& requestId);
    QString drainRequestId() const { return m_drain; }
    // Only the migrations of one platform; empty = all.
    void setPlatform(const QString& platform);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_activeOnly = false;
    QString m_drain;
    QString m_platform;
};

} // namespace cpn
