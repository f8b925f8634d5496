#pragma once
// The site inspector in a dock of its own, titled in the UI language.

#include <QDockWidget>

namespace cpn {

class SiteInspector;

class SiteInspectorDock final : public QDockWidget {
    Q_OBJECT
public:
    explicit SiteInspectorDock(QWidget* parent = nullptr);
    SiteInspector* inspector() const { return m_inspector; }

signals:
    // Right-click on a task of the inspector's list (forwarded from the inspector).
    void taskContextMenuRequested(const QString& taskId, const QPoint& globalPos);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    SiteInspector* m_inspector;
};

} // namespace cpn
