#pragma once
// File → Export table as CSV: the table last used (tasks, migrations, alarms, the dispatch log)
// written as it is shown, sorted and filtered, with its headers, to a CSV file (UTF-8 with a BOM,
// so that Excel reads the Chinese right). A million tasks are read a slice at a time between
// the events of the GUI thread, with progress and Cancel; the session holds its updates
// meanwhile, so the file is the table at one moment, and catches up afterwards.

#include <QObject>
#include <QPointer>
#include <QSaveFile>

#include <memory>

class QAbstractItemModel;
class QProgressDialog;
class QWidget;

namespace cpn {

class ConsoleSession;

class TableExport final : public QObject {
    Q_OBJECT
public:
    // Writes `model` (what a view shows) to `path`; the progress dialog's parent is `window`.
    // Returns at once; finished() tells the outcome.
    TableExport(ConsoleSession* session, QAbstractItemModel* model, const QString& title, const QString& path,
        QWidget* window);
    ~TableExport() override;

signals:
    // `error` empty: written. Cancelled: an error saying so, nothing left at the path.
    void finished(const QString& path, int rows, const QString& error);

private:
    void slice();
    void end(const QString& error);

    ConsoleSession* m_session;
    QPointer<QAbstractItemModel> m_model;
    QString m_path;
    QSaveFile m_file;
    QProgressDialog* m_progress;
    int m_row = 0;
    int m_rows = 0;
    bool m_changed = false;
    bool m_done = false;
};

} // namespace cpn
