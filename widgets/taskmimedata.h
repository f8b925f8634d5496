#pragma once
// How a task travels in drag and drop: its id in UTF-8 under this MIME type. The map accepts
// it on a site; the site inspector's task list produces it.

#include <QMimeData>
#include <QString>

namespace cpn {

inline constexpr char kTaskIdMimeType[] = "application/x-cpn-task-id";

inline QMimeData* taskMimeData(const QString& taskId)
{
    auto* data = new QMimeData;
    data->setData(QLatin1String(kTaskIdMimeType), taskId.toUtf8());
    data->setText(taskId);
    return data;
}

// The task id carried, or an empty string.
inline QString taskIdFrom(const QMimeData* data)
{
    if (!data || !data->hasFormat(QLatin1String(kTaskIdMimeType)))
        return {};
    return QString::fromUtf8(data->data(QLatin1String(kTaskIdMimeType))).trimmed();
}

} // namespace cpn
