#include "uiscale.h"

#include <QSettings>

#include <cstring>

namespace cpn::UiScale {

namespace {
const QString kKey = QStringLiteral("ui/scale");
}

QList<double> choices()
{
    return { 0, 1, 1.25, 1.5, 1.75, 2 };
}

double saved()
{
    const double factor = QSettings().value(kKey, 0).toDouble();
    return factor >= 0.5 && factor <= 4 ? factor : 0;
}

void save(double factor)
{
    if (factor == 0)
        QSettings().remove(kKey);
    else
        QSettings().setValue(kKey, factor);
}

double parse(const QString& text)
{
    if (text.trimmed().compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        return 0;
    bool ok = false;
    const double factor = text.trimmed().toDouble(&ok);
    return ok && factor >= 0.5 && factor <= 4 ? factor : -1;
}

double inEffect()
{
    if (!qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        return 0;
    bool ok = false;
    const double factor = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&ok);
    return ok && factor > 0 ? factor : 0;
}

void applyBeforeStart(int argc, char** argv)
{
    // --ui-scale first, then the environment, then the saved choice. (The command line is
    // checked properly later; a bad value is reported there.)
    double given = -1;
    for (int i = 1; i < argc; ++i) {
        const char* value = nullptr;
        if (std::strcmp(argv[i], "--ui-scale") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (std::strncmp(argv[i], "--ui-scale=", 11) == 0)
            value = argv[i] + 11;
        if (const double factor = value ? parse(QString::fromLocal8Bit(value)) : -1; factor >= 0)
            given = factor; // the last one given
    }
    if (given < 0 && qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        return;
    const double factor = given >= 0 ? given : saved();
    if (factor > 0)
        qputenv("QT_SCALE_FACTOR", QByteArray::number(factor));
    else
        qunsetenv("QT_SCALE_FACTOR"); // --ui-scale auto
}

} // namespace cpn::UiScale
