#pragma once
// Help → Guide (F1): a short illustrated guide for each kind of user (dispatch operators, people
// giving demos, ministry staff), in the interface's language, from pages in resources/guide.

#include <QDialog>

class QTabWidget;
class QTextBrowser;

namespace cpn {

class GuideDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Reader { Operator, Demo, Ministry };
    explicit GuideDialog(QWidget* parent = nullptr);
    void showFor(Reader reader);
    // The page shown for `reader`, in the interface's language.
    QTextBrowser* page(Reader reader) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QTabWidget* m_tabs;
};

} // namespace cpn
