#pragma once
// The decision-support panels: the migrations the console recommends (Ctrl+Shift+E) and the
// N-1 contingencies (Ctrl+Shift+N). Each shows its table, the load threshold the user sets, when
// the results were computed and whether the network has moved on since; the recommendations can
// be applied (operators), a contingency of any two elements (N-2) can be asked for. They show
// what they are given; the application computes it.

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace cpn {

class ContingencyTableModel;
class RecommendationTableModel;

// The row of the table and controls both panels share.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    double threshold() const; // ratio
    void setThreshold(double ratio);
    // "Computed at …", or why there is nothing yet; `detail` on hover.
    void setStatus(const QString& text, const QString& detail = {});
    QTableView* view() const { return m_view; }
    // The row in the source model of the current row of the view, -1 when none.
    int currentRow() const;
    QList<int> selectedRows() const;

signals:
    void thresholdChanged(double ratio);
    void refreshRequested();
    // The current row (of the source model) changed; -1: none.
    void currentRowChanged(int row);

protected:
    AnalysisPanel(QAbstractItemModel* model, int sortRole, QWidget* parent);
    void changeEvent(QEvent* event) override;
    virtual void retranslate();
    QWidget* bar() const { return m_bar; }

private:
    QWidget* m_bar;
    QLabel* m_thresholdLabel;
    QSpinBox* m_threshold;
    QPushButton* m_refresh;
    QLabel* m_status;
    QTableView* m_view;
    QSortFilterProxyModel* m_proxy;
};

class RecommendationsPanel final : public AnalysisPanel {
    Q_OBJECT
public:
    explicit RecommendationsPanel(RecommendationTableModel* model, QWidget* parent = nullptr);
    // Operators apply; otherwise the button says why not.
    void setApplyAllowed(bool allowed, const QString& whyNot);
    QPushButton* applyButton() const { return m_apply; }

signals:
    void applyRequested(const QList<int>& rows);

protected:
    void retranslate() override;

private:
    void updateApply();

    QPushButton* m_apply;
    bool m_allowed = false;
    QString m_whyNot;
};

class ContingenciesPanel final : public AnalysisPanel {
    Q_OBJECT
public:
    explicit ContingenciesPanel(ContingencyTableModel* model, QWidget* parent = nullptr);
    // The elements offered for N-2: id and name.
    void setElements(const QList<QPair<QString, QString>>& elements);

signals:
    void pairRequested(const QString& first, const QString& second);

protected:
    void retranslate() override;

private:
    QLabel* m_pairLabel;
    QComboBox* m_first;
    QComboBox* m_second;
    QPushButton* m_pair;
};

} // namespace cpn
