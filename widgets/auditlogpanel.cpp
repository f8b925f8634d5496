#include "auditlogpanel.h"

#include "auditlogmodel.h"

#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

AuditLogPanel::AuditLogPanel(AuditLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_log(log)
    , m_location(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("AuditLogPanel"));
    m_location->setWordWrap(true);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(log);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditLogModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditLogModel::ActionColumn, 260);
    m_view->setColumnWidth(AuditLogModel::ReasonColumn, 220);
    m_view->setColumnWidth(AuditLogModel::OutcomeColumn, 300);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_location);
    layout->addWidget(m_view, 1);
    retranslate();
}

void AuditLogPanel::setJournalLocation(const QString& path, const QString& error)
{
    m_path = path;
    m_error = error;
    retranslate();
}

void AuditLogPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditLogPanel::retranslate()
{
    if (!m_error.isEmpty())
        m_location->setText(tr("The journal %1 cannot be used (%2): commands are sent but not kept.")
                                .arg(QDir::toNativeSeparators(m_path), m_error));
    else
        m_location->setText(tr("Dispatch actions of this console, kept in %1").arg(QDir::toNativeSeparators(m_path)));
    m_log->retranslate();
}

} // namespace cpn
