#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace cpn {

namespace {

    // The few colours a look is made of; the palette roles follow from them.
    struct Look {
        QColor window, base, alternateBase, text, muted, accent, button, toolTip, mid, dark, brightText;
    };

    void apply(QApplication& app, const Look& look)
    {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p;
        p.setColor(QPalette::Window, look.window);
        p.setColor(QPalette::WindowText, look.text);
        p.setColor(QPalette::Base, look.base);
        p.setColor(QPalette::AlternateBase, look.alternateBase);
        p.setColor(QPalette::ToolTipBase, look.toolTip);
        p.setColor(QPalette::ToolTipText, look.text);
        p.setColor(QPalette::PlaceholderText, look.muted);
        p.setColor(QPalette::Text, look.text);
        p.setColor(QPalette::Button, look.button);
        p.setColor(QPalette::ButtonText, look.text);
        p.setColor(QPalette::BrightText, look.brightText);
        p.setColor(QPalette::Highlight, look.accent);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, look.accent);
        p.setColor(QPalette::Mid, look.mid);
        p.setColor(QPalette::Dark, look.dark);
        for (auto role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText })
            p.setColor(QPalette::Disabled, role, look.muted);
        app.setPalette(p);
    }

} // namespace

void applyControlRoomTheme(QApplication& app)
{
    apply(app,
        { QColor(0x16, 0x1c, 0x27), QColor(0x0f, 0x14, 0x1d), QColor(0x14, 0x1a, 0x25), QColor(0xd8, 0xdf, 0xea),
            QColor(0x6b, 0x76, 0x88), QColor(0x2f, 0x81, 0xf7), QColor(0x1e, 0x26, 0x33), QColor(0x22, 0x2a, 0x38),
            QColor(0x2a, 0x33, 0x42), QColor(0x0b, 0x0f, 0x16), Qt::white });
}

void applyLightTheme(QApplication& app)
{
    apply(app,
        { QColor(0xf3, 0xf5, 0xf8), Qt::white, QColor(0xf5, 0xf7, 0xfa), QColor(0x1d, 0x27, 0x35),
            QColor(0x8a, 0x94, 0xa3), QColor(0x0a, 0x5b, 0xd6), QColor(0xe9, 0xed, 0xf2), QColor(0xff, 0xff, 0xf6),
            QColor(0xc5, 0xcd, 0xd8), QColor(0xa0, 0xaa, 0xb8), Qt::red });
}

} // namespace cpn
