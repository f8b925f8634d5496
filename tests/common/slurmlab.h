#pragma once
// A real Slurm cluster on this machine for a test: tools/slurm-lab.sh in a temporary directory,
// and Slurm's own commands against it.

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

class SlurmLab {
public:
    ~SlurmLab() { stop(); }

    // Starts a lab of `nodes` nodes (4 sites); false and the script's words in *error when not.
    bool start(int nodes, QString* error)
    {
        // munge's socket path must stay short: a directory of our own under /tmp.
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/cpn-lab-XXXXXX"));
        if (!m_dir->isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        const auto result = script({ QStringLiteral("start"), m_dir->path(), QStringLiteral("--nodes"),
            QString::number(nodes) });
        if (result.first != 0) {
            *error = result.second;
            return false;
        }
        m_running = true;
        return true;
    }

    void stop()
    {
        if (m_running)
            script({ QStringLiteral("stop"), m_dir->path() });
        m_running = false;
    }

    // slurmctld alone goes away and comes back; jobs and nodes go on.
    bool stopController() { return script({ QStringLiteral("controller-stop"), m_dir->path() }).first == 0; }
    bool startController() { return script({ QStringLiteral("controller-start"), m_dir->path() }).first == 0; }

    QString path(const QString& name) const { return QDir(m_dir->path()).filePath(name); }
    QString slurmConf() const { return path(QStringLiteral("slurm.conf")); }
    QString sitesFile() const { return path(QStringLiteral("sites.json")); }

    // A Slurm command against the lab: its exit code and standard output (stderr appended).
    std::pair<int, QString> run(const QString& program, const QStringList& args) const
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_CONF"), slurmConf());
        p.setProcessEnvironment(env);
        p.start(program, args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return { -1, QStringLiteral("%1 timed out").arg(program) };
        }
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed() };
    }

    // Submits the lab's demo job (it checkpoints on SIGUSR1): its job id, or empty.
    QString submit(const QString& partition, const QString& name, int gpus, const QString& arch, const QString& comment,
        int runSeconds = 600, const QStringList& extraArgs = {})
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_CONF"), slurmConf());
        env.insert(QStringLiteral("DEMO_RUN_SECONDS"), QString::number(runSeconds));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("sbatch"),
            QStringList { QStringLiteral("--parsable"), QStringLiteral("-p"), partition, QStringLiteral("-J"), name,
                QStringLiteral("--comment=") + comment, QStringLiteral("--gres=gpu:%1").arg(gpus), QStringLiteral("-C"),
                arch, QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("--requeue"),
                QStringLiteral("--open-mode=append"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-D"),
                path(QStringLiteral("jobs")), QStringLiteral("-o"), path(QStringLiteral("jobs/%j.out")) }
                + extraArgs + QStringList { path(QStringLiteral("jobs/demo-job.sh")) });
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return {};
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed().section(QLatin1Char(';'), 0, 0);
    }

    // "PARTITION STATE" of a job as squeue shows it, or empty when it is gone.
    QString jobWhere(const QString& jobId) const
    {
        return run(QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-j"), jobId, QStringLiteral("-o"),
                                                 QStringLiteral("%P %T") })
            .second;
    }

private:
    std::pair<int, QString> script(const QStringList& args) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("bash"), QStringList { QStringLiteral(CPN_SOURCE_DIR "/tools/slurm-lab.sh") } + args);
        if (!p.waitForFinished(600000)) { // a first start installs Slurm
            p.kill();
            p.waitForFinished();
            return { -1, QStringLiteral("slurm-lab.sh timed out") };
        }
        return { p.exitCode(), QString::fromUtf8(p.readAll()) };
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_running = false;
};
