#include "siteinspectordock.h"

#include "siteinspector.h"

#include <QEvent>

namespace cpn {

SiteInspectorDock::SiteInspectorDock(QWidget* parent)
    : QDockWidget(parent)
    , m_inspector(new SiteInspector(this))
{
    setObjectName(QStringLiteral("SiteInspectorDock"));
    setWidget(m_inspector);
    setMinimumWidth(300);
    connect(m_inspector, &SiteInspector::taskContextMenuRequested, this, &SiteInspectorDock::taskContextMenuRequested);
    retranslate();
}

void SiteInspectorDock::retranslate()
{
    setWindowTitle(tr("Site inspector"));
    toggleViewAction()->setText(tr("Site &inspector"));
}

void SiteInspectorDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

} // namespace cpn
