#pragma once
// Sorting and filtering of the task table: by site, and by text typed by the operator.

#include <QSortFilterProxyModel>

namespace cpn {

class TaskFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    // Only tasks on this site; empty = every site.
    void setSiteFilter(const QString& siteId);
    QString siteFilter() const { return m_siteId; }
    // Case-insensitive substring of id, name, site or tenant.
    void setTextFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_siteId;
    QString m_text;
};

} // namespace cpn
