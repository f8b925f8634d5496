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
    <name>cpn::AcknowledgeAlarmDialog</name>
    <message>
        <source>Acknowledge alarm</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <source>What is being done about it (recorded with your name)</source>
        <translation>正在采取的处置措施（将与您的姓名一并记录）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmController</name>
    <message>
        <source>Your token has the viewer role: acknowledging alarms needs an operator token.</source>
        <translation>您的令牌为只读用户角色：确认告警需要操作员令牌。</translation>
    </message>
    <message>
        <source>Not connected to the scheduler: the console is read-only until the connection is back.</source>
        <translation>未连接调度器：连接恢复前，控制台处于只读状态。</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged critical alarm(s)</source>
        <translation>
            <numerusform>%n 条紧急告警未确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the alarms dock (%1) to acknowledge them</source>
        <translation>打开告警面板（%1）进行确认</translation>
    </message>
    <message>
        <source>Critical alarm: %1 at %2</source>
        <translation>紧急告警：%1（%2）</translation>
    </message>
    <message>
        <source>Alarm acknowledged: %1 at %2</source>
        <translation>告警已确认：%1（%2）</translation>
    </message>
    <message>
        <source>The alarm was not acknowledged: %1 (%2)</source>
        <translation>告警未能确认：%1（%2）</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Regional summary</source>
        <translation>区域概览</translation>
    </message>
    <message>
        <source>Beep on new critical alarms</source>
        <translation>出现新的紧急告警时发出提示音</translation>
    </message>
    <message>
        <source>Alarm %1 is no longer known</source>
        <translation>告警 %1 已不存在</translation>
    </message>
    <message>
        <source>Your token on %1 has the viewer role: acknowledging its alarms needs an operator token.</source>
        <translation>您在 %1 上的令牌为只读用户角色：确认其告警需要操作员令牌。</translation>
    </message>
    <message>
        <source>Not connected to %1: its alarms cannot be acknowledged until the connection is back.</source>
        <translation>未连接 %1：连接恢复前无法确认其告警。</translation>
    </message>
    <message>
        <source>This console is a wall display (--kiosk): alarms are acknowledged at an operator&apos;s console.</source>
        <translation>本控制台为大屏展示模式（--kiosk）：告警请在操作员控制台确认。</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmTableModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Migration %1</source>
        <translation>迁移 %1</translation>
    </message>
    <message>
        <source>%1
%2
Source: %3</source>
        <translation>%1
%2
告警源：%3</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation>已清除（%1）</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>告警源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Raised (Beijing)</source>
        <translation>发生时间（北京时间）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmsPanel</name>
    <message>
        <source>%1: %2 at %3
%4</source>
        <translation>%1：%2（%3）
%4</translation>
    </message>
    <message>
        <source>Select an alarm first</source>
        <translation>请先选择告警</translation>
    </message>
    <message>
        <source>This alarm is already acknowledged</source>
        <translation>该告警已确认</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm with a note (%1)</source>
        <translation>确认所选告警并填写备注（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n 条告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged critical</source>
        <translation>
            <numerusform>%n 条紧急告警未确认</numerusform>
        </translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>仅紧急</translation>
    </message>
    <message>
        <source>Major and above</source>
        <translation>重要及以上</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>不限确认状态</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>仅显示活动告警</translation>
    </message>
    <message>
        <source>Filter alarms...</source>
        <translation>筛选告警…</translation>
    </message>
    <message>
        <source>Acknowledge...</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Acknowledge alarm...</source>
        <translation>确认告警…</translation>
    </message>
</context>
<context>
    <name>cpn::Analysis</name>
    <message>
        <source>Relieve an overloaded site</source>
        <translation>缓解过载站点</translation>
    </message>
    <message>
        <source>East to west: cheaper, greener</source>
        <translation>东数西算：更便宜、更绿色</translation>
    </message>
    <message>
        <source>Nearer its users</source>
        <translation>靠近用户</translation>
    </message>
    <message>
        <source>Free a site for draining</source>
        <translation>腾空站点以便排空</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>data residency</source>
        <translation>数据驻留</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>cpn::AnalysisController</name>
    <message numerus="yes">
        <source>If %1 fail together: %n task(s) displaced, %2 placed elsewhere, %3 cannot be placed%4; severity %5.</source>
        <translation>
            <numerusform>若 %1 同时故障：%n 个任务被迫迁出，%2 个可安置到别处，%3 个无法安置%4；严重度 %5。</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Apply recommendations</source>
        <translation>采纳建议</translation>
    </message>
    <message numerus="yes">
        <source>Start %n migration(s) as recommended?

%1</source>
        <translation>
            <numerusform>按建议开始 %n 个迁移？

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n recommended migration(s) asked for</source>
        <translation>
            <numerusform>已请求 %n 个建议的迁移</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation>正在等待网络数据</translation>
    </message>
    <message>
        <source>Computed at %1; the network has moved on since. Computed again every 30 s.</source>
        <translation>计算于 %1；此后网络已有变化。每 30 秒重新计算。</translation>
    </message>
    <message>
        <source>Computed at %1.</source>
        <translation>计算于 %1。</translation>
    </message>
    <message>
        <source>On revision %1</source>
        <translation>基于修订号 %1</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>调度建议</translation>
    </message>
    <message>
        <source>Contingencies (N-1)</source>
        <translation>故障预想（N-1）</translation>
    </message>
    <message>
        <source>Choose two different elements to see them fail together.</source>
        <translation>请选择两个不同的元素，查看它们同时故障的情况。</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) asked for; not started: %1. The tasks may have ended, or dispatch is not allowed now (a viewer token, the past on show).</source>
        <translation>
            <numerusform>已请求 %n 个迁移；未开始的：%1。这些任务可能已结束，或当前不允许调度（只读令牌，或正在显示过去）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::AnalysisPanel</name>
    <message>
        <source>Keep loads under</source>
        <translation>负载上限</translation>
    </message>
    <message>
        <source>No projected site or link load may go above this</source>
        <translation>任何站点或链路的预计负载都不得超过此值</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>cpn::AuditLogModel</name>
    <message>
        <source>Answered %1</source>
        <translation>应答时间：%1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>cpn::AuditLogPanel</name>
    <message>
        <source>The journal %1 cannot be used (%2): commands are sent but not kept.</source>
        <translation>指令日志 %1 无法使用（%2）：指令仍会发送，但不会留存记录。</translation>
    </message>
    <message>
        <source>Dispatch actions of this console, kept in %1</source>
        <translation>本控制台的调度操作，保存在 %1</translation>
    </message>
</context>
<context>
    <name>cpn::CandidatePlanModel</name>
    <message>
        <source>The scheduler could not plan this move</source>
        <translation>调度器无法为此次迁移生成方案</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>方案生成中…</translation>
    </message>
    <message>
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>不可行</translation>
    </message>
    <message>
        <source>%1 CNY/h</source>
        <translation>%1 CNY/h</translation>
    </message>
    <message>
        <source>%1 kg/h</source>
        <translation>%1 kg/h</translation>
    </message>
    <message>
        <source>%1 → %2 ms</source>
        <translation>%1 → %2 ms</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标站点</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>中断时间</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>传输时间</translation>
    </message>
    <message>
        <source>Cost change</source>
        <translation>成本变化</translation>
    </message>
    <message>
        <source>CO₂ change</source>
        <translation>碳排放变化</translation>
    </message>
    <message>
        <source>Latency to users</source>
        <translation>至用户时延</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>不可行原因</translation>
    </message>
    <message>
        <source>Feasible moves first, then the shortest downtime, the lowest latency to the task&apos;s users and the lowest extra cost</source>
        <translation>可行方案优先，其次依次按中断时间最短、至任务用户时延最低、额外成本最低排序</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReport</name>
    <message>
        <source>No site, region or platform is called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的站点、区域或平台。</translation>
    </message>
    <message>
        <source>Several platforms have a site &quot;%1&quot;: give it with its platform, as in &quot;platform/%1&quot;.</source>
        <translation>多个平台都有站点“%1”：请连同平台一起给出，如“平台/%1”。</translation>
    </message>
    <message>
        <source>No region</source>
        <translation>无区域</translation>
    </message>
    <message>
        <source>Nation</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>平台 %1</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReportRunner</name>
    <message>
        <source>embedded mock scheduler</source>
        <translation>内置模拟调度器</translation>
    </message>
    <message>
        <source>the console&apos;s platform</source>
        <translation>本控制台的平台</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: not connected yet</source>
        <translation>%1：尚未连接</translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation>没有已连接的平台。</translation>
    </message>
    <message>
        <source>No platform can make the report: %1</source>
        <translation>没有平台能生成报告：%1</translation>
    </message>
    <message>
        <source>it keeps nothing of this period</source>
        <translation>未保存该时段的任何数据</translation>
    </message>
    <message>
        <source>its scheduler makes no capacity reports</source>
        <translation>其调度器不提供容量报告</translation>
    </message>
    <message>
        <source>it did not answer</source>
        <translation>没有应答</translation>
    </message>
    <message>
        <source>it refused this console&apos;s token</source>
        <translation>拒绝了本控制台的令牌</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No platform could make the report: %1</source>
        <translation>没有平台能生成报告：%1</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReview</name>
    <message>
        <source>&amp;Capacity review…</source>
        <translation>容量评估(&amp;C)…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The period ends before it begins: choose an end after its start.</source>
        <translation>时段的结束早于开始：请选择晚于开始的结束时间。</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReviewWindow</name>
    <message>
        <source>Nation</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>区域：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Asking the platforms for their figures…</source>
        <translation>正在向各平台获取数据…</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>尚无报告</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in scope had no data for the period.</source>
        <translation>
            <numerusform>范围内有 %n 个站点在该时段没有数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the report: %1</source>
        <translation>未纳入报告：%1</translation>
    </message>
    <message>
        <source>Generated at %1 (Beijing time) from %2.</source>
        <translation>生成于 %1（北京时间），数据来源：%2。</translation>
    </message>
    <message>
        <source>✓ target %1</source>
        <translation>✓ 目标 %1</translation>
    </message>
    <message>
        <source>✗ target %1</source>
        <translation>✗ 目标 %1</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Gaps the policy names</source>
        <translation>政策关注的缺口</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;CSV table, UTF-8 (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>PDF 报告 (*.pdf);;CSV 表格，UTF-8 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The console writes reports as .pdf, .csv or .xlsx: %1 is none of them.</source>
        <translation>控制台只能把报告写成 .pdf、.csv 或 .xlsx：%1 都不是。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity review</source>
        <translation>容量评估</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Range…</source>
        <translation>自定义范围…</translation>
    </message>
    <message>
        <source>From (Beijing time)</source>
        <translation>开始（北京时间）</translation>
    </message>
    <message>
        <source>To (Beijing time)</source>
        <translation>结束（北京时间）</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Accelerators:</source>
        <translation>加速器：</translation>
    </message>
    <message>
        <source>&amp;Make report</source>
        <translation>生成报告(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Hubs and clusters</source>
        <translation>枢纽与集群</translation>
    </message>
    <message>
        <source>Busiest sites</source>
        <translation>最繁忙站点</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityTableModel</name>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Meets the target %1</source>
        <translation>达到目标 %1</translation>
    </message>
    <message>
        <source>Misses the target %1</source>
        <translation>未达目标 %1</translation>
    </message>
</context>
<context>
    <name>cpn::CapacityWording</name>
    <message>
        <source>&gt;= %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>&lt;= %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点数</translation>
    </message>
    <message>
        <source>Installed (PFLOPS)</source>
        <translation>装机算力（PFLOPS）</translation>
    </message>
    <message>
        <source>General (PFLOPS)</source>
        <translation>通用算力（PFLOPS）</translation>
    </message>
    <message>
        <source>Intelligent, FP16 (PFLOPS)</source>
        <translation>智能算力，FP16（PFLOPS）</translation>
    </message>
    <message>
        <source>Supercomputing (PFLOPS)</source>
        <translation>超算算力（PFLOPS）</translation>
    </message>
    <message>
        <source>In use, mean (PFLOPS)</source>
        <translation>平均在用（PFLOPS）</translation>
    </message>
    <message>
        <source>Mean utilisation (%)</source>
        <translation>平均利用率（%）</translation>
    </message>
    <message>
        <source>Peak utilisation (%)</source>
        <translation>峰值利用率（%）</translation>
    </message>
    <message>
        <source>Energy (MWh)</source>
        <translation>用电量（MWh）</translation>
    </message>
    <message>
        <source>Energy cost (10k CNY)</source>
        <translation>电费（万元）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Green share (%)</source>
        <translation>绿电占比（%）</translation>
    </message>
    <message>
        <source>Carbon (t CO2)</source>
        <translation>碳排放（吨 CO2）</translation>
    </message>
    <message>
        <source>Racks built</source>
        <translation>已建机架</translation>
    </message>
    <message>
        <source>Racks in use</source>
        <translation>在用机架</translation>
    </message>
    <message>
        <source>Rack occupancy (%)</source>
        <translation>上架率（%）</translation>
    </message>
    <message>
        <source>Storage (PB)</source>
        <translation>存储（PB）</translation>
    </message>
    <message>
        <source>Storage in use (PB)</source>
        <translation>在用存储（PB）</translation>
    </message>
    <message>
        <source>Inference capacity (PFLOPS)</source>
        <translation>推理专用算力（PFLOPS）</translation>
    </message>
    <message>
        <source>Inference in use (PFLOPS)</source>
        <translation>推理在用（PFLOPS）</translation>
    </message>
    <message>
        <source>Training in use (PFLOPS)</source>
        <translation>训练在用（PFLOPS）</translation>
    </message>
    <message>
        <source>Days until full</source>
        <translation>满载剩余天数</translation>
    </message>
    <message>
        <source>Computing capacity report: %1</source>
        <translation>算力容量报告：%1</translation>
    </message>
    <message>
        <source>%1 to %2 (Beijing time)</source>
        <translation>%1 至 %2（北京时间）</translation>
    </message>
    <message>
        <source>The schedulers keep nothing of this period.</source>
        <translation>调度器未保存该时段的任何数据。</translation>
    </message>
    <message>
        <source>every accelerator type</source>
        <translation>全部加速器类型</translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation>%1 PFLOPS</translation>
    </message>
    <message>
        <source>Capacity installed</source>
        <translation>装机算力</translation>
    </message>
    <message>
        <source>General / intelligent / supercomputing</source>
        <translation>通用 / 智能 / 超算</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 PFLOPS</source>
        <translation>%1 / %2 / %3 PFLOPS</translation>
    </message>
    <message>
        <source>Mean utilisation</source>
        <translation>平均利用率</translation>
    </message>
    <message>
        <source>Peak utilisation</source>
        <translation>峰值利用率</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>用电量</translation>
    </message>
    <message>
        <source>%1 MWh</source>
        <translation>%1 MWh</translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>%1 10k CNY</source>
        <translation>%1 万元</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>绿电占比</translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <source>%1 t CO2</source>
        <translation>%1 吨 CO2</translation>
    </message>
    <message>
        <source>Rack occupancy</source>
        <translation>上架率</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 racks)</source>
        <translation>%1（%2/%3 个机架）</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>%1 of %2 PB in use</source>
        <translation>%2 PB 中 %1 PB 在用</translation>
    </message>
    <message>
        <source>Inference: dedicated capacity / in use</source>
        <translation>推理：专用算力 / 在用</translation>
    </message>
    <message>
        <source>%1 / %2 PFLOPS</source>
        <translation>%1 / %2 PFLOPS</translation>
    </message>
    <message>
        <source>Training in use</source>
        <translation>训练在用</translation>
    </message>
    <message>
        <source>Full at the current growth</source>
        <translation>按当前增长满载</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>not while use does not grow</source>
        <translation>使用量未增长，不会满载</translation>
    </message>
    <message>
        <source>Too little inference capacity near users in %1: inference work uses %2 PFLOPS, its dedicated inference capacity is %3 PFLOPS.</source>
        <translation>%1 靠近用户的推理算力不足：推理任务使用 %2 PFLOPS，而推理专用算力只有 %3 PFLOPS。</translation>
    </message>
    <message>
        <source>Supply and demand out of step: %1 ran at %2 on average while %3 ran at %4.</source>
        <translation>供需失衡：%1 平均利用率为 %2，而 %3 仅为 %4。</translation>
    </message>
    <message>
        <source>East Data, West Computing: %1 of the latency-tolerant work (training, batch, rendering, scientific, storage) runs in the western hubs now; they held %2 of all computing in use at the end of the period.</source>
        <translation>东数西算：当前 %1 的时延不敏感任务（训练、批处理、渲染、科学计算、存储）运行在西部枢纽；时段结束时西部承担了全部在用算力的 %2。</translation>
    </message>
    <message>
        <source>Compute is peak FP16 PFLOPS as the schedulers report it; utilisation is the share of it in use, time-weighted over the samples kept (15-minute means before the last day).</source>
        <translation>算力为调度器上报的 FP16 峰值 PFLOPS；利用率为其在用比例，按所保存的采样做时间加权（最近一天以前为 15 分钟均值）。</translation>
    </message>
    <message>
        <source>PUE is facility energy over IT energy; green share is by energy; carbon counts the energy not green at its province&apos;s grid emission factor (Ministry of Ecology and Environment, 2022; green power bought directly counts as zero).</source>
        <translation>PUE 为设施总用电量与 IT 用电量之比；绿电占比按电量计算；碳排放按所在省份的电网排放因子计算非绿电部分（生态环境部 2022 年因子；直接购买的绿电计为零）。</translation>
    </message>
    <message>
        <source>Racks and storage in use, and inference and training use, are at the time of the report: schedulers keep no tasks of the past.</source>
        <translation>在用机架和存储，以及推理与训练的使用量，均为报告生成时的数值：调度器不保存过去的任务。</translation>
    </message>
    <message>
        <source>The peak of a region or the nation is its highest step of the utilisation series; for other groups, the capacity-weighted mean of their sites&apos; peaks.</source>
        <translation>区域或全国的峰值为其利用率序列中的最高一段；其他分组取各站点峰值按算力加权的平均值。</translation>
    </message>
    <message>
        <source>Capacity and utilisation are of %1 only; energy, cost, carbon, PUE, racks and storage are the whole sites&apos;.</source>
        <translation>算力和利用率仅统计 %1；用电量、电费、碳排放、PUE、机架和存储为整个站点的数值。</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in scope had no data for the period and are left out.</source>
        <translation>
            <numerusform>范围内有 %n 个站点在该时段没有数据，未计入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Targets: utilisation at least 55 %, hub PUE below 1.25, green share over 80 % in new hub data centres, rack occupancy at least 65 % in the national hubs.</source>
        <translation>目标：利用率不低于 55 %，枢纽 PUE 低于 1.25，新建枢纽数据中心绿电占比超过 80 %，国家枢纽上架率不低于 65 %。</translation>
    </message>
    <message>
        <source>The scheduler keeps %1 days of this period: the figures cover %2 to %3.</source>
        <translation>调度器只保存了该时段中的 %1 天：数据覆盖 %2 至 %3。</translation>
    </message>
    <message>
        <source>%1 keeps %2 days</source>
        <translation>%1 保存了 %2 天</translation>
    </message>
    <message>
        <source>the console&apos;s platform</source>
        <translation>本控制台的平台</translation>
    </message>
    <message>
        <source>Not every platform keeps the whole period (%1): their sums cover less of it.</source>
        <translation>并非所有平台都保存了整个时段（%1）：其合计只覆盖了时段的一部分。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>cpn::CommandLine</name>
    <message>
        <source>Control console of the national computing power network.</source>
        <translation>全国算力网控制台。</translation>
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
    <message>
        <source>Keep dispatch commands in this SQLite journal (default: in the user&apos;s application data).</source>
        <translation>将调度指令保存到 FILE 指定的 SQLite 指令日志（默认保存在用户的应用数据目录中）。</translation>
    </message>
    <message>
        <source>Print figures on standard output: &quot;live SECONDS&quot; once the first change after the snapshot is applied, and at exit the longest stalls of the user interface (ms) and the peak memory (MB).</source>
        <translation>在标准输出上打印性能数据：快照之后的首个变更应用完成时输出一次“live SECONDS”，退出时输出用户界面的最长卡顿时间（毫秒）和内存峰值（MB）。</translation>
    </message>
    <message>
        <source>Scenario of the embedded mock: normal, peak, hub-outage, link-cut or green-surplus.</source>
        <translation>内置模拟调度器的场景：normal、peak、hub-outage、link-cut 或 green-surplus。</translation>
    </message>
    <message>
        <source>Mutual TLS: this console&apos;s certificate (PEM; with --tls-key).</source>
        <translation>双向 TLS：本控制台的证书（PEM；需同时指定 --tls-key）。</translation>
    </message>
    <message>
        <source>Mutual TLS: this console&apos;s private key (PEM).</source>
        <translation>双向 TLS：本控制台的私钥（PEM）。</translation>
    </message>
    <message>
        <source>Connect to the scheduler at HOST:PORT instead of the embedded mock. Repeat as NAME=HOST:PORT for several platforms at once; NAME=embedded is the embedded mock as one of them.</source>
        <translation>连接位于 HOST:PORT 的调度器，而不使用内置模拟调度器。可重复使用 NAME=HOST:PORT 同时连接多个平台；NAME=embedded 表示将内置模拟调度器作为其中一个平台。</translation>
    </message>
    <message>
        <source>Read the bearer token from FILE (NAME=FILE: for that platform only).</source>
        <translation>从 FILE 读取访问令牌（NAME=FILE：仅用于该平台）。</translation>
    </message>
    <message>
        <source>Connect with TLS, trusting the CA certificate in FILE (PEM) for the scheduler&apos;s certificate (NAME=FILE: for that platform only).</source>
        <translation>使用 TLS 连接，以 FILE（PEM）中的 CA 证书验证调度器证书（NAME=FILE：仅用于该平台）。</translation>
    </message>
    <message>
        <source>--%1 is given twice</source>
        <translation>--%1 指定了两次</translation>
    </message>
    <message>
        <source>--%1 is given twice for %2</source>
        <translation>为 %2 指定了两次 --%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a platform name (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 32)</source>
        <translation>“%1”不是有效的平台名称（字母、数字、“.”、“_”和“-”，最多 32 个字符）</translation>
    </message>
    <message>
        <source>--connect %1: give HOST:PORT, NAME=HOST:PORT or NAME=embedded</source>
        <translation>--connect %1：请使用 HOST:PORT、NAME=HOST:PORT 或 NAME=embedded</translation>
    </message>
    <message>
        <source>Two platforms are named &quot;%1&quot;</source>
        <translation>有两个平台都名为“%1”</translation>
    </message>
    <message>
        <source>Only one platform can be the embedded mock scheduler</source>
        <translation>只能有一个平台使用内置模拟调度器</translation>
    </message>
    <message>
        <source>With several platforms, name each: --connect NAME=HOST:PORT</source>
        <translation>连接多个平台时须为每个平台命名：--connect NAME=HOST:PORT</translation>
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
        <source>Cannot read %1 (--%2): %3</source>
        <translation>无法读取 %1（--%2）：%3</translation>
    </message>
    <message>
        <source>%1 (--%2) is not a PEM file</source>
        <translation>%1（--%2）不是 PEM 文件</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 与 --tls-key 须同时指定</translation>
    </message>
    <message>
        <source>TLS options need --connect: the embedded scheduler is reached over loopback</source>
        <translation>TLS 选项需要配合 --connect 使用：内置调度器通过本机回环地址访问</translation>
    </message>
    <message>
        <source>Start full screen (F11 switches at run time).</source>
        <translation>以全屏启动（运行时按 F11 切换）。</translation>
    </message>
    <message>
        <source>Wall display: full screen, no menus and no dispatch, the map and the alarms only; the cursor hides when idle.</source>
        <translation>大屏展示：全屏、无菜单、不可调度，仅显示地图和告警；鼠标空闲时自动隐藏。</translation>
    </message>
    <message>
        <source>Open on screen N (0 is the first).</source>
        <translation>在第 N 块屏幕上打开（0 为第一块）。</translation>
    </message>
    <message>
        <source>--screen needs a screen number: 0 is the first</source>
        <translation>--screen 需要屏幕编号：0 为第一块</translation>
    </message>
    <message>
        <source>Interface size: a factor from 0.5 to 4 (1.5 for a wall seen from across the room), or auto for the screen&apos;s DPI alone. Kept from View &gt; Interface size otherwise.</source>
        <translation>界面大小：0.5 到 4 之间的倍数（从房间另一端观看的大屏可用 1.5），或 auto（仅按屏幕 DPI）。未给出时沿用“视图 &gt; 界面大小”中的选择。</translation>
    </message>
    <message>
        <source>--ui-scale needs a factor from 0.5 to 4, or auto</source>
        <translation>--ui-scale 需要 0.5 到 4 之间的倍数，或 auto</translation>
    </message>
    <message>
        <source>Write a capacity report to FILE (.pdf, .csv or .xlsx) from the platforms&apos; figures, then exit without a window: 0 written, 2 a bad option, 3 no data within a minute.</source>
        <translation>根据各平台的数据把容量报告写入 FILE（.pdf、.csv 或 .xlsx），不打开窗口，然后退出：0 已写入，2 选项有误，3 一分钟内没有数据。</translation>
    </message>
    <message>
        <source>Period of --report up to each platform&apos;s present: 24h, 7d or 30d (default 24h).</source>
        <translation>--report 的时段，截至各平台的当前时间：24h、7d 或 30d（默认 24h）。</translation>
    </message>
    <message>
        <source>Scope of --report: nation (default), a region&apos;s id, a site&apos;s id (with the sites under it) or a platform&apos;s name.</source>
        <translation>--report 的范围：nation（全国，默认）、区域 ID、站点 ID（含其下属站点）或平台名称。</translation>
    </message>
    <message>
        <source>--report writes .pdf, .csv or .xlsx files: %1 is none of them</source>
        <translation>--report 只能写 .pdf、.csv 或 .xlsx 文件：%1 都不是</translation>
    </message>
    <message>
        <source>Unknown report period %1 (use 24h, 7d or 30d)</source>
        <translation>未知的报告时段 %1（请用 24h、7d 或 30d）</translation>
    </message>
    <message>
        <source>--report-scope needs nation, a region&apos;s id, a site&apos;s id or a platform&apos;s name</source>
        <translation>--report-scope 需要 nation、区域 ID、站点 ID 或平台名称</translation>
    </message>
    <message>
        <source>--report and --screenshot cannot be given together</source>
        <translation>--report 与 --screenshot 不能同时使用</translation>
    </message>
    <message>
        <source>What --screenshot saves: main (the main window, default) or capacity-review (the capacity review window, a week&apos;s report).</source>
        <translation>--screenshot 保存的窗口：main（主窗口，默认）或 capacity-review（容量评估窗口，一周的报告）。</translation>
    </message>
    <message>
        <source>Unknown window %1 for --screenshot-of (use main or capacity-review)</source>
        <translation>--screenshot-of 的窗口 %1 未知（请用 main 或 capacity-review）</translation>
    </message>
    <message>
        <source>Write the migrations the console recommends to FILE.csv (one row each, best first: task, source, target, reason, gains), then exit without a window: 0 written, 1 the file cannot be written, 2 a bad option, 3 no data within a minute.</source>
        <translation>将控制台建议的迁移写入 FILE.csv（每条一行，收益最大者在前：任务、源站点、目标站点、原因、收益），然后不打开窗口退出：0 已写入，1 文件无法写入，2 选项有误，3 一分钟内没有数据。</translation>
    </message>
    <message>
        <source>Write the N-1 contingencies of every hub, cluster and backbone link to FILE.csv (one row each, most severe first: tasks displaced, unplaced by reason, worst projected loads, severity), then exit as --recommendations does. The two can be given together.</source>
        <translation>将每个枢纽节点、集群和骨干链路的 N-1 故障预想写入 FILE.csv（每项一行，最严重者在前：被迫迁出的任务、按原因分列的无法安置任务、最高预计负载、严重度），然后像 --recommendations 一样退出。两者可同时使用。</translation>
    </message>
    <message>
        <source>Load ratio from 0.5 to 1 (default 0.85) that recommended moves keep every projected site and link under, and above which a contingency&apos;s projected loads add to its severity.</source>
        <translation>负载比例，0.5 至 1（默认 0.85）：建议的迁移使每个站点和链路的预计负载不超过该值；故障预想中预计负载超过该值的部分计入严重度。</translation>
    </message>
    <message>
        <source>--%1 writes a .csv file: %2 is not one</source>
        <translation>--%1 只写入 .csv 文件：%2 不是 .csv 文件</translation>
    </message>
    <message>
        <source>--recommendations and --contingency-report need two different files</source>
        <translation>--recommendations 和 --contingency-report 需要两个不同的文件</translation>
    </message>
    <message>
        <source>--recommendations and --contingency-report cannot be given with --report or --screenshot</source>
        <translation>--recommendations 和 --contingency-report 不能与 --report 或 --screenshot 同时使用</translation>
    </message>
    <message>
        <source>--analysis-threshold needs a load ratio from 0.5 to 1: %1</source>
        <translation>--analysis-threshold 需要 0.5 至 1 之间的负载比例：%1</translation>
    </message>
</context>
<context>
    <name>cpn::Connection</name>
    <message>
        <source>TLS: the server&apos;s certificate has expired</source>
        <translation>TLS：服务器证书已过期</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not valid yet</source>
        <translation>TLS：服务器证书尚未生效</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not for %1</source>
        <translation>TLS：服务器证书不属于 %1</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not signed by the CA this console trusts (--tls-ca)</source>
        <translation>TLS：服务器证书并非由本控制台信任的 CA（--tls-ca）签发</translation>
    </message>
    <message>
        <source>TLS: the server does not speak TLS (is it a plaintext server?)</source>
        <translation>TLS：服务器未启用 TLS（是否为明文服务器？）</translation>
    </message>
    <message>
        <source>TLS: the server wants a client certificate this console does not have, or does not accept it (--tls-cert, --tls-key)</source>
        <translation>TLS：服务器要求客户端证书，而本控制台没有证书或证书未被接受（--tls-cert、--tls-key）</translation>
    </message>
    <message>
        <source>TLS: the handshake with the server failed</source>
        <translation>TLS：与服务器握手失败</translation>
    </message>
    <message>
        <source>The server closed the connection at once: does it want TLS (--tls-ca)?</source>
        <translation>服务器立即关闭了连接：是否需要使用 TLS（--tls-ca）？</translation>
    </message>
    <message>
        <source>The server does not accept this console&apos;s token</source>
        <translation>服务器不接受本控制台的令牌</translation>
    </message>
    <message>
        <source>Nothing answers at %1</source>
        <translation>%1 无响应</translation>
    </message>
</context>
<context>
    <name>cpn::Connections</name>
    <message>
        <source>Connected: the scheduler holds %1 tasks.</source>
        <translation>连接成功：该调度器共有 %1 个任务。</translation>
    </message>
</context>
<context>
    <name>cpn::ConnectionsDialog</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>重连中：%1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>重新连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接管理</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The console needs at least one platform.</source>
        <translation>控制台至少需要连接一个平台。</translation>
    </message>
    <message>
        <source>Remove platform</source>
        <translation>移除平台</translation>
    </message>
    <message>
        <source>Disconnect from %1 and take its sites, tasks and alarms off the console?</source>
        <translation>断开与 %1 的连接，并从控制台移除其站点、任务和告警？</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>mutual TLS</source>
        <translation>双向 TLS</translation>
    </message>
    <message>
        <source>plaintext</source>
        <translation>明文</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>embedded mock scheduler</source>
        <translation>内置模拟调度器</translation>
    </message>
    <message>
        <source>%1, token</source>
        <translation>%1，令牌</translation>
    </message>
    <message>
        <source>The embedded scheduler is chosen on the command line</source>
        <translation>内置调度器只能在命令行中指定</translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation>添加平台</translation>
    </message>
    <message>
        <source>Name the platform at %1 first (Edit): with several platforms each needs a name.</source>
        <translation>请先为 %1 处的平台命名（编辑）：连接多个平台时每个平台都需要名称。</translation>
    </message>
</context>
<context>
    <name>cpn::ContingenciesPanel</name>
    <message>
        <source>N-2, these two together:</source>
        <translation>N-2，这两项同时故障：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>What happens if both fail at once</source>
        <translation>两者同时故障会怎样</translation>
    </message>
</context>
<context>
    <name>cpn::ContingencyTableModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> + </source>
        <translation> + </translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>If this fails</source>
        <translation>若此项故障</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Tasks displaced</source>
        <translation>被迫迁出的任务</translation>
    </message>
    <message>
        <source>Placed elsewhere</source>
        <translation>可安置到别处</translation>
    </message>
    <message>
        <source>Cannot be placed (why)</source>
        <translation>无法安置（原因）</translation>
    </message>
    <message>
        <source>Busiest site after</source>
        <translation>之后最忙的站点</translation>
    </message>
    <message>
        <source>Busiest link after</source>
        <translation>之后最忙的链路</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <source>%1 (%2 → %3)</source>
        <translation>%1（%2 → %3）</translation>
    </message>
    <message>
        <source>Backbone link</source>
        <translation>骨干链路</translation>
    </message>
    <message>
        <source>%1 (%2 PFLOPS)</source>
        <translation>%1（%2 PFLOPS）</translation>
    </message>
</context>
<context>
    <name>cpn::Dispatch</name>
    <message>
        <source>Not enough free cards</source>
        <translation>空闲卡数不足</translation>
    </message>
    <message>
        <source>Wrong accelerator architecture</source>
        <translation>加速卡架构不匹配</translation>
    </message>
    <message>
        <source>Too far from its users</source>
        <translation>距用户过远</translation>
    </message>
    <message>
        <source>Data must stay in its region</source>
        <translation>数据不得出域</translation>
    </message>
    <message>
        <source>Target unavailable</source>
        <translation>目标站点不可用</translation>
    </message>
    <message>
        <source>No path with spare bandwidth</source>
        <translation>无带宽余量充足的路径</translation>
    </message>
    <message>
        <source>Task already moving</source>
        <translation>任务已在迁移中</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Start migration</source>
        <translation>发起迁移</translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation>取消迁移</translation>
    </message>
    <message>
        <source>Drain site</source>
        <translation>排空站点</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>等待应答</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>将 %1 迁移至 %2</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>取消 %1</translation>
    </message>
    <message numerus="yes">
        <source>Drain %1 (%n at once)</source>
        <translation>
            <numerusform>排空 %1（并发 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation>排空 %1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an answer (%n attempt(s))</source>
        <translation>
            <numerusform>等待应答（已发送 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>已发起 %1</translation>
    </message>
    <message>
        <source>Cancelled %1</source>
        <translation>已取消 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) planned</source>
        <translation>
            <numerusform>已计划 %n 个迁移</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) without a target</source>
        <translation>
            <numerusform>%n 个任务无目标站点</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>已拒绝（%1）：%2</translation>
    </message>
    <message>
        <source>Abandoned: its scheduler stopped before it answered</source>
        <translation>已放弃：调度器在应答前已停止</translation>
    </message>
    <message>
        <source>Another platform&apos;s site</source>
        <translation>其他平台的站点</translation>
    </message>
</context>
<context>
    <name>cpn::DispatchClient</name>
    <message>
        <source>The scheduler&apos;s answer is larger than %L1 MB; not taken</source>
        <translation>调度器的应答超过 %L1 MB，未接收</translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer comes in parts that do not belong together; not taken</source>
        <translation>调度器应答的各部分互不相符，未接收</translation>
    </message>
</context>
<context>
    <name>cpn::DispatchController</name>
    <message>
        <source>No answer from the scheduler (%1): &quot;%2&quot; is kept and will be sent again.</source>
        <translation>调度器无应答（%1）：“%2”已保留，稍后将重新发送。</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n command(s) that had no answer again.</source>
        <translation>
            <numerusform>正在重新发送 %n 条未获应答的指令。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your token has the viewer role: moving tasks, draining sites and cancelling migrations need an operator token.</source>
        <translation>您的令牌为只读用户角色：迁移任务、排空站点和取消迁移需要操作员令牌。</translation>
    </message>
    <message>
        <source>Select a task in the task list first</source>
        <translation>请先在任务列表中选择任务</translation>
    </message>
    <message>
        <source>Plan and start a migration of %1</source>
        <translation>为 %1 规划并发起迁移</translation>
    </message>
    <message>
        <source>Select a site on the map first</source>
        <translation>请先在地图上选择站点</translation>
    </message>
    <message>
        <source>Move every task off %1 and put it into maintenance</source>
        <translation>将 %1 上的全部任务迁出，并将其置为维护状态</translation>
    </message>
    <message>
        <source>Stop the selected migration and roll it back</source>
        <translation>停止所选迁移并回滚</translation>
    </message>
    <message>
        <source>Select a running migration in the migrations list first</source>
        <translation>请先在迁移列表中选择进行中的迁移</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>调度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Move task…</source>
        <translation>迁移任务(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Drain site…</source>
        <translation>排空站点(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Cancel migration…</source>
        <translation>取消迁移(&amp;C)…</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>迁移列表</translation>
    </message>
    <message>
        <source>Dispatch log</source>
        <translation>调度日志</translation>
    </message>
    <message>
        <source>Read only (viewer)</source>
        <translation>只读用户（仅可查看）</translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation>请先选择任务</translation>
    </message>
    <message>
        <source>Task %1 is no longer in the network</source>
        <translation>任务 %1 已不在算力网中</translation>
    </message>
    <message>
        <source>%1 is already being moved by %2</source>
        <translation>%1 已在迁移中（迁移 %2）</translation>
    </message>
    <message>
        <source>Asked the scheduler to move %1 to %2</source>
        <translation>已请求调度器将 %1 迁移至 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Asked the scheduler to drain %1</source>
        <translation>已请求调度器排空 %1</translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation>取消迁移</translation>
    </message>
    <message>
        <source>Cancel %1 and roll it back? The task stays at its source.
Reason (kept in the audit log):</source>
        <translation>取消 %1 并回滚？任务将保留在源站点。
原因（记入审计日志）：</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n migration(s) and roll them back? The tasks stay at their sources.
Reason (kept in the audit log):</source>
        <translation>
            <numerusform>取消 %n 个迁移并回滚？相关任务将保留在各自的源站点。
原因（记入审计日志）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled by the operator</source>
        <translation>由操作员取消</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>继续迁移</translation>
    </message>
    <message>
        <source>Answer to an earlier command: %1 — %2</source>
        <translation>先前指令的应答：%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The scheduler refused &quot;%1&quot; (%2).</source>
        <translation>调度器拒绝了“%1”（%2）。</translation>
    </message>
    <message>
        <source>The scheduler refused a command (%1).</source>
        <translation>调度器拒绝了一条指令（%1）。</translation>
    </message>
    <message>
        <source>Command refused</source>
        <translation>指令被拒绝</translation>
    </message>
    <message>
        <source>Move %1…</source>
        <translation>迁移 %1…</translation>
    </message>
    <message>
        <source>Already being moved by %1</source>
        <translation>已在迁移中（迁移 %1）</translation>
    </message>
    <message>
        <source>Cancel migration %1…</source>
        <translation>取消迁移 %1…</translation>
    </message>
    <message>
        <source>Show migration %1</source>
        <translation>查看迁移 %1</translation>
    </message>
    <message>
        <source>Move a task from %1</source>
        <translation>从 %1 迁出任务</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n card(s))</source>
        <translation>
            <numerusform>%1 %2（%n 卡）</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 here…</source>
        <translation>将 %1 迁移至此…</translation>
    </message>
    <message>
        <source>Drain %1…</source>
        <translation>排空 %1…</translation>
    </message>
    <message>
        <source>Move every task off the site and put it into maintenance</source>
        <translation>将该站点上的全部任务迁出，并将站点置为维护状态</translation>
    </message>
    <message>
        <source>Cancel a migration</source>
        <translation>取消迁移</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Not connected to the scheduler: the console is read-only until the connection is back.</source>
        <translation>未连接调度器：连接恢复前，控制台处于只读状态。</translation>
    </message>
    <message>
        <source>• %1, given by %2 at %3</source>
        <translation>• %1，由 %2 于 %3 下达</translation>
    </message>
    <message>
        <source>Commands left by another operator</source>
        <translation>其他操作员遗留的指令</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) given on this console by another operator or token had no answer when it closed.</source>
        <translation>
            <numerusform>本控制台上由其他操作员或令牌下达的 %n 条指令在关闭时尚未得到应答。</numerusform>
        </translation>
    </message>
    <message>
        <source>Send them now in your name (%1), or abandon them?</source>
        <translation>现在以您的名义（%1）发送，还是放弃这些指令？</translation>
    </message>
    <message>
        <source>Send in my name</source>
        <translation>以我的名义发送</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>放弃</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n command(s) of another operator in your name.</source>
        <translation>
            <numerusform>正在以您的名义发送其他操作员的 %n 条指令。</numerusform>
        </translation>
    </message>
    <message>
        <source>abandoned by %1: given by another operator, not confirmed</source>
        <translation>已由 %1 放弃：该指令由其他操作员下达，未经确认</translation>
    </message>
    <message>
        <source>Platform %1 is no longer connected.</source>
        <translation>平台 %1 已不再连接。</translation>
    </message>
    <message>
        <source>Your token on %1 has the viewer role: moving its tasks, draining its sites and cancelling its migrations need an operator token.</source>
        <translation>您在 %1 上的令牌为只读用户角色：迁移其任务、排空其站点和取消其迁移需要操作员令牌。</translation>
    </message>
    <message>
        <source>Not connected to %1: its part of the network is read-only until the connection is back.</source>
        <translation>未连接 %1：连接恢复前，其所属网络部分为只读。</translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation>未连接任何平台。</translation>
    </message>
    <message>
        <source>Read only (viewer) on %1</source>
        <translation>%1 上为只读用户（仅可查看）</translation>
    </message>
    <message>
        <source>Your token is a viewer&apos;s on %1.</source>
        <translation>您在 %1 上的令牌为只读用户令牌。</translation>
    </message>
    <message>
        <source>%1 belongs to platform %2 and %3 to %4: a task moves only within its own platform.</source>
        <translation>%1 属于平台 %2，而 %3 属于 %4：任务只能在其所属平台内迁移。</translation>
    </message>
    <message>
        <source>This console is a wall display (--kiosk): it does not dispatch.</source>
        <translation>本控制台为大屏展示模式（--kiosk）：不可调度。</translation>
    </message>
    <message>
        <source>The map shows the past: nothing is dispatched from it. Return to live (End) to dispatch.</source>
        <translation>地图正在显示过去：不能据此调度。请返回实时（End）后再调度。</translation>
    </message>
    <message>
        <source>%1 is no longer in the task list: it has ended.</source>
        <translation>%1 已不在任务列表中：它已结束。</translation>
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
        <translation>英伟达 GPU</translation>
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
    <message>
        <source>Site offline</source>
        <translation>站点离线</translation>
    </message>
    <message>
        <source>Link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <source>Site highly utilised</source>
        <translation>站点利用率过高</translation>
    </message>
    <message>
        <source>Link congested</source>
        <translation>链路拥塞</translation>
    </message>
    <message>
        <source>Latency SLO missed</source>
        <translation>时延 SLO 未达标</translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation>迁移失败</translation>
    </message>
    <message>
        <source>Site degraded</source>
        <translation>站点降级</translation>
    </message>
    <message>
        <source>Link degraded</source>
        <translation>链路降级</translation>
    </message>
    <message>
        <source>Node down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>Node not responding</source>
        <translation>节点无响应</translation>
    </message>
    <message>
        <source>Node misconfigured</source>
        <translation>节点配置异常</translation>
    </message>
    <message>
        <source>Node drained</source>
        <translation>节点已排空</translation>
    </message>
    <message>
        <source>Scheduler unreachable</source>
        <translation>调度器不可达</translation>
    </message>
    <message>
        <source>Green power surplus</source>
        <translation>绿电富余</translation>
    </message>
</context>
<context>
    <name>cpn::DrainDialog</name>
    <message>
        <source>stays: no feasible target</source>
        <translation>留在原站点：无可行目标</translation>
    </message>
    <message>
        <source>Wait for the plan</source>
        <translation>请等待方案生成</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log</source>
        <translation>请填写原因：原因将记入审计日志</translation>
    </message>
    <message>
        <source>Put the site into maintenance and start moving its tasks</source>
        <translation>将站点置为维护状态，并开始迁出其任务</translation>
    </message>
    <message>
        <source>The scheduler refused the drain: %1</source>
        <translation>调度器拒绝了排空请求：%1</translation>
    </message>
    <message>
        <source>Sent; waiting for the scheduler&apos;s answer (the request is kept and sent again until it answers).</source>
        <translation>已发送，正在等待调度器应答（请求已保留，在调度器应答前会重复发送）。</translation>
    </message>
    <message>
        <source>%1 of %2 moved, %3 moving, %4 waiting, %5 failed or cancelled</source>
        <translation>已迁移 %1 / %2，迁移中 %3，等待中 %4，失败或已取消 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) had no feasible target and stay.</source>
        <translation>
            <numerusform>%n 个任务无可行目标，留在原站点。</numerusform>
        </translation>
    </message>
    <message>
        <source>The drain has finished.</source>
        <translation>排空已完成。</translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation>排空 %1</translation>
    </message>
    <message>
        <source>Draining puts %1 into maintenance (it takes no new work) and moves each of its tasks to a feasible target, a few at a time, spread so that no target overloads.</source>
        <translation>排空会将 %1 置为维护状态（不再接收新任务），并将其上的任务逐一迁移到可行目标：每次只迁移少量任务，并分散到多个目标，避免任何目标过载。</translation>
    </message>
    <message>
        <source>&amp;Migrations at once:</source>
        <translation>并发迁移数(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Plan again</source>
        <translation>重新规划(&amp;P)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡数</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>迁往</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>预计用时</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Why drain this site (kept in the audit log)</source>
        <translation>排空此站点的原因（记入审计日志）</translation>
    </message>
    <message>
        <source>&amp;Drain site</source>
        <translation>排空站点(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the rest</source>
        <translation>取消其余迁移</translation>
    </message>
    <message>
        <source>Cancel every migration of this drain that has not finished</source>
        <translation>取消本次排空中所有尚未完成的迁移</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The scheduler could not plan the drain: %1</source>
        <translation>调度器无法生成排空方案：%1</translation>
    </message>
    <message>
        <source>Asking the scheduler where each task would go…</source>
        <translation>正在向调度器查询各任务的去向…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) move</source>
        <translation>
            <numerusform>%n 个任务迁往</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>to %n site(s)</source>
        <translation>
            <numerusform>%n 个站点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) have no feasible target and stay on the site.</source>
        <translation>
            <numerusform>%n 个任务无可行目标，将留在本站点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Dispatch operators</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>Giving demos</source>
        <translation>演示人员</translation>
    </message>
    <message>
        <source>Ministry staff</source>
        <translation>主管部门人员</translation>
    </message>
</context>
<context>
    <name>cpn::HeadlessAnalysis</name>
    <message>
        <source>%1 (its tasks)</source>
        <translation>%1（其任务列表）</translation>
    </message>
    <message>
        <source>No data within a minute: %1</source>
        <translation>一分钟内没有数据：%1</translation>
    </message>
    <message>
        <source>Analysing the network at revision %1…</source>
        <translation>正在分析修订号 %1 的网络…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 written (rows: %2, %3 s)</source>
        <translation>已写入 %1（%2 行，%3 秒）</translation>
    </message>
</context>
<context>
    <name>cpn::HeadlessReport</name>
    <message>
        <source>No data within a minute: %1</source>
        <translation>一分钟内没有数据：%1</translation>
    </message>
    <message>
        <source>Asking the platforms for their figures…</source>
        <translation>正在向各平台获取数据…</translation>
    </message>
    <message>
        <source>Not in the report: %1</source>
        <translation>未纳入报告：%1</translation>
    </message>
    <message>
        <source>The platforms reported no figures for this period and scope.</source>
        <translation>各平台在该时段和范围内没有上报数据。</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
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
    <message>
        <source>The platforms remembered cannot be used (%1); starting with the embedded scheduler.</source>
        <translation>无法使用已保存的平台（%1）；改为使用内置调度器启动。</translation>
    </message>
    <message numerus="yes">
        <source>There is no screen %1: this display has %n screen(s).</source>
        <translation>
            <numerusform>没有第 %1 块屏幕：当前显示环境共有 %n 块屏幕。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>About CPN Console</source>
        <translation>关于 CPN 控制台</translation>
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
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <source>Fin&amp;d Site...</source>
        <translation>查找站点(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dark (control room)</source>
        <translation>深色（控制室）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Stale since %1</source>
        <translation>数据自 %1 起未更新</translation>
    </message>
    <message>
        <source>Live over TLS: %1</source>
        <translation>实时（TLS）：%1</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>连接管理(&amp;C)…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No platform</source>
        <translation>无平台</translation>
    </message>
    <message>
        <source>viewer: read only</source>
        <translation>只读用户：仅可查看</translation>
    </message>
    <message>
        <source>operator: may dispatch</source>
        <translation>操作员：可调度</translation>
    </message>
    <message>
        <source>role not stated</source>
        <translation>角色未说明</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · not live</source>
        <translation>%1 · %2 · 非实时</translation>
    </message>
    <message numerus="yes">
        <source>%n platform(s)</source>
        <translation>
            <numerusform>%n 个平台</numerusform>
        </translation>
    </message>
    <message>
        <source>Revisions: %1</source>
        <translation>版本号：%1</translation>
    </message>
    <message>
        <source>Colour Sites by &amp;Platform</source>
        <translation>按平台为站点着色(&amp;P)</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>The interface size changes when the console starts again</source>
        <translation>界面大小将在控制台下次启动时生效</translation>
    </message>
    <message>
        <source>&amp;Automatic (the screen&apos;s DPI)</source>
        <translation>自动（按屏幕 DPI）(&amp;A)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Map saved to %1</source>
        <translation>地图已保存到 %1</translation>
    </message>
    <message>
        <source>&amp;Export map…</source>
        <translation>导出地图(&amp;E)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CPN Console %1&lt;/b&gt;&lt;p&gt;Control console of the national integrated computing power network.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL 3), gRPC %3 and Protocol Buffers %4 (Apache License 2.0 and BSD).&lt;/p&gt;&lt;p&gt;Basemap: Apache ECharts 4.9.0 (Apache License 2.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;CPN 控制台 %1&lt;/b&gt;&lt;p&gt;全国一体化算力网控制台。&lt;/p&gt;&lt;p&gt;基于 Qt %2（LGPL 3）、gRPC %3 与 Protocol Buffers %4（Apache License 2.0 与 BSD）构建。&lt;/p&gt;&lt;p&gt;底图：Apache ECharts 4.9.0（Apache License 2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Interface si&amp;ze</source>
        <translation>界面大小(&amp;Z)</translation>
    </message>
    <message>
        <source>%1
The network at %2 (Beijing time, replayed)</source>
        <translation>%1
%2（北京时间，回放）时的网络</translation>
    </message>
    <message>
        <source>%1
The network at %2 (Beijing time)</source>
        <translation>%1
%2（北京时间）时的网络</translation>
    </message>
    <message>
        <source>&amp;Print map…</source>
        <translation>打印地图(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;table as CSV…</source>
        <translation>将表格导出为 CSV(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>将%1导出为 CSV</translation>
    </message>
    <message>
        <source>CSV table, UTF-8 (*.csv)</source>
        <translation>CSV 表格，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>已将 %n 行保存到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MapBreadcrumb</name>
    <message>
        <source>China</source>
        <translation>全国</translation>
    </message>
</context>
<context>
    <name>cpn::MapExport</name>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>The computing power network as the map showed it at %1</source>
        <translation>%1 时地图所示的算力网络</translation>
    </message>
    <message>
        <source>Choose a file ending in .png (a picture) or .svg (a drawing)</source>
        <translation>请选择以 .png（图片）或 .svg（矢量图）结尾的文件</translation>
    </message>
    <message>
        <source>The printer cannot be used</source>
        <translation>无法使用该打印机</translation>
    </message>
    <message>
        <source>Print map</source>
        <translation>打印地图</translation>
    </message>
</context>
<context>
    <name>cpn::MapLayersMenu</name>
    <message>
        <source>Map &amp;layers</source>
        <translation>地图图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Basemap</source>
        <translation>底图(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>链路(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>标注(&amp;B)</translation>
    </message>
    <message>
        <source>Latency &amp;circles (1 / 5 / 20 ms)</source>
        <translation>时延圈（1 / 5 / 20 毫秒）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Alarms</source>
        <translation>告警(&amp;A)</translation>
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
        <source>Holds folded sites</source>
        <translation>含折叠站点</translation>
    </message>
    <message>
        <source>One lane per direction</source>
        <translation>每个方向一条线</translation>
    </message>
    <message>
        <source>Migration in flight</source>
        <translation>迁移进行中</translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <source>Within 1 ms</source>
        <translation>1 毫秒内</translation>
    </message>
    <message>
        <source>Within 5 ms</source>
        <translation>5 毫秒内</translation>
    </message>
    <message>
        <source>Within 20 ms</source>
        <translation>20 毫秒内</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Size: capacity (PFLOPS, Gbps)</source>
        <translation>大小：容量（PFLOPS、Gbps）</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>平台 %1</translation>
    </message>
</context>
<context>
    <name>cpn::MapView</name>
    <message>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>from</source>
        <translation>源</translation>
    </message>
    <message>
        <source>to</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Latency: %1 ms</source>
        <translation>时延：%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) merged while folded</source>
        <translation>
            <numerusform>折叠时合并了 %n 条链路</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n 条中断</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity: %1 Gbps per direction</source>
        <translation>容量：每个方向 %1 Gbps</translation>
    </message>
    <message>
        <source>%1 → %2: %3 %</source>
        <translation>%1 → %2：%3%</translation>
    </message>
    <message numerus="yes">
        <source>Alarms: %n active</source>
        <translation>
            <numerusform>告警：%n 条活动</numerusform>
        </translation>
    </message>
    <message>
        <source>All sites shown</source>
        <translation>显示全部站点</translation>
    </message>
    <message>
        <source>Regional centres shown</source>
        <translation>已展开区域中心</translation>
    </message>
    <message>
        <source>Regional and edge sites folded into their hubs</source>
        <translation>区域与边缘站点已折叠至所属枢纽</translation>
    </message>
    <message numerus="yes">
        <source>+%n site(s)</source>
        <comment>sites folded into this one on the map</comment>
        <translation>
            <numerusform>+%n 个站点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n 个集群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n regional centre(s)</source>
        <translation>
            <numerusform>%n 个区域中心</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge site(s)</source>
        <translation>
            <numerusform>%n 个边缘节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other site(s)</source>
        <translation>
            <numerusform>%n 个其他站点</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Includes %1 folded here</source>
        <translation>此处折叠了 %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation>%1 PFLOPS</translation>
    </message>
    <message>
        <source>%1 cards, %2 PFLOPS, %3 % used</source>
        <translation>%1 卡，%2 PFLOPS，已用 %3%</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Green power</source>
        <translation>绿电占比</translation>
    </message>
    <message>
        <source>Power price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>%1 CNY/kWh</source>
        <translation>%1 元/千瓦时</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>%1 waiting, %2 running</source>
        <translation>%1 个等待，%2 个运行中</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n 条活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>%1 ms from %2</source>
        <translation>距%2 %1 毫秒</translation>
    </message>
    <message>
        <source>Stale data since %1: showing the last state received</source>
        <translation>数据自 %1 起未更新：当前显示最后收到的状态</translation>
    </message>
</context>
<context>
    <name>cpn::MigrationDialog</name>
    <message>
        <source>Select a target to see the plan.</source>
        <translation>选择目标站点以查看方案。</translation>
    </message>
    <message>
        <source>Asking the scheduler for a plan…</source>
        <translation>正在向调度器请求方案…</translation>
    </message>
    <message>
        <source>feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>不可行</translation>
    </message>
    <message numerus="yes">
        <source>Path: %1 (%n link(s))</source>
        <translation>
            <numerusform>路径：%1（%n 条链路）</numerusform>
        </translation>
    </message>
    <message>
        <source>Moves %1 in %2; the task is down for %3</source>
        <translation>传输 %1，耗时 %2；任务中断 %3</translation>
    </message>
    <message>
        <source>Electricity: %1 CNY/h; CO₂: %2 kg/h</source>
        <translation>电费变化：%1 CNY/h；碳排放变化：%2 kg/h</translation>
    </message>
    <message>
        <source>Latency to its users: %1 → %2 ms</source>
        <translation>至用户时延：%1 → %2 ms</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>busiest link on the path %1 → %2</source>
        <translation>路径上最繁忙的链路 %1 → %2</translation>
    </message>
    <message>
        <source>Load after the move: %1</source>
        <translation>迁移前后负载：%1</translation>
    </message>
    <message>
        <source>costs %1 CNY/h more</source>
        <translation>成本增加 %1 CNY/h</translation>
    </message>
    <message>
        <source>takes it from %1 to %2 ms from its users</source>
        <translation>至用户时延从 %1 ms 增至 %2 ms</translation>
    </message>
    <message>
        <source>This move %1. I confirm it.</source>
        <translation>此次迁移%1。我确认执行。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>，且</translation>
    </message>
    <message>
        <source>Select a target</source>
        <translation>请选择目标站点</translation>
    </message>
    <message>
        <source>Waiting for the scheduler&apos;s plan</source>
        <translation>正在等待调度器的方案</translation>
    </message>
    <message>
        <source>The scheduler cannot move the task there: see why below</source>
        <translation>调度器无法将任务迁移至该站点：原因见下方</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log</source>
        <translation>请填写原因：原因将记入审计日志</translation>
    </message>
    <message>
        <source>Confirm the higher cost or latency first</source>
        <translation>请先确认成本或时延的增加</translation>
    </message>
    <message>
        <source>Start moving %1 to %2</source>
        <translation>开始将 %1 迁移至 %2</translation>
    </message>
    <message>
        <source>Move task %1</source>
        <translation>迁移任务 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3, %4 × %5 cards, now at &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 — %3，%4 × %5 卡，当前位于 &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Why this move (kept in the audit log)</source>
        <translation>迁移原因（记入审计日志）</translation>
    </message>
    <message>
        <source>&amp;Start migration</source>
        <translation>开始迁移(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Targets are ranked by the scheduler&apos;s plans: feasible moves first, then the shortest downtime, the lowest latency to the task&apos;s users and the lowest extra cost. The selected plan is previewed on the map.</source>
        <translation>目标站点按调度器给出的方案排序：可行方案优先，其次依次按中断时间最短、至任务用户时延最低、额外成本最低排序。所选方案会在地图上预览。</translation>
    </message>
</context>
<context>
    <name>cpn::MigrationTableModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>预计剩余时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>源站点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目标站点</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>cpn::MigrationsPanel</name>
    <message>
        <source>Select a migration that is still running</source>
        <translation>请选择仍在进行中的迁移</translation>
    </message>
    <message>
        <source>Stop the selected migration and roll it back: the task stays at its source</source>
        <translation>停止所选迁移并回滚：任务保留在源站点</translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation>%1 个进行中，%2 个已结束</translation>
    </message>
    <message>
        <source>Cancel migration %1</source>
        <translation>取消迁移 %1</translation>
    </message>
    <message>
        <source>Show task %1</source>
        <translation>查看任务 %1</translation>
    </message>
    <message>
        <source>Running only</source>
        <translation>仅显示进行中</translation>
    </message>
    <message>
        <source>Hide migrations that have finished</source>
        <translation>隐藏已结束的迁移</translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation>取消迁移</translation>
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
    <message numerus="yes">
        <source>%n alarm(s) or migration(s) not kept: the servers report more than %L1 unfinished</source>
        <translation>
            <numerusform>%n 条告警或迁移未保留：服务器报告的未结束项超过 %L1 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with a revision already received ignored (revisions must increase)</source>
        <translation>
            <numerusform>已忽略 %n 个版本号已接收过的事件（版本号必须递增）</numerusform>
        </translation>
    </message>
    <message>
        <source>Site %1 has a tier or status this console does not know; shown as unknown</source>
        <translation>站点 %1 的层级或状态本控制台无法识别，按未知显示</translation>
    </message>
</context>
<context>
    <name>cpn::PastFrame</name>
    <message>
        <source>Return to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <source>the scheduler</source>
        <translation>调度器</translation>
    </message>
    <message>
        <source>The past: %1 (Beijing time). Nothing can be dispatched until you return to live.</source>
        <translation>正在查看过去：%1（北京时间）。返回实时之前不能进行任何调度。</translation>
    </message>
    <message>
        <source>No data then from %1 (greyed).</source>
        <translation>%1 在该时刻无数据（已置灰）。</translation>
    </message>
</context>
<context>
    <name>cpn::PlatformEditor</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation>添加平台</translation>
    </message>
    <message>
        <source>Edit platform</source>
        <translation>编辑平台</translation>
    </message>
    <message>
        <source>e.g. east (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>例如 east（字母、数字、“.”、“_”、“-”）</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 10.1.2.3:50051</source>
        <translation>HOST:PORT，例如 10.1.2.3:50051</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>T&amp;oken file:</source>
        <translation>令牌文件(&amp;O)：</translation>
    </message>
    <message>
        <source>TLS &amp;CA certificate:</source>
        <translation>TLS CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate (mutual TLS):</source>
        <translation>客户端证书（双向 TLS）(&amp;E)：</translation>
    </message>
    <message>
        <source>Client &amp;key (mutual TLS):</source>
        <translation>客户端私钥（双向 TLS）(&amp;K)：</translation>
    </message>
    <message>
        <source>The token is read from its file when the platform is connected; only the file&apos;s path is remembered.</source>
        <translation>连接平台时从文件读取令牌；只保存文件路径，不保存令牌本身。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Give the platform a name: with several platforms each needs one.</source>
        <translation>请为平台命名：连接多个平台时每个平台都需要名称。</translation>
    </message>
    <message>
        <source>Another platform is already named &quot;%1&quot;.</source>
        <translation>已有平台名为“%1”。</translation>
    </message>
    <message>
        <source>The embedded scheduler is chosen on the command line (--connect NAME=embedded).</source>
        <translation>内置调度器只能在命令行中指定（--connect NAME=embedded）。</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
</context>
<context>
    <name>cpn::PlatformFilterBox</name>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
</context>
<context>
    <name>cpn::RecommendationTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>源站点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目标站点</translation>
    </message>
    <message>
        <source>Saves (CNY/h)</source>
        <translation>节省（元/小时）</translation>
    </message>
    <message>
        <source>Saves (kg CO2/h)</source>
        <translation>减排（千克 CO2/小时）</translation>
    </message>
    <message>
        <source>Users&apos; latency (ms)</source>
        <translation>用户时延（毫秒）</translation>
    </message>
    <message>
        <source>From: load</source>
        <translation>源站点负载</translation>
    </message>
    <message>
        <source>To: load</source>
        <translation>目标站点负载</translation>
    </message>
    <message>
        <source>What an hour of the task costs less at the target: its cards&apos; power, PUE and price</source>
        <translation>任务在目标站点每小时少花的费用：按其加速卡功耗、PUE 和电价计算</translation>
    </message>
    <message>
        <source>What an hour of the task emits less at the target: green share and the province&apos;s grid factor</source>
        <translation>任务在目标站点每小时少排放的碳：按绿电占比和所在省份的电网排放因子计算</translation>
    </message>
    <message>
        <source>Utilisation now, and after the recommended moves</source>
        <translation>当前利用率，以及执行建议迁移之后的利用率</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>cpn::RecommendationsPanel</name>
    <message>
        <source>Start the selected migrations through the normal path (planned, journalled)</source>
        <translation>按常规流程开始所选迁移（经预检、记入日志）</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n recommendation(s)</source>
        <translation>
            <numerusform>采纳 %n 条建议(&amp;A)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>采纳(&amp;A)</translation>
    </message>
</context>
<context>
    <name>cpn::RegionSummaryPanel</name>
    <message>
        <source>West</source>
        <translation>西部</translation>
    </message>
    <message>
        <source>East</source>
        <translation>东部</translation>
    </message>
    <message>
        <source>Green power %1%</source>
        <translation>绿电占比 %1%</translation>
    </message>
    <message>
        <source>PUE %1</source>
        <translation>PUE %1</translation>
    </message>
    <message>
        <source>PUE -</source>
        <translation>PUE -</translation>
    </message>
    <message>
        <source>%1 / %2 PF</source>
        <translation>%1 / %2 PF</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n site(s)</source>
        <translation>
            <numerusform>%1：%n 个站点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offline</source>
        <translation>
            <numerusform>%n 个离线</numerusform>
        </translation>
    </message>
    <message>
        <source>In use %1 of %2 PFLOPS (%3%)</source>
        <translation>已用 %1 / %2 PFLOPS（%3%）</translation>
    </message>
    <message>
        <source>Power %1 MW</source>
        <translation>功率 %1 MW</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <source>No accelerators</source>
        <translation>无加速卡</translation>
    </message>
</context>
<context>
    <name>cpn::ReplayClient</name>
    <message>
        <source>The scheduler answered with a sample of another moment than the one asked for</source>
        <translation>调度器返回的样本不是所请求时刻的样本</translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer holds more sites and links than the console accepts</source>
        <translation>调度器的应答包含的站点和链路超出控制台可接受的数量</translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer was empty</source>
        <translation>调度器的应答为空</translation>
    </message>
    <message>
        <source>The scheduler&apos;s kept span of history is not valid</source>
        <translation>调度器给出的历史保留时段无效</translation>
    </message>
    <message>
        <source>The scheduler&apos;s report covers another period than the one asked for</source>
        <translation>调度器的报告覆盖的时段与请求的不同</translation>
    </message>
    <message>
        <source>The scheduler&apos;s report came in parts of different reports</source>
        <translation>调度器的报告由不同报告的片段组成</translation>
    </message>
    <message>
        <source>The scheduler&apos;s report holds more sites or regions than the console accepts</source>
        <translation>调度器的报告包含的站点或区域超出控制台可接受的数量</translation>
    </message>
</context>
<context>
    <name>cpn::ReplayController</name>
    <message>
        <source>&amp;Timeline (Replay)</source>
        <translation>时间轴（回放）(&amp;T)</translation>
    </message>
    <message>
        <source>Show or hide the timeline under the map: the network at any moment of the past week</source>
        <translation>显示或隐藏地图下方的时间轴：查看过去一周内任一时刻的网络</translation>
    </message>
    <message>
        <source>The scheduler</source>
        <translation>调度器</translation>
    </message>
    <message>
        <source>%1 keeps no metrics for %2: it keeps %3 to %4.</source>
        <translation>%1 未保存 %2 的指标：其保存范围为 %3 至 %4。</translation>
    </message>
    <message>
        <source>%1 keeps no metrics for %2.</source>
        <translation>%1 未保存 %2 的指标。</translation>
    </message>
    <message>
        <source>%1 does not offer replay (its scheduler predates it).</source>
        <translation>%1 不支持回放（其调度器版本较旧）。</translation>
    </message>
    <message>
        <source>%1: the moment could not be fetched (%2).</source>
        <translation>%1：无法获取该时刻的数据（%2）。</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>%1 migration of %2 to %3</source>
        <translation>%1 将 %2 迁移至 %3</translation>
    </message>
    <message>
        <source>%1 is not connected: nothing of its past is shown.</source>
        <translation>%1 未连接：不显示其过去的数据。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cpn::ReportCharts</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Target: %1 %</source>
        <translation>目标：%1 %</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Utilisation over the period</source>
        <translation>时段内的利用率</translation>
    </message>
    <message>
        <source>Capacity installed and mean in use, by region</source>
        <translation>各区域装机算力与平均在用算力</translation>
    </message>
    <message>
        <source>Western regions&apos; share of the computing in use</source>
        <translation>西部区域在用算力占比</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Western share</source>
        <translation>西部占比</translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation>PFLOPS</translation>
    </message>
</context>
<context>
    <name>cpn::ReportExport</name>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Hubs and clusters</source>
        <translation>枢纽与集群</translation>
    </message>
    <message>
        <source>Busiest sites</source>
        <translation>最繁忙站点</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Accelerator type</source>
        <translation>加速器类型</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>%1 (Beijing time)</source>
        <translation>%1（北京时间）</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Western share (%)</source>
        <translation>西部占比（%）</translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation>利用率（%）</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ 达标</translation>
    </message>
    <message>
        <source>✗ missed</source>
        <translation>✗ 未达标</translation>
    </message>
    <message>
        <source>No file name was given for the report.</source>
        <translation>没有给出报告的文件名。</translation>
    </message>
    <message>
        <source>Cannot write the report: the folder %1 does not exist.</source>
        <translation>无法写入报告：文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot write the report: %1 is a folder.</source>
        <translation>无法写入报告：%1 是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>无法把报告写入 %1：%2</translation>
    </message>
    <message>
        <source>The report was cancelled: nothing was written.</source>
        <translation>报告已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>数据覆盖</translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not be started.</source>
        <translation>无法写入报告：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Against target</source>
        <translation>对照目标</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>No gaps found.</source>
        <translation>未发现缺口。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>✓ target met, ✗ target missed, — no data. The name is repeated on each part of a table.</source>
        <translation>✓ 达到目标，✗ 未达目标，— 无数据。表格分段时每段都重复名称列。</translation>
    </message>
    <message>
        <source>None in this scope.</source>
        <translation>该范围内没有。</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>How the figures were made</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not take another page.</source>
        <translation>无法写入报告：PDF 无法再添加页面。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not be finished.</source>
        <translation>无法写入报告：PDF 无法完成。</translation>
    </message>
    <message>
        <source>Cannot write the report: no room for temporary files (%1).</source>
        <translation>无法写入报告：没有空间存放临时文件（%1）。</translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library could not start a workbook.</source>
        <translation>无法写入报告：电子表格库无法创建工作簿。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library refused a sheet.</source>
        <translation>无法写入报告：电子表格库拒绝了一个工作表。</translation>
    </message>
    <message>
        <source>Western share</source>
        <translation>西部占比</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Time (Beijing)</source>
        <translation>时间（北京）</translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library failed (%1).</source>
        <translation>无法写入报告：电子表格库出错（%1）。</translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation>无法写入报告：%1</translation>
    </message>
</context>
<context>
    <name>cpn::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>cpn::SiteInspector</name>
    <message>
        <source>No site selected</source>
        <translation>未选择站点</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation>%1 PFLOPS</translation>
    </message>
    <message>
        <source>%1 of %2 MW</source>
        <translation>%1 / %2 兆瓦</translation>
    </message>
    <message>
        <source>%1 CNY/kWh</source>
        <translation>%1 元/千瓦时</translation>
    </message>
    <message>
        <source>%1 waiting, %2 running</source>
        <translation>%1 个等待，%2 个运行中</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n 条活动</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Load %1 %</source>
        <translation>负载 %1%</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tasks here&lt;/b&gt; (%1) — drag one onto a site on the map to move it</source>
        <translation>&lt;b&gt;本站任务&lt;/b&gt;（%1）— 拖到地图上的站点即可迁移</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Green power</source>
        <translation>绿电占比</translation>
    </message>
    <message>
        <source>Power price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Folded here</source>
        <translation>折叠在此</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Click a site on the map, or find one with the search box over the map.</source>
        <translation>在地图上点击站点，或用地图上方的搜索框查找。</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
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
        <source>In use</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Unfold</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Show the sites folded into this one</source>
        <translation>显示折叠在此站点中的站点</translation>
    </message>
    <message>
        <source>Filter tasks by id, name or tenant</source>
        <translation>按 ID、名称或租户筛选任务</translation>
    </message>
    <message>
        <source>%1 (as %2)</source>
        <translation>%1（ID 为 %2）</translation>
    </message>
    <message>
        <source>%1. The map shows the site as %2 reports it.</source>
        <translation>%1。地图按 %2 上报的数据显示该站点。</translation>
    </message>
    <message>
        <source>%1. The map shows the site as this platform reports it.</source>
        <translation>%1。地图按本平台上报的数据显示该站点。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Also reported by</source>
        <translation>同时上报的平台</translation>
    </message>
</context>
<context>
    <name>cpn::SiteInspectorDock</name>
    <message>
        <source>Site inspector</source>
        <translation>站点详情</translation>
    </message>
    <message>
        <source>Site &amp;inspector</source>
        <translation>站点详情(&amp;I)</translation>
    </message>
</context>
<context>
    <name>cpn::SiteSearchBox</name>
    <message>
        <source>Find a site by name or ID  (Ctrl+F)</source>
        <translation>按名称或 ID 查找站点（Ctrl+F）</translation>
    </message>
    <message>
        <source>Type a Chinese or English site name or a site ID; Enter flies to the first match</source>
        <translation>输入站点的中文名、英文名或 ID；回车飞往第一个匹配</translation>
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
    <message>
        <source>The server&apos;s task list repeats itself (a page token came twice); not taken</source>
        <translation>服务器的任务列表自相重复（页令牌出现了两次），未予采用</translation>
    </message>
    <message>
        <source>The server lists more than %L1 tasks; not taken</source>
        <translation>服务器列出的任务超过 %L1 个，未予采用</translation>
    </message>
    <message>
        <source>The server&apos;s task list goes on with empty pages; not taken</source>
        <translation>服务器的任务列表持续返回空页，未予采用</translation>
    </message>
    <message>
        <source>The server does not resume from the revision of its own snapshot; a new snapshot after a pause</source>
        <translation>服务器无法从其自身快照的版本号继续推送；稍候将重新获取快照</translation>
    </message>
    <message>
        <source>The server&apos;s snapshot is larger than %L1 MB; not taken</source>
        <translation>服务器的快照超过 %L1 MB，未接收</translation>
    </message>
    <message>
        <source>The server&apos;s snapshot comes in parts of different revisions; not taken</source>
        <translation>服务器快照的各部分版本号不一致，未接收</translation>
    </message>
    <message>
        <source>The server sent nothing for %L1 s; connecting again</source>
        <translation>服务器 %L1 秒未发送任何数据，正在重新连接</translation>
    </message>
    <message>
        <source>The server sent a page of tasks that is not one; not taken</source>
        <translation>服务器发来的任务页无法读取，未予采用</translation>
    </message>
</context>
<context>
    <name>cpn::TableExport</name>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1 (%n row(s)) to %2…</source>
        <translation>
            <numerusform>正在把%1（%n 行）写入 %2…</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The table changed while it was written: export it again.</source>
        <translation>写入期间表格发生了变化：请重新导出。</translation>
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
    <message>
        <source>%1: %2 %3%</source>
        <translation>%1：%2 %3%</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
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
<context>
    <name>cpn::TimelineBar</name>
    <message>
        <source>No history from the scheduler yet</source>
        <translation>尚未收到调度器的历史数据</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Back one sample (Left)</source>
        <translation>后退一个样本（左方向键）</translation>
    </message>
    <message>
        <source>Forward one sample (Right)</source>
        <translation>前进一个样本（右方向键）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Play from here (Space)</source>
        <translation>从此处播放（空格）</translation>
    </message>
    <message>
        <source>Return to the live network (End)</source>
        <translation>返回实时网络（End）</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Simulated time per second of playing</source>
        <translation>播放时每秒对应的模拟时间</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>All kept</source>
        <translation>全部保留时段</translation>
    </message>
    <message>
        <source>How much of the past the timeline shows</source>
        <translation>时间轴显示的历史范围</translation>
    </message>
    <message>
        <source>The past the schedulers keep: drag to a moment. Red, orange and yellow marks are alarms, blue ones migrations; the shaded part is kept as 15-minute means.</source>
        <translation>调度器保留的历史：拖动到某一时刻即可查看。红、橙、黄色标记为告警，蓝色为迁移；阴影部分按 15 分钟均值保存。</translation>
    </message>
</context>
<context>
    <name>cpn::Trend</name>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>绿电占比</translation>
    </message>
    <message>
        <source>Throughput A to B</source>
        <translation>A→B 吞吐量</translation>
    </message>
    <message>
        <source>Throughput B to A</source>
        <translation>B→A 吞吐量</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Utilisation, %1</source>
        <translation>利用率（%1）</translation>
    </message>
</context>
<context>
    <name>cpn::TrendController</name>
    <message>
        <source>Region: %1</source>
        <translation>区域：%1</translation>
    </message>
    <message>
        <source>Link %1 - %2</source>
        <translation>链路 %1 - %2</translation>
    </message>
    <message>
        <source>the scheduler answered %1: %2</source>
        <translation>调度器返回 %1：%2</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>platform %1 is no longer connected</source>
        <translation>平台 %1 已不再连接</translation>
    </message>
</context>
<context>
    <name>cpn::TrendPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a site on the map, or a task in the list, to see its trends.</source>
        <translation>在地图上选择站点，或在列表中选择任务，即可查看其趋势。</translation>
    </message>
    <message>
        <source>%1: no history (%2)</source>
        <translation>%1：无历史数据（%2）</translation>
    </message>
    <message>
        <source>The scheduler cannot be reached: the lines stop where the connection did, and the gap is filled when it is back.</source>
        <translation>无法连接调度器：曲线停在连接中断处，连接恢复后将补齐空缺。</translation>
    </message>
    <message>
        <source>Loading history...</source>
        <translation>正在加载历史数据…</translation>
    </message>
    <message>
        <source>No data in this range.</source>
        <translation>此时间范围内无数据。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n lines on one chart: remove one to compare another.</source>
        <translation>
            <numerusform>一张图表最多显示 %n 条曲线：请先移除一条，再对比其他曲线。</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Keep this line on the chart to compare it with other selections (%1)</source>
        <translation>将此曲线保留在图表上，与其他所选对象对比（%1）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the chosen line from the comparison (Delete)</source>
        <translation>从对比中移除所选曲线（Delete）</translation>
    </message>
    <message>
        <source>Lines kept for comparison</source>
        <translation>保留用于对比的曲线</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Show the last %1 of the scheduler&apos;s time</source>
        <translation>显示调度器时间最近 %1 的数据</translation>
    </message>
    <message>
        <source>Remove the chosen line from the comparison</source>
        <translation>从对比中移除所选曲线</translation>
    </message>
</context>
<context>
    <name>cpn::Wording</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 is offline; %n task(s) there are not being served.</source>
        <translation>
            <numerusform>%1 已离线，该站点 %n 个任务无法得到服务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 已离线。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is degraded and running with reduced capacity; %n task(s) there.</source>
        <translation>
            <numerusform>%1 性能降级，以降低的容量运行；站点有 %n 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is down: %2 Gbps of capacity lost, traffic reroutes.</source>
        <translation>%1 中断：损失 %2 Gbps 带宽，流量已改道。</translation>
    </message>
    <message>
        <source>%1 (%2 Gbps) is degraded.</source>
        <translation>%1（%2 Gbps）性能降级。</translation>
    </message>
    <message>
        <source>%1 is %2 utilised, at or above %3.</source>
        <translation>%1 利用率为 %2，达到或超过 %3。</translation>
    </message>
    <message>
        <source>%1 is %2 utilised, above %3.</source>
        <translation>%1 利用率为 %2，超过 %3。</translation>
    </message>
    <message>
        <source>users at %1 are %2 ms away against an SLO of %3 ms</source>
        <translation>%1 的用户时延 %2 ms，SLO 为 %3 ms</translation>
    </message>
    <message>
        <source>users at %1 have no path to it</source>
        <translation>%1 的用户没有可达路径</translation>
    </message>
    <message numerus="yes">
        <source>%n latency-bound task(s) at %1 miss their latency SLO; worst: %2.</source>
        <translation>
            <numerusform>%1 有 %n 个时延敏感任务未满足时延 SLO；最差：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Migration %1 of task %2 from %3 to %4 was rolled back</source>
        <translation>任务 %2 从 %3 至 %4 的迁移 %1 已回滚</translation>
    </message>
    <message>
        <source>Migration %1 of task %2 from %3 to %4 failed</source>
        <translation>任务 %2 从 %3 至 %4 的迁移 %1 失败</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>: %1.</source>
        <translation>：%1。</translation>
    </message>
    <message>
        <source>Night wind: surplus green power in %1, electricity at valley prices. Move latency-tolerant work here.</source>
        <translation>夜间风电：%1 绿电富余，电价处于谷段。可将时延不敏感的任务迁移至此。</translation>
    </message>
    <message>
        <source>Node %1 is down.</source>
        <translation>节点 %1 已宕机。</translation>
    </message>
    <message>
        <source>Node %1 does not respond.</source>
        <translation>节点 %1 无响应。</translation>
    </message>
    <message>
        <source>Node %1 registered with fewer resources than configured.</source>
        <translation>节点 %1 注册的资源少于配置。</translation>
    </message>
    <message>
        <source>Node %1 is drained.</source>
        <translation>节点 %1 已被排空。</translation>
    </message>
    <message>
        <source>The scheduler&apos;s controller does not answer; the state shown is the last one received.</source>
        <translation>调度器控制节点无响应；当前显示的是最后收到的状态。</translation>
    </message>
    <message>
        <source>(scheduler: %1)</source>
        <translation>（调度器：%1）</translation>
    </message>
    <message>
        <source>%1 has %2 free cards of the task&apos;s architecture; the task needs %3.</source>
        <translation>%1 该任务所需架构的空闲卡数为 %2，任务需要 %3 张。</translation>
    </message>
    <message>
        <source>The scheduler expects it could start there at %1.</source>
        <translation>调度器预计最早可于 %1 在该站点启动。</translation>
    </message>
    <message>
        <source>%1 has no cards of the architecture the task needs.</source>
        <translation>%1 没有该任务所需架构的加速卡。</translation>
    </message>
    <message>
        <source>Users at %1 would be %2 ms from the target; the latency SLO is %3 ms.</source>
        <translation>%1 的用户到目标站点的时延将为 %2 ms，时延 SLO 为 %3 ms。</translation>
    </message>
    <message>
        <source>No path from the users at %1 to the target.</source>
        <translation>%1 的用户到目标站点没有可达路径。</translation>
    </message>
    <message>
        <source>The task&apos;s data must stay in its allowed regions; the target is in %1.</source>
        <translation>任务数据须留在允许的区域内；目标站点位于%1。</translation>
    </message>
    <message>
        <source>%1 is %2 and takes no new work.</source>
        <translation>%1 处于%2状态，不接收新任务。</translation>
    </message>
    <message>
        <source>%1 takes no new work.</source>
        <translation>%1 不接收新任务。</translation>
    </message>
    <message>
        <source>No path to %1 has spare bandwidth.</source>
        <translation>到 %1 的路径均无富余带宽。</translation>
    </message>
    <message>
        <source>The task is already being moved (migration %1).</source>
        <translation>该任务正在迁移中（迁移 %1）。</translation>
    </message>
    <message>
        <source>the source site went offline</source>
        <translation>源站点已离线</translation>
    </message>
    <message>
        <source>the target site went offline</source>
        <translation>目标站点已离线</translation>
    </message>
    <message>
        <source>cancelled by an operator; the task stays at its source</source>
        <translation>已被操作员取消，任务留在源站点</translation>
    </message>
    <message>
        <source>its path was cut and no other path has spare bandwidth</source>
        <translation>迁移路径中断，且没有其他路径有富余带宽</translation>
    </message>
    <message>
        <source>no path had spare bandwidth when its turn came</source>
        <translation>轮到执行时没有路径有富余带宽</translation>
    </message>
    <message>
        <source>the transfer was interrupted by a fault on the path</source>
        <translation>传输因路径故障中断</translation>
    </message>
    <message>
        <source>the checkpoint failed its checksum at the target</source>
        <translation>检查点在目标站点校验失败</translation>
    </message>
    <message>
        <source>the target&apos;s storage stopped accepting data</source>
        <translation>目标站点存储停止接收数据</translation>
    </message>
    <message>
        <source>the task did not come up at the target</source>
        <translation>任务未能在目标站点启动</translation>
    </message>
    <message>
        <source>the target&apos;s scheduler rejected the restored task</source>
        <translation>目标站点调度器拒绝了恢复的任务</translation>
    </message>
    <message>
        <source>the scheduler did not let the job be moved in time</source>
        <translation>调度器未在规定时间内允许迁移该作业</translation>
    </message>
    <message>
        <source>it did not start at the target in time</source>
        <translation>未能在规定时间内于目标站点启动</translation>
    </message>
    <message>
        <source>the scheduler refused a command</source>
        <translation>调度器拒绝了一条指令</translation>
    </message>
    <message>
        <source>the scheduler refused to put it back; it was released where it is</source>
        <translation>调度器拒绝将其移回，已在当前位置释放</translation>
    </message>
    <message>
        <source>the job left the scheduler&apos;s queue</source>
        <translation>作业已离开调度器队列</translation>
    </message>
    <message>
        <source>%1; rolled back, the task runs at its source again</source>
        <translation>%1；已回滚，任务重新在源站点运行</translation>
    </message>
    <message>
        <source>Migration %1 failed.</source>
        <translation>迁移 %1 失败。</translation>
    </message>
</context>
</TS>
