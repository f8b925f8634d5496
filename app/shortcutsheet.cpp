#include "shortcutsheet.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QKeySequence>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cpn {

namespace {

QString withoutMnemonic(QString text)
{
    // "退出(&Q)": the mnemonic and its brackets; "&Quit": the ampersand; "&&" is one.
    static const QRegularExpression bracketed(QStringLiteral("\\(&[^)]\\)"));
    text.remove(bracketed);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x1f"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x1f"), QStringLiteral("&"));
    return text.trimmed();
}

QString keysOf(const QList<QKeySequence>& keys)
{
    QStringList out;
    for (const QKeySequence& key : keys)
        out << key.toString(QKeySequence::NativeText);
    return out.join(QStringLiteral(", "));
}

} // namespace

QList<ShortcutSheet::Entry> ShortcutSheet::entries(const QWidget* window)
{
    QList<Entry> out;
    QList<const QAction*> seen;
    for (const QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || seen.contains(action) || withoutMnemonic(action->text()).isEmpty())
            continue;
        seen << action;
        out.append({ withoutMnemonic(action->text()), keysOf(action->shortcuts()) });
    }
    for (const QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (!button->shortcut().isEmpty() && !withoutMnemonic(button->text()).isEmpty())
            out.append({ withoutMnemonic(button->text()), keysOf({ button->shortcut() }) });
    }
    // Shortcuts without an action say what they do in their whatsThis.
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        if (!shortcut->key().isEmpty() && !shortcut->whatsThis().isEmpty())
            out.append({ shortcut->whatsThis(), keysOf({ shortcut->key() }) });
    }
    return out;
}

void ShortcutSheet::annotateToolTips(const QWidget* window)
{
    // Only tooltips nobody else wrote (an action may explain in its own why it is disabled):
    // Qt's default, the action's text, or the one written here before (in another language).
    static const char* const kWritten = "cpnShortcutToolTip";
    for (QAction* action : window->findChildren<QAction*>()) {
        const QString text = withoutMnemonic(action->text());
        if (action->shortcuts().isEmpty() || text.isEmpty())
            continue;
        const QString current = action->toolTip();
        const bool ours = current == action->property(kWritten).toString();
        const bool unset = current == text || current == QString(action->text()).remove(QLatin1Char('&'));
        if (!ours && !unset)
            continue;
        const QString tip = QStringLiteral("%1 (%2)").arg(text, keysOf(action->shortcuts()));
        action->setToolTip(tip);
        action->setProperty(kWritten, tip);
    }
}

ShortcutSheet::ShortcutSheet(const QWidget* window, QWidget* parent)
    : QDialog(parent)
    , m_window(window)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("ShortcutSheet"));
    m_table->setColumnCount(2);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(520, 560);
    fill();
}

void ShortcutSheet::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QDialog::changeEvent(event);
}

void ShortcutSheet::fill()
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Command"), tr("Keys") });
    const QList<Entry> all = entries(m_window);
    m_table->setRowCount(int(all.size()));
    for (int row = 0; row < all.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(all.at(row).what));
        m_table->setItem(row, 1, new QTableWidgetItem(all.at(row).keys));
    }
    m_table->resizeColumnToContents(0);
}

} // namespace cpn
