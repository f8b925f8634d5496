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
    <name>cpn::CommandLine</name>
    <message>
        <source>Control console of the national computing power network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the scheduler at HOST:PORT instead of the embedded mock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the bearer token from FILE.</source>
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
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is empty</source>
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
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>About CPN Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;CPN Console %1&lt;/b&gt;&lt;p&gt;Control console of the national integrated computing power network.&lt;/p&gt;&lt;p&gt;Basemap: Apache ECharts 4.9.0 (Apache License 2.0).&lt;/p&gt;</source>
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
        <source>No data since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Malformed or unknown data from the server was ignored. Last: %1</source>
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
        <source>Circle area: capacity (PFLOPS)</source>
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
        <source>Tier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity: %1 PFLOPS</source>
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
</TS>
