#pragma once
// The console's main window: the live map in the centre, the task list in a dock, the
// connection state and revision in the status bar.

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QActionGroup;
class QLabel;
class QDockWidget;
class QScreen;
class QTableView;
class QTimer;

namespace cpn {

class ShortcutSheet;

class AlarmController;
class AnalysisController;
class CapacityReview;
class ConnectionsDialog;
class ConsoleSession;
class GuideDialog;
class DispatchController;
class MapLayersMenu;
class MapView;
class PlatformLink;
class ReplayController;
class SiteInspectorDock;
class TaskTablePanel;
class TrendController;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ConsoleSession* session, QWidget* parent = nullptr);

    MapView* mapView() const { return m_map; }
    // View > Colour Sites by Platform.
    QAction* colourByPlatformAction() const { return m_colourByPlatform; }
    TaskTablePanel* taskPanel() const { return m_tasks; }
    SiteInspectorDock* inspectorDock() const { return m_inspectorDock; }
    DispatchController* dispatch() const { return m_dispatch; }
    // File > Connections: opens (or raises) the dialog and returns it.
    ConnectionsDialog* openConnections();

    AlarmController* alarms() const { return m_alarms; }
    TrendController* trends() const { return m_trends; }
    ReplayController* replay() const { return m_replay; }
    CapacityReview* capacityReview() const { return m_capacity; }
    AnalysisController* analysis() const { return m_analysis; }
    // The status bar's connection text, as the operator reads it.
    QString connectionText() const;
    // View > Full Screen (F11).
    void setFullScreen(bool on);
    // A wall display (--kiosk): full screen, no menus, no dispatch and no acknowledging, the map
    // and the alarms only, the cursor hidden after a few idle seconds. Its layout is not kept.
    void setDisplayOnly(bool on);
    bool isDisplayOnly() const { return m_displayOnly; }
    // Moves the window onto `screen`, fitting it there.
    void placeOn(QScreen* screen);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createMenus();
    // One of `group`'s exclusive, checkable choices, added to `menu`; `chosen` runs when it is picked.
    QAction* addChoice(QMenu* menu, QActionGroup* group, bool checked, std::function<void()> chosen);
    void retranslate();
    void restoreLayout();
    void onSiteSelected(const QString& siteId);
    void updateStatus();
    // Every table's Platform column and filter follow the platforms connected.
    void updatePlatforms();
    // One platform's state for the status bar, and its colour.
    QString platformStatus(const PlatformLink* platform, QString* color) const;
    void createMapMenus();
    void applyTheme(bool light);
    // File → Export table as CSV: the table last used (TableExport).
    void exportTable();

    ConsoleSession* m_session;
    MapView* m_map;
    TaskTablePanel* m_tasks;
    QDockWidget* m_taskDock;
    SiteInspectorDock* m_inspectorDock = nullptr;
    DispatchController* m_dispatch = nullptr;
    AlarmController* m_alarms = nullptr;
    TrendController* m_trends = nullptr;
    ReplayController* m_replay = nullptr;
    CapacityReview* m_capacity = nullptr;
    AnalysisController* m_analysis = nullptr;
    MapLayersMenu* m_layersMenu = nullptr;
    QMenu* m_themeMenu = nullptr;
    QMenu* m_scaleMenu = nullptr; // interface size (UiScale)
    QAction* m_shortcuts = nullptr;
    QAction* m_guide = nullptr;
    QPointer<GuideDialog> m_guideDialog;
    QAction* m_exportMap = nullptr;
    QAction* m_exportTable = nullptr;
    QPointer<QTableView> m_lastTable; // the table last used: what Export table writes
    QAction* m_printMap = nullptr;
    QPointer<ShortcutSheet> m_shortcutSheet;
    QAction* m_fitSelection = nullptr;
    QAction* m_findSite = nullptr;
    QAction* m_colourByPlatform = nullptr;
    QAction* m_darkTheme = nullptr;
    QAction* m_lightTheme = nullptr;
    QLabel* m_connection;
    QLabel* m_revision;
    QLabel* m_clock;
    QLabel* m_warnings;
    QLabel* m_selection;
    QTimer* m_statusTimer;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_connections = nullptr;
    QAction* m_fitChina = nullptr;
    QAction* m_about = nullptr;
    QAction* m_fullScreen = nullptr;
    bool m_displayOnly = false;
    QObject* m_idleCursor = nullptr;
    QString m_connectionText; // the connection label's text, plain
};

} // namespace cpn
