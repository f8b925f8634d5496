#pragma once
// The ECharts peer: bench/peers/echarts/driver.mjs under Node, which runs Apache ECharts in
// headless Chromium and times each redraw in the page (setOption with new item colours, up to
// a pixel read back that forces Chromium to rasterise). Spoken to in lines over stdin/stdout.

#include <QJsonObject>
#include <QProcess>
#include <QSize>
#include <QString>

#include <optional>

namespace cpn::bench {

class EChartsPeer {
public:
    ~EChartsPeer();

    // Starts Node, the driver and Chromium; false (see error()) when any of them is missing.
    bool start(QSize size);
    // What stopped the peer, for the report.
    QString error() const { return m_error; }
    // Chromium's version and how it renders (SystemInfo's GPU feature status), once started.
    QString chromiumVersion() const { return m_info.value(QStringLiteral("chromium")).toString(); }
    QString echartsVersion() const { return m_info.value(QStringLiteral("echarts")).toString(); }
    QJsonObject gpu() const { return m_info.value(QStringLiteral("gpu")).toObject(); }
    // The canvases ECharts drew into (zrender's layers), once loaded.
    QString layers() const { return m_layers; }

    // The network (peerSceneJson) and its first render: ms.
    std::optional<double> load(const QString& sceneFile);
    // A data update (peerColoursJson) drawn: ms.
    std::optional<double> redraw(const QString& coloursFile);
    // The page's pixels as a PNG file.
    bool screenshot(const QString& pngFile);

private:
    std::optional<QJsonObject> ask(const QString& command, int timeoutMs);
    std::optional<QJsonObject> readAnswer(int timeoutMs);

    QProcess m_node;
    QJsonObject m_info;
    QString m_layers;
    QString m_error;
};

// bench/peers in the source tree (CPN_PEERS_DIR overrides it).
QString peersDirectory();

} // namespace cpn::bench
