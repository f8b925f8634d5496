#pragma once
// Draws a cell as a progress bar: the fraction from one item role (0..1), the text from the
// display role.

#include <QStyledItemDelegate>

namespace cpn {

class ProgressDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    ProgressDelegate(int progressRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

} // namespace cpn
