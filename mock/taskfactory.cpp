#include "taskfactory.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <set>

namespace cpn::mock {

using cpn::v1::Architecture;
using cpn::v1::TaskKind;

namespace {

constexpr std::size_t kNearSitesKept = 48; // candidate sites remembered per users' site
constexpr double kMaxInferenceSloMs = 20.0;

struct CardChoice {
    std::vector<std::uint32_t> values;
    std::vector<double> weights;
};

CardChoice cardChoice(TaskKind kind, Architecture arch)
{
    switch (kind) {
    case cpn::v1::TASK_KIND_TRAINING:
        return { { 32, 64, 128, 256, 512, 1024, 2048, 4096 }, { .28, .25, .2, .12, .08, .04, .02, .01 } };
    case cpn::v1::TASK_KIND_INFERENCE:
        return { { 1, 2, 4, 8, 16 }, { .2, .25, .25, .2, .1 } };
    case cpn::v1::TASK_KIND_RENDERING:
        return { { 8, 16, 32, 64, 128 }, { .2, .3, .25, .15, .1 } };
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        return { { 16, 32, 64, 128, 256, 512 }, { .15, .25, .25, .2, .1, .05 } };
    case cpn::v1::TASK_KIND_STORAGE:
        return { { 1, 2, 4, 8 }, { .3, .3, .25, .15 } };
    default:
        (void)arch;
        return { { 4, 8, 16, 32, 64 }, { .2, .3, .25, .15, .1 } };
    }
}

double meanOf(const CardChoice& c)
{
    double sum = 0;
    for (std::size_t i = 0; i < c.values.size(); ++i)
        sum += c.values[i] * c.weights[i];
    return sum;
}

bool inRegion(std::uint8_t mask, std::uint32_t region)
{
    return mask == 0 || (mask & (1u << region)) != 0;
}

} // namespace

std::uint32_t TaskFactory::SitePicker::pick(Random& random) const
{
    const double x = random.uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return sites[std::min<std::size_t>(std::size_t(it - cumulative.begin()), sites.size() - 1)];
}

const std::array<TaskKind, 6>& TaskFactory::kinds()
{
    static const std::array<TaskKind, 6> all { cpn::v1::TASK_KIND_TRAINING, cpn::v1::TASK_KIND_INFERENCE,
        cpn::v1::TASK_KIND_BATCH, cpn::v1::TASK_KIND_RENDERING, cpn::v1::TASK_KIND_SCIENTIFIC,
        cpn::v1::TASK_KIND_STORAGE };
    return all;
}

TaskFactory::TaskFactory(const Topology& topology, const LinkGraph& graph)
    : m_topology(topology)
    , m_graph(graph)
{
    // Tenants; the first group keeps data in its region when it can.
    const std::vector<const char*> regulated { "ICBC", "Bank of China", "China Construction Bank", "Ping An",
        "State Grid", "China Southern Power Grid", "China Meteorological Administration",
        "Peking Union Medical College Hospital" };
    const std::vector<const char*> others { "Baidu", "Alibaba Cloud", "Tencent", "ByteDance", "Zhipu AI", "Moonshot AI",
        "DeepSeek", "iFlytek", "SenseTime", "MiniMax", "BAAI", "Meituan", "JD.com", "Kuaishou", "China Mobile",
        "China Telecom", "China Unicom", "Light Chaser Animation", "Base FX", "Mango TV", "Chinese Academy of Sciences",
        "BGI Genomics", "Tsinghua University", "Peking University", "Sinopec" };
    for (auto name : regulated) {
        m_tenants.emplace_back(name);
        m_regulated.push_back(true);
    }
    for (auto name : others) {
        m_tenants.emplace_back(name);
        m_regulated.push_back(false);
    }
    auto tenants = [&](std::initializer_list<const char*> names) {
        std::vector<std::uint16_t> ids;
        for (auto n : names)
            ids.push_back(std::uint16_t(std::find(m_tenants.begin(), m_tenants.end(), n) - m_tenants.begin()));
        return ids;
    };
    using A = std::array<double, 7>; // unspecified, NVIDIA, Ascend, Hygon, Cambricon, Kunlunxin, CPU
    using T = std::array<double, 5>; // unspecified, hub, cluster, regional, edge
    m_profiles = {
        { cpn::v1::TASK_KIND_TRAINING, 0.04, 120, 0.6, A { 0, .35, .45, .04, .08, .08, 0 }, T { 0, .4, .6, 0, 0 }, .7,
            { "llm-pretrain", "moe-pretrain", "vlm-finetune", "speech-sft", "embedding-train" },
            tenants({ "Baidu", "Alibaba Cloud", "Tencent", "ByteDance", "Zhipu AI", "Moonshot AI", "DeepSeek",
                "iFlytek", "SenseTime", "MiniMax", "BAAI" }) },
        { cpn::v1::TASK_KIND_INFERENCE, 0.36, 96, 0.7, A { 0, .3, .35, .05, .15, .15, 0 }, T { 0, .3, .2, .4, .1 }, 1,
            { "serve-chat", "serve-search-rank", "serve-asr", "serve-vision", "serve-recsys", "serve-risk",
                "serve-copilot" },
            tenants({ "Baidu", "Alibaba Cloud", "Tencent", "ByteDance", "Moonshot AI", "iFlytek", "Meituan", "JD.com",
                "Kuaishou", "China Mobile", "ICBC", "Ping An", "Bank of China",
                "Peking Union Medical College Hospital" }) },
        { cpn::v1::TASK_KIND_BATCH, 0.22, 3, 0.8, A { 0, .2, .25, .1, .05, 0, .4 }, T { 0, .3, .4, .3, 0 }, .6,
            { "etl-billing", "etl-logs", "risk-scoring", "reco-features", "report-daily", "clickstream-agg" },
            tenants({ "China Mobile", "China Telecom", "China Unicom", "State Grid", "JD.com", "Meituan", "Ping An",
                "China Construction Bank", "Kuaishou" }) },
        { cpn::v1::TASK_KIND_RENDERING, 0.10, 4, 0.6, A { 0, .6, 0, 0, 0, 0, .4 }, T { 0, .2, .6, .2, 0 }, .9,
            { "render-film", "render-ad", "render-game-cine", "render-archviz" },
            tenants({ "Light Chaser Animation", "Base FX", "Mango TV", "Tencent", "ByteDance" }) },
        { cpn::v1::TASK_KIND_SCIENTIFIC, 0.10, 10, 0.8, A { 0, .1, .25, .2, 0, 0, .45 }, T { 0, .3, .3, .4, 0 }, .7,
            { "genome-assembly", "climate-ensemble", "cfd-airfoil", "md-protein", "seismic-imaging", "weather-nwp" },
            tenants({ "Chinese Academy of Sciences", "BGI Genomics", "China Meteorological Administration",
                "Tsinghua University", "Peking University", "Sinopec" }) },
        { cpn::v1::TASK_KIND_STORAGE, 0.18, 6, 0.7, A { 0, 0, 0, 0, 0, 0, 1 }, T { 0, .3, .5, .2, 0 }, 1,
            { "backup-cold", "archive-video", "replica-db", "backup-logs" },
            tenants({ "China Telecom", "ICBC", "State Grid", "China Unicom", "Bank of China", "Mango TV",
                "China Southern Power Grid" }) },
    };

    // Per kind and architecture: sites weighted by their share of the tier's cards. Work is submitted
    // where its owners are, mostly in the east; moving it west is what the dispatchers do.
    const auto& sites = m_topology.sites;
    std::array<std::array<double, 7>, 5> tierCards {};
    for (const auto& site : sites)
        for (const auto& c : site.capacity())
            tierCards[std::size_t(site.tier())][std::size_t(c.architecture())] += c.cards();
    for (const auto& p : m_profiles) {
        for (std::size_t a = 1; a < 7; ++a) {
            if (p.architectureWeights[a] <= 0)
                continue;
            auto& picker = m_pickers[std::size_t(p.kind)][a];
            auto& western = m_westernPickers[std::size_t(p.kind)][a];
            double total = 0;
            double westernTotal = 0;
            for (std::uint32_t s = 0; s < sites.size(); ++s) {
                const auto tier = std::size_t(sites[s].tier());
                if (p.tierWeights[tier] <= 0 || tierCards[tier][a] <= 0)
                    continue;
                double cards = 0;
                for (const auto& c : sites[s].capacity())
                    if (std::size_t(c.architecture()) == a)
                        cards = c.cards();
                if (cards <= 0)
                    continue;
                const double weight = p.tierWeights[tier] * cards / tierCards[tier][a];
                const bool isWestern = m_topology.economy[s].western;
                total += weight * (isWestern ? p.westBias : 1.0);
                picker.sites.push_back(s);
                picker.cumulative.push_back(total);
                if (isWestern) {
                    westernTotal += weight;
                    western.sites.push_back(s);
                    western.cumulative.push_back(westernTotal);
                }
            }
        }
    }
    // Users sit at regional and edge sites, more of them in the east and in big cities.
    double total = 0;
    double easternTotal = 0;
    for (std::uint32_t s = 0; s < sites.size(); ++s) {
        const auto tier = sites[s].tier();
        if (tier != cpn::v1::SITE_TIER_REGIONAL && tier != cpn::v1::SITE_TIER_EDGE)
            continue;
        const double weight = tier == cpn::v1::SITE_TIER_REGIONAL ? 2.0 : 1.0;
        const bool isWestern = m_topology.economy[s].western;
        total += weight * (isWestern ? 1.0 : 2.0);
        m_usersSites.sites.push_back(s);
        m_usersSites.cumulative.push_back(total);
        if (!isWestern) {
            easternTotal += weight;
            m_easternUsersSites.sites.push_back(s);
            m_easternUsersSites.cumulative.push_back(easternTotal);
        }
    }
}

const TaskFactory::Profile& TaskFactory::profile(TaskKind kind) const
{
    for (const auto& p : m_profiles)
        if (p.kind == kind)
            return p;
    return m_profiles.front();
}

double TaskFactory::populationShare(TaskKind kind) const
{
    return profile(kind).share;
}

double TaskFactory::meanDurationSeconds(TaskKind kind) const
{
    const auto& p = profile(kind);
    return p.medianHours * 3600.0 * std::exp(p.sigma * p.sigma / 2);
}

double TaskFactory::meanCardsPerTask() const
{
    double sum = 0;
    for (const auto& p : m_profiles)
        sum += p.share * meanOf(cardChoice(p.kind, cpn::v1::ARCHITECTURE_UNSPECIFIED));
    return sum;
}

TaskKind TaskFactory::drawKind(Random& random) const
{
    std::vector<double> shares;
    for (const auto& p : m_profiles)
        shares.push_back(p.share);
    return m_profiles[std::min(random.weighted(shares), m_profiles.size() - 1)].kind;
}

bool TaskFactory::isOnline(std::uint32_t site) const
{
    return m_topology.sites[site].status() == cpn::v1::SITE_STATUS_ONLINE;
}

Architecture TaskFactory::drawArchitecture(Random& random, const Profile& p, const std::array<bool, 7>& present) const
{
    std::array<double, 7> weights {};
    for (std::size_t a = 0; a < 7; ++a)
        weights[a] = present[a] ? p.architectureWeights[a] : 0;
    const auto a = random.weighted(weights);
    return a < 7 ? Architecture(a) : cpn::v1::ARCHITECTURE_UNSPECIFIED;
}

std::uint32_t TaskFactory::drawCards(Random& random, TaskKind kind, Architecture arch) const
{
    const CardChoice choice = cardChoice(kind, arch);
    return choice.values[std::min(random.weighted(choice.weights), choice.values.size() - 1)];
}

double TaskFactory::drawDataGb(Random& random, TaskKind kind, std::uint32_t cards) const
{
    double gb = 0;
    switch (kind) {
    case cpn::v1::TASK_KIND_TRAINING:
        gb = cards * random.uniform(2, 8); // checkpoint: weights plus optimiser state
        break;
    case cpn::v1::TASK_KIND_INFERENCE:
        gb = std::clamp(random.logNormal(60, 0.8), 5.0, 400.0); // model weights
        break;
    case cpn::v1::TASK_KIND_BATCH:
        gb = random.logNormal(200, 1.0);
        break;
    case cpn::v1::TASK_KIND_RENDERING:
        gb = random.logNormal(800, 0.8);
        break;
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        gb = random.logNormal(2000, 1.0);
        break;
    default:
        gb = random.logNormal(20000, 0.8);
        break;
    }
    return std::round(gb * 10) / 10;
}

const std::vector<std::pair<std::uint32_t, double>>& TaskFactory::sitesNear(std::uint32_t usersSite)
{
    auto it = m_nearCache.find(usersSite);
    if (it != m_nearCache.end())
        return it->second;
    const auto& links = m_topology.links;
    auto near = nodesWithin(
        m_graph, usersSite,
        [&](const Hop& hop) {
            return links[hop.link].status() == cpn::v1::LINK_STATUS_DOWN || !isOnline(hop.to)
                ? -1.0
                : links[hop.link].latency_ms();
        },
        kMaxInferenceSloMs, kNearSitesKept);
    return m_nearCache.emplace(usersSite, std::move(near)).first->second;
}

bool TaskFactory::placeNearUsers(
    Random& random, TaskRecord& task, const std::vector<SiteRuntime>& sites, const Steering& steering)
{
    const SitePicker& usersSites
        = steering.easternUsers && !m_easternUsersSites.empty() ? m_easternUsersSites : m_usersSites;
    if (usersSites.empty())
        return false;
    const auto users = usersSites.pick(random);
    const std::array<double, 5> slos { 5, 8, 10, 15, 20 };
    // A surge replica serves interactive users in their city: tight SLOs.
    const double slo = slos[random.index(steering.surgeReplica ? 3 : slos.size())];
    const std::uint32_t usersRegion = m_topology.siteRegion[users];
    const std::uint8_t mask
        = m_regulated[task.tenant] && random.chance(0.6) ? std::uint8_t(1u << usersRegion) : std::uint8_t(0);

    std::vector<std::pair<std::uint32_t, double>> candidates;
    std::array<bool, 7> present {};
    for (const auto& [s, latency] : sitesNear(users)) {
        if (latency > slo || !isOnline(s) || !inRegion(mask, m_topology.siteRegion[s]))
            continue;
        candidates.emplace_back(s, latency);
        for (std::size_t a = 1; a < 7; ++a)
            present[a] = present[a] || sites[s].slots[a].installed > 0;
    }
    const auto& p = profile(task.kind);
    const Architecture arch = drawArchitecture(random, p, present);
    if (arch == cpn::v1::ARCHITECTURE_UNSPECIFIED)
        return false;
    task.architecture = arch;
    task.cards = steering.surgeReplica ? 8u << random.index(3) : drawCards(random, task.kind, arch);
    std::vector<double> weights;
    std::uint32_t biggest = candidates.front().first;
    std::uint32_t biggestCards = 0;
    for (const auto& [s, latency] : candidates) {
        const auto& slot = sites[s].slots[std::size_t(arch)];
        weights.push_back(slot.freeCards() >= task.cards ? std::sqrt(double(slot.installed)) / (1 + latency) : 0);
        if (slot.installed > biggestCards) {
            biggestCards = slot.installed;
            biggest = s;
        }
    }
    const auto chosen = random.weighted(weights);
    task.site = chosen < candidates.size() ? candidates[chosen].first : biggest;
    task.usersSite = std::int32_t(users);
    task.latencySloMs = slo;
    task.regionMask = mask;
    return true;
}

void TaskFactory::placeAnywhere(Random& random, TaskRecord& task, const std::vector<SiteRuntime>& sites, double westPull)
{
    const auto& p = profile(task.kind);
    std::array<bool, 7> present {};
    for (std::size_t a = 1; a < 7; ++a)
        present[a] = !m_pickers[std::size_t(p.kind)][a].empty();
    task.architecture = drawArchitecture(random, p, present);
    if (task.architecture == cpn::v1::ARCHITECTURE_UNSPECIFIED)
        task.architecture = cpn::v1::ARCHITECTURE_CPU;
    task.cards = drawCards(random, task.kind, task.architecture);
    const auto& westernPicker = m_westernPickers[std::size_t(p.kind)][std::size_t(task.architecture)];
    const auto& picker = westPull > 0 && !westernPicker.empty() && random.chance(westPull)
        ? westernPicker
        : m_pickers[std::size_t(p.kind)][std::size_t(task.architecture)];
    std::int64_t firstOnline = -1;
    for (int attempt = 0; attempt < 8 && !picker.empty(); ++attempt) {
        const auto s = picker.pick(random);
        if (!isOnline(s))
            continue;
        if (firstOnline < 0)
            firstOnline = s;
        if (sites[s].freeCards(task.architecture) >= task.cards) {
            task.site = s;
            firstOnline = -2;
            break;
        }
    }
    if (firstOnline >= 0) {
        task.site = std::uint32_t(firstOnline);
    } else if (firstOnline == -1) {
        // No online site drawn: take any online site with the architecture.
        for (std::uint32_t s = 0; s < sites.size(); ++s)
            if (isOnline(s) && sites[s].hasArchitecture(task.architecture)) {
                task.site = s;
                break;
            }
    }
    if (m_regulated[task.tenant] ? random.chance(0.6) : random.chance(0.05)) {
        task.regionMask = std::uint8_t(1u << m_topology.siteRegion[task.site]);
        if (random.chance(0.3))
            task.regionMask |= std::uint8_t(1u << random.index(m_topology.regions.size()));
    }
}

TaskRecord TaskFactory::create(Random& random, std::uint64_t number, TaskKind kind, std::int64_t nowMs,
    const std::vector<SiteRuntime>& sites, const Steering& steering)
{
    const auto& p = profile(kind);
    TaskRecord task;
    task.number = number;
    task.kind = kind;
    task.tenant = p.tenants[random.index(p.tenants.size())];
    task.name = std::string(p.names[random.index(p.names.size())]) + "-" + std::to_string(number);
    if (kind != cpn::v1::TASK_KIND_INFERENCE || !placeNearUsers(random, task, sites, steering))
        placeAnywhere(random, task, sites, kind == cpn::v1::TASK_KIND_INFERENCE ? 0.0 : steering.westPull);
    task.dataGb = drawDataGb(random, kind, task.cards);
    task.submittedMs = nowMs;
    const double seconds = steering.surgeReplica && kind == cpn::v1::TASK_KIND_INFERENCE
        ? std::max(600.0, random.logNormal(3600.0, 0.4))
        : std::max(600.0, random.logNormal(p.medianHours * 3600.0, p.sigma));
    task.durationMs = std::int64_t(seconds * 1000);
    task.expectedEndMs = nowMs + task.durationMs;
    return task;
}

} // namespace cpn::mock
