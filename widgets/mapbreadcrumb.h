#pragma once
// The trail over the map from the whole country down to the hub or regional centre the
// operator unfolded ("China > Yangtze River Delta hub > Hangzhou"); a click goes back up.

#include "maptheme.h"

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace cpn {

class MapBreadcrumb final : public QWidget {
    Q_OBJECT
public:
    explicit MapBreadcrumb(QWidget* parent = nullptr);

    // Names below the country, top first; note: how the zoom shows the level (may be empty).
    void setTrail(const QStringList& names, const QString& note);
    QStringList trail() const { return m_names; }
    void setTheme(const MapTheme& theme);
    // The text of each crumb as shown, the country first (for tests and accessibility).
    QStringList crumbTexts() const;
    // Clicks the crumb at depth (0: the country), as the user would.
    void activate(int depth);

signals:
    // 0: the whole country; n: the n-th name of the trail.
    void crumbClicked(int depth);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QHBoxLayout* m_layout;
    QList<QToolButton*> m_buttons;
    QList<QLabel*> m_separators;
    QLabel* m_note;
    QStringList m_names;
    QString m_noteText;
};

} // namespace cpn
