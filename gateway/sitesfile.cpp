#include "sitesfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <set>

namespace cpn::gateway {

namespace {

constexpr std::size_t kMaxIdBytes = 256;

// Reads the fields of one entry, remembering the first problem with the entry's name.
class Entry {
public:
    Entry(const QJsonValue& value, std::string where, std::string* error)
        : m_object(value.toObject())
        , m_where(std::move(where))
        , m_error(error)
    {
        if (!value.isObject())
            fail("is not an object");
    }

    bool ok() const { return m_ok; }
    void fail(const std::string& why)
    {
        if (m_ok && m_error)
            *m_error = m_where + ": " + why;
        m_ok = false;
    }
    // Names the entry by its id once that is known.
    void named(const std::string& id) { m_where += " \"" + id + "\""; }

    std::string text(const char* key, bool required)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(std::string("has no ") + key);
            return {};
        }
        if (!v.isString()) {
            fail(std::string(key) + " is not a string");
            return {};
        }
        std::string s = v.toString().toStdString();
        if (s.size() > kMaxIdBytes)
            fail(std::string(key) + " is longer than 256 bytes");
        return s;
    }
    double number(const char* key, double fallback, double lo, double hi, bool required = false)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(std::string("has no ") + key);
            return fallback;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(std::string(key) + " is not a number");
            return fallback;
        }
        const double d = v.toDouble();
        if (d < lo || d > hi)
            fail(std::string(key) + " " + QString::number(d).toStdString() + " is outside "
                + QString::number(lo).toStdString() + ".." + QString::number(hi).toStdString());
        return d;
    }
    bool flag(const char* key) { return m_object.value(QLatin1String(key)).toBool(); }
    QJsonArray array(const char* key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isArray())
            fail(std::string(key) + " is not an array");
        return v.toArray();
    }

private:
    QJsonObject m_object;
    std::string m_where;
    std::string* m_error;
    bool m_ok = true;
};

std::optional<cpn::v1::SiteTier> tierFromName(const std::string& name)
{
    if (name == "national_hub" || name == "hub")
        return cpn::v1::SITE_TIER_NATIONAL_HUB;
    if (name == "cluster")
        return cpn::v1::SITE_TIER_CLUSTER;
    if (name == "regional")
        return cpn::v1::SITE_TIER_REGIONAL;
    if (name == "edge")
        return cpn::v1::SITE_TIER_EDGE;
    return std::nullopt;
}

std::optional<cpn::v1::ComputeClass> computeClassFromName(const std::string& name)
{
    if (name == "general")
        return cpn::v1::COMPUTE_CLASS_GENERAL;
    if (name == "intelligent")
        return cpn::v1::COMPUTE_CLASS_INTELLIGENT;
    if (name == "supercomputing")
        return cpn::v1::COMPUTE_CLASS_SUPERCOMPUTING;
    return std::nullopt;
}

} // namespace

const SiteEntry* SitesConfig::findSite(std::string_view id) const
{
    for (const auto& s : sites)
        if (s.site.id() == id)
            return &s;
    return nullptr;
}

const SiteEntry* SitesConfig::findPartition(std::string_view partition) const
{
    for (const auto& s : sites)
        if (s.partition == partition)
            return &s;
    return nullptr;
}

std::optional<SitesConfig> parseSitesFile(std::string_view json, std::string* error)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = "not JSON: " + parseError.errorString().toStdString() + " at byte "
            + std::to_string(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = "the top level is not an object with \"sites\", \"regions\" and \"links\"";
        return std::nullopt;
    }
    const QJsonObject top = document.object();
    if (!top.value(QLatin1String("sites")).isArray() || top.value(QLatin1String("sites")).toArray().isEmpty()) {
        *error = "\"sites\" is missing or is not a non-empty array";
        return std::nullopt;
    }
    SitesConfig config;
    // One namespace for regions, sites and links: the history keys samples by id alone.
    std::set<std::string> allIds;
    std::set<std::string> regionIds;
    const QJsonArray regions = top.value(QLatin1String("regions")).toArray();
    for (qsizetype i = 0; i < regions.size(); ++i) {
        Entry e(regions[i], "regions[" + std::to_string(i) + "]", error);
        cpn::v1::Region r;
        r.set_id(e.text("id", true));
        e.named(r.id());
        r.set_name_zh(e.text("name_zh", false));
        r.set_name_en(e.text("name_en", false));
        r.set_western(e.flag("western"));
        for (const auto& p : e.array("provinces"))
            r.add_provinces(p.toString().toStdString());
        if (e.ok() && (!regionIds.insert(r.id()).second || !allIds.insert(r.id()).second))
            e.fail("the id is used twice");
        if (!e.ok())
            return std::nullopt;
        config.regions.push_back(std::move(r));
    }

    std::set<std::string> siteIds, partitions;
    const QJsonArray sites = top.value(QLatin1String("sites")).toArray();
    for (qsizetype i = 0; i < sites.size(); ++i) {
        Entry e(sites[i], "sites[" + std::to_string(i) + "]", error);
        SiteEntry entry;
        auto& s = entry.site;
        s.set_id(e.text("id", true));
        e.named(s.id());
        entry.partition = e.text("partition", false);
        if (entry.partition.empty())
            entry.partition = s.id();
        s.set_name_zh(e.text("name_zh", false));
        s.set_name_en(e.text("name_en", false));
        const std::string tier = e.text("tier", true);
        if (const auto t = tierFromName(tier))
            s.set_tier(*t);
        else if (e.ok())
            e.fail("unknown tier \"" + tier + "\" (national_hub, cluster, regional or edge)");
        s.set_region_id(e.text("region_id", !regionIds.empty()));
        if (e.ok() && !regionIds.empty() && !regionIds.count(s.region_id()))
            e.fail("unknown region_id \"" + s.region_id() + "\"");
        s.set_parent_site_id(e.text("parent_site_id", false));
        s.set_latitude(e.number("latitude", 0, -90, 90, true));
        s.set_longitude(e.number("longitude", 0, -180, 180, true));
        s.set_province(e.text("province", false));
        s.set_power_capacity_mw(e.number("power_capacity_mw", 10, 0, 100000));
        entry.pue = e.number("pue", entry.pue, 1, 5);
        entry.priceCnyPerKwh = e.number("price_cny_per_kwh", entry.priceCnyPerKwh, 0, 100);
        entry.greenShare = e.number("green_share", entry.greenShare, 0, 1);
        // Racks, storage and how capacity is reported: optional, so that older files stay valid.
        constexpr double kMaxRacks = 10'000'000;
        s.set_racks_built(std::uint32_t(std::llround(e.number("racks_built", 0, 0, kMaxRacks))));
        entry.racksInUse = std::uint32_t(
            std::llround(e.number("racks_in_use", s.racks_built(), 0, std::max<double>(s.racks_built(), 0))));
        s.set_storage_pb(e.number("storage_pb", 0, 0, 1e7));
        entry.storageUsedPb = e.number("storage_used_pb", 0, 0, s.storage_pb());
        entry.inferenceShare = e.number("inference_share", 0, 0, 1);
        if (const std::string name = e.text("compute_class", false); !name.empty()) {
            if (const auto c = computeClassFromName(name))
                entry.computeClass = *c;
            else if (e.ok())
                e.fail("unknown compute_class \"" + name + "\" (general, intelligent or supercomputing)");
        }
        if (e.ok() && (!siteIds.insert(s.id()).second || !allIds.insert(s.id()).second))
            e.fail("the id is used twice (by a region, a site or a link)");
        if (e.ok() && !partitions.insert(entry.partition).second)
            e.fail("partition \"" + entry.partition + "\" is already another site's");
        if (!e.ok())
            return std::nullopt;
        config.sites.push_back(std::move(entry));
    }
    for (std::size_t i = 0; i < config.sites.size(); ++i) {
        const auto& s = config.sites[i].site;
        if (!s.parent_site_id().empty() && !siteIds.count(s.parent_site_id())) {
            *error = "sites[" + std::to_string(i) + "] \"" + s.id() + "\": unknown parent_site_id \""
                + s.parent_site_id() + "\"";
            return std::nullopt;
        }
    }

    std::set<std::string> linkIds;
    const QJsonArray links = top.value(QLatin1String("links")).toArray();
    for (qsizetype i = 0; i < links.size(); ++i) {
        Entry e(links[i], "links[" + std::to_string(i) + "]", error);
        cpn::v1::Link l;
        l.set_id(e.text("id", true));
        e.named(l.id());
        l.set_site_a_id(e.text("site_a_id", true));
        l.set_site_b_id(e.text("site_b_id", true));
        for (const auto* end : { &l.site_a_id(), &l.site_b_id() })
            if (e.ok() && !siteIds.count(*end))
                e.fail("links to unknown site \"" + *end + "\"");
        if (e.ok() && l.site_a_id() == l.site_b_id())
            e.fail("joins a site to itself");
        l.set_capacity_gbps(e.number("capacity_gbps", 0, 0.001, 1e7, true));
        l.set_latency_ms(e.number("latency_ms", 0, 0, 10000, true));
        l.set_length_km(e.number("length_km", 0, 0, 100000));
        l.set_status(cpn::v1::LINK_STATUS_UP);
        if (e.ok() && (!linkIds.insert(l.id()).second || !allIds.insert(l.id()).second))
            e.fail("the id is used twice (by a region, a site or a link)");
        if (!e.ok())
            return std::nullopt;
        config.links.push_back(std::move(l));
    }
    return config;
}

std::optional<SitesConfig> loadSitesFile(const std::string& path, std::string* error)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + path + ": " + file.errorString().toStdString();
        return std::nullopt;
    }
    const QByteArray bytes = file.read(64 << 20);
    auto config = parseSitesFile(std::string_view(bytes.constData(), std::size_t(bytes.size())), error);
    if (!config)
        *error = path + ": " + *error;
    return config;
}

} // namespace cpn::gateway
