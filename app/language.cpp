#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace cpn {

namespace {
    QPointer<QTranslator> s_qt;
    QPointer<QTranslator> s_ours;
    QString s_current;
}

void Language::apply(const QString& code)
{
    QString chosen = code;
    if (chosen.isEmpty())
        chosen = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    const QLocale locale(chosen);
    QLocale::setDefault(locale);
    for (auto* old : { s_qt.data(), s_ours.data() }) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    s_qt = new QTranslator(QCoreApplication::instance());
    if (s_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(s_qt);
    s_ours = new QTranslator(QCoreApplication::instance());
    if (s_ours->load(locale, QStringLiteral("cpn"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(s_ours);
    s_current = chosen;
}

QString Language::current()
{
    return s_current;
}

} // namespace cpn
