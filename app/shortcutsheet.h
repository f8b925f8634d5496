#pragma once
// Help > Keyboard shortcuts: every shortcut of a window, read from its actions and shortcut
// objects themselves (so the sheet cannot drift from them), in the interface language.

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace cpn {

class ShortcutSheet final : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString what; // the action's text, without its mnemonic
        QString keys; // as the platform writes them
    };
    // `window`'s shortcuts, in the order its actions were made (menu by menu).
    static QList<Entry> entries(const QWidget* window);
    // Every action of `window` with a shortcut says it in its tooltip too.
    static void annotateToolTips(const QWidget* window);

    explicit ShortcutSheet(const QWidget* window, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    const QWidget* m_window;
    QTableWidget* m_table;
};

} // namespace cpn
