#pragma once
// Draining a site for maintenance: first which task would go where (the scheduler's dry run),
// with how many at once and why; after the operator confirms, the live progress of the batch,
// with cancel for what has not finished.

#include "domain.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace cpn {

class MigrationFilterProxyModel;
class MigrationTableModel;
class NetworkState;
class TaskTableModel;

class DrainDialog final : public QDialog {
    Q_OBJECT
public:
    DrainDialog(const NetworkState* state, const TaskTableModel* tasks, MigrationTableModel* migrations,
        const QString& siteId, QWidget* parent = nullptr);

    QString siteId() const { return m_siteId; }
    int maxConcurrent() const;
    void setMaxConcurrent(int count);
    QString reason() const;
    void setReason(const QString& reason);

    // The plan page: which task goes where.
    void setPreview(const DrainResult& preview);
    void setPreviewFailed(const QString& error);
    // The progress page: the drain went out with this request id (its answer may take a while
    // when the connection is down: the journal sends it again); then the scheduler's answer.
    void setSent(const QString& drainRequestId);
    void setStarted(const DrainResult& result);
    void setFailed(const QString& error);

    bool isShowingProgress() const;
    QTableWidget* planTable() const { return m_plan; }
    QPushButton* drainButton() const { return m_drain; }
    QProgressBar* progressBar() const { return m_progress; }
    QString progressText() const;

signals:
    void previewRequested(const QString& siteId, int maxConcurrent);
    void drainRequested(const QString& siteId, int maxConcurrent, const QString& reason);
    // "Cancel the rest": every migration of the drain that has not finished.
    void cancelRequested(const QStringList& migrationIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateDrainButton();
    void updateProgress();
    void cancelRest();

    const NetworkState* m_state;
    const TaskTableModel* m_tasks;
    MigrationTableModel* m_migrations;
    MigrationFilterProxyModel* m_batch;
    QString m_siteId;
    QString m_drainRequestId;
    int m_unplaced = 0;
    bool m_previewReady = false;
    bool m_answered = false;
    QString m_error;
    std::optional<DrainResult> m_preview;

    QStackedWidget* m_pages;
    // plan page
    QLabel* m_intro;
    QLabel* m_concurrentLabel;
    QSpinBox* m_concurrent;
    QPushButton* m_refresh;
    QLabel* m_summary;
    QTableWidget* m_plan;
    QLabel* m_reasonLabel;
    QLineEdit* m_reason;
    QPushButton* m_drain;
    QPushButton* m_close;
    // progress page
    QLabel* m_status;
    QProgressBar* m_progress;
    QTableView* m_batchView;
    QPushButton* m_cancelRest;
    QPushButton* m_done;
};

} // namespace cpn
