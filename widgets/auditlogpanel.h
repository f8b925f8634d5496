#pragma once
// The audit view: every dispatch action of this console, from its journal, newest first: when,
// who, what, why and what came of it.

#include <QWidget>

class QLabel;
class QTableView;

namespace cpn {

class AuditLogModel;

class AuditLogPanel final : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogPanel(AuditLogModel* log, QWidget* parent = nullptr);

    // Where the journal is, or why there is none; shown above the table.
    void setJournalLocation(const QString& path, const QString& error = {});
    QTableView* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    AuditLogModel* m_log;
    QLabel* m_location;
    QTableView* m_view;
    QString m_path;
    QString m_error;
};

} // namespace cpn
