#pragma once
// Capacity review, for ministry staff (read-only, a viewer token is enough): choose a period, a
// scope and an accelerator type; see the headline figures against their targets, the gaps the
// policy names, charts, and tables per region, hub and cluster and of the busiest sites; export
// the report as PDF, CSV or XLSX (on a worker thread, with progress and cancel). It asks for
// reports and shows them; where they come from is the application's business.

#include "capacityreport.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QSortFilterProxyModel;

namespace cpn {

class CapacityTableModel;

class CapacityReviewWindow final : public QWidget {
    Q_OBJECT
public:
    // The period chosen: the last day, week or month up to each platform's "now", or a range.
    enum class Period { Day, Week, Month, Range };

    explicit CapacityReviewWindow(QWidget* parent = nullptr);
    ~CapacityReviewWindow() override;

    // What can be chosen as scope: the network's regions, hub and cluster sites, and the
    // platforms (only offered when there are several).
    void setNetwork(const QList<Region>& regions, const QList<Site>& sites, const QStringList& platforms);
    // The data source in words, written into exported reports.
    void setSource(const QString& source) { m_source = source; }

    // Progress of a report being made; `done` == `total` ends it.
    void setProgress(int done, int total);
    void showReport(const CapacityReport& report, const QStringList& problems);
    void showFailure(const QString& message);
    const CapacityReport& report() const { return m_report; }

    Period period() const;
    qint64 rangeFromMs() const; // Range only: simulated Unix ms
    qint64 rangeToMs() const;
    ReportScope scope() const;

    // Writes the report shown to `path` (by its suffix), on a worker thread.
    void exportTo(const QString& path);
    bool isExporting() const { return bool(m_exportJob); }

signals:
    // Make a report again: the period changed or the user asked.
    void reportRequested();
    // Only the scope or the type changed: the figures fetched serve.
    void scopeChanged();
    void cancelRequested();
    // A region or site chosen in a table, to be shown on the map.
    void showOnMap(const QString& regionOrSiteId);
    void exported(const QString& path);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    struct Export;
    void retranslate();
    void fillScopes();
    void fillTypes();
    void showHeadlines();
    void chooseExport();
    void copySelection();
    QTableView* addTable(CapacityTableModel* model);

    QComboBox* m_period;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QComboBox* m_scope;
    QComboBox* m_type;
    QPushButton* m_make;
    QPushButton* m_exportButton;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_periodLabel;
    QLabel* m_scopeLabel;
    QLabel* m_typeLabel;
    QLabel* m_message;
    QLabel* m_heading;
    QTabWidget* m_tabs;
    QTableWidget* m_headlines;
    QLabel* m_gaps;
    QWidget* m_charts[3] {};
    CapacityTableModel* m_regions;
    CapacityTableModel* m_hubs;
    CapacityTableModel* m_busiest;
    QList<QTableView*> m_tables;
    QList<Region> m_regionList;
    QList<Site> m_siteList;
    QStringList m_platforms;
    CapacityReport m_report;
    QStringList m_problems;
    QString m_source;
    std::shared_ptr<Export> m_exportJob; // under way
};

} // namespace cpn
