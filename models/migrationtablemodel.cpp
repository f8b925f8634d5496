#include "migrationtablemodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"

#include <QLocale>

#include <algorithm>

namespace cpn {

MigrationTableModel::MigrationTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MigrationTableModel::setNetworkState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (state) {
        connect(state, &NetworkState::topologyReset, this, &MigrationTableModel::reset);
        connect(state, &NetworkState::migrationsUpdated, this, &MigrationTableModel::update);
    }
    reset();
}

void MigrationTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
}

void MigrationTableModel::reset()
{
    beginResetModel();
    m_ids.clear();
    m_rows.clear();
    m_activeByTask.clear();
    if (m_state) {
        QList<const Migration*> all;
        for (const Migration& m : m_state->migrations())
            all.append(&m);
        std::sort(all.begin(), all.end(), [](const Migration* a, const Migration* b) {
            return a->createdTimeMs != b->createdTimeMs ? a->createdTimeMs < b->createdTimeMs : a->id < b->id;
        });
        for (const Migration* m : all) {
            m_rows.insert(m->id, int(m_ids.size()));
            m_ids.append(m->id);
            if (!isFinished(m->state))
                m_activeByTask.insert(m->taskId, m->id);
        }
    }
    endResetModel();
}

void MigrationTableModel::update(const QStringList& ids)
{
    if (!m_state)
        return;
    int first = INT_MAX;
    int last = -1;
    QStringList added;
    for (const QString& id : ids) {
        const auto it = m_state->migrations().constFind(id);
        if (it == m_state->migrations().cend())
            continue;
        if (isFinished(it->state)) {
            if (m_activeByTask.value(it->taskId) == id)
                m_activeByTask.remove(it->taskId);
        } else {
            m_activeByTask.insert(it->taskId, id);
        }
        if (const int row = rowOf(id); row >= 0) {
            first = std::min(first, row);
            last = std::max(last, row);
        } else {
            added.append(id);
        }
    }
    if (last >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int row = int(m_ids.size());
        beginInsertRows({}, row, row + int(added.size()) - 1);
        for (const QString& id : added) {
            m_rows.insert(id, int(m_ids.size()));
            m_ids.append(id);
        }
        endInsertRows();
    }
}

const Migration* MigrationTableModel::migration(const QString& id) const
{
    if (!m_state)
        return nullptr;
    const auto it = m_state->migrations().constFind(id);
    return it == m_state->migrations().cend() ? nullptr : &*it;
}

const Migration* MigrationTableModel::activeMigrationOfTask(const QString& taskId) const
{
    const auto it = m_activeByTask.constFind(taskId);
    return it == m_activeByTask.cend() ? nullptr : migration(*it);
}

int MigrationTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int MigrationTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Migration* m = migration(m_ids.at(index.row()));
    if (!m)
        return {};
    switch (role) {
    case MigrationIdRole:
        return m->id;
    case TaskIdRole:
        return m->taskId;
    case ProgressRole:
        return migrationProgress(*m);
    case ActiveRole:
        return !isFinished(m->state);
    case DrainRequestIdRole:
        return m->drainRequestId;
    case StateRole:
        return int(m->state);
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn || index.column() == EtaColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return m->createdTimeMs; // newest first when descending
        case StateColumn:
            return int(m->state);
        case ProgressColumn:
            return migrationProgress(*m);
        case EtaColumn:
            return isFinished(m->state) ? -1.0 : m->etaSeconds;
        default:
            break;
        }
        role = Qt::DisplayRole;
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !m->failureReason.isEmpty())
            return m->failureReason;
        if (index.column() == PathColumn)
            return pathSiteNames(m_state, m->sourceSiteId, m->pathLinkIds).join(QStringLiteral(" → "))
                + QLatin1Char('\n') + m->pathLinkIds.join(QStringLiteral(", "));
        role = Qt::DisplayRole;
        break;
    default:
        break;
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case IdColumn:
        return m->id;
    case TaskColumn:
        return m->taskId;
    case StateColumn:
        return migrationStateName(m->state);
    case ProgressColumn:
        if (m->state == MigrationState::Transferring && m->bytesTotal > 0)
            return tr("%1 of %2").arg(formatBytes(double(m->bytesDone)), formatBytes(double(m->bytesTotal)));
        return locale.toString(migrationProgress(*m) * 100, 'f', 0) + QLatin1Char('%');
    case EtaColumn:
        return isFinished(m->state) ? QString() : formatDuration(m->etaSeconds);
    case SourceColumn:
        return siteName(m_state, m->sourceSiteId);
    case TargetColumn:
        return siteName(m_state, m->targetSiteId);
    case PathColumn:
        return pathSiteNames(m_state, m->sourceSiteId, m->pathLinkIds).join(QStringLiteral(" → "));
    case ReasonColumn:
        return m->reason;
    case RequestedByColumn:
        return m->requestedBy;
    default:
        return {};
    }
}

QVariant MigrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Migration");
    case TaskColumn:
        return tr("Task");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case EtaColumn:
        return tr("Time left");
    case SourceColumn:
        return tr("From");
    case TargetColumn:
        return tr("To");
    case PathColumn:
        return tr("Path");
    case ReasonColumn:
        return tr("Reason");
    case RequestedByColumn:
        return tr("Requested by");
    default:
        return {};
    }
}

} // namespace cpn
