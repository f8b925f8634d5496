#pragma once
// Finds a site by its Chinese or English name or its id as the operator types, and says which
// one was chosen; the map then flies to it.

#include "maptheme.h"

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;

namespace cpn {

class NetworkState;

class SiteSearchBox final : public QLineEdit {
    Q_OBJECT
public:
    explicit SiteSearchBox(QWidget* parent = nullptr);

    // The sites to search; call again after the topology changed.
    void setSites(const NetworkState& state);
    void setTheme(const MapTheme& theme);
    QCompleter* siteCompleter() const { return m_completer; }
    // Ids of the sites whose names or id contain text (case-insensitive), best first.
    QStringList matches(const QString& text, int limit = 20) const;

signals:
    void siteChosen(const QString& siteId);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void retranslate();
    void choose(const QString& siteId);

    QStandardItemModel* m_model;
    QCompleter* m_completer;
};

} // namespace cpn
