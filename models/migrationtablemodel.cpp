#include "migrationtablemodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "wording.h"

#include <QLocale>

#include <algorithm>

namespace cpn {

MigrationTableModel::MigrationTableModel(QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
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

void MigrationTableModel::reset()
{
    resetWith([this] {
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
    });
}

void MigrationTableModel::update(const QStringList& ids)
{
    if (!m_state)
        return;
    QList<int> changed;
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
        if (const int row = rowOf(id); row >= 0)
            changed.append(row);
        else
            added.append(id);
    }
    emitRowsChanged(std::move(changed));
    insertRowsWith(int(m_ids.size()), int(added.size()), [&] {
        for (const QString& id : added) {
            m_rows.insert(id, int(m_ids.size()));
            m_ids.append(id);
        }
    });
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

QVariant MigrationTableModel::cellData(int row, int column, int role) const
{
    const Migration* m = migration(m_ids.at(row));
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
    case PlatformRole:
        return m->platform;
    case SortRole:
        switch (column) {
        case IdColumn:
            return m->createdTimeMs; // newest first when descending
        case StateColumn:
            return int(m->state);
        case ProgressColumn:
            return migrationProgress(*m);
        case EtaColumn:
            return isFinished(m->state) ? -1.0 : m->etaSeconds;
        default:
            return {}; // the text
        }
    case Qt::ToolTipRole:
        if (column == StateColumn && !m->failureReason.isEmpty())
            return Wording::failure(*m);
        if (column == PathColumn)
            return pathSiteNames(m_state, m->sourceSiteId, m->pathLinkIds).join(QStringLiteral(" → "))
                + QLatin1Char('\n') + m->pathLinkIds.join(QStringLiteral(", "));
        return {}; // the text
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (column) {
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
    case PlatformColumn:
        return m->platform;
    default:
        return {};
    }
}

QString MigrationTableModel::columnTitle(int column) const
{
    switch (column) {
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
    case PlatformColumn:
        return tr("Platform");
    default:
        return {};
    }
}

} // namespace cpn
