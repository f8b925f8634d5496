#pragma once
// The user interface language: Qt's and our translations, and the default locale for numbers
// and dates. Switching at run time sends LanguageChange to every widget.

#include <QString>
#include <QStringList>

namespace cpn {

class Language {
public:
    // "zh_CN" or "en"; empty = the system locale (Chinese systems get Chinese, others English).
    static void apply(const QString& code);
    static QString current();
    static QStringList available() { return { QStringLiteral("zh_CN"), QStringLiteral("en") }; }
};

} // namespace cpn
