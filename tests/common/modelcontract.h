#pragma once
// An item model checked against its contract while a test drives it: QAbstractItemModelTester,
// plus what the tester does not look at. A layout change must keep the row count (rows that
// come or go are inserted or removed, or views and selection models hold rows that no longer
// exist), and the rows and signals of every change are counted so that a test can bound them.

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QObject>
#include <QTest>

#include <memory>

class ModelContract {
public:
    // Without the tester (it walks every row on every change): for a model of a million rows.
    enum Checks { Full, WithoutTester };

    explicit ModelContract(QAbstractItemModel* model, Checks checks = Full)
        : m_model(model)
    {
        // Connected before the tester's: the count is taken before anything else looks.
        QObject::connect(model, &QAbstractItemModel::layoutAboutToBeChanged, &m_context,
            [this] { m_rowsBeforeLayout = m_model->rowCount(); });
        QObject::connect(model, &QAbstractItemModel::layoutChanged, &m_context, [this] {
            ++layoutChanges;
            const int rows = m_model->rowCount();
            if (rows != m_rowsBeforeLayout)
                QTest::qFail(qPrintable(QStringLiteral("%1: layoutChanged went from %2 to %3 rows")
                                            .arg(QString::fromLatin1(m_model->metaObject()->className()))
                                            .arg(m_rowsBeforeLayout)
                                            .arg(rows)),
                    __FILE__, __LINE__);
        });
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &m_context, [this] { ++insertions; });
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, &m_context, [this] { ++removals; });
        QObject::connect(model, &QAbstractItemModel::modelReset, &m_context, [this] { ++resets; });
        if (checks == Full)
            m_tester = std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    int layoutChanges = 0;
    int insertions = 0;
    int removals = 0;
    int resets = 0;

private:
    QAbstractItemModel* m_model;
    QObject m_context;
    int m_rowsBeforeLayout = -1;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};
