<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Basemap</name>
    <message>
        <source>Cannot open the basemap %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap %1 is not valid JSON: %2 at byte %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap %1 is not a GeoJSON FeatureCollection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap %1 has no Polygon or MultiPolygon features</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AcknowledgeAlarmDialog</name>
    <message>
        <source>Acknowledge alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is being done about it (recorded with your name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmController</name>
    <message>
        <source>Your token has the viewer role: acknowledging alarms needs an operator token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the scheduler: the console is read-only until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged critical alarm(s)</source>
        <translation>
            <numerusform>%n unacknowledged critical alarm</numerusform>
            <numerusform>%n unacknowledged critical alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the alarms dock (%1) to acknowledge them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical alarm: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm acknowledged: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm was not acknowledged: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep on new critical alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 is no longer known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token on %1 has the viewer role: acknowledging its alarms needs an operator token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1: its alarms cannot be acknowledged until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console is a wall display (--kiosk): alarms are acknowledged at an operator&apos;s console.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmTableModel</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
Source: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised (Beijing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmsPanel</name>
    <message>
        <source>%1: %2 at %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alarm first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alarm is already acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm with a note (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged critical</source>
        <translation>
            <numerusform>%n unacknowledged critical</numerusform>
            <numerusform>%n unacknowledged critical</numerusform>
        </translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter alarms...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge alarm...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Analysis</name>
    <message>
        <source>Relieve an overloaded site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>East to west: cheaper, greener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearer its users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free a site for draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data residency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AnalysisController</name>
    <message numerus="yes">
        <source>If %1 fail together: %n task(s) displaced, %2 placed elsewhere, %3 cannot be placed%4; severity %5.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Start %n migration(s) as recommended?

%1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recommended migration(s) asked for</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed at %1; the network has moved on since. Computed again every 30 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contingencies (N-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different elements to see them fail together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) asked for; not started: %1. The tasks may have ended, or dispatch is not allowed now (a viewer token, the past on show).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::AnalysisPanel</name>
    <message>
        <source>Keep loads under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projected site or link load may go above this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AuditLogModel</name>
    <message>
        <source>Answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AuditLogPanel</name>
    <message>
        <source>The journal %1 cannot be used (%2): commands are sent but not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch actions of this console, kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CandidatePlanModel</name>
    <message>
        <source>The scheduler could not plan this move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CNY/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kg/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CO₂ change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency to users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasible moves first, then the shortest downtime, the lowest latency to the task&apos;s users and the lowest extra cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReport</name>
    <message>
        <source>No site, region or platform is called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several platforms have a site &quot;%1&quot;: give it with its platform, as in &quot;platform/%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReportRunner</name>
    <message>
        <source>embedded mock scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console&apos;s platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform can make the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it keeps nothing of this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its scheduler makes no capacity reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it refused this console&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform could make the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReview</name>
    <message>
        <source>&amp;Capacity review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it begins: choose an end after its start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityReviewWindow</name>
    <message>
        <source>Nation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the platforms for their figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in scope had no data for the period.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated at %1 (Beijing time) from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps the policy names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;CSV table, UTF-8 (*.csv);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console writes reports as .pdf, .csv or .xlsx: %1 is none of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hubs and clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest sites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityTableModel</name>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets the target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses the target %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CapacityWording</name>
    <message>
        <source>&gt;= %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;= %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intelligent, FP16 (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supercomputing (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use, mean (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean utilisation (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak utilisation (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy (MWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy cost (10k CNY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon (t CO2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Racks built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Racks in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rack occupancy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage (PB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage in use (PB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference capacity (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference in use (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training in use (PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days until full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing capacity report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedulers keep nothing of this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every accelerator type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General / intelligent / supercomputing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 / %3 PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 10k CNY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 t CO2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rack occupancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3 racks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 PB in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference: dedicated capacity / in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full at the current growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not while use does not grow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too little inference capacity near users in %1: inference work uses %2 PFLOPS, its dedicated inference capacity is %3 PFLOPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supply and demand out of step: %1 ran at %2 on average while %3 ran at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>East Data, West Computing: %1 of the latency-tolerant work (training, batch, rendering, scientific, storage) runs in the western hubs now; they held %2 of all computing in use at the end of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute is peak FP16 PFLOPS as the schedulers report it; utilisation is the share of it in use, time-weighted over the samples kept (15-minute means before the last day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE is facility energy over IT energy; green share is by energy; carbon counts the energy not green at its province&apos;s grid emission factor (Ministry of Ecology and Environment, 2022; green power bought directly counts as zero).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Racks and storage in use, and inference and training use, are at the time of the report: schedulers keep no tasks of the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peak of a region or the nation is its highest step of the utilisation series; for other groups, the capacity-weighted mean of their sites&apos; peaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity and utilisation are of %1 only; energy, cost, carbon, PUE, racks and storage are the whole sites&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in scope had no data for the period and are left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Targets: utilisation at least 55 %, hub PUE below 1.25, green share over 80 % in new hub data centres, rack occupancy at least 65 % in the national hubs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler keeps %1 days of this period: the figures cover %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console&apos;s platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every platform keeps the whole period (%1): their sums cover less of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::CommandLine</name>
    <message>
        <source>Control console of the national computing power network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw this GeoJSON file as the basemap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the main window to FILE.png after live data, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of live data before the screenshot (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the embedded mock scheduler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale of the embedded mock: national, large or huge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated seconds per wall second of the embedded mock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language %1 (use zh_CN or en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-after needs a number of seconds &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown scale %1 (use national, large or huge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--time-scale needs a number &gt; 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep dispatch commands in this SQLite journal (default: in the user&apos;s application data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print figures on standard output: &quot;live SECONDS&quot; once the first change after the snapshot is applied, and at exit the longest stalls of the user interface (ms) and the peak memory (MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario of the embedded mock: normal, peak, hub-outage, link-cut or green-surplus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutual TLS: this console&apos;s certificate (PEM; with --tls-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutual TLS: this console&apos;s private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the scheduler at HOST:PORT instead of the embedded mock. Repeat as NAME=HOST:PORT for several platforms at once; NAME=embedded is the embedded mock as one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the bearer token from FILE (NAME=FILE: for that platform only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with TLS, trusting the CA certificate in FILE (PEM) for the scheduler&apos;s certificate (NAME=FILE: for that platform only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is given twice for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a platform name (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect %1: give HOST:PORT, NAME=HOST:PORT or NAME=embedded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two platforms are named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one platform can be the embedded mock scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With several platforms, name each: --connect NAME=HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 (--%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (--%2) is not a PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS options need --connect: the embedded scheduler is reached over loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start full screen (F11 switches at run time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall display: full screen, no menus and no dispatch, the map and the alarms only; the cursor hides when idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on screen N (0 is the first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screen needs a screen number: 0 is the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface size: a factor from 0.5 to 4 (1.5 for a wall seen from across the room), or auto for the screen&apos;s DPI alone. Kept from View &gt; Interface size otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ui-scale needs a factor from 0.5 to 4, or auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a capacity report to FILE (.pdf, .csv or .xlsx) from the platforms&apos; figures, then exit without a window: 0 written, 2 a bad option, 3 no data within a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of --report up to each platform&apos;s present: 24h, 7d or 30d (default 24h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope of --report: nation (default), a region&apos;s id, a site&apos;s id (with the sites under it) or a platform&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report writes .pdf, .csv or .xlsx files: %1 is none of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown report period %1 (use 24h, 7d or 30d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report-scope needs nation, a region&apos;s id, a site&apos;s id or a platform&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report and --screenshot cannot be given together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What --screenshot saves: main (the main window, default) or capacity-review (the capacity review window, a week&apos;s report).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown window %1 for --screenshot-of (use main or capacity-review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the migrations the console recommends to FILE.csv (one row each, best first: task, source, target, reason, gains), then exit without a window: 0 written, 1 the file cannot be written, 2 a bad option, 3 no data within a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the N-1 contingencies of every hub, cluster and backbone link to FILE.csv (one row each, most severe first: tasks displaced, unplaced by reason, worst projected loads, severity), then exit as --recommendations does. The two can be given together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load ratio from 0.5 to 1 (default 0.85) that recommended moves keep every projected site and link under, and above which a contingency&apos;s projected loads add to its severity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 writes a .csv file: %2 is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--recommendations and --contingency-report need two different files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--recommendations and --contingency-report cannot be given with --report or --screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--analysis-threshold needs a load ratio from 0.5 to 1: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Connection</name>
    <message>
        <source>TLS: the server&apos;s certificate has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not signed by the CA this console trusts (--tls-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the server does not speak TLS (is it a plaintext server?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the server wants a client certificate this console does not have, or does not accept it (--tls-cert, --tls-key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the handshake with the server failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection at once: does it want TLS (--tls-ca)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept this console&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Connections</name>
    <message>
        <source>Connected: the scheduler holds %1 tasks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ConnectionsDialog</name>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console needs at least one platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect from %1 and take its sites, tasks and alarms off the console?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutual TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plaintext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded mock scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded scheduler is chosen on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the platform at %1 first (Edit): with several platforms each needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ContingenciesPanel</name>
    <message>
        <source>N-2, these two together:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens if both fail at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ContingencyTableModel</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks displaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be placed (why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest site after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest link after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 → %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backbone link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 PFLOPS)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Dispatch</name>
    <message>
        <source>Not enough free cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong accelerator architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too far from its users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data must stay in its region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path with spare bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task already moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drain %1 (%n at once)</source>
        <translation>
            <numerusform>Drain %1 (%n at once)</numerusform>
            <numerusform>Drain %1 (%n at once)</numerusform>
        </translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an answer (%n attempt(s))</source>
        <translation>
            <numerusform>Waiting for an answer (%n attempt)</numerusform>
            <numerusform>Waiting for an answer (%n attempts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) planned</source>
        <translation>
            <numerusform>%n migration planned</numerusform>
            <numerusform>%n migrations planned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) without a target</source>
        <translation>
            <numerusform>%n task without a target</numerusform>
            <numerusform>%n tasks without a target</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned: its scheduler stopped before it answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another platform&apos;s site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DispatchClient</name>
    <message>
        <source>The scheduler&apos;s answer is larger than %L1 MB; not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer comes in parts that do not belong together; not taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DispatchController</name>
    <message>
        <source>No answer from the scheduler (%1): &quot;%2&quot; is kept and will be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n command(s) that had no answer again.</source>
        <translation>
            <numerusform>Sending %n command that had no answer again.</numerusform>
            <numerusform>Sending %n commands that had no answer again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your token has the viewer role: moving tasks, draining sites and cancelling migrations need an operator token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task in the task list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan and start a migration of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a site on the map first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move every task off %1 and put it into maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected migration and roll it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running migration in the migrations list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only (viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 is no longer in the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already being moved by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked the scheduler to move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked the scheduler to drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1 and roll it back? The task stays at its source.
Reason (kept in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n migration(s) and roll them back? The tasks stay at their sources.
Reason (kept in the audit log):</source>
        <translation>
            <numerusform>Cancel %n migration and roll it back? The task stays at its source.
Reason (kept in the audit log):</numerusform>
            <numerusform>Cancel %n migrations and roll them back? The tasks stay at their sources.
Reason (kept in the audit log):</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to an earlier command: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler refused &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler refused a command (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already being moved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel migration %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move a task from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n card(s))</source>
        <translation>
            <numerusform>%1 %2 (%n card)</numerusform>
            <numerusform>%1 %2 (%n cards)</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move every task off the site and put it into maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel a migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the scheduler: the console is read-only until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1, given by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands left by another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) given on this console by another operator or token had no answer when it closed.</source>
        <translation>
            <numerusform>%n command given on this console by another operator or token had no answer when it closed.</numerusform>
            <numerusform>%n commands given on this console by another operator or token had no answer when it closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send them now in your name (%1), or abandon them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send in my name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n command(s) of another operator in your name.</source>
        <translation>
            <numerusform>Sending %n command of another operator in your name.</numerusform>
            <numerusform>Sending %n commands of another operator in your name.</numerusform>
        </translation>
    </message>
    <message>
        <source>abandoned by %1: given by another operator, not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1 is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token on %1 has the viewer role: moving its tasks, draining its sites and cancelling its migrations need an operator token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1: its part of the network is read-only until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only (viewer) on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token is a viewer&apos;s on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs to platform %2 and %3 to %4: a task moves only within its own platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console is a wall display (--kiosk): it does not dispatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map shows the past: nothing is dispatched from it. Return to live (End) to dispatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer in the task list: it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Domain</name>
    <message>
        <source>National hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-centre cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ascend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hygon DCU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cambricon MLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kunlunxin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scientific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpointing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site highly utilised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency SLO missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node misconfigured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green power surplus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DrainDialog</name>
    <message>
        <source>stays: no feasible target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the site into maintenance and start moving its tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler refused the drain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent; waiting for the scheduler&apos;s answer (the request is kept and sent again until it answers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 moved, %3 moving, %4 waiting, %5 failed or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) had no feasible target and stay.</source>
        <translation>
            <numerusform>%n task had no feasible target and stays.</numerusform>
            <numerusform>%n tasks had no feasible target and stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>The drain has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining puts %1 into maintenance (it takes no new work) and moves each of its tasks to a feasible target, a few at a time, spread so that no target overloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrations at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why drain this site (kept in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every migration of this drain that has not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler could not plan the drain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the scheduler where each task would go…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) move</source>
        <translation>
            <numerusform>%n task moves</numerusform>
            <numerusform>%n tasks move</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>to %n site(s)</source>
        <translation>
            <numerusform>to %n site</numerusform>
            <numerusform>to %n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) have no feasible target and stay on the site.</source>
        <translation>
            <numerusform>%n task has no feasible target and stays on the site.</numerusform>
            <numerusform>%n tasks have no feasible target and stay on the site.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ministry staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HeadlessAnalysis</name>
    <message>
        <source>%1 (its tasks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data within a minute: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing the network at revision %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written (rows: %2, %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HeadlessReport</name>
    <message>
        <source>No data within a minute: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the platforms for their figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platforms reported no figures for this period and scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Main</name>
    <message>
        <source>CPN Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live data arrived; the screenshot shows %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the embedded mock scheduler: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the basemap %1: %2. Showing the built-in map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the basemap %1:
%2

Showing the built-in map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platforms remembered cannot be used (%1); starting with the embedded scheduler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>There is no screen %1: this display has %n screen(s).</source>
        <translation>
            <numerusform>There is no screen %1: this display has %n screen.</numerusform>
            <numerusform>There is no screen %1: this display has %n screens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>About CPN Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN Console - National Computing Power Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CPN Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a site on the map to select it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) - %3, utilisation %4%, %5 PFLOPS, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n second</numerusform>
            <numerusform>Reconnecting in %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler time %1 (Beijing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n data warning(s)</source>
        <translation>
            <numerusform>%n data warning</numerusform>
            <numerusform>%n data warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Malformed or unknown data from the server was ignored. Last: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin&amp;d Site...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark (control room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live over TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewer: read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator: may dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n platform(s)</source>
        <translation>
            <numerusform>%n platform</numerusform>
            <numerusform>%n platforms</numerusform>
        </translation>
    </message>
    <message>
        <source>Revisions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour Sites by &amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface size changes when the console starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automatic (the screen&apos;s DPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;CPN Console %1&lt;/b&gt;&lt;p&gt;Control console of the national integrated computing power network.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL 3), gRPC %3 and Protocol Buffers %4 (Apache License 2.0 and BSD).&lt;/p&gt;&lt;p&gt;Basemap: Apache ECharts 4.9.0 (Apache License 2.0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface si&amp;ze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The network at %2 (Beijing time, replayed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The network at %2 (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MapBreadcrumb</name>
    <message>
        <source>China</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MapExport</name>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computing power network as the map showed it at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file ending in .png (a picture) or .svg (a drawing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MapLayersMenu</name>
    <message>
        <source>Map &amp;layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency &amp;circles (1 / 5 / 20 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alarms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MapLegend</name>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds folded sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One lane per direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 20 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: capacity (PFLOPS, Gbps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MapView</name>
    <message>
        <source>ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) merged while folded</source>
        <translation>
            <numerusform>%n link merged while folded</numerusform>
            <numerusform>%n links merged while folded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity: %1 Gbps per direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alarms: %n active</source>
        <translation>
            <numerusform>Alarms: %n active</numerusform>
            <numerusform>Alarms: %n active</numerusform>
        </translation>
    </message>
    <message>
        <source>All sites shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional centres shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional and edge sites folded into their hubs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n site(s)</source>
        <comment>sites folded into this one on the map</comment>
        <translation>
            <numerusform>+%n site</numerusform>
            <numerusform>+%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n regional centre(s)</source>
        <translation>
            <numerusform>%n regional centre</numerusform>
            <numerusform>%n regional centres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge site(s)</source>
        <translation>
            <numerusform>%n edge site</numerusform>
            <numerusform>%n edge sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other site(s)</source>
        <translation>
            <numerusform>%n other site</numerusform>
            <numerusform>%n other sites</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes %1 folded here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cards, %2 PFLOPS, %3 % used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CNY/kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting, %2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale data since %1: showing the last state received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MigrationDialog</name>
    <message>
        <source>Select a target to see the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the scheduler for a plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Path: %1 (%n link(s))</source>
        <translation>
            <numerusform>Path: %1 (%n link)</numerusform>
            <numerusform>Path: %1 (%n links)</numerusform>
        </translation>
    </message>
    <message>
        <source>Moves %1 in %2; the task is down for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity: %1 CNY/h; CO₂: %2 kg/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency to its users: %1 → %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busiest link on the path %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load after the move: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>costs %1 CNY/h more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes it from %1 to %2 ms from its users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This move %1. I confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the scheduler&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler cannot move the task there: see why below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the higher cost or latency first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start moving %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3, %4 × %5 cards, now at &lt;b&gt;%6&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this move (kept in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets are ranked by the scheduler&apos;s plans: feasible moves first, then the shortest downtime, the lowest latency to the task&apos;s users and the lowest extra cost. The selected plan is previewed on the map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MigrationTableModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MigrationsPanel</name>
    <message>
        <source>Select a migration that is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected migration and roll it back: the task stays at its source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide migrations that have finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel migration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NetworkState</name>
    <message>
        <source>Migration without an id ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm without an id ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site without an id ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate site %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 has invalid coordinates and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link without an id ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate link %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 refers to a missing site and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 has an invalid capacity or latency and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics for unknown site %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid metrics (NaN, negative or out of range) for site %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics for unknown link %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid metrics (NaN, negative or out of range) for link %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update for unknown site %1 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update for site %1 has invalid coordinates and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update for link %1 changes its end points and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) or migration(s) not kept: the servers report more than %L1 unfinished</source>
        <translation>
            <numerusform>%n alarm or migration not kept: the servers report more than %L1 unfinished</numerusform>
            <numerusform>%n alarms or migrations not kept: the servers report more than %L1 unfinished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with a revision already received ignored (revisions must increase)</source>
        <translation>
            <numerusform>%n event with a revision already received ignored (revisions must increase)</numerusform>
            <numerusform>%n events with a revision already received ignored (revisions must increase)</numerusform>
        </translation>
    </message>
    <message>
        <source>Site %1 has a tier or status this console does not know; shown as unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::PastFrame</name>
    <message>
        <source>Return to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The past: %1 (Beijing time). Nothing can be dispatched until you return to live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data then from %1 (greyed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::PlatformEditor</name>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. east (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 10.1.2.3:50051</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;oken file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS &amp;CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;ertificate (mutual TLS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key (mutual TLS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is read from its file when the platform is connected; only the file&apos;s path is remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the platform a name: with several platforms each needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another platform is already named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded scheduler is chosen on the command line (--connect NAME=embedded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::PlatformFilterBox</name>
    <message>
        <source>All platforms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RecommendationTableModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves (CNY/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves (kg CO2/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users&apos; latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an hour of the task costs less at the target: its cards&apos; power, PUE and price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an hour of the task emits less at the target: green share and the province&apos;s grid factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation now, and after the recommended moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RecommendationsPanel</name>
    <message>
        <source>Start the selected migrations through the normal path (planned, journalled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n recommendation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RegionSummaryPanel</name>
    <message>
        <source>West</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>East</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green power %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 PF</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n site(s)</source>
        <translation>
            <numerusform>%1: %n site</numerusform>
            <numerusform>%1: %n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offline</source>
        <translation>
            <numerusform>%n offline</numerusform>
            <numerusform>%n offline</numerusform>
        </translation>
    </message>
    <message>
        <source>In use %1 of %2 PFLOPS (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power %1 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message>
        <source>No accelerators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReplayClient</name>
    <message>
        <source>The scheduler answered with a sample of another moment than the one asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer holds more sites and links than the console accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s answer was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s kept span of history is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s report covers another period than the one asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s report came in parts of different reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s report holds more sites or regions than the console accepts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReplayController</name>
    <message>
        <source>&amp;Timeline (Replay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the timeline under the map: the network at any moment of the past week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps no metrics for %2: it keeps %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps no metrics for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer replay (its scheduler predates it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the moment could not be fetched (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 migration of %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected: nothing of its past is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReportCharts</name>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation over the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity installed and mean in use, by region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western regions&apos; share of the computing in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReportExport</name>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hubs and clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western share (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given for the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: %1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gaps found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ target met, ✗ target missed, — no data. The name is repeated on each part of a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in this scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the figures were made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not take another page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the PDF could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: no room for temporary files (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library could not start a workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library refused a sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (Beijing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: the spreadsheet library failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SiteInspector</name>
    <message>
        <source>No site selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CNY/kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting, %2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Tasks here&lt;/b&gt; (%1) — drag one onto a site on the map to move it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folded here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a site on the map, or find one with the search box over the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the sites folded into this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tasks by id, name or tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The map shows the site as %2 reports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The map shows the site as this platform reports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also reported by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SiteInspectorDock</name>
    <message>
        <source>Site inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SiteSearchBox</name>
    <message>
        <source>Find a site by name or ID  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a Chinese or English site name or a site ID; Enter flies to the first match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::StateFeed</name>
    <message>
        <source>Listing tasks failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream broken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s task list repeats itself (a page token came twice); not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server lists more than %L1 tasks; not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s task list goes on with empty pages; not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not resume from the revision of its own snapshot; a new snapshot after a pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s snapshot is larger than %L1 MB; not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s snapshot comes in parts of different revisions; not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent nothing for %L1 s; connecting again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a page of tasks that is not one; not taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TableExport</name>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Writing %1 (%n row(s)) to %2…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table changed while it was written: export it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TaskTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TaskTablePanel</name>
    <message>
        <source>%1 of %2 tasks at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by id, name, site or tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected site only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the tasks of the site selected on the map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TimelineBar</name>
    <message>
        <source>No history from the scheduler yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back one sample (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward one sample (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play from here (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the live network (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time per second of playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the past the timeline shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The past the schedulers keep: drag to a moment. Red, orange and yellow marks are alarms, blue ones migrations; the shaded part is kept as 15-minute means.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Trend</name>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput A to B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput B to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TrendController</name>
    <message>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 - %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheduler answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform %1 is no longer connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::TrendPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a site on the map, or a task in the list, to see its trends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no history (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler cannot be reached: the lines stop where the connection did, and the gap is filled when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading history...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At most %n lines on one chart: remove one to compare another.</source>
        <translation>
            <numerusform>At most %n line on one chart: remove it to compare another.</numerusform>
            <numerusform>At most %n lines on one chart: remove one to compare another.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this line on the chart to compare it with other selections (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen line from the comparison (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines kept for comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last %1 of the scheduler&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen line from the comparison</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Wording</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is offline; %n task(s) there are not being served.</source>
        <translation>
            <numerusform>%1 is offline; %n task there is not being served.</numerusform>
            <numerusform>%1 is offline; %n tasks there are not being served.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is degraded and running with reduced capacity; %n task(s) there.</source>
        <translation>
            <numerusform>%1 is degraded and running with reduced capacity; %n task there.</numerusform>
            <numerusform>%1 is degraded and running with reduced capacity; %n tasks there.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is down: %2 Gbps of capacity lost, traffic reroutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 Gbps) is degraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 utilised, at or above %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 utilised, above %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users at %1 are %2 ms away against an SLO of %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users at %1 have no path to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n latency-bound task(s) at %1 miss their latency SLO; worst: %2.</source>
        <translation>
            <numerusform>%n latency-bound task at %1 misses its latency SLO; worst: %2.</numerusform>
            <numerusform>%n latency-bound tasks at %1 miss their latency SLO; worst: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Migration %1 of task %2 from %3 to %4 was rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 of task %2 from %3 to %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night wind: surplus green power in %1, electricity at valley prices. Move latency-tolerant work here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 does not respond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 registered with fewer resources than configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 is drained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler&apos;s controller does not answer; the state shown is the last one received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(scheduler: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 free cards of the task&apos;s architecture; the task needs %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler expects it could start there at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no cards of the architecture the task needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users at %1 would be %2 ms from the target; the latency SLO is %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path from the users at %1 to the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s data must stay in its allowed regions; the target is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 and takes no new work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no new work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path to %1 has spare bandwidth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is already being moved (migration %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source site went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target site went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by an operator; the task stays at its source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its path was cut and no other path has spare bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no path had spare bandwidth when its turn came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transfer was interrupted by a fault on the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checkpoint failed its checksum at the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target&apos;s storage stopped accepting data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task did not come up at the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target&apos;s scheduler rejected the restored task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheduler did not let the job be moved in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not start at the target in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheduler refused a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheduler refused to put it back; it was released where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job left the scheduler&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; rolled back, the task runs at its source again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
