#include "platformfilterbox.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

namespace cpn {

PlatformFilterBox::PlatformFilterBox(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("PlatformFilter"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("All platforms"), QString());
    setVisible(false);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit platformChanged(platform()); });
}

void PlatformFilterBox::setColumn(QTableView* view, int column)
{
    m_view = view;
    m_column = column;
    view->horizontalHeader()->moveSection(view->horizontalHeader()->visualIndex(column), 0);
    view->setColumnHidden(column, m_names.size() < 2);
}

void PlatformFilterBox::setPlatforms(const QStringList& names, const QStringList& keys)
{
    if (m_view)
        m_view->setColumnHidden(m_column, names.size() < 2);
    if (names == m_names && keys == m_keys)
        return;
    m_names = names;
    m_keys = keys;
    const QString chosen = platform();
    {
        const QSignalBlocker quiet(this);
        while (count() > 1)
            removeItem(count() - 1);
        for (int i = 0; i < names.size(); ++i)
            addItem(names[i], keys.value(i, names[i]));
        setCurrentIndex(std::max(0, findData(chosen)));
    }
    if (platform() != chosen)
        emit platformChanged(platform());
    setVisible(names.size() > 1);
}

void PlatformFilterBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        setItemText(0, tr("All platforms"));
    QComboBox::changeEvent(event);
}

} // namespace cpn
