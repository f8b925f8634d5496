#include "sitesearchbox.h"

#include "domainlabels.h"
#include "networkstate.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QKeyEvent>
#include <QStandardItemModel>

namespace cpn {

namespace {

constexpr int kSiteIdRole = Qt::UserRole + 1;
constexpr int kTierRole = Qt::UserRole + 2;

} // namespace

SiteSearchBox::SiteSearchBox(QWidget* parent)
    : QLineEdit(parent)
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_model, this))
{
    setObjectName(QStringLiteral("SiteSearchBox"));
    setClearButtonEnabled(true);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
        [this](const QModelIndex& index) { choose(index.data(kSiteIdRole).toString()); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible())
            return; // the popup's own activation chooses
        const QStringList found = matches(text(), 1);
        if (!found.isEmpty())
            choose(found.first());
    });
    retranslate();
    setTheme(MapTheme::dark());
}

void SiteSearchBox::setSites(const NetworkState& state)
{
    m_model->clear();
    const QList<Site>& sites = state.sites();
    QList<QStandardItem*> items;
    items.reserve(sites.size());
    for (const Site& site : sites) {
        const QString name = siteDisplayName(site);
        const QString other = name == site.nameZh ? site.nameEn : site.nameZh;
        QString text = name;
        if (!other.isEmpty() && other != name)
            text += QStringLiteral("  ·  ") + other;
        text += QStringLiteral("  (%1)").arg(site.id);
        auto* item = new QStandardItem(text);
        item->setData(site.id, kSiteIdRole);
        item->setData(int(site.tier), kTierRole);
        item->setToolTip(tierName(site.tier));
        items << item;
    }
    // Hubs first, then by tier: the completer lists in model order.
    std::stable_sort(items.begin(), items.end(),
        [](QStandardItem* a, QStandardItem* b) { return a->data(kTierRole).toInt() < b->data(kTierRole).toInt(); });
    // One insertion, not 10,000 at huge; the column first (rows into a model of none would
    // insert it in the middle of their own insertion).
    m_model->setColumnCount(1);
    m_model->invisibleRootItem()->appendRows(items);
}

QStringList SiteSearchBox::matches(const QString& text, int limit) const
{
    QStringList out;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return out;
    // An exact id wins, then the model order (by tier).
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem* item = m_model->item(row);
        if (item->data(kSiteIdRole).toString().compare(needle, Qt::CaseInsensitive) == 0)
            out << item->data(kSiteIdRole).toString();
    }
    for (int row = 0; row < m_model->rowCount() && out.size() < limit; ++row) {
        const QStandardItem* item = m_model->item(row);
        const QString id = item->data(kSiteIdRole).toString();
        if (item->text().contains(needle, Qt::CaseInsensitive) && !out.contains(id))
            out << id;
    }
    return out.mid(0, limit);
}

void SiteSearchBox::choose(const QString& siteId)
{
    if (siteId.isEmpty())
        return;
    emit siteChosen(siteId);
}

void SiteSearchBox::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && !m_completer->popup()->isVisible()) {
        clear();
        clearFocus();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
    // QLineEdit lets Return go on to its parent, here the map, which would act on it too.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        event->accept();
}

void SiteSearchBox::setTheme(const MapTheme& theme)
{
    const QColor panel = QColor::fromRgba(theme.panel);
    const QString rgba
        = QStringLiteral("rgba(%1,%2,%3,%4)").arg(panel.red()).arg(panel.green()).arg(panel.blue()).arg(panel.alpha());
    setStyleSheet(QStringLiteral("#SiteSearchBox { background: %1; color: %2; border: 1px solid %3; border-radius: 4px;"
                                 " padding: 3px 6px; selection-background-color: %4; }"
                                 "#SiteSearchBox:focus { border-color: %4; }")
                      .arg(rgba, QColor::fromRgba(theme.panelText).name(), QColor::fromRgba(theme.panelBorder).name(),
                          QColor::fromRgba(theme.selection).name()));
}

void SiteSearchBox::retranslate()
{
    setPlaceholderText(tr("Find a site by name or ID  (Ctrl+F)"));
    setToolTip(tr("Type a Chinese or English site name or a site ID; Enter flies to the first match"));
}

void SiteSearchBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLineEdit::changeEvent(event);
}

} // namespace cpn
