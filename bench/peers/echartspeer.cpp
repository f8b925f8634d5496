#include "echartspeer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace cpn::bench {

namespace {

constexpr int kStartTimeoutMs = 60'000;
constexpr int kLoadTimeoutMs = 300'000; // the first render of 60,000 items takes seconds
constexpr int kRedrawTimeoutMs = 120'000;

} // namespace

QString peersDirectory()
{
    const QString overridden = qEnvironmentVariable("CPN_PEERS_DIR");
    return overridden.isEmpty() ? QStringLiteral(CPN_PEERS_DIR) : overridden;
}

EChartsPeer::~EChartsPeer()
{
    if (m_node.state() == QProcess::NotRunning)
        return;
    m_node.write("quit\n");
    if (!m_node.waitForFinished(10'000)) {
        m_node.kill();
        m_node.waitForFinished(5'000);
    }
}

bool EChartsPeer::start(QSize size)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not installed (bench/peers/setup.sh)");
        return false;
    }
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty()) {
        m_error = QStringLiteral("chromium is not installed (bench/peers/setup.sh)");
        return false;
    }
    const QDir dir(peersDirectory() + QStringLiteral("/echarts"));
    if (!QFileInfo::exists(dir.filePath(QStringLiteral("node_modules/echarts/dist/echarts.min.js")))) {
        m_error = QStringLiteral("ECharts is not installed in %1 (bench/peers/setup.sh)").arg(dir.path());
        return false;
    }
    m_node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_node.setWorkingDirectory(dir.path());
    m_node.start(node,
        { dir.filePath(QStringLiteral("driver.mjs")), QStringLiteral("--width"), QString::number(size.width()),
            QStringLiteral("--height"), QString::number(size.height()), QStringLiteral("--chromium"), chromium });
    if (!m_node.waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start node: ") + m_node.errorString();
        return false;
    }
    const auto answer = readAnswer(kStartTimeoutMs);
    if (!answer)
        return false;
    m_info = *answer;
    return true;
}

std::optional<double> EChartsPeer::load(const QString& sceneFile)
{
    const auto answer = ask(QStringLiteral("load ") + sceneFile, kLoadTimeoutMs);
    if (answer)
        m_layers = answer->value(QStringLiteral("layers")).toString();
    return answer ? std::optional(answer->value(QStringLiteral("ms")).toDouble()) : std::nullopt;
}

std::optional<double> EChartsPeer::redraw(const QString& coloursFile)
{
    const auto answer = ask(QStringLiteral("redraw ") + coloursFile, kRedrawTimeoutMs);
    return answer ? std::optional(answer->value(QStringLiteral("ms")).toDouble()) : std::nullopt;
}

bool EChartsPeer::screenshot(const QString& pngFile)
{
    return ask(QStringLiteral("shot ") + pngFile, kRedrawTimeoutMs).has_value();
}

std::optional<QJsonObject> EChartsPeer::ask(const QString& command, int timeoutMs)
{
    if (m_node.state() != QProcess::Running) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("the driver is not running");
        return std::nullopt;
    }
    m_node.write(command.toUtf8() + '\n');
    return readAnswer(timeoutMs);
}

std::optional<QJsonObject> EChartsPeer::readAnswer(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_node.canReadLine()) {
        if (m_node.state() != QProcess::Running) {
            m_error = QStringLiteral("the driver exited (%1)").arg(m_node.exitCode());
            return std::nullopt;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("no answer from the driver within %1 s").arg(timeoutMs / 1000);
            return std::nullopt;
        }
        m_node.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_node.readLine(), &parseError);
    if (!document.isObject()) {
        m_error = QStringLiteral("unreadable answer from the driver: ") + parseError.errorString();
        return std::nullopt;
    }
    const QJsonObject answer = document.object();
    if (!answer.value(QStringLiteral("ok")).toBool()) {
        m_error = answer.value(QStringLiteral("error")).toString();
        return std::nullopt;
    }
    return answer;
}

} // namespace cpn::bench
