#include "mainwindow.h"

#include "alarmcontroller.h"
#include "alarmspanel.h"
#include "analysiscontroller.h"
#include "capacityreview.h"
#include "auditlogpanel.h"
#include "commandjournal.h"
#include "connectionsdialog.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "dispatchoutbox.h"
#include "guidedialog.h"
#include "domainlabels.h"
#include "language.h"
#include "mapexport.h"
#include "shortcutsheet.h"
#include "uiscale.h"
#include "maplayersmenu.h"
#include "mapview.h"
#include "migrationspanel.h"
#include "networkstate.h"
#include "platformlink.h"
#include "siteinspector.h"
#include "siteinspectordock.h"
#include "sitesummary.h"
#include "statefeed.h"
#include "tableexport.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "replaycontroller.h"
#include "theme.h"
#include "trendcontroller.h"

#include <QAction>
#include <QTableView>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QFileDialog>
#include <QDir>
#include <QStatusBar>
#include <QStyle>
#include <QTimeZone>
#include <QTimer>
#include <QWindow>

#include <google/protobuf/stubs/common.h>
#include <grpcpp/grpcpp.h>

namespace cpn {

namespace {
    // Live data older than this is shown as stale even while the stream is up.
    constexpr qint64 kStaleAfterMs = 5000;
}

MainWindow::MainWindow(ConsoleSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_map(new MapView(this))
    , m_tasks(new TaskTablePanel(session->tasks(), this))
    , m_taskDock(new QDockWidget(this))
    , m_connection(new QLabel(this))
    , m_revision(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_statusTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_map->setState(session->state());
    // The central widget is the map framed by the replay's banner and timeline (see below).

    m_taskDock->setObjectName(QStringLiteral("TasksDock"));
    m_taskDock->setWidget(m_tasks);
    addDockWidget(Qt::BottomDockWidgetArea, m_taskDock);

    // The site inspector follows the map's selection and lists the site's tasks for dragging.
    m_inspectorDock = new SiteInspectorDock(this);
    SiteInspector* inspector = m_inspectorDock->inspector();
    inspector->setState(session->state());
    inspector->setMap(m_map);
    inspector->setTaskModel(session->tasks());
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    connect(m_map, &MapView::siteSelected, inspector, &SiteInspector::setSite);
    connect(inspector, &SiteInspector::showOnMapRequested, m_map, &MapView::flyToSite);
    connect(inspector, &SiteInspector::unfoldRequested, m_map, &MapView::unfoldSite);

    m_connection->setObjectName(QStringLiteral("ConnectionIndicator"));
    m_connection->setMinimumWidth(220);
    statusBar()->addWidget(m_connection);
    m_selection->setObjectName(QStringLiteral("SelectionStatus"));
    statusBar()->addWidget(m_selection, 1);
    statusBar()->addPermanentWidget(m_warnings);
    statusBar()->addPermanentWidget(m_clock);
    statusBar()->addPermanentWidget(m_revision);

    createMenus();
    // Dispatching adds its own menu and docks; before restoreLayout() so that they are restored.
    m_dispatch = new DispatchController(this, session, m_map, m_tasks, inspector);
    m_alarms = new AlarmController(this, session, m_map, m_viewMenu);
    m_trends = new TrendController(this, session, m_map, m_tasks, m_viewMenu);
    m_replay = new ReplayController(session, m_map, m_viewMenu, this);
    setCentralWidget(m_replay->view());
    m_analysis = new AnalysisController(this, session, m_map, m_dispatch, m_viewMenu);
    m_capacity = new CapacityReview(session, m_map, this);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_capacity->action());
    m_fileMenu->insertAction(m_exportMap, m_capacity->action());
    // The table to export: the one last used.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        for (QWidget* w = now; w; w = w->parentWidget()) {
            if (auto* view = qobject_cast<QTableView*>(w); view && isAncestorOf(view)) {
                m_lastTable = view;
                return;
            }
        }
    });
    tabifyDockWidget(m_taskDock, m_trends->dock());
    tabifyDockWidget(m_taskDock, m_analysis->recommendationsDock());
    tabifyDockWidget(m_taskDock, m_analysis->contingenciesDock());
    m_taskDock->raise();
    retranslate();
    restoreLayout();

    connect(m_map, &MapView::siteSelected, this, &MainWindow::onSiteSelected);
    connect(session, &ConsoleSession::batchApplied, this, &MainWindow::updateStatus);
    for (PlatformLink* platform : session->platforms())
        connect(platform, &PlatformLink::healthChanged, this, &MainWindow::updateStatus);
    connect(session, &ConsoleSession::platformAdded, this, [this](PlatformLink* platform) {
        connect(platform, &PlatformLink::healthChanged, this, &MainWindow::updateStatus);
    });
    connect(session, &ConsoleSession::platformRemoved, this, &MainWindow::updateStatus);
    connect(session, &ConsoleSession::platformAdded, this, &MainWindow::updatePlatforms);
    connect(session, &ConsoleSession::platformRemoved, this, &MainWindow::updatePlatforms);
    updatePlatforms();
    connect(session->state(), &NetworkState::warningRaised, this, &MainWindow::updateStatus);
    connect(session->state(), &NetworkState::pastChanged, this, &MainWindow::updateStatus);
    connect(session->state(), &NetworkState::topologyReset, this, [this] {
        onSiteSelected(m_map->selectedSiteId());
        if (!m_map->selectedSiteId().isEmpty() && m_session->state()->siteIndex(m_map->selectedSiteId()) < 0)
            m_map->setSelectedSiteId({});
    });
    // The countdown and staleness move with the clock, not only with data.
    m_statusTimer->start(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    updateStatus();
}

QAction* MainWindow::addChoice(QMenu* menu, QActionGroup* group, bool checked, std::function<void()> chosen)
{
    QAction* action = menu->addAction(QString());
    action->setCheckable(true);
    action->setChecked(checked);
    action->setActionGroup(group);
    connect(action, &QAction::triggered, this, std::move(chosen));
    return action;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_connections = m_fileMenu->addAction(QString(), this, &MainWindow::openConnections);
    m_connections->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_exportMap = m_fileMenu->addAction(QString(), this, [this] {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString suggested = QDir(folder).filePath(
            QStringLiteral("cpn-map-%1.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export map"), suggested, tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (file.isEmpty())
            return;
        if (const QString error = exportMap(*m_map, file, windowTitle()); !error.isEmpty())
            QMessageBox::warning(this, tr("Export map"), error);
        else
            statusBar()->showMessage(tr("Map saved to %1").arg(QDir::toNativeSeparators(file)), 10000);
    });
    m_exportMap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportTable = m_fileMenu->addAction(QString(), this, &MainWindow::exportTable);
    m_exportTable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_printMap = m_fileMenu->addAction(QString(), this, [this] {
        previewAndPrintMap(*m_map, this, [this] {
            const NetworkState* state = m_session->state();
            return state->isPast()
                ? tr("%1\nThe network at %2 (Beijing time, replayed)").arg(windowTitle(), beijingTimeText(state->pastTimeMs()))
                : tr("%1\nThe network at %2 (Beijing time)").arg(windowTitle(), beijingTimeText(state->simTimeMs()));
        });
    });
    m_printMap->setShortcut(QKeySequence::Print);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_fitChina = m_viewMenu->addAction(QString(), m_map, &MapView::fitChina);
    m_fitChina->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto* languages = new QActionGroup(this);
    // Each language is named in itself, so that anyone can find their own.
    const QList<QPair<QString, QString>> names { { QStringLiteral("zh_CN"), QStringLiteral("中文（简体）") },
        { QStringLiteral("en"), QStringLiteral("English") } };
    for (const auto& [code, name] : names) {
        addChoice(m_languageMenu, languages, Language::current() == code, [code] {
            Language::apply(code);
            QSettings().setValue(QStringLiteral("ui/language"), code);
        })->setText(name);
    }
    createMapMenus();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_taskDock->toggleViewAction());
    m_taskDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_viewMenu->addSeparator();
    m_fullScreen = m_viewMenu->addAction(QString(), this, &MainWindow::setFullScreen);
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(QKeySequence::FullScreen); // F11 here
    m_fullScreen->setShortcutContext(Qt::ApplicationShortcut);
    addAction(m_fullScreen); // also without the menu bar (a wall display)

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcuts = m_helpMenu->addAction(QString(), this, [this] {
        if (!m_shortcutSheet)
            m_shortcutSheet = new ShortcutSheet(this, this); // read when opened: every shortcut there is by then
        m_shortcutSheet->show();
        m_shortcutSheet->raise();
        m_shortcutSheet->activateWindow();
    });
    m_shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_guide = m_helpMenu->addAction(QString(), this, [this] {
        if (!m_guideDialog)
            m_guideDialog = new GuideDialog(this);
        // Ministry staff come with a viewer token; operators with an operator's.
        const QString role = m_session->state()->callerRole();
        m_guideDialog->showFor(role == QLatin1String("viewer") ? GuideDialog::Reader::Ministry : GuideDialog::Reader::Operator);
    });
    m_guide->setShortcut(QKeySequence::HelpContents);
    m_about = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About CPN Console"),
            tr("<b>CPN Console %1</b><p>Control console of the national integrated computing power network.</p>"
               "<p>Built with Qt %2 (LGPL 3), gRPC %3 and Protocol Buffers %4 (Apache License 2.0 and BSD).</p>"
               "<p>Basemap: Apache ECharts 4.9.0 (Apache License 2.0).</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                    QString::fromStdString(grpc::Version()),
                    QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION))));
    });
}

void MainWindow::createMapMenus()
{
    m_fitSelection = m_viewMenu->addAction(QString(), m_map, &MapView::fitSelection);
    m_fitSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_findSite = m_viewMenu->addAction(QString(), m_map, &MapView::focusSearch);
    m_findSite->setShortcut(QKeySequence::Find);
    m_layersMenu = new MapLayersMenu(m_map, this);
    m_viewMenu->addMenu(m_layersMenu);
    // With several platforms the sites can show whose they are instead of their load.
    m_colourByPlatform = m_viewMenu->addAction(QString(), this, [this](bool on) {
        QSettings().setValue(QStringLiteral("map/colourByPlatform"), on);
        updatePlatforms();
    });
    m_colourByPlatform->setCheckable(true);
    m_colourByPlatform->setChecked(QSettings().value(QStringLiteral("map/colourByPlatform"), false).toBool());
    m_themeMenu = m_viewMenu->addMenu(QString());
    auto* themes = new QActionGroup(this);
    m_darkTheme = addChoice(m_themeMenu, themes, false, [this] { applyTheme(false); });
    m_lightTheme = addChoice(m_themeMenu, themes, false, [this] { applyTheme(true); });
    applyTheme(QSettings().value(QStringLiteral("view/theme")).toString() == QLatin1String("light"));
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_inspectorDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));

    m_scaleMenu = m_viewMenu->addMenu(QString());
    auto* scales = new QActionGroup(this);
    // The size in effect is checked (--ui-scale or the environment may have overridden the saved one).
    const double current = UiScale::inEffect();
    for (const double factor : UiScale::choices()) {
        addChoice(m_scaleMenu, scales, qFuzzyCompare(1 + factor, 1 + current), [this, factor] {
            UiScale::save(factor);
            statusBar()->showMessage(tr("The interface size changes when the console starts again"), 10000);
        })->setData(factor);
    }
}

void MainWindow::applyTheme(bool light)
{
    if (light)
        applyLightTheme(*qApp);
    else
        applyControlRoomTheme(*qApp);
    m_map->setTheme(light ? MapThemeKind::Light : MapThemeKind::Dark);
    (light ? m_lightTheme : m_darkTheme)->setChecked(true);
    QSettings().setValue(QStringLiteral("view/theme"), light ? QStringLiteral("light") : QStringLiteral("dark"));
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("CPN Console - National Computing Power Network"));
    m_taskDock->setWindowTitle(tr("Tasks"));
    m_fileMenu->setTitle(tr("&File"));
    m_quit->setText(tr("&Quit"));
    m_connections->setText(tr("&Connections…"));
    m_exportMap->setText(tr("&Export map…"));
    m_exportTable->setText(tr("Export &table as CSV…"));
    m_printMap->setText(tr("&Print map…"));
    m_viewMenu->setTitle(tr("&View"));
    m_fitChina->setText(tr("&Fit China"));
    m_fitSelection->setText(tr("Fit &Selection"));
    m_findSite->setText(tr("Fin&d Site..."));
    m_colourByPlatform->setText(tr("Colour Sites by &Platform"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_scaleMenu->setTitle(tr("Interface si&ze"));
    for (QAction* action : m_scaleMenu->actions()) {
        const double factor = action->data().toDouble();
        action->setText(factor == 0 ? tr("&Automatic (the screen's DPI)")
                                    : tr("%1 %").arg(QLocale().toString(factor * 100, 'f', 0)));
    }
    m_darkTheme->setText(tr("&Dark (control room)"));
    m_lightTheme->setText(tr("&Light"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_guide->setText(tr("&Guide"));
    // Once every part of the window has its texts in the new language.
    QTimer::singleShot(0, this, [this] { ShortcutSheet::annotateToolTips(this); });
    m_about->setText(tr("&About CPN Console"));
    m_fullScreen->setText(tr("&Full Screen"));
    if (m_capacity)
        m_capacity->retranslate();
    onSiteSelected(m_map->selectedSiteId());
    updateStatus();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Item models get no LanguageChange of their own.
        m_session->tasks()->retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    // Where it was, on the screen it was on; the first time, fitted to the screen it opens on.
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        placeOn(screen());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::placeOn(QScreen* target)
{
    if (!target)
        return;
    const QRect available = target->availableGeometry();
    const QSize size = QSize(1600, 960).boundedTo(available.size() * 0.92);
    setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
    if (QWindow* window = windowHandle())
        window->setScreen(target);
}

void MainWindow::setFullScreen(bool on)
{
    setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    m_fullScreen->setChecked(on);
}

namespace {

    // Hides the cursor after a few idle seconds; any mouse move brings it back.
    class IdleCursor final : public QObject {
    public:
        explicit IdleCursor(QObject* parent)
            : QObject(parent)
        {
            m_idle.setSingleShot(true);
            m_idle.setInterval(3000);
            connect(&m_idle, &QTimer::timeout, this, [this] {
                if (!m_hidden)
                    QGuiApplication::setOverrideCursor(Qt::BlankCursor);
                m_hidden = true;
            });
            qApp->installEventFilter(this);
            m_idle.start();
        }
        ~IdleCursor() override { show(); }

    protected:
        bool eventFilter(QObject* watched, QEvent* event) override
        {
            if (event->type() == QEvent::MouseMove || event->type() == QEvent::MouseButtonPress) {
                show();
                m_idle.start();
            }
            return QObject::eventFilter(watched, event);
        }

    private:
        void show()
        {
            if (m_hidden)
                QGuiApplication::restoreOverrideCursor();
            m_hidden = false;
        }

        QTimer m_idle;
        bool m_hidden = false;
    };

} // namespace

void MainWindow::setDisplayOnly(bool on)
{
    m_displayOnly = on;
    menuBar()->setVisible(!on);
    m_dispatch->setDisplayOnly(on);
    m_alarms->setDisplayOnly(on);
    if (on) {
        // The map and the alarms: what a wall shows.
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            dock->setVisible(dock == m_alarms->alarmsDock());
        setFullScreen(true);
        m_idleCursor = new IdleCursor(this);
    } else {
        delete m_idleCursor;
        m_idleCursor = nullptr;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_displayOnly) { // a wall display's layout is not the operator's
        event->accept();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::onSiteSelected(const QString& siteId)
{
    const NetworkState* state = m_session->state();
    const int i = state->siteIndex(siteId);
    if (i < 0) {
        m_tasks->setSelectedSite({}, {});
        m_selection->setText(tr("Click a site on the map to select it"));
        return;
    }
    const Site& site = state->sites().at(i);
    const QString name = siteDisplayName(site);
    m_tasks->setSelectedSite(site.id, name);
    // The figures of what the map draws there (a hub with the sites folded into it), summed as
    // the inspector and the tooltip sum them, and written as they write them.
    const SiteSummary summary = SiteSummaries::summarize(*state, &m_map->foldedNetwork(), i);
    const QLocale locale;
    m_selection->setText(tr("%1 (%2) - %3, utilisation %4%, %5 PFLOPS, %6")
                             .arg(name, site.id, tierName(site.tier),
                                 locale.toString(summary.utilisation * 100, 'f', 1),
                                 locale.toString(summary.pflops, 'f', 1), siteStatusName(site.status)));
}

QString MainWindow::connectionText() const
{
    return m_connectionText;
}

ConnectionsDialog* MainWindow::openConnections()
{
    if (auto* open = findChild<ConnectionsDialog*>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    // New platforms journal where the first one does.
    const auto& platforms = m_session->platforms();
    const QString journal
        = platforms.isEmpty() ? CommandJournal::defaultPath() : platforms.front()->outbox()->journal()->path();
    auto* dialog = new ConnectionsDialog(m_session, journal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::updatePlatforms()
{
    QStringList names, keys;
    for (PlatformLink* p : m_session->platforms()) {
        names << p->name();
        keys << p->outbox()->scheduler();
    }
    if (names.size() < 2) { // one platform: no column, no filter
        names.clear();
        keys.clear();
    }
    m_colourByPlatform->setEnabled(!names.isEmpty());
    m_map->setPlatformColours(m_colourByPlatform->isChecked() ? names : QStringList());
    m_tasks->setPlatforms(names);
    m_alarms->alarmsPanel()->setPlatforms(names);
    m_dispatch->migrationsPanel()->setPlatforms(names);
    m_dispatch->auditPanel()->setPlatforms(names, keys);
}

QString MainWindow::platformStatus(const PlatformLink* platform, QString* color) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto since = [](const QDateTime& t) { return t.toString(QStringLiteral("HH:mm:ss")); };
    const QDateTime stale = platform->staleSince(kStaleAfterMs);
    const QString target = platform->settings().target;
    QString text;
    switch (platform->connectionState()) {
    case ConnectionState::Idle:
    case ConnectionState::Connecting:
        text = tr("Connecting to %1...").arg(target);
        // Connecting again after a break: what is shown is still stale.
        if (stale.isValid())
            text += QLatin1String(" | ") + tr("stale since %1").arg(since(stale));
        *color = QStringLiteral("#d9a400");
        break;
    case ConnectionState::Live:
        if (stale.isValid()) {
            text = tr("Stale since %1").arg(since(stale));
            *color = QStringLiteral("#d9a400");
        } else {
            text = platform->settings().tls ? tr("Live over TLS: %1").arg(target) : tr("Live: %1").arg(target);
            *color = QStringLiteral("#2fbf71");
        }
        break;
    case ConnectionState::Reconnecting: {
        const int seconds = int(std::max<qint64>(0, (platform->retryAtMs() - now + 999) / 1000));
        text = seconds > 0 ? tr("Reconnecting in %n s", nullptr, seconds) : tr("Reconnecting...");
        // Why, in so many words: a wrong CA or token is not fixed by waiting.
        if (!platform->lastError().isEmpty())
            text += QLatin1String(" | ") + platform->lastError();
        if (stale.isValid())
            text += QLatin1String(" | ") + tr("stale since %1").arg(since(stale));
        *color = QStringLiteral("#e5484d");
        break;
    }
    case ConnectionState::Stopped:
        text = tr("Disconnected");
        *color = QStringLiteral("#e5484d");
        break;
    }
    return text;
}

void MainWindow::updateStatus()
{
    const NetworkState* state = m_session->state();
    const QLocale locale;
    const QList<PlatformLink*>& platforms = m_session->platforms();
    // One platform: its state in full. Several: each by name, coloured, the details on hover.
    QStringList plain, rich, details, errors;
    QSet<QString> stale;
    QDateTime staleSince;
    bool allStale = !platforms.isEmpty();
    for (const PlatformLink* p : platforms) {
        QString color;
        const QString text = platformStatus(p, &color);
        const QDateTime since = p->staleSince(kStaleAfterMs);
        if (since.isValid() || p->connectionState() != ConnectionState::Live) {
            stale.insert(p->name());
            if (since.isValid() && (!staleSince.isValid() || since < staleSince))
                staleSince = since;
        } else {
            allStale = false;
        }
        if (!p->lastError().isEmpty())
            errors << (platforms.size() > 1 ? p->displayName() + QLatin1String(": ") : QString()) + p->lastError();
        if (platforms.size() == 1) {
            plain << text;
            m_connection->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(color));
            continue;
        }
        const QString shortText = p->connectionState() == ConnectionState::Live && !since.isValid() ? tr("live")
            : p->connectionState() == ConnectionState::Live                                       ? tr("stale")
            : p->connectionState() == ConnectionState::Reconnecting && p->feed()->lastFailureRefused() ? tr("refused")
            : p->connectionState() == ConnectionState::Reconnecting                               ? tr("reconnecting")
            : p->connectionState() == ConnectionState::Stopped                                    ? tr("disconnected")
                                                                                                  : tr("connecting");
        plain << tr("%1: %2").arg(p->displayName(), shortText);
        rich << QStringLiteral("<span style=\"color:%1\">&#9679; %2</span>")
                    .arg(color, tr("%1: %2").arg(p->displayName(), shortText).toHtmlEscaped());
        details << tr("%1: %2").arg(p->displayName(), text);
    }
    if (state->isPast()) {
        // The past has nothing to do with how live the platforms are now: greyed is what has no
        // data then.
        stale.clear();
        for (const PlatformLink* p : platforms) {
            if (!state->hasPastData(p->name()))
                stale.insert(p->name());
        }
        allStale = false;
    }
    if (platforms.size() > 1) {
        m_connection->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; }"));
        m_connection->setText(rich.join(QStringLiteral(" &nbsp; ")));
        m_connection->setToolTip(details.join(QLatin1Char('\n')));
        m_connectionText = plain.join(QStringLiteral(" | "));
        // Only the dead platform's part is greyed; the banner when nothing is live.
        m_map->setStalePlatforms(stale);
        m_map->setStale(allStale && state->hasSnapshot() ? staleSince : QDateTime());
    } else {
        m_connectionText = plain.value(0, tr("No platform"));
        m_connection->setText(m_connectionText);
        m_connection->setToolTip(
            errors.isEmpty() ? QString() : tr("Last error: %1").arg(errors.join(QLatin1Char('\n'))));
        m_map->setStalePlatforms(state->isPast() ? stale : QSet<QString>());
        // The map keeps what it has but shows that it is no longer live.
        m_map->setStale(state->hasSnapshot() && !state->isPast() ? staleSince : QDateTime());
    }

    // The inspector says whose a site is and who may act on it.
    QHash<QString, QString> notes;
    if (platforms.size() > 1) {
        for (const PlatformLink* p : platforms) {
            const QString role = p->role() == QLatin1String("viewer") ? tr("viewer: read only")
                : p->role() == QLatin1String("operator")              ? tr("operator: may dispatch")
                                                                      : tr("role not stated");
            notes.insert(p->name(),
                p->connectionState() == ConnectionState::Live ? tr("%1 · %2").arg(p->displayName(), role)
                                                              : tr("%1 · %2 · not live").arg(p->displayName(), role));
        }
    }
    m_inspectorDock->inspector()->setPlatformNotes(notes);
    if (platforms.size() > 1) {
        QStringList revisions;
        for (const PlatformLink* p : platforms)
            revisions << QStringLiteral("%1 %2").arg(p->displayName()).arg(state->platform(p->name()).revision);
        // Each platform counts its own revisions: the figures on hover.
        m_revision->setText(tr("%n platform(s)", nullptr, int(platforms.size())));
        m_revision->setToolTip(tr("Revisions: %1").arg(revisions.join(QStringLiteral(", "))));
    } else {
        m_revision->setText(tr("Revision %1").arg(state->revision()));
        m_revision->setToolTip({});
    }
    if (state->simTimeMs() > 0) {
        // The network runs on Beijing time (UTC+8, no daylight saving), wherever the console is.
        const QDateTime simTime = beijingDateTime(state->simTimeMs());
        m_clock->setText(tr("Scheduler time %1 (Beijing)").arg(locale.toString(simTime, QLocale::ShortFormat)));
    }
    if (state->warningCount() > 0) {
        m_warnings->setText(tr("%n data warning(s)", nullptr, state->warningCount()));
        m_warnings->setToolTip(tr("Malformed or unknown data from the server was ignored. Last: %1").arg(state->lastWarning()));
        m_warnings->setStyleSheet(QStringLiteral("QLabel { color: #d9a400; }"));
        m_warnings->show();
    } else {
        m_warnings->hide();
    }
    if (const QString selected = m_map->selectedSiteId(); !selected.isEmpty())
        onSiteSelected(selected);
}

void MainWindow::exportTable()
{
    QTableView* view = m_lastTable ? m_lastTable.data() : m_tasks->view();
    QString title = tr("Table");
    for (QWidget* w = view; w; w = w->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            title = dock->windowTitle();
            break;
        }
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("cpn-table-%1.csv").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export %1 as CSV").arg(title), suggested, tr("CSV table, UTF-8 (*.csv)"));
    if (file.isEmpty())
        return;
    auto* job = new TableExport(m_session, view->model(), title, file, this);
    connect(job, &TableExport::finished, this, [this](const QString& path, int rows, const QString& error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export table"), error);
        else
            statusBar()->showMessage(
                tr("%n row(s) saved to %1", nullptr, rows).arg(QDir::toNativeSeparators(path)), 10000);
    });
}

} // namespace cpn
