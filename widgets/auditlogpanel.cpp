#include "auditlogpanel.h"

#include "auditlogmodel.h"
#include "platformfilterbox.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

AuditLogPanel::AuditLogPanel(AuditLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_log(log)
    , m_location(new QLabel(this))
    , m_platform(new PlatformFilterBox(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("AuditLogPanel"));
    m_location->setWordWrap(true);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Newest first as the log has them; the platform filter matches its column exactly.
    m_proxy->setSourceModel(log);
    m_proxy->setFilterKeyColumn(AuditLogModel::PlatformColumn);
    m_view->setModel(m_proxy);
    m_platform->setColumn(m_view, AuditLogModel::PlatformColumn);
    connect(m_platform, &PlatformFilterBox::platformChanged, this, [this](const QString& platform) {
        m_proxy->setFilterRegularExpression(
            platform.isEmpty() ? QString() : QStringLiteral("^%1$").arg(QRegularExpression::escape(platform)));
    });
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
    auto* top = new QHBoxLayout;
    top->addWidget(m_platform);
    top->addWidget(m_location, 1);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    retranslate();
}

void AuditLogPanel::setPlatforms(const QStringList& names, const QStringList& keys)
{
    m_platform->setPlatforms(names, keys);
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
