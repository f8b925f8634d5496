#include "analysiscontroller.h"

#include "analysisinput.h"
#include "analysispanels.h"
#include "analysistablemodels.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "mapview.h"
#include "networkstate.h"
#include "tasktablemodel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QThreadPool>

namespace cpn {

namespace {
    constexpr int kTasksPerSlice = 100000; // a few ms of the GUI thread at huge
    constexpr int kAgainMs = 30000;
}

// One computation: its options, its cancel flag, and what it found.
struct AnalysisController::Run {
    bool recommend = false;
    bool contingencies = false;
    analysis::RecommendationOptions recommendationOptions;
    analysis::ContingencyOptions contingencyOptions;
    analysis::CancelFlag cancelled { false };
    std::shared_ptr<const analysis::AnalysisInput> input;
    analysis::RecommendationResult recommendations;
    analysis::ContingencyResult contingencyResult;
};

AnalysisController::AnalysisController(
    QMainWindow* window, ConsoleSession* session, MapView* map, DispatchController* dispatch, QMenu* viewMenu)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_map(map)
    , m_dispatch(dispatch)
    , m_recommendations(new RecommendationTableModel(session->state(), this))
    , m_contingencies(new ContingencyTableModel(session->state(), this))
    , m_recommendationsPanel(new RecommendationsPanel(m_recommendations, window))
    , m_contingenciesPanel(new ContingenciesPanel(m_contingencies, window))
    , m_recommendationsDock(new QDockWidget(window))
    , m_contingenciesDock(new QDockWidget(window))
{
    m_recommendationsDock->setObjectName(QStringLiteral("RecommendationsDock"));
    m_recommendationsDock->setWidget(m_recommendationsPanel);
    m_contingenciesDock->setObjectName(QStringLiteral("ContingenciesDock"));
    m_contingenciesDock->setWidget(m_contingenciesPanel);
    for (QDockWidget* dock : { m_recommendationsDock, m_contingenciesDock }) {
        window->addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide();
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible && !m_run && !m_slices.isActive())
                refresh();
            if (!visible && m_previewing && !m_recommendationsDock->isVisible() && !m_contingenciesDock->isVisible()) {
                m_map->setMigrationPreview(std::nullopt);
                m_previewing = false;
            }
        });
    }
    viewMenu->addSeparator();
    QAction* recommendations = m_recommendationsDock->toggleViewAction();
    recommendations->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    viewMenu->addAction(recommendations);
    QAction* contingencies = m_contingenciesDock->toggleViewAction();
    contingencies->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    viewMenu->addAction(contingencies);
    // Shown from the menu or its shortcut: in front of the docks it shares a place with.
    for (QAction* action : { recommendations, contingencies }) {
        QDockWidget* dock = action == recommendations ? m_recommendationsDock : m_contingenciesDock;
        connect(action, &QAction::triggered, dock, [dock](bool shown) {
            if (shown)
                dock->raise();
        });
    }

    m_pool.setMaxThreadCount(1); // one analysis at a time, beside the application's own pool
    m_slices.setInterval(0);
    connect(&m_slices, &QTimer::timeout, this, &AnalysisController::captureSlice);
    m_again.setSingleShot(true);
    m_again.setInterval(kAgainMs);
    connect(&m_again, &QTimer::timeout, this, [this] {
        if (wanted())
            refresh();
    });
    // A capture under way starts again over a new topology (the task store is replaced).
    // and so does one whose task store was replaced (a snapshot's tasks come a turn or more after
    // its network): slices of two stores would mix their sites. A dock restored open before the
    // first snapshot computes once it is in.
    const auto restart = [this] {
        if (m_slices.isActive())
            m_capture = std::make_unique<analysis::AnalysisCapture>(*m_session->state());
        else if (wanted() && !m_run && m_computedAtMs == 0)
            refresh();
    };
    connect(session->state(), &NetworkState::topologyReset, this, restart);
    connect(session->tasks(), &QAbstractItemModel::modelReset, this, restart);
    connect(session->state(), &NetworkState::revisionChanged, this, &AnalysisController::updateStatus);
    connect(session->state(), &NetworkState::pastChanged, this, &AnalysisController::updateApply);

    for (AnalysisPanel* panel : std::initializer_list<AnalysisPanel*> { m_recommendationsPanel, m_contingenciesPanel }) {
        connect(panel, &AnalysisPanel::refreshRequested, this, &AnalysisController::refresh);
        connect(panel, &AnalysisPanel::thresholdChanged, this, [this, panel](double ratio) {
            // One threshold for both: what "overloaded" means does not depend on the panel.
            AnalysisPanel* other = panel == m_recommendationsPanel ? static_cast<AnalysisPanel*>(m_contingenciesPanel)
                                                                   : m_recommendationsPanel;
            const QSignalBlocker block(other);
            other->setThreshold(ratio);
            refresh();
        });
    }
    connect(m_recommendationsPanel, &AnalysisPanel::currentRowChanged, this, &AnalysisController::previewRecommendation);
    connect(m_contingenciesPanel, &AnalysisPanel::currentRowChanged, this, &AnalysisController::previewContingency);
    connect(m_recommendationsPanel, &RecommendationsPanel::applyRequested, this, &AnalysisController::apply);
    connect(m_contingenciesPanel, &ContingenciesPanel::pairRequested, this, &AnalysisController::showPair);

    window->installEventFilter(this);
    retranslate();
    updateApply();
}

AnalysisController::~AnalysisController()
{
    if (m_run)
        m_run->cancelled = true;
    m_pool.waitForDone();
}

bool AnalysisController::wanted() const
{
    return m_recommendationsDock->isVisible() || m_contingenciesDock->isVisible();
}

void AnalysisController::refresh()
{
    if (m_run)
        m_run->cancelled = true; // its results will be dropped
    m_run.reset();
    m_again.stop();
    if (!wanted() || !m_session->state()->hasSnapshot()) {
        updateStatus();
        return;
    }
    m_capture = std::make_unique<analysis::AnalysisCapture>(*m_session->state());
    m_slices.start();
    updateStatus();
}

void AnalysisController::captureSlice()
{
    if (!m_capture->copyTasks(m_session->tasks()->store(), kTasksPerSlice))
        return; // the next slice in the next turn
    m_slices.stop();
    auto run = std::make_shared<Run>();
    run->recommend = m_recommendationsDock->isVisible();
    run->contingencies = m_contingenciesDock->isVisible();
    run->recommendationOptions.threshold = m_recommendationsPanel->threshold();
    run->contingencyOptions.threshold = m_contingenciesPanel->threshold();
    m_run = run;
    auto source = std::make_shared<analysis::AnalysisSource>(m_capture->take(m_session->tasks()->store()));
    m_capture.reset();
    QPointer<AnalysisController> self(this);
    m_pool.start([self, run, source] {
        if (run->cancelled)
            return;
        auto input = std::make_shared<analysis::AnalysisInput>(analysis::prepareAnalysis(std::move(*source)));
        run->input = input;
        if (run->recommend && !run->cancelled)
            run->recommendations = analysis::recommend(*input, run->recommendationOptions, &run->cancelled);
        if (run->contingencies && !run->cancelled)
            run->contingencyResult = analysis::contingencies(*input, {}, run->contingencyOptions, &run->cancelled);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, run] {
            if (self)
                self->finish(run);
        });
    });
    updateStatus();
}

void AnalysisController::finish(const std::shared_ptr<Run>& run)
{
    if (run != m_run || run->cancelled)
        return; // superseded
    m_run.reset();
    m_input = run->input;
    m_pair.reset();
    m_computedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_computedRevision = run->input->revision;
    if (run->recommend)
        m_recommendations->setResult(run->recommendations);
    if (run->contingencies) {
        m_contingencies->setResult(run->contingencyResult);
        QList<QPair<QString, QString>> elements;
        for (const analysis::Element& e : analysis::contingencyElements(*run->input))
            elements.append({ e.id, analysis::elementName(m_session->state(), e.id) });
        m_contingenciesPanel->setElements(elements);
    }
    if (m_previewing) {
        m_map->setMigrationPreview(std::nullopt);
        m_previewing = false;
    }
    updateStatus();
    m_again.start();
    emit resultsShown();
}

void AnalysisController::showPair(const QString& first, const QString& second)
{
    if (!m_input)
        return;
    std::vector<analysis::Element> pair;
    for (const analysis::Element& e : analysis::contingencyElements(*m_input)) {
        if (e.id == first || e.id == second)
            pair.push_back(e);
    }
    if (pair.size() != 2) {
        m_contingenciesPanel->setStatus(tr("Choose two different elements to see them fail together."));
        return;
    }
    // Two elements take well under a second even at huge: computed here, on a worker thread all the same.
    QPointer<AnalysisController> self(this);
    auto input = m_input;
    auto threshold = m_contingenciesPanel->threshold();
    m_pool.start([self, input, pair, threshold] {
        analysis::ContingencyOptions options;
        options.threshold = threshold;
        auto result = std::make_shared<analysis::Contingency>(analysis::contingencyOf(*input, pair, options));
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, input, result] {
            if (!self || self->m_input != input)
                return;
            self->m_pair = *result;
            self->previewOf(*result);
            self->m_contingenciesPanel->setStatus(
                tr("If %1 fail together: %n task(s) displaced, %2 placed elsewhere, %3 cannot be placed%4; severity %5.",
                    nullptr, result->tasksDisplaced)
                    .arg(self->m_contingencies->elementText(*result))
                    .arg(result->tasksPlaced)
                    .arg(result->unplacedTotal())
                    .arg(result->unplacedTotal() > 0
                            ? tr(" (%1)").arg(ContingencyTableModel::unplacedText(*result))
                            : QString())
                    .arg(QLocale().toString(result->severity, 'f', 2)));
        });
    });
}

void AnalysisController::previewRecommendation(int row)
{
    if (row < 0 || row >= m_recommendations->rowCount() || !m_input) {
        if (m_previewing)
            m_map->setMigrationPreview(std::nullopt);
        m_previewing = false;
        return;
    }
    const analysis::Recommendation& r = m_recommendations->at(row);
    MigrationPreview preview;
    preview.taskId = r.taskId;
    preview.sourceSiteId = r.sourceSiteId;
    preview.targetSiteId = r.targetSiteId;
    preview.pathLinkIds = r.pathLinkIds;
    preview.siteUtilisationAfter.insert(r.sourceSiteId, r.sourceLoad.after);
    preview.siteUtilisationAfter.insert(r.targetSiteId, r.targetLoad.after);
    for (const analysis::ProjectedLoadFigure& l : r.pathLoads) {
        if (l.index >= 0 && l.index < m_input->linkIds.size())
            preview.linkUtilisationAfter.insert(m_input->linkIds.at(l.index), l.after);
    }
    m_map->setMigrationPreview(preview);
    m_previewing = true;
}

void AnalysisController::previewContingency(int row)
{
    if (row < 0 || row >= m_contingencies->rowCount()) {
        if (m_previewing)
            m_map->setMigrationPreview(std::nullopt);
        m_previewing = false;
        return;
    }
    previewOf(m_contingencies->at(row));
}

void AnalysisController::previewOf(const analysis::Contingency& c)
{
    MigrationPreview preview;
    for (const analysis::Element& e : c.failed)
        preview.failedIds << e.id;
    for (const analysis::DisplacedFlow& f : c.flows)
        preview.flows.append({ f.sourceSiteId, f.targetSiteId, f.pflops });
    for (const analysis::ElementLoad& e : c.absorbing) {
        if (e.kind == analysis::ElementKind::Site)
            preview.siteUtilisationAfter.insert(e.id, e.after);
        else
            preview.linkUtilisationAfter.insert(e.id, e.after);
    }
    m_map->setMigrationPreview(preview);
    m_previewing = true;
}

void AnalysisController::apply(const QList<int>& rows)
{
    // What was chosen, copied: the question below runs an event loop, and a new result may
    // replace the table meanwhile; nothing is computed again until it is answered.
    struct Move {
        QString taskId;
        QString targetSiteId;
        analysis::RecommendationKind kind;
    };
    QList<Move> chosen;
    QStringList moves;
    for (int row : rows) {
        if (row < 0 || row >= m_recommendations->rowCount())
            continue;
        const analysis::Recommendation& r = m_recommendations->at(row);
        chosen.append({ r.taskId, r.targetSiteId, r.kind });
        moves << tr("%1: %2 → %3")
                     .arg(r.taskId, analysis::elementName(m_session->state(), r.sourceSiteId),
                         analysis::elementName(m_session->state(), r.targetSiteId));
    }
    if (chosen.isEmpty())
        return;
    m_again.stop();
    const auto answer = QMessageBox::question(m_window, tr("Apply recommendations"),
        tr("Start %n migration(s) as recommended?\n\n%1", nullptr, int(chosen.size()))
            .arg(moves.mid(0, 12).join(QLatin1Char('\n')) + (moves.size() > 12 ? QStringLiteral("\n…") : QString())));
    if (answer != QMessageBox::Yes) {
        m_again.start();
        return;
    }
    int started = 0;
    QStringList refused;
    for (const Move& move : std::as_const(chosen)) {
        if (m_dispatch->requestMove(move.taskId, move.targetSiteId, tr("Recommended: %1").arg(analysis::kindName(move.kind))))
            ++started;
        else
            refused << move.taskId;
    }
    if (refused.isEmpty()) {
        m_window->statusBar()->showMessage(tr("%n recommended migration(s) asked for", nullptr, started), 10000);
    } else {
        // Each refusal's reason went to the status bar in turn: all of them together here.
        QMessageBox::warning(m_window, tr("Apply recommendations"),
            tr("%n migration(s) asked for; not started: %1. The tasks may have ended, or dispatch is not allowed "
               "now (a viewer token, the past on show).",
                nullptr, started)
                .arg(refused.join(QStringLiteral(", "))));
    }
    refresh(); // the moves change what is best next
}

void AnalysisController::updateApply()
{
    const bool allowed = m_dispatch->isDispatchAllowed();
    m_recommendationsPanel->setApplyAllowed(allowed, m_dispatch->whyNotAllowed());
}

void AnalysisController::updateStatus()
{
    updateApply();
    QString text;
    if (m_run || m_slices.isActive())
        text = tr("Computing…");
    else if (m_computedAtMs == 0)
        text = m_session->state()->hasSnapshot() ? tr("Not computed yet") : tr("Waiting for the network");
    else {
        const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_computedAtMs).time(), QStringLiteral("HH:mm:ss"));
        const bool moved = m_session->state()->revision() > m_computedRevision;
        text = moved ? tr("Computed at %1; the network has moved on since. Computed again every 30 s.").arg(at)
                     : tr("Computed at %1.").arg(at);
    }
    const QString revision = m_computedAtMs ? tr("On revision %1").arg(m_computedRevision) : QString();
    m_recommendationsPanel->setStatus(text, revision);
    if (!m_pair)
        m_contingenciesPanel->setStatus(text, revision);
}

void AnalysisController::retranslate()
{
    m_recommendationsDock->setWindowTitle(tr("Recommendations"));
    m_contingenciesDock->setWindowTitle(tr("Contingencies (N-1)"));
    m_recommendations->retranslate();
    m_contingencies->retranslate();
    updateStatus();
}

bool AnalysisController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace cpn
