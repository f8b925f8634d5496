#include "tableexport.h"

#include "consolesession.h"
#include "csvfield.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QTimer>

namespace cpn {

namespace {
    constexpr qint64 kSliceNs = 12'000'000; // of the GUI thread's time per turn
}

TableExport::TableExport(
    ConsoleSession* session, QAbstractItemModel* model, const QString& title, const QString& path, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_model(model)
    , m_path(path)
    , m_file(path)
    , m_progress(new QProgressDialog(window))
{
    m_rows = model->rowCount();
    m_progress->setWindowTitle(tr("Export table"));
    m_progress->setLabelText(tr("Writing %1 (%n row(s)) to %2…", nullptr, m_rows).arg(title, QDir::toNativeSeparators(path)));
    m_progress->setRange(0, std::max(m_rows, 1));
    m_progress->setMinimumDuration(300);
    m_progress->setWindowModality(Qt::WindowModal);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { end(tr("The export was cancelled: nothing was written.")); });
    // A model that changes all the same (a platform removed) ends the export rather than write a mix.
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_changed = true; });
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] { m_changed = true; });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_changed = true; });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { m_changed = true; });

    if (!m_file.open(QIODevice::WriteOnly)) {
        QTimer::singleShot(0, this, [this] { end(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file.errorString())); });
        return;
    }
    m_session->hold(true);
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << csvField(model->headerData(c, Qt::Horizontal).toString());
    m_file.write("\xEF\xBB\xBF");
    m_file.write((header.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
    QTimer::singleShot(0, this, &TableExport::slice);
}

TableExport::~TableExport()
{
    if (!m_done)
        m_session->hold(false);
}

void TableExport::slice()
{
    if (m_done)
        return;
    if (m_progress->wasCanceled()) { // Esc, or cancel() (which does not emit canceled)
        end(tr("The export was cancelled: nothing was written."));
        return;
    }
    if (!m_model || m_changed) {
        end(tr("The table changed while it was written: export it again."));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const int columns = m_model->columnCount();
    QString text;
    QStringList cells;
    while (m_row < m_rows && timer.nsecsElapsed() < kSliceNs) {
        cells.clear();
        for (int c = 0; c < columns; ++c)
            cells << csvField(m_model->index(m_row, c).data().toString());
        text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        ++m_row;
    }
    if (m_file.write(text.toUtf8()) < 0) {
        end(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file.errorString()));
        return;
    }
    m_progress->setValue(m_row);
    if (m_row < m_rows) {
        QTimer::singleShot(0, this, &TableExport::slice);
        return;
    }
    if (!m_file.commit()) {
        end(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file.errorString()));
        return;
    }
    end({});
}

void TableExport::end(const QString& error)
{
    if (m_done)
        return;
    m_done = true;
    if (!error.isEmpty())
        m_file.cancelWriting();
    m_session->hold(false);
    m_progress->reset();
    m_progress->deleteLater();
    emit finished(m_path, error.isEmpty() ? m_rows : 0, error);
    deleteLater();
}

} // namespace cpn
