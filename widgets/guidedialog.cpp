#include "guidedialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLocale>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cpn {

namespace {
    const char* const kPages[] = { "operator", "demo", "ministry" };
}

GuideDialog::GuideDialog(QWidget* parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("guide"));
    for (int i = 0; i < 3; ++i) {
        auto* browser = new QTextBrowser(this);
        browser->setOpenExternalLinks(false);
        browser->setSearchPaths({ QStringLiteral(":/guide") });
        m_tabs->addTab(browser, QString());
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(760, 720);
    retranslate();
}

QTextBrowser* GuideDialog::page(Reader reader) const
{
    return static_cast<QTextBrowser*>(m_tabs->widget(int(reader)));
}

void GuideDialog::showFor(Reader reader)
{
    m_tabs->setCurrentIndex(int(reader));
    show();
    raise();
    activateWindow();
}

void GuideDialog::retranslate()
{
    setWindowTitle(tr("Guide"));
    m_tabs->setTabText(0, tr("Dispatch operators"));
    m_tabs->setTabText(1, tr("Giving demos"));
    m_tabs->setTabText(2, tr("Ministry staff"));
    const QString language = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    for (int i = 0; i < 3; ++i)
        page(Reader(i))->setSource(QUrl(QStringLiteral("qrc:/guide/%1.%2.html").arg(QLatin1String(kPages[i]), language)));
}

void GuideDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace cpn
