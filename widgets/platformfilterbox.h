#pragma once
// "All platforms" or one of them: the platform filter of a table. Hidden while the console has
// a single platform.

#include <QComboBox>

class QTableView;

namespace cpn {

class PlatformFilterBox final : public QComboBox {
    Q_OBJECT
public:
    explicit PlatformFilterBox(QWidget* parent = nullptr);

    // The table's Platform column: moved first, shown only while there are several platforms.
    void setColumn(QTableView* view, int column);
    // The platforms' names; the one chosen stays chosen while it is among them. `keys`: what
    // the table's column holds for each, when not the name.
    void setPlatforms(const QStringList& names, const QStringList& keys = {});
    // The key of the platform chosen; empty: all.
    QString platform() const { return currentData().toString(); }

signals:
    void platformChanged(const QString& platform);

protected:
    void changeEvent(QEvent* event) override;

private:
    QStringList m_names;
    QStringList m_keys;
    QTableView* m_view = nullptr;
    int m_column = -1;
};

} // namespace cpn
