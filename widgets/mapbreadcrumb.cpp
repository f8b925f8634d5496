#include "mapbreadcrumb.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace cpn {

MapBreadcrumb::MapBreadcrumb(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("MapBreadcrumb"));
    setAttribute(Qt::WA_StyledBackground, true);
    m_layout->setContentsMargins(6, 2, 8, 2);
    m_layout->setSpacing(2);
    m_note->setObjectName(QStringLiteral("MapBreadcrumbNote"));
    rebuild();
    setTheme(MapTheme::dark());
}

void MapBreadcrumb::setTrail(const QStringList& names, const QString& note)
{
    if (names == m_names && note == m_noteText)
        return;
    m_names = names;
    m_noteText = note;
    rebuild();
}

void MapBreadcrumb::rebuild()
{
    while (m_buttons.size() < m_names.size() + 1) {
        auto* button = new QToolButton(this);
        button->setAutoRaise(true);
        button->setCursor(Qt::PointingHandCursor);
        const int depth = int(m_buttons.size());
        connect(button, &QToolButton::clicked, this, [this, depth] { emit crumbClicked(depth); });
        m_buttons << button;
        auto* separator = new QLabel(QStringLiteral("›"), this);
        separator->setObjectName(QStringLiteral("MapBreadcrumbSeparator"));
        m_separators << separator;
    }
    while (m_layout->count() > 0)
        m_layout->takeAt(0);
    for (int i = 0; i < m_buttons.size(); ++i) {
        const bool shown = i <= m_names.size();
        m_buttons[i]->setVisible(shown);
        m_separators[i]->setVisible(shown && i > 0);
        if (!shown)
            continue;
        if (i > 0)
            m_layout->addWidget(m_separators[i]);
        m_buttons[i]->setText(i == 0 ? tr("China") : m_names[i - 1]);
        // The last crumb is where the map is: shown, not offered.
        m_buttons[i]->setEnabled(i < m_names.size() || i == 0);
        m_buttons[i]->setProperty("current", i == m_names.size());
        m_layout->addWidget(m_buttons[i]);
    }
    m_note->setText(m_noteText);
    m_note->setVisible(!m_noteText.isEmpty());
    m_layout->addWidget(m_note);
    adjustSize();
}

QStringList MapBreadcrumb::crumbTexts() const
{
    QStringList out;
    for (int i = 0; i <= m_names.size() && i < m_buttons.size(); ++i)
        out << m_buttons[i]->text();
    return out;
}

void MapBreadcrumb::activate(int depth)
{
    if (depth >= 0 && depth < m_buttons.size() && m_buttons[depth]->isVisible())
        m_buttons[depth]->click();
}

void MapBreadcrumb::setTheme(const MapTheme& theme)
{
    const QColor panel = QColor::fromRgba(theme.panel);
    const QString rgba
        = QStringLiteral("rgba(%1,%2,%3,%4)").arg(panel.red()).arg(panel.green()).arg(panel.blue()).arg(panel.alpha());
    const QString text = QColor::fromRgba(theme.panelText).name();
    const QString border = QColor::fromRgba(theme.panelBorder).name();
    const QString accent = QColor::fromRgba(theme.selection).name();
    setStyleSheet(QStringLiteral("#MapBreadcrumb { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 "QToolButton { color: %3; border: none; padding: 2px 4px; font-weight: bold; }"
                                 "QToolButton:hover { color: %4; text-decoration: underline; }"
                                 "QToolButton[current=\"true\"] { color: %4; }"
                                 "QToolButton:disabled { color: %4; }"
                                 "QLabel { color: %3; }"
                                 "#MapBreadcrumbNote { color: %3; font-style: italic; padding-left: 6px; }")
                      .arg(rgba, border, text, accent));
}

void MapBreadcrumb::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace cpn
