#include "capacityreview.h"

#include "capacityreportrunner.h"
#include "capacityreviewwindow.h"
#include "consolesession.h"
#include "mapview.h"
#include "networkstate.h"
#include "platformlink.h"

#include <QAction>

namespace cpn {

CapacityReview::CapacityReview(ConsoleSession* session, MapView* map, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_map(map)
    , m_parent(window)
    , m_action(new QAction(this))
    , m_runner(new CapacityReportRunner(session, this))
{
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_action, &QAction::triggered, this, &CapacityReview::open);
    connect(m_runner, &CapacityReportRunner::progress, this, [this](int done, int total) {
        if (m_window)
            m_window->setProgress(done, total);
    });
    connect(m_runner, &CapacityReportRunner::ready, this, [this](const CapacityReport& report, const QStringList& problems) {
        if (m_window)
            m_window->showReport(report, problems);
    });
    connect(m_runner, &CapacityReportRunner::failed, this, [this](const QString& message) {
        if (m_window) {
            // Nothing stays on show that could be taken for the period asked for.
            m_window->showReport({}, {});
            m_window->showFailure(message);
        }
    });
    retranslate();
}

void CapacityReview::retranslate()
{
    m_action->setText(tr("&Capacity review…"));
    // Names in the report are the language's: build it again.
    if (m_window && m_runner->hasFigures())
        rescope();
}

void CapacityReview::open()
{
    if (!m_window) {
        m_window = new CapacityReviewWindow(m_parent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_window, &CapacityReviewWindow::reportRequested, this, &CapacityReview::request);
        connect(m_window, &CapacityReviewWindow::scopeChanged, this, &CapacityReview::rescope);
        connect(m_window, &CapacityReviewWindow::cancelRequested, m_runner, [this] {
            m_runner->cancel();
            if (m_window)
                m_window->showFailure(tr("Cancelled"));
        });
        connect(m_window, &CapacityReviewWindow::showOnMap, this, &CapacityReview::showOnMap);
        connect(m_window, &QObject::destroyed, m_runner, &CapacityReportRunner::cancel);
        QStringList platforms;
        for (const PlatformLink* p : m_session->platforms())
            platforms << p->name();
        const NetworkState* state = m_session->state();
        m_window->setNetwork(state->regions(), state->sites(), platforms);
        m_window->setSource(m_runner->sourceText());
        m_window->show();
        request();
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void CapacityReview::request()
{
    if (!m_window)
        return;
    const NetworkState* state = m_session->state();
    QStringList platforms;
    for (const PlatformLink* p : m_session->platforms())
        platforms << p->name();
    m_window->setNetwork(state->regions(), state->sites(), platforms);
    ReportPeriod period;
    switch (m_window->period()) {
    case CapacityReviewWindow::Period::Day:
        period.kind = ReportPeriod::Kind::Day;
        break;
    case CapacityReviewWindow::Period::Week:
        period.kind = ReportPeriod::Kind::Week;
        break;
    case CapacityReviewWindow::Period::Month:
        period.kind = ReportPeriod::Kind::Month;
        break;
    case CapacityReviewWindow::Period::Range:
        period = { ReportPeriod::Kind::Range, m_window->rangeFromMs(), m_window->rangeToMs() };
        if (period.toMs <= period.fromMs) {
            m_window->showFailure(tr("The period ends before it begins: choose an end after its start."));
            return;
        }
        break;
    }
    m_runner->run(period, m_window->scope());
}

void CapacityReview::rescope()
{
    if (!m_window)
        return;
    if (m_runner->hasFigures())
        m_runner->rescope(m_window->scope());
    else
        request();
}

void CapacityReview::showOnMap(const QString& regionOrSiteId)
{
    const NetworkState* state = m_session->state();
    QString site = state->siteIndex(regionOrSiteId) >= 0 ? regionOrSiteId : QString();
    if (site.isEmpty()) { // a region: its hub
        for (const Site& s : state->sites()) {
            if (s.regionId == regionOrSiteId && s.tier == SiteTier::NationalHub) {
                site = s.id;
                break;
            }
        }
    }
    if (!site.isEmpty()) {
        m_map->setSelectedSiteId(site);
        m_map->flyToSite(site);
    }
}

} // namespace cpn
