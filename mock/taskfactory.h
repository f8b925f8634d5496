#pragma once
// Draws plausible tasks (kind, size, tenant, users, residency) and places them on sites.

#include "enginestate.h"
#include "random.h"
#include "topology.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace cpn::mock {

// Where a scenario pushes new work (see scenario.h); the default pushes nowhere.
struct Steering {
    bool easternUsers = false; // inference: users drawn from eastern sites only
    bool surgeReplica = false; // inference: an autoscaled replica for a surge (more cards, about an hour)
    double westPull = 0; // latency-tolerant work: chance it is placed at a western site, ratio 0..1
};

class TaskFactory {
public:
    TaskFactory(const Topology& topology, const LinkGraph& graph);

    static const std::array<cpn::v1::TaskKind, 6>& kinds();
    // Share of the standing task population, ratio.
    double populationShare(cpn::v1::TaskKind kind) const;
    // Mean run time of a task of this kind, simulated seconds.
    double meanDurationSeconds(cpn::v1::TaskKind kind) const;
    // Mean cards per task over the population mix.
    double meanCardsPerTask() const;

    cpn::v1::TaskKind drawKind(Random& random) const;

    // A new task of `kind` submitted at nowMs, with `site` set to an online site that has its
    // architecture, preferring one with free cards (the caller runs or queues it there).
    TaskRecord create(Random& random, std::uint64_t number, cpn::v1::TaskKind kind, std::int64_t nowMs,
        const std::vector<SiteRuntime>& sites, const Steering& steering = {});

    // Site or link statuses changed: forget the paths worked out so far.
    void networkChanged() { m_nearCache.clear(); }

    const std::string& tenantName(std::uint16_t tenant) const { return m_tenants[tenant]; }

private:
    // Sites with cumulative weights, for drawing one in proportion to its weight.
    struct SitePicker {
        std::vector<std::uint32_t> sites;
        std::vector<double> cumulative;
        bool empty() const { return sites.empty(); }
        std::uint32_t pick(Random& random) const;
    };
    // What tasks of one kind look like and where they go.
    struct Profile {
        cpn::v1::TaskKind kind = cpn::v1::TASK_KIND_UNSPECIFIED;
        double share = 0; // of the standing population, ratio
        double medianHours = 1; // run time, log-normal
        double sigma = 0.7;
        std::array<double, 7> architectureWeights {}; // by cpn::v1::Architecture
        std::array<double, 5> tierWeights {}; // by cpn::v1::SiteTier
        double westBias = 1; // weight multiplier for western sites (submission)
        std::vector<const char*> names; // name stems
        std::vector<std::uint16_t> tenants;
    };

    const Profile& profile(cpn::v1::TaskKind kind) const;
    bool isOnline(std::uint32_t site) const;
    cpn::v1::Architecture drawArchitecture(Random& random, const Profile& p, const std::array<bool, 7>& present) const;
    std::uint32_t drawCards(Random& random, cpn::v1::TaskKind kind, cpn::v1::Architecture arch) const;
    double drawDataGb(Random& random, cpn::v1::TaskKind kind, std::uint32_t cards) const;
    bool placeNearUsers(
        Random& random, TaskRecord& task, const std::vector<SiteRuntime>& sites, const Steering& steering);
    void placeAnywhere(Random& random, TaskRecord& task, const std::vector<SiteRuntime>& sites, double westPull);
    const std::vector<std::pair<std::uint32_t, double>>& sitesNear(std::uint32_t usersSite);

    const Topology& m_topology;
    const LinkGraph& m_graph;
    std::vector<std::string> m_tenants;
    std::vector<bool> m_regulated; // banks, grid, government: data stays in its region
    std::vector<Profile> m_profiles;
    std::array<std::array<SitePicker, 7>, 7> m_pickers; // [kind][architecture]
    std::array<std::array<SitePicker, 7>, 7> m_westernPickers; // the same, western sites only
    SitePicker m_usersSites;
    SitePicker m_easternUsersSites;
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>> m_nearCache;
};

} // namespace cpn::mock
