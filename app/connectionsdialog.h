#pragma once
// File > Connections (Ctrl+Shift+O): the platforms the console is connected to. Adds, edits,
// removes, disconnects and reconnects them, tests a platform's settings before saving them,
// and remembers the list (QSettings: addresses and the paths of token and TLS files, never a
// token) for the next start without --connect.

#include "commandline.h"

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cpn {

class ConsoleSession;
class PlatformLink;

// One platform's settings as the operator types them.
class PlatformEditor final : public QDialog {
    Q_OBJECT
public:
    // `taken`: names other platforms have. `mustName`: a name is required (there are others).
    PlatformEditor(const PlatformOptions& current, const QStringList& taken, bool mustName, QWidget* parent = nullptr);

    // The platform as typed, its files read; nothing and *error when something is wrong.
    std::optional<PlatformOptions> platform(QString* error) const;

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* addressEdit() const { return m_address; }
    QLineEdit* tokenEdit() const { return m_token; }
    QPushButton* testButton() const { return m_test; }
    QLabel* resultLabel() const { return m_result; }

    void accept() override;

private:
    void test();
    QLineEdit* fileRow(QFormLayout* form, const QString& label, const QString& path);

    QStringList m_taken;
    bool m_mustName;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QLineEdit* m_token;
    QLineEdit* m_tlsCa;
    QLineEdit* m_tlsCert;
    QLineEdit* m_tlsKey;
    QPushButton* m_test;
    QLabel* m_result;
    QDialogButtonBox* m_buttons;
};

class ConnectionsDialog final : public QDialog {
    Q_OBJECT
public:
    // New platforms journal their commands into `journalPath`.
    ConnectionsDialog(ConsoleSession* session, const QString& journalPath, QWidget* parent = nullptr);

    // The platforms remembered, their files read again; empty when none (or *error: why not).
    static QList<PlatformOptions> remembered(QString* error);
    static void remember(const QList<PlatformOptions>& platforms);

    QTableWidget* table() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* editButton() const { return m_edit; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* disconnectButton() const { return m_disconnect; }
    QPushButton* reconnectButton() const { return m_reconnect; }
    // The editor open now, if any (tests drive it).
    PlatformEditor* editor() const { return m_editor; }

    // Adds (or, with `replacing`, replaces the platform of that name with) a platform and starts it.
    PlatformLink* apply(const PlatformOptions& platform, const std::optional<QString>& replacing = std::nullopt);

private:
    void refresh();
    void openEditor(PlatformLink* editing);
    void saveList();
    PlatformLink* selected() const;
    void updateButtons();

    ConsoleSession* m_session;
    QString m_journalPath;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_disconnect;
    QPushButton* m_reconnect;
    PlatformEditor* m_editor = nullptr;
};

} // namespace cpn
