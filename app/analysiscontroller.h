#pragma once
// Decision support in the main window: the Recommendations (Ctrl+Shift+E) and Contingencies
// (Ctrl+Shift+N) docks. While one is shown, the network and its tasks are captured a slice per
// turn of the GUI thread, the analysis (models/recommendations.h, models/contingencies.h) runs
// on a worker thread, and the results come back marked with the revision they were computed at;
// they are computed again every 30 s, on Refresh, or when the threshold changes (a newer run
// cancels an older one). A row chosen is previewed on the map; recommendations are applied
// through the dispatch controller's normal start path (operators only).

#include "contingencies.h"
#include "recommendations.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace cpn {

class ConsoleSession;
class ContingenciesPanel;
class ContingencyTableModel;
class DispatchController;
class MapView;
class RecommendationTableModel;
class RecommendationsPanel;

namespace analysis {
    class AnalysisCapture;
}

class AnalysisController final : public QObject {
    Q_OBJECT
public:
    AnalysisController(
        QMainWindow* window, ConsoleSession* session, MapView* map, DispatchController* dispatch, QMenu* viewMenu);
    ~AnalysisController() override;

    QDockWidget* recommendationsDock() const { return m_recommendationsDock; }
    QDockWidget* contingenciesDock() const { return m_contingenciesDock; }
    RecommendationsPanel* recommendationsPanel() const { return m_recommendationsPanel; }
    ContingenciesPanel* contingenciesPanel() const { return m_contingenciesPanel; }
    RecommendationTableModel* recommendations() const { return m_recommendations; }
    ContingencyTableModel* contingencies() const { return m_contingencies; }
    bool isRunning() const { return bool(m_run); }

    // Computes again now (what a shown dock needs), cancelling a run under way.
    void refresh();

signals:
    // A run ended and the panels show its results.
    void resultsShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Run;
    void captureSlice();
    void finish(const std::shared_ptr<Run>& run);
    void showPair(const QString& first, const QString& second);
    void previewRecommendation(int row);
    void previewContingency(int row);
    void previewOf(const analysis::Contingency& c);
    void apply(const QList<int>& rows);
    void updateStatus();
    void updateApply();
    void retranslate();
    bool wanted() const;

    QMainWindow* m_window;
    ConsoleSession* m_session;
    MapView* m_map;
    DispatchController* m_dispatch;
    RecommendationTableModel* m_recommendations;
    ContingencyTableModel* m_contingencies;
    RecommendationsPanel* m_recommendationsPanel;
    ContingenciesPanel* m_contingenciesPanel;
    QDockWidget* m_recommendationsDock;
    QDockWidget* m_contingenciesDock;
    QTimer m_slices; // one slice of the capture per turn
    QTimer m_again; // the next run
    QThreadPool m_pool; // the analysis runs here, not on the application's pool
    std::unique_ptr<analysis::AnalysisCapture> m_capture;
    std::shared_ptr<Run> m_run; // under way
    std::shared_ptr<const analysis::AnalysisInput> m_input; // of the results shown (for N-2)
    std::optional<analysis::Contingency> m_pair; // the N-2 shown, if any
    qint64 m_computedAtMs = 0; // wall time of the results shown
    quint64 m_computedRevision = 0;
    bool m_previewing = false; // the map's preview is ours
};

} // namespace cpn
