#include "capacityreviewwindow.h"

#include "capacitytablemodel.h"
#include "capacitywording.h"
#include "domainlabels.h"
#include "reportcharts.h"
#include "reportexport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cpn {

namespace {
    // One of the report's charts, drawn by reportcharts as the PDF draws it, in the dark style.
    class ChartView final : public QWidget {
    public:
        using Draw = void (*)(QPainter*, const QRectF&, const CapacityReport&, const ReportChartStyle&);
        ChartView(const CapacityReport* report, Draw draw, QWidget* parent)
            : QWidget(parent)
            , m_report(report)
            , m_draw(draw)
        {
            setMinimumSize(320, 220);
        }

    protected:
        void paintEvent(QPaintEvent*) override
        {
            QPainter painter(this);
            painter.setRenderHint(QPainter::Antialiasing);
            m_draw(&painter, QRectF(rect()), *m_report, ReportChartStyle::screen(font()));
        }

    private:
        const CapacityReport* m_report;
        Draw m_draw;
    };

    // QDateTimeEdit takes a time zone from Qt 6.7 on: it shows Beijing time as UTC, shifted.
    void setBeijingTime(QDateTimeEdit* edit, qint64 ms)
    {
        edit->setDateTime(QDateTime::fromMSecsSinceEpoch(ms + kBeijingOffsetMs, QTimeZone::utc()));
    }
    qint64 beijingTime(const QDateTimeEdit* edit)
    {
        return edit->dateTime().toMSecsSinceEpoch() - kBeijingOffsetMs;
    }
    const char* const kSettingsGroup = "capacityReview";
} // namespace

struct CapacityReviewWindow::Export {
    std::atomic_bool cancelled = false;
};

CapacityReviewWindow::CapacityReviewWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_period(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_scope(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_make(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_periodLabel(new QLabel(this))
    , m_scopeLabel(new QLabel(this))
    , m_typeLabel(new QLabel(this))
    , m_message(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headlines(new QTableWidget(this))
    , m_gaps(new QLabel(this))
    , m_regions(new CapacityTableModel(this))
    , m_hubs(new CapacityTableModel(this))
    , m_busiest(new CapacityTableModel(this))
{
    setObjectName(QStringLiteral("capacityReview"));
    for (int i = 0; i < 3; ++i)
        m_period->addItem(QString());
    m_period->addItem(QString());
    for (QDateTimeEdit* edit : { m_from, m_to }) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setVisible(false);
    }
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_periodLabel);
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_scopeLabel);
    bar->addWidget(m_scope, 1);
    bar->addSpacing(12);
    bar->addWidget(m_typeLabel);
    bar->addWidget(m_type);
    bar->addStretch();
    bar->addWidget(m_make);
    bar->addWidget(m_exportButton);
    m_make->setShortcut(QKeySequence::Refresh);
    m_exportButton->setShortcut(QKeySequence::Save);
    m_exportButton->setEnabled(false);

    auto* status = new QHBoxLayout;
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    status->addWidget(m_message, 1);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);

    // Summary: headline figures and gaps beside each other, the charts under them.
    auto* summary = new QWidget(this);
    auto* grid = new QGridLayout(summary);
    m_headlines->setColumnCount(3);
    m_headlines->verticalHeader()->setVisible(false);
    m_headlines->horizontalHeader()->setStretchLastSection(true);
    m_headlines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headlines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headlines->setObjectName(QStringLiteral("headlines"));
    m_gaps->setWordWrap(true);
    m_gaps->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_gaps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_gaps->setObjectName(QStringLiteral("gaps"));
    grid->addWidget(m_headlines, 0, 0, 1, 2);
    grid->addWidget(m_gaps, 0, 2);
    const ChartView::Draw charts[3] { &ReportCharts::drawUtilisation, &ReportCharts::drawRegions,
        &ReportCharts::drawWestShare };
    for (int i = 0; i < 3; ++i) {
        m_charts[i] = new ChartView(&m_report, charts[i], summary);
        grid->addWidget(m_charts[i], 1, i);
    }
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    m_tabs->addTab(summary, QString());
    addTable(m_regions);
    addTable(m_hubs);
    addTable(m_busiest);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_heading);
    layout->addLayout(status);
    layout->addWidget(m_tabs, 1);

    auto* copy = new QAction(this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &CapacityReviewWindow::copySelection);
    addAction(copy);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool range = period() == Period::Range;
        m_from->setVisible(range);
        m_to->setVisible(range);
        if (!range)
            emit reportRequested();
    });
    connect(m_make, &QPushButton::clicked, this, &CapacityReviewWindow::reportRequested);
    connect(m_scope, &QComboBox::activated, this, &CapacityReviewWindow::scopeChanged);
    connect(m_type, &QComboBox::activated, this, &CapacityReviewWindow::scopeChanged);
    connect(m_exportButton, &QPushButton::clicked, this, &CapacityReviewWindow::chooseExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_exportJob)
            m_exportJob->cancelled = true;
        else
            emit cancelRequested();
    });

    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1280, 820);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setBeijingTime(m_to, now);
    setBeijingTime(m_from, now - 7LL * 24 * 3600 * 1000);
    retranslate();
    const QSignalBlocker block(m_period);
    m_period->setCurrentIndex(std::clamp(settings.value(QStringLiteral("period"), 1).toInt(), 0, 2));
}

CapacityReviewWindow::~CapacityReviewWindow()
{
    if (m_exportJob)
        m_exportJob->cancelled = true;
}

QTableView* CapacityReviewWindow::addTable(CapacityTableModel* model)
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(CapacityTableModel::SortRole);
    auto* view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the report's order until a header is clicked
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setWordWrap(false);
    connect(view, &QTableView::activated, this, [this, proxy, model](const QModelIndex& index) {
        const QModelIndex source = proxy->mapToSource(index);
        if (source.isValid())
            emit showOnMap(model->rowAt(source.row()).key);
    });
    connect(view, &QTableView::clicked, view, &QTableView::activated);
    m_tabs->addTab(view, QString());
    m_tables.append(view);
    return view;
}

void CapacityReviewWindow::setNetwork(
    const QList<Region>& regions, const QList<Site>& sites, const QStringList& platforms)
{
    m_regionList = regions;
    m_siteList.clear();
    for (const Site& s : sites) {
        if (s.tier == SiteTier::NationalHub || s.tier == SiteTier::Cluster)
            m_siteList.append(s);
    }
    m_platforms = platforms;
    fillScopes();
}

void CapacityReviewWindow::fillScopes()
{
    const QVariant current = m_scope->currentData();
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    const auto add = [this](const QString& text, ReportScope::Kind kind, const QString& id) {
        m_scope->addItem(text, QStringLiteral("%1|%2").arg(int(kind)).arg(id));
    };
    add(tr("Nation"), ReportScope::Kind::Nation, {});
    m_scope->insertSeparator(m_scope->count());
    for (const Region& r : std::as_const(m_regionList))
        add(tr("Region: %1").arg(regionDisplayName(r)), ReportScope::Kind::Region, r.id);
    m_scope->insertSeparator(m_scope->count());
    for (const SiteTier tier : { SiteTier::NationalHub, SiteTier::Cluster }) {
        for (const Site& s : std::as_const(m_siteList)) {
            if (s.tier == tier)
                add(tr("%1: %2").arg(tierName(tier), siteDisplayName(s)), ReportScope::Kind::Site, s.id);
        }
    }
    if (m_platforms.size() > 1) {
        m_scope->insertSeparator(m_scope->count());
        for (const QString& p : std::as_const(m_platforms))
            add(tr("Platform: %1").arg(p), ReportScope::Kind::Platform, p);
    }
    const int again = current.isValid() ? m_scope->findData(current) : -1;
    m_scope->setCurrentIndex(again >= 0 ? again : 0);
}

void CapacityReviewWindow::fillTypes()
{
    const int current = std::max(0, m_type->currentIndex());
    const QSignalBlocker block(m_type);
    m_type->clear();
    m_type->addItem(tr("Every type"), int(Architecture::Unknown));
    for (int a = 1; a < kArchitectureCount; ++a)
        m_type->addItem(architectureName(Architecture(a)), a);
    m_type->setCurrentIndex(current);
}

CapacityReviewWindow::Period CapacityReviewWindow::period() const
{
    return Period(std::clamp(m_period->currentIndex(), 0, 3));
}

qint64 CapacityReviewWindow::rangeFromMs() const
{
    return beijingTime(m_from);
}

qint64 CapacityReviewWindow::rangeToMs() const
{
    return beijingTime(m_to);
}

ReportScope CapacityReviewWindow::scope() const
{
    ReportScope scope;
    const QString data = m_scope->currentData().toString();
    if (const qsizetype bar = data.indexOf(QLatin1Char('|')); bar > 0) {
        scope.kind = ReportScope::Kind(data.left(bar).toInt());
        scope.id = data.mid(bar + 1);
    }
    scope.architecture = Architecture(m_type->currentData().toInt());
    return scope;
}

void CapacityReviewWindow::setProgress(int done, int total)
{
    const bool busy = done < total;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_make->setEnabled(!busy);
    if (busy)
        m_message->setText(tr("Asking the platforms for their figures…"));
}

void CapacityReviewWindow::showReport(const CapacityReport& report, const QStringList& problems)
{
    m_report = report;
    m_problems = problems;
    if (period() != Period::Range && report.requestedToMs > report.requestedFromMs) {
        // A range chosen next starts from the period shown, on the schedulers' clock.
        setBeijingTime(m_from, report.requestedFromMs);
        setBeijingTime(m_to, report.requestedToMs);
    }
    if (!m_exportJob) { // an export under way keeps its progress and Cancel
        setProgress(1, 1);
        m_exportButton->setEnabled(!report.isEmpty());
    }
    m_regions->setRows(report.regions);
    m_hubs->setRows(report.hubs);
    m_busiest->setRows(report.busiest);
    showHeadlines();
    for (QWidget* chart : m_charts)
        chart->update();
}

void CapacityReviewWindow::showFailure(const QString& message)
{
    if (!m_exportJob)
        setProgress(1, 1);
    m_message->setText(message);
}

void CapacityReviewWindow::showHeadlines()
{
    const CapacityReport& r = m_report;
    if (r.isEmpty() && r.platforms.isEmpty()) {
        m_heading->setText(tr("No report yet"));
        return;
    }
    m_heading->setText(tr("%1 · %2 · %3")
                           .arg(CapacityWording::title(r), CapacityWording::periodText(r),
                               CapacityWording::typeText(r.scope.architecture)));
    QStringList notes;
    if (const QString coverage = CapacityWording::coverageNote(r); !coverage.isEmpty())
        notes << coverage;
    if (r.sitesWithoutData > 0)
        notes << tr("%n site(s) in scope had no data for the period.", nullptr, r.sitesWithoutData);
    for (const QString& p : std::as_const(m_problems))
        notes << tr("Not in the report: %1").arg(p);
    if (notes.isEmpty())
        notes << tr("Generated at %1 (Beijing time) from %2.")
                     .arg(beijingDateTime(r.generatedTimeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         m_source);
    m_message->setText(notes.join(QLatin1Char('\n')));

    const QList<CapacityWording::Headline> lines = CapacityWording::headlines(r);
    m_headlines->setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const auto& h = lines[i];
        auto* value = new QTableWidgetItem(h.value);
        auto* target = new QTableWidgetItem(h.target.isEmpty() ? QString()
                                                : (h.met ? (*h.met ? tr("✓ target %1") : tr("✗ target %1")) : tr("target %1"))
                                                      .arg(h.target));
        if (h.met) {
            const QColor colour = *h.met ? QColor(0x3f, 0xb9, 0x50) : QColor(0xf0, 0x5a, 0x4f);
            value->setForeground(colour);
            target->setForeground(colour);
        }
        m_headlines->setItem(i, 0, new QTableWidgetItem(h.label));
        m_headlines->setItem(i, 1, value);
        m_headlines->setItem(i, 2, target);
    }
    m_headlines->resizeColumnsToContents();
    QStringList gaps;
    for (const ReportGap& g : r.gaps)
        gaps << QStringLiteral("<p>• %1</p>").arg(CapacityWording::gap(r, g).toHtmlEscaped());
    m_gaps->setText(QStringLiteral("<b>%1</b>%2").arg(tr("Gaps the policy names").toHtmlEscaped(), gaps.join(QString())));
}

void CapacityReviewWindow::chooseExport()
{
    if (m_report.isEmpty() || m_exportJob)
        return;
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    const QString folder = settings.value(QStringLiteral("exportFolder"),
                                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString name = QStringLiteral("cpn-capacity-%1.pdf")
                             .arg(beijingDateTime(m_report.requestedToMs)
                                      .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), QDir(folder).filePath(name),
        tr("PDF report (*.pdf);;CSV table, UTF-8 (*.csv);;Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportFolder"), QFileInfo(path).absolutePath());
    exportTo(path);
}

void CapacityReviewWindow::exportTo(const QString& path)
{
    const auto format = ReportExport::formatFor(path);
    if (!format) {
        QMessageBox::warning(this, tr("Export report"),
            tr("The console writes reports as .pdf, .csv or .xlsx: %1 is none of them.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    auto job = std::make_shared<Export>();
    m_exportJob = job;
    m_exportButton->setEnabled(false);
    setProgress(0, 100);
    m_message->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    QPointer<CapacityReviewWindow> self(this);
    QThreadPool::globalInstance()->start(
        [self, job, path, format = *format, report = m_report, context = ReportExport::Context { m_source }] {
            QString error;
            const bool ok = ReportExport::write(report, context, path, format,
                [self, job](int done, int total) {
                    QMetaObject::invokeMethod(qApp, [self, job, done, total] {
                        if (self && self->m_exportJob == job)
                            self->m_progress->setValue(total > 0 ? done * 100 / total : 0);
                    });
                    return !job->cancelled.load();
                },
                &error);
            QMetaObject::invokeMethod(qApp, [self, job, ok, error, path] {
                if (!self || self->m_exportJob != job)
                    return;
                self->m_exportJob.reset();
                self->setProgress(1, 1);
                self->m_exportButton->setEnabled(!self->m_report.isEmpty());
                if (ok) {
                    self->m_message->setText(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)));
                    emit self->exported(path);
                } else {
                    self->m_message->setText(error);
                    if (!job->cancelled)
                        QMessageBox::warning(self, tr("Export report"), error);
                }
            });
        });
}

void CapacityReviewWindow::copySelection()
{
    // The table on show: its selected rows, or all of them, with the headers, as tab-separated text.
    auto* view = qobject_cast<QTableView*>(m_tabs->currentWidget());
    QAbstractItemModel* model = view ? view->model() : static_cast<QAbstractItemModel*>(m_headlines->model());
    QTableView* selectionOf = view ? view : static_cast<QTableView*>(m_headlines);
    QList<int> rows;
    for (const QModelIndex& index : selectionOf->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty()) {
        for (int r = 0; r < model->rowCount(); ++r)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r : rows) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c)
            cells << model->index(r, c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    m_message->setText(tr("%n row(s) copied", nullptr, int(rows.size())));
}

void CapacityReviewWindow::retranslate()
{
    setWindowTitle(tr("Capacity review"));
    m_periodLabel->setText(tr("Period:"));
    m_period->setItemText(0, tr("Last 24 hours"));
    m_period->setItemText(1, tr("Last 7 days"));
    m_period->setItemText(2, tr("Last 30 days"));
    m_period->setItemText(3, tr("Range…"));
    m_from->setToolTip(tr("From (Beijing time)"));
    m_to->setToolTip(tr("To (Beijing time)"));
    m_scopeLabel->setText(tr("Scope:"));
    m_typeLabel->setText(tr("Accelerators:"));
    m_make->setText(tr("&Make report"));
    m_exportButton->setText(tr("&Export…"));
    m_cancel->setText(tr("Cancel"));
    m_headlines->setHorizontalHeaderLabels({ tr("Figure"), tr("Value"), tr("Target") });
    m_tabs->setTabText(0, tr("Summary"));
    m_tabs->setTabText(1, tr("Regions"));
    m_tabs->setTabText(2, tr("Hubs and clusters"));
    m_tabs->setTabText(3, tr("Busiest sites"));
    fillScopes();
    fillTypes();
    for (CapacityTableModel* model : { m_regions, m_hubs, m_busiest })
        model->retranslate();
    showHeadlines();
}

void CapacityReviewWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CapacityReviewWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    if (period() != Period::Range)
        settings.setValue(QStringLiteral("period"), int(period()));
    QWidget::closeEvent(event);
}

} // namespace cpn
