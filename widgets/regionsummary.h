#pragma once
// The regional summary dock: one compact card per hub region with small bar charts of capacity
// against use by accelerator type (PFLOPS), the green share of the power and the average PUE.
// Painted by hand (legible on a dark large screen; no chart library to migrate later); follows
// a RegionSummaryModel, which refreshes about once a second.

#include <QScrollArea>

namespace cpn {

class RegionSummaryModel;
class RegionCards;

class RegionSummaryPanel final : public QScrollArea {
    Q_OBJECT
public:
    explicit RegionSummaryPanel(RegionSummaryModel* model, QWidget* parent = nullptr);

    RegionSummaryModel* model() const { return m_model; }
    // The widget the cards are painted on, and where card `i` is on it.
    QWidget* cards() const;
    int cardCount() const;
    QRect cardRect(int i) const;
    // The text a card shows (its title and figures), as a reader would see it; for tests and
    // accessibility.
    QString cardText(int i) const;

private:
    RegionSummaryModel* m_model;
    RegionCards* m_cards;
};

} // namespace cpn
