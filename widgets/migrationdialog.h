#pragma once
// Moving one task: candidate targets ranked by the scheduler's plans (feasible first), each with
// its reasons in plain words when it is not; the selected plan in detail (and previewed on the
// map by whoever listens to selectedPlanChanged); a reason; and an extra confirmation when the
// move costs more or takes the task further from its users.

#include "domain.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cpn {

class CandidatePlanModel;
class NetworkState;

class MigrationDialog final : public QDialog {
    Q_OBJECT
public:
    MigrationDialog(const NetworkState* state, const Task& task, QWidget* parent = nullptr);

    const Task& task() const { return m_task; }
    // The targets being planned; `preferred` (e.g. where the task was dropped) is selected.
    void setCandidates(const QStringList& siteIds, const QString& preferred = {});
    void setPlan(const MigrationPlan& plan);
    void setPlanError(const QString& siteId, const QString& error);

    QString selectedSiteId() const;
    void selectSite(const QString& siteId);
    QString reason() const;
    void setReason(const QString& reason);
    // Whether the selected move needs the extra confirmation, and whether it was given.
    bool needsConfirmation() const;
    void setConfirmed(bool confirmed);

    CandidatePlanModel* candidates() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPushButton* startButton() const { return m_start; }

signals:
    void selectedPlanChanged(const cpn::MigrationPlan& plan);
    void selectionCleared();
    void startRequested(const QString& taskId, const QString& targetSiteId, const QString& reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onSelectionChanged();
    void onStart();
    void updateDetails();
    void updateStart();
    const MigrationPlan* selectedPlan() const;

    const NetworkState* m_state;
    Task m_task;
    QString m_preferred;
    bool m_userChose = false;
    CandidatePlanModel* m_model;
    QSortFilterProxyModel* m_ranked;
    QLabel* m_header;
    QLabel* m_hint;
    QTableView* m_view;
    QLabel* m_details;
    QCheckBox* m_confirm;
    QLabel* m_reasonLabel;
    QLineEdit* m_reason;
    QPushButton* m_start;
    QPushButton* m_close;
};

} // namespace cpn
