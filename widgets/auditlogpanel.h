#pragma once
// The audit view: every dispatch action of this console, from its journal, newest first: when,
// who, what, why and what came of it.

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace cpn {

class AuditLogModel;
class PlatformFilterBox;

class AuditLogPanel final : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogPanel(AuditLogModel* log, QWidget* parent = nullptr);

    // Where the journal is, or why there is none; shown above the table.
    void setJournalLocation(const QString& path, const QString& error = {});
    QTableView* view() const { return m_view; }
    // The platforms connected: with several, a Platform column and filter.
    // `keys`: what the journal records each platform as (PlatformLink::journalKey()).
    void setPlatforms(const QStringList& names, const QStringList& keys);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    AuditLogModel* m_log;
    QLabel* m_location;
    PlatformFilterBox* m_platform;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QString m_path;
    QString m_error;
};

} // namespace cpn
