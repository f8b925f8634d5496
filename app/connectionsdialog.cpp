#include "connectionsdialog.h"

#include "connectionprobe.h"
#include "consolesession.h"
#include "platformlink.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cpn {

namespace {
const QString kGroup = QStringLiteral("platforms");

// What the platforms' state is called in the table.
QString stateText(const PlatformLink* p)
{
    switch (p->connectionState()) {
    case ConnectionState::Live:
        return ConnectionsDialog::tr("Live");
    case ConnectionState::Reconnecting:
        return p->lastError().isEmpty() ? ConnectionsDialog::tr("Reconnecting")
                                        : ConnectionsDialog::tr("Reconnecting: %1").arg(p->lastError());
    case ConnectionState::Stopped:
        return ConnectionsDialog::tr("Disconnected");
    case ConnectionState::Idle:
    case ConnectionState::Connecting:
        break;
    }
    return ConnectionsDialog::tr("Connecting");
}
} // namespace

PlatformEditor::PlatformEditor(const PlatformOptions& current, const QStringList& taken, bool mustName, QWidget* parent)
    : QDialog(parent)
    , m_taken(taken)
    , m_mustName(mustName)
    , m_name(new QLineEdit(current.name, this))
    , m_address(new QLineEdit(current.target, this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("PlatformEditor"));
    setWindowTitle(current.target.isEmpty() && current.name.isEmpty() ? tr("Add a platform") : tr("Edit platform"));
    m_name->setPlaceholderText(tr("e.g. east (letters, digits, '.', '_', '-')"));
    m_address->setPlaceholderText(tr("HOST:PORT, e.g. 10.1.2.3:50051"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    m_token = fileRow(form, tr("T&oken file:"), current.tokenPath);
    m_tlsCa = fileRow(form, tr("TLS &CA certificate:"), current.tlsCaPath);
    m_tlsCert = fileRow(form, tr("Client c&ertificate (mutual TLS):"), current.tlsCertPath);
    m_tlsKey = fileRow(form, tr("Client &key (mutual TLS):"), current.tlsKeyPath);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The token is read from its file when the platform is connected; only the file's "
                                    "path is remembered."),
        this));
    layout->addLayout(testRow);
    layout->addWidget(m_buttons);
    connect(m_test, &QPushButton::clicked, this, &PlatformEditor::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PlatformEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
}

QLineEdit* PlatformEditor::fileRow(QFormLayout* form, const QString& label, const QString& path)
{
    auto* edit = new QLineEdit(path, this);
    edit->setPlaceholderText(tr("none"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this, edit] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto* caption = new QLabel(label, this);
    caption->setBuddy(edit); // the label's shortcut goes to the file's name
    form->addRow(caption, row);
    return edit;
}

std::optional<PlatformOptions> PlatformEditor::platform(QString* error) const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() && m_mustName) {
        *error = tr("Give the platform a name: with several platforms each needs one.");
        return std::nullopt;
    }
    if (m_taken.contains(name)) {
        *error = tr("Another platform is already named \"%1\".").arg(name);
        return std::nullopt;
    }
    // Read as the command line reads it: one set of rules and messages.
    const QString prefix = name.isEmpty() ? QString() : name + QLatin1Char('=');
    PlatformArguments arguments;
    arguments.connect << prefix + m_address->text().trimmed();
    const auto add = [&prefix](QStringList& into, const QLineEdit* edit) {
        if (const QString path = edit->text().trimmed(); !path.isEmpty())
            into << prefix + path;
    };
    add(arguments.tokenFile, m_token);
    add(arguments.tlsCa, m_tlsCa);
    add(arguments.tlsCert, m_tlsCert);
    add(arguments.tlsKey, m_tlsKey);
    const auto platforms = platformsFrom(arguments, error);
    if (!platforms)
        return std::nullopt;
    if (platforms->front().embedded()) {
        *error = tr("The embedded scheduler is chosen on the command line (--connect NAME=embedded).");
        return std::nullopt;
    }
    return platforms->front();
}

void PlatformEditor::test()
{
    QString error;
    const auto p = platform(&error);
    if (!p) {
        m_result->setText(error);
        m_result->setStyleSheet(QStringLiteral("QLabel { color: #e5484d; }"));
        return;
    }
    ConnectionSettings settings { p->target, p->token };
    settings.tls = p->tls;
    settings.tlsCa = p->tlsCa;
    settings.tlsCert = p->tlsCert;
    settings.tlsKey = p->tlsKey;
    m_test->setEnabled(false);
    m_result->setStyleSheet({});
    m_result->setText(tr("Testing %1…").arg(p->target));
    probeConnection(settings, this, [this](bool ok, const QString& text) {
        m_test->setEnabled(true);
        m_result->setText(text);
        m_result->setStyleSheet(
            ok ? QStringLiteral("QLabel { color: #2fbf71; }") : QStringLiteral("QLabel { color: #e5484d; }"));
    });
}

void PlatformEditor::accept()
{
    QString error;
    if (!platform(&error)) {
        m_result->setText(error);
        m_result->setStyleSheet(QStringLiteral("QLabel { color: #e5484d; }"));
        return;
    }
    QDialog::accept();
}

ConnectionsDialog::ConnectionsDialog(ConsoleSession* session, const QString& journalPath, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_journalPath(journalPath)
    , m_table(new QTableWidget(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_disconnect(new QPushButton(tr("&Disconnect"), this))
    , m_reconnect(new QPushButton(tr("Re&connect"), this))
{
    setObjectName(QStringLiteral("ConnectionsDialog"));
    setWindowTitle(tr("Connections"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("Platform"), tr("Address"), tr("Security"), tr("State") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : { m_add, m_edit, m_remove, m_disconnect, m_reconnect })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { openEditor(nullptr); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditor(selected()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { openEditor(selected()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        PlatformLink* p = selected();
        if (!p)
            return;
        if (m_session->platforms().size() == 1) {
            QMessageBox::information(this, tr("Connections"), tr("The console needs at least one platform."));
            return;
        }
        const auto answer = QMessageBox::question(this, tr("Remove platform"),
            tr("Disconnect from %1 and take its sites, tasks and alarms off the console?").arg(p->displayName()));
        if (answer != QMessageBox::Yes)
            return;
        m_session->removePlatform(p->name());
        saveList();
        refresh();
    });
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        if (PlatformLink* p = selected())
            p->feed()->stop();
        updateButtons();
    });
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (PlatformLink* p = selected()) {
            p->feed()->stop();
            p->feed()->start();
        }
        updateButtons();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConnectionsDialog::updateButtons);
    const auto watch
        = [this](PlatformLink* p) { connect(p, &PlatformLink::healthChanged, this, &ConnectionsDialog::refresh); };
    for (PlatformLink* p : m_session->platforms())
        watch(p);
    connect(m_session, &ConsoleSession::platformAdded, this, watch);
    refresh();
    resize(760, 320);
}

PlatformLink* ConnectionsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_session->platforms().size() ? m_session->platforms().at(row) : nullptr;
}

void ConnectionsDialog::refresh()
{
    const QString current = selected() ? selected()->name() : QString();
    const auto& platforms = m_session->platforms();
    m_table->setRowCount(int(platforms.size()));
    for (int row = 0; row < platforms.size(); ++row) {
        const PlatformLink* p = platforms.at(row);
        const ConnectionSettings& s = p->settings();
        const QString security = s.tls ? (s.tlsCert.isEmpty() ? tr("TLS") : tr("mutual TLS")) : tr("plaintext");
        const QStringList cells { p->name().isEmpty() ? tr("(unnamed)") : p->name(),
            p->source().embedded() ? tr("embedded mock scheduler") : s.target,
            s.token.isEmpty() ? security : tr("%1, token").arg(security), stateText(p) };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            m_table->setItem(row, column, item);
        }
        if (p->name() == current)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void ConnectionsDialog::updateButtons()
{
    const PlatformLink* p = selected();
    m_edit->setEnabled(p && !p->source().embedded());
    m_edit->setToolTip(
        p && p->source().embedded() ? tr("The embedded scheduler is chosen on the command line") : QString());
    m_remove->setEnabled(p && m_session->platforms().size() > 1);
    m_disconnect->setEnabled(p && p->connectionState() != ConnectionState::Stopped);
    m_reconnect->setEnabled(p != nullptr);
}

void ConnectionsDialog::openEditor(PlatformLink* editing)
{
    if (m_editor)
        return;
    QStringList taken;
    for (const PlatformLink* p : m_session->platforms()) {
        if (p != editing)
            taken << p->name();
    }
    // A second platform needs a name, and so does the first: the console's one unnamed
    // platform must be named before another joins it.
    if (!editing && taken.contains(QString())) {
        QMessageBox::information(this, tr("Add a platform"),
            tr("Name the platform at %1 first (Edit): with several platforms each needs a name.")
                .arg(m_session->platform({})->settings().target));
        return;
    }
    const bool mustName = m_session->platforms().size() > (editing ? 1 : 0);
    m_editor = new PlatformEditor(editing ? editing->source() : PlatformOptions {}, taken, mustName, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<QString> replacing = editing ? std::optional(editing->name()) : std::nullopt;
    connect(m_editor, &QDialog::accepted, this, [this, replacing] {
        QString error;
        if (const auto platform = m_editor->platform(&error)) {
            apply(*platform, replacing);
            saveList();
            refresh();
        }
    });
    connect(m_editor, &QObject::destroyed, this, [this] { m_editor = nullptr; });
    m_editor->open();
}

PlatformLink* ConnectionsDialog::apply(const PlatformOptions& platform, const std::optional<QString>& replacing)
{
    // Another name or address means other ids or another scheduler: its part is taken again.
    if (replacing)
        m_session->removePlatform(*replacing);
    ConnectionSettings settings { platform.target, platform.token };
    settings.platform = platform.name;
    settings.tls = platform.tls;
    settings.tlsCa = platform.tlsCa;
    settings.tlsCert = platform.tlsCert;
    settings.tlsKey = platform.tlsKey;
    PlatformLink* link = m_session->addPlatform(settings, m_journalPath);
    link->setSource(platform);
    link->feed()->start();
    return link;
}

void ConnectionsDialog::saveList()
{
    QList<PlatformOptions> platforms;
    for (const PlatformLink* p : m_session->platforms())
        platforms << p->source();
    remember(platforms);
}

void ConnectionsDialog::remember(const QList<PlatformOptions>& platforms)
{
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(platforms.size()));
    for (int i = 0; i < platforms.size(); ++i) {
        const PlatformOptions& p = platforms[i];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("address"), p.embedded() ? QStringLiteral("embedded") : p.target);
        settings.setValue(QStringLiteral("tokenFile"), p.tokenPath);
        settings.setValue(QStringLiteral("tlsCa"), p.tlsCaPath);
        settings.setValue(QStringLiteral("tlsCert"), p.tlsCertPath);
        settings.setValue(QStringLiteral("tlsKey"), p.tlsKeyPath);
    }
    settings.endArray();
}

QList<PlatformOptions> ConnectionsDialog::remembered(QString* error)
{
    QSettings settings;
    const int count = settings.beginReadArray(kGroup);
    PlatformArguments all;
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        PlatformOptions p;
        p.name = settings.value(QStringLiteral("name")).toString();
        const QString address = settings.value(QStringLiteral("address")).toString();
        p.target = address == QLatin1String("embedded") ? QString() : address;
        p.tokenPath = settings.value(QStringLiteral("tokenFile")).toString();
        p.tlsCaPath = settings.value(QStringLiteral("tlsCa")).toString();
        p.tlsCertPath = settings.value(QStringLiteral("tlsCert")).toString();
        p.tlsKeyPath = settings.value(QStringLiteral("tlsKey")).toString();
        const PlatformArguments one = p.arguments();
        all.connect += one.connect;
        all.tokenFile += one.tokenFile;
        all.tlsCa += one.tlsCa;
        all.tlsCert += one.tlsCert;
        all.tlsKey += one.tlsKey;
    }
    settings.endArray();
    if (count == 0)
        return {};
    const auto platforms = platformsFrom(all, error);
    return platforms ? *platforms : QList<PlatformOptions> {};
}

} // namespace cpn
