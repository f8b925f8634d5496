// The site inspector: what it shows of the selected site (alone or with what is folded into
// it), its task list, and the task drag and right-click it offers.

#include "modelcontract.h"
#include "mapnetworks.h"

#include "mapview.h"
#include "siteinspector.h"
#include "taskdragview.h"
#include "taskfilterproxymodel.h"
#include "taskmimedata.h"
#include "tasktablemodel.h"

#include <QAbstractItemModelTester>
#include <QContextMenuEvent>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cpn;
using namespace maptest;

namespace {

Task task(const QString& id, const QString& siteId)
{
    Task t;
    t.id = id;
    t.name = QStringLiteral("train-") + id;
    t.kind = TaskKind::Training;
    t.state = TaskState::Running;
    t.siteId = siteId;
    t.architecture = Architecture::Ascend;
    t.cards = 8;
    return t;
}

} // namespace

class TestMapInspector : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup();

    void showsTheSelectedSite();
    void showsWhatIsFoldedIntoAHub();
    void listsOnlyTheSitesTasks();
    void followsLiveData();
    void offersTasksToDragAndRightClick();

private:
    std::unique_ptr<NetworkState> m_state;
    std::unique_ptr<TaskTableModel> m_tasks;
    std::unique_ptr<SiteInspector> m_inspector;
};

void TestMapInspector::init()
{
    m_state = std::make_unique<NetworkState>();
    m_tasks = std::make_unique<TaskTableModel>();
    StateBatch batch;
    batch.snapshot = threeLevelNetwork();
    batch.tasks = { task("t-1", "hub-e"), task("t-2", "hub-e"), task("t-3", "rg-hz"), task("t-4", "hub-w") };
    m_state->applyBatch(batch);
    m_tasks->applyBatch(batch);
    m_inspector = std::make_unique<SiteInspector>();
    m_inspector->setState(m_state.get());
    m_inspector->setTaskModel(m_tasks.get());
    m_inspector->resize(400, 700);
    m_inspector->show();
}

void TestMapInspector::cleanup()
{
    m_inspector.reset();
    m_tasks.reset();
    m_state.reset();
}

void TestMapInspector::showsTheSelectedSite()
{
    QCOMPARE(m_inspector->field("name"), QStringLiteral("No site selected"));
    QCOMPARE(m_inspector->taskProxy()->rowCount(), 0); // not the whole network
    m_inspector->setSite("ed-hz2");
    QCOMPARE(m_inspector->field("name"), QStringLiteral("Hangzhou edge 2"));
    QVERIFY(m_inspector->field("subtitle").contains("ed-hz2"));
    QVERIFY(m_inspector->field("subtitle").contains("杭州边缘2"));
    QCOMPARE(m_inspector->field("status"), QStringLiteral("Degraded"));
    QCOMPARE(m_inspector->field("utilisation"), QStringLiteral("0.0 %"));
    QCOMPARE(m_inspector->field("capacity"), QStringLiteral("10.0 PFLOPS"));
    QVERIFY(m_inspector->field("folded").isEmpty()); // no map: the site alone
    m_inspector->setSite({});
    QCOMPARE(m_inspector->field("name"), QStringLiteral("No site selected"));
}

void TestMapInspector::showsWhatIsFoldedIntoAHub()
{
    MapView map;
    map.setState(m_state.get());
    map.resize(800, 600);
    m_inspector->setMap(&map);
    m_inspector->setSite("hub-e");
    // At country zoom the east hub holds its regional and edge sites: the sums are shown.
    QCOMPARE(m_inspector->field("capacity"), QStringLiteral("1,220.0 PFLOPS"));
    // (Plural forms come from the translation files; without one, "centre(s)".)
    QVERIFY2(m_inspector->field("folded").contains("3 regional"), qPrintable(m_inspector->field("folded")));
    QVERIFY(m_inspector->field("folded").contains("2 edge"));
    QCOMPARE(m_inspector->field("pue"), QStringLiteral("1.22")); // (80 x 1.2 + 10 x 1.4) / 90
}

void TestMapInspector::listsOnlyTheSitesTasks()
{
    ModelContract tester(m_inspector->taskProxy());
    m_inspector->setSite("hub-e");
    QCOMPARE(m_inspector->taskProxy()->rowCount(), 2);
    QStringList ids;
    for (int row = 0; row < 2; ++row)
        ids << m_inspector->taskProxy()->index(row, 0).data(TaskTableModel::TaskIdRole).toString();
    ids.sort();
    QCOMPARE(ids, QStringList({ "t-1", "t-2" }));
    // The narrow list: id, name, kind, state, accelerator, cards and progress; not site or tenant.
    const QTableView* view = m_inspector->taskView();
    QVERIFY(!view->isColumnHidden(TaskTableModel::NameColumn));
    QVERIFY(view->isColumnHidden(TaskTableModel::SiteColumn));
    QVERIFY(view->isColumnHidden(TaskTableModel::TenantColumn));
    m_inspector->setSite("hub-w");
    QCOMPARE(m_inspector->taskProxy()->rowCount(), 1);
    QVERIFY(view->isColumnHidden(TaskTableModel::SiteColumn));
    // Nothing selected, then a site again: the same columns.
    m_inspector->setSite({});
    m_inspector->setSite("hub-e");
    QCOMPARE(m_inspector->taskProxy()->rowCount(), 2);
    QVERIFY(!view->isColumnHidden(TaskTableModel::NameColumn));
    QVERIFY(view->isColumnHidden(TaskTableModel::SiteColumn));
    QVERIFY(view->isColumnHidden(TaskTableModel::TenantColumn));
}

void TestMapInspector::followsLiveData()
{
    m_inspector->setSite("hub-w");
    QCOMPARE(m_inspector->field("utilisation"), QStringLiteral("10.0 %"));
    StateBatch batch;
    StateEvent event;
    event.revision = m_state->revision() + 1;
    event.change = MetricsFrame { 0, { load("hub-w", 0.75) }, {} };
    batch.events.push_back(event);
    m_state->applyBatch(batch);
    QTRY_COMPARE(m_inspector->field("utilisation"), QStringLiteral("75.0 %"));
}

void TestMapInspector::offersTasksToDragAndRightClick()
{
    // What a drag carries: the task id under the map's MIME type.
    std::unique_ptr<QMimeData> data(taskMimeData("t-2"));
    QVERIFY(data->hasFormat(QString::fromLatin1(kTaskIdMimeType)));
    QCOMPARE(taskIdFrom(data.get()), QStringLiteral("t-2"));
    QCOMPARE(taskIdFrom(nullptr), QString());
    TaskDragView* view = m_inspector->taskView();
    QVERIFY(view->dragEnabled());

    m_inspector->setSite("hub-e");
    QSignalSpy menu(m_inspector.get(), &SiteInspector::taskContextMenuRequested);
    const QModelIndex first = view->model()->index(0, TaskTableModel::IdColumn);
    const QString id = first.data(TaskTableModel::TaskIdRole).toString();
    QVERIFY(!id.isEmpty());
    const QPoint at = view->visualRect(first).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(menu.at(0).at(0).toString(), id);
    QCOMPARE(view->currentIndex().data(TaskTableModel::TaskIdRole).toString(), id);
}

QTEST_MAIN(TestMapInspector)
#include "tst_mapinspector.moc"
