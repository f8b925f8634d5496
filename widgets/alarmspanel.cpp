#include "alarmspanel.h"

#include "platformfilterbox.h"

#include "alarmfilterproxymodel.h"
#include "alarmtablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cpn {

namespace {

constexpr int kPulseMs = 600;
constexpr int kMaxNoteLength = 1000;

// Rows that need attention alternate between two reds while the pulse runs.
class AttentionDelegate final : public QStyledItemDelegate {
public:
    AttentionDelegate(const bool* pulseOn, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_pulseOn(pulseOn)
    { }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (*m_pulseOn && index.data(AlarmTableModel::AttentionRole).toBool())
            option->backgroundBrush = QColor(0xe0, 0x2a, 0x4a);
    }

private:
    const bool* m_pulseOn;
};

// Severity filter entries, in combo order.
constexpr AlarmSeverity kSeverityFilter[]
    = { AlarmSeverity::Unknown, AlarmSeverity::Critical, AlarmSeverity::Major, AlarmSeverity::Warning };
constexpr AlarmFilterProxyModel::Acknowledgement kAckFilter[] = { AlarmFilterProxyModel::Acknowledgement::Any,
    AlarmFilterProxyModel::Acknowledgement::Unacknowledged, AlarmFilterProxyModel::Acknowledgement::Acknowledged };

} // namespace

AcknowledgeAlarmDialog::AcknowledgeAlarmDialog(const QString& alarmId, const QString& summary, QWidget* parent)
    : QDialog(parent)
    , m_alarmId(alarmId)
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("AcknowledgeAlarmDialog"));
    setWindowTitle(tr("Acknowledge alarm"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* text = new QLabel(summary, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    m_note->setPlaceholderText(tr("What is being done about it (recorded with your name)"));
    m_note->setTabChangesFocus(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Acknowledge"), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(new QLabel(tr("Note:"), this));
    layout->addWidget(m_note, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, 240);
}

QString AcknowledgeAlarmDialog::note() const
{
    return m_note->toPlainText().trimmed().left(kMaxNoteLength);
}

AlarmsPanel::AlarmsPanel(AlarmTableModel* alarms, QWidget* parent)
    : QWidget(parent)
    , m_alarms(alarms)
    , m_proxy(new AlarmFilterProxyModel(this))
    , m_severity(new QComboBox(this))
    , m_activeOnly(new QCheckBox(this))
    , m_acknowledgement(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_acknowledgeButton(new QPushButton(this))
    , m_acknowledge(new QAction(this))
    , m_view(new QTableView(this))
    , m_pulse(new QTimer(this))
{
    setObjectName(QStringLiteral("AlarmsPanel"));
    m_proxy->setSourceModel(alarms);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new AttentionDelegate(&m_pulseOn, this));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AlarmTableModel::SourceColumn, 200);
    m_view->setColumnWidth(AlarmTableModel::MessageColumn, 280);
    m_view->setColumnWidth(AlarmTableModel::AcknowledgedColumn, 220);

    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_acknowledge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_acknowledge);
    m_text->setClearButtonEnabled(true);

    // Two rows: the filters, then the count and the command, so that a narrow dock cuts nothing.
    auto* filters = new QHBoxLayout;
    m_platform = new PlatformFilterBox(this);
    m_platform->setColumn(m_view, AlarmTableModel::PlatformColumn);
    connect(m_platform, &PlatformFilterBox::platformChanged, m_proxy, &AlarmFilterProxyModel::setPlatform);
    filters->addWidget(m_platform);
    filters->addWidget(m_severity);
    filters->addWidget(m_acknowledgement);
    filters->addWidget(m_activeOnly);
    filters->addWidget(m_text, 1);
    auto* commands = new QHBoxLayout;
    commands->addWidget(m_count, 1);
    commands->addWidget(m_acknowledgeButton);
    m_text->setMinimumWidth(120);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addLayout(commands);
    layout->addWidget(m_view, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < int(std::size(kSeverityFilter)))
            m_proxy->setMinimumSeverity(kSeverityFilter[i]);
    });
    connect(m_acknowledgement, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < int(std::size(kAckFilter)))
            m_proxy->setAcknowledgement(kAckFilter[i]);
    });
    connect(m_activeOnly, &QCheckBox::toggled, m_proxy, &AlarmFilterProxyModel::setActiveOnly);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &AlarmFilterProxyModel::setText);
    connect(m_acknowledge, &QAction::triggered, this, &AlarmsPanel::acknowledgeSelected);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, &AlarmsPanel::acknowledgeSelected);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const QString site = index.data(AlarmTableModel::MapSiteIdRole).toString(); !site.isEmpty())
            emit siteRequested(site);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlarmsPanel::updateActions);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &AlarmsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlarmsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &AlarmsPanel::updateActions);
    connect(m_pulse, &QTimer::timeout, this, [this] {
        m_pulseOn = !m_pulseOn;
        m_view->viewport()->update();
    });
    m_pulse->setInterval(kPulseMs);
    // Pulse only while something needs attention: an idle console repaints nothing.
    connect(alarms, &AlarmTableModel::attentionChanged, this, [this] {
        const bool attention = !m_alarms->attentionAlarmIds().isEmpty();
        if (attention && !m_pulse->isActive())
            m_pulse->start();
        else if (!attention) {
            m_pulse->stop();
            m_pulseOn = false;
        }
        updateCount();
    });
    retranslate();
    if (!alarms->attentionAlarmIds().isEmpty())
        m_pulse->start();
}

bool AlarmsPanel::isPulsing() const
{
    return m_pulse->isActive();
}

QString AlarmsPanel::currentAlarmId() const
{
    return m_view->currentIndex().data(AlarmTableModel::AlarmIdRole).toString();
}

bool AlarmsPanel::selectAlarm(const QString& alarmId)
{
    const int row = m_alarms->rowOf(alarmId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_alarms->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

AcknowledgeAlarmDialog* AlarmsPanel::acknowledgeSelected()
{
    const QString id = currentAlarmId();
    const Alarm* alarm = m_alarms->alarm(id);
    if (!m_allowed || !alarm || alarm->acknowledged)
        return nullptr;
    const QString summary
        = tr("%1: %2 at %3\n%4")
              .arg(m_view->currentIndex().siblingAtColumn(AlarmTableModel::SeverityColumn).data().toString(),
                  m_view->currentIndex().siblingAtColumn(AlarmTableModel::CodeColumn).data().toString(),
                  m_alarms->sourceName(*alarm), m_alarms->messageText(*alarm));
    auto* dialog = new AcknowledgeAlarmDialog(id, summary, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The connection may have gone while the dialog was open.
        if (m_allowed)
            emit acknowledgeRequested(dialog->alarmId(), dialog->note());
    });
    dialog->open();
    return dialog;
}

void AlarmsPanel::setAcknowledgeAllowed(bool allowed, const QString& whyNot)
{
    m_allowed = allowed;
    m_whyNot = whyNot;
    updateActions();
}

void AlarmsPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool selected = current.isValid();
    const bool acknowledged = current.data(AlarmTableModel::AcknowledgedRole).toBool();
    const bool enabled = m_allowed && selected && !acknowledged;
    m_acknowledge->setEnabled(enabled);
    m_acknowledgeButton->setEnabled(enabled);
    const QString tip = !m_allowed ? m_whyNot
        : !selected                ? tr("Select an alarm first")
        : acknowledged             ? tr("This alarm is already acknowledged")
                                   : tr("Acknowledge the selected alarm with a note (%1)")
                             .arg(m_acknowledge->shortcut().toString(QKeySequence::NativeText));
    m_acknowledge->setToolTip(tip);
    m_acknowledgeButton->setToolTip(tip);
}

void AlarmsPanel::updateCount()
{
    const int attention = int(m_alarms->attentionAlarmIds().size());
    QString text = tr("%n alarm(s)", nullptr, m_proxy->rowCount());
    if (attention > 0)
        text += QStringLiteral(" · ") + tr("%n unacknowledged critical", nullptr, attention);
    m_count->setText(text);
    updateActions();
}

void AlarmsPanel::setPlatforms(const QStringList& names)
{
    m_platform->setPlatforms(names);
}

void AlarmsPanel::fillCombo(QComboBox* combo, const QStringList& texts)
{
    const int current = std::max(0, combo->currentIndex());
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItems(texts);
    combo->setCurrentIndex(current);
}

void AlarmsPanel::retranslate()
{
    fillCombo(
        m_severity, { tr("All severities"), tr("Critical only"), tr("Major and above"), tr("Warning and above") });
    fillCombo(m_acknowledgement, { tr("Acknowledged or not"), tr("Unacknowledged"), tr("Acknowledged") });
    m_activeOnly->setText(tr("Active only"));
    m_text->setPlaceholderText(tr("Filter alarms..."));
    m_acknowledgeButton->setText(tr("Acknowledge..."));
    m_acknowledge->setText(tr("Acknowledge alarm..."));
    updateCount();
}

void AlarmsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace cpn
