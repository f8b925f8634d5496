<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Basemap</name>
    <message>
        <source>Cannot open the basemap %1: %2</source>
        <translation>无法打开底图 %1：%2</translation>
    </message>
    <message>
        <source>(data)</source>
        <translation>（数据）</translation>
    </message>
    <message>
        <source>The basemap %1 is not valid JSON: %2 at byte %3</source>
        <translation>底图 %1 不是有效的 JSON：%2（位于第 %3 字节）</translation>
    </message>
    <message>
        <source>The basemap %1 is not a GeoJSON FeatureCollection</source>
        <translation>底图 %1 不是 GeoJSON 要素集合（FeatureCollection）</translation>
    </message>
    <message>
        <source>The basemap %1 has no Polygon or MultiPolygon features</source>
        <translation>底图 %1 中没有 Polygon 或 MultiPolygon 要素</translation>
    </message>
</context>
<context>
    <name>cpn::CommandLine</name>
    <message>
        <source>Control console of the national computing power network.</source>
        <translation>全国算力网控制台。</translation>
    </message>
    <message>
        <source>Connect to the scheduler at HOST:PORT instead of the embedded mock.</source>
        <translation>连接位于 HOST:PORT 的调度器，不使用内置模拟调度器。</translation>
    </message>
    <message>
        <source>Read the bearer token from FILE.</source>
        <translation>从 FILE 读取 Bearer 令牌。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Draw this GeoJSON file as the basemap.</source>
        <translation>使用指定的 GeoJSON 文件绘制底图。</translation>
    </message>
    <message>
        <source>Save the main window to FILE.png after live data, then exit.</source>
        <translation>收到实时数据后将主窗口截图保存为 FILE.png，然后退出。</translation>
    </message>
    <message>
        <source>Seconds of live data before the screenshot (default 3).</source>
        <translation>截图前接收实时数据的秒数（默认 3）。</translation>
    </message>
    <message>
        <source>Seed of the embedded mock scheduler.</source>
        <translation>内置模拟调度器的随机种子。</translation>
    </message>
    <message>
        <source>Scale of the embedded mock: national, large or huge.</source>
        <translation>内置模拟调度器的规模：national、large 或 huge。</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second of the embedded mock.</source>
        <translation>内置模拟调度器的时间倍率：每秒实际时间对应的模拟秒数。</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>无法读取令牌文件 %1：%2</translation>
    </message>
    <message>
        <source>The token file %1 is empty</source>
        <translation>令牌文件 %1 为空</translation>
    </message>
    <message>
        <source>Unknown language %1 (use zh_CN or en)</source>
        <translation>未知语言 %1（请使用 zh_CN 或 en）</translation>
    </message>
    <message>
        <source>--screenshot-after needs a number of seconds &gt;= 0</source>
        <translation>--screenshot-after 需要大于或等于 0 的秒数</translation>
    </message>
    <message>
        <source>--seed needs a whole number</source>
        <translation>--seed 需要非负整数</translation>
    </message>
    <message>
        <source>Unknown scale %1 (use national, large or huge)</source>
        <translation>未知规模 %1（请使用 national、large 或 huge）</translation>
    </message>
    <message>
        <source>--time-scale needs a number &gt; 0</source>
        <translation>--time-scale 需要大于 0 的数值</translation>
    </message>
</context>
<context>
    <name>cpn::Domain</name>
    <message>
        <source>National hub</source>
        <translation>国家枢纽节点</translation>
    </message>
    <message>
        <source>Data-centre cluster</source>
        <translation>数据中心集群</translation>
    </message>
    <message>
        <source>Regional centre</source>
        <translation>区域中心</translation>
    </message>
    <message>
        <source>Edge site</source>
        <translation>边缘节点</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>连通</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>NVIDIA GPU</source>
        <translation>NVIDIA GPU</translation>
    </message>
    <message>
        <source>Ascend</source>
        <translation>昇腾</translation>
    </message>
    <message>
        <source>Hygon DCU</source>
        <translation>海光 DCU</translation>
    </message>
    <message>
        <source>Cambricon MLU</source>
        <translation>寒武纪 MLU</translation>
    </message>
    <message>
        <source>Kunlunxin</source>
        <translation>昆仑芯</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批处理</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>渲染</translation>
    </message>
    <message>
        <source>Scientific</source>
        <translation>科学计算</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation>迁移中</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Checkpointing</source>
        <translation>检查点保存中</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>传输中</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>cpn::Main</name>
    <message>
        <source>CPN Console</source>
        <translation>CPN 控制台</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1</source>
        <translation>无法写入截图 %1</translation>
    </message>
    <message>
        <source>No live data arrived; the screenshot shows %1</source>
        <translation>未收到实时数据；截图中的连接状态为：%1</translation>
    </message>
    <message>
        <source>Cannot start the embedded mock scheduler: %1</source>
        <translation>无法启动内置模拟调度器：%1</translation>
    </message>
    <message>
        <source>Cannot use the basemap %1: %2. Showing the built-in map.</source>
        <translation>无法使用底图 %1：%2。改为显示内置地图。</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Cannot use the basemap %1:
%2

Showing the built-in map.</source>
        <translation>无法使用底图 %1：
%2

改为显示内置地图。</translation>
    </message>
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>About CPN Console</source>
        <translation>关于 CPN 控制台</translation>
    </message>
    <message>
        <source>&lt;b&gt;CPN Console %1&lt;/b&gt;&lt;p&gt;Control console of the national integrated computing power network.&lt;/p&gt;&lt;p&gt;Basemap: Apache ECharts 4.9.0 (Apache License 2.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;CPN 控制台 %1&lt;/b&gt;&lt;p&gt;全国一体化算力网控制台。&lt;/p&gt;&lt;p&gt;底图：Apache ECharts 4.9.0（Apache License 2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>CPN Console - National Computing Power Network</source>
        <translation>CPN 控制台 - 全国算力网</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit China</source>
        <translation>缩放至全国(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CPN Console</source>
        <translation>关于 CPN 控制台(&amp;A)</translation>
    </message>
    <message>
        <source>Click a site on the map to select it</source>
        <translation>在地图上点击站点即可选中</translation>
    </message>
    <message>
        <source>%1 (%2) - %3, utilisation %4%, %5 PFLOPS, %6</source>
        <translation>%1（%2）- %3，利用率 %4%，%5 PFLOPS，%6</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>No data since %1</source>
        <translation>自 %1 起无数据</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>实时：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>%n 秒后重连</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting...</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation>数据自 %1 起未更新</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近一次错误：%1</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>版本号 %1</translation>
    </message>
    <message>
        <source>Scheduler time %1 (Beijing)</source>
        <translation>调度器时间 %1（北京时间）</translation>
    </message>
    <message numerus="yes">
        <source>%n data warning(s)</source>
        <translation>
            <numerusform>%n 条数据警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Malformed or unknown data from the server was ignored. Last: %1</source>
        <translation>已忽略服务器发来的格式错误或未知数据。最近一条：%1</translation>
    </message>
</context>
<context>
    <name>cpn::MapLegend</name>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <source>Circle area: capacity (PFLOPS)</source>
        <translation>圆面积：容量（PFLOPS）</translation>
    </message>
</context>
<context>
    <name>cpn::MapView</name>
    <message>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>层级：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Utilisation: %1 %</source>
        <translation>利用率：%1%</translation>
    </message>
    <message>
        <source>Capacity: %1 PFLOPS</source>
        <translation>容量：%1 PFLOPS</translation>
    </message>
</context>
<context>
    <name>cpn::NetworkState</name>
    <message>
        <source>Migration without an id ignored</source>
        <translation>已忽略缺少 ID 的迁移</translation>
    </message>
    <message>
        <source>Alarm without an id ignored</source>
        <translation>已忽略缺少 ID 的告警</translation>
    </message>
    <message>
        <source>Site without an id ignored</source>
        <translation>已忽略缺少 ID 的站点</translation>
    </message>
    <message>
        <source>Duplicate site %1 ignored</source>
        <translation>已忽略重复的站点 %1</translation>
    </message>
    <message>
        <source>Site %1 has invalid coordinates and was ignored</source>
        <translation>站点 %1 坐标无效，已忽略</translation>
    </message>
    <message>
        <source>Link without an id ignored</source>
        <translation>已忽略缺少 ID 的链路</translation>
    </message>
    <message>
        <source>Duplicate link %1 ignored</source>
        <translation>已忽略重复的链路 %1</translation>
    </message>
    <message>
        <source>Link %1 refers to a missing site and was ignored</source>
        <translation>链路 %1 引用了不存在的站点，已忽略</translation>
    </message>
    <message>
        <source>Link %1 has an invalid capacity or latency and was ignored</source>
        <translation>链路 %1 的容量或时延无效，已忽略</translation>
    </message>
    <message>
        <source>Metrics for unknown site %1 ignored</source>
        <translation>已忽略未知站点 %1 的指标</translation>
    </message>
    <message>
        <source>Invalid metrics (NaN, negative or out of range) for site %1 ignored</source>
        <translation>已忽略站点 %1 的无效指标（NaN、负值或超出范围）</translation>
    </message>
    <message>
        <source>Metrics for unknown link %1 ignored</source>
        <translation>已忽略未知链路 %1 的指标</translation>
    </message>
    <message>
        <source>Invalid metrics (NaN, negative or out of range) for link %1 ignored</source>
        <translation>已忽略链路 %1 的无效指标（NaN、负值或超出范围）</translation>
    </message>
    <message>
        <source>Update for unknown site %1 ignored</source>
        <translation>已忽略对未知站点 %1 的更新</translation>
    </message>
    <message>
        <source>Update for site %1 has invalid coordinates and was ignored</source>
        <translation>站点 %1 的更新中坐标无效，已忽略</translation>
    </message>
    <message>
        <source>Update for link %1 changes its end points and was ignored</source>
        <translation>链路 %1 的更新改变了其端点，已忽略</translation>
    </message>
</context>
<context>
    <name>cpn::StateFeed</name>
    <message>
        <source>Listing tasks failed: %1</source>
        <translation>获取任务列表失败：%1</translation>
    </message>
    <message>
        <source>Snapshot failed: %1</source>
        <translation>获取快照失败：%1</translation>
    </message>
    <message>
        <source>The server ended the stream</source>
        <translation>服务器已结束数据流</translation>
    </message>
    <message>
        <source>Stream broken: %1</source>
        <translation>数据流中断：%1</translation>
    </message>
</context>
<context>
    <name>cpn::TaskTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>加速卡架构</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡数</translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation>PFLOPS</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
</context>
<context>
    <name>cpn::TaskTablePanel</name>
    <message>
        <source>%1 of %2 tasks at %3</source>
        <translation>显示 %1 / %2 个任务（站点：%3）</translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>显示 %1 / %2 个任务</translation>
    </message>
    <message>
        <source>Filter by id, name, site or tenant</source>
        <translation>按 ID、名称、站点或租户筛选</translation>
    </message>
    <message>
        <source>Selected site only</source>
        <translation>仅显示所选站点</translation>
    </message>
    <message>
        <source>Show only the tasks of the site selected on the map</source>
        <translation>仅显示地图上所选站点的任务</translation>
    </message>
</context>
</TS>
