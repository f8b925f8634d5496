#pragma once
// The sites file: what Slurm cannot say about a partition (where it is, what tier and region it
// belongs to, its power, price and green share) and the backbone between the sites.

#include "cpn/v1/types.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpn::gateway {

struct SiteEntry {
    cpn::v1::Site site; // capacity and status are Slurm's, filled by the gateway
    std::string partition; // the Slurm partition that is this site
    double pue = 1.3; // ratio >= 1
    double priceCnyPerKwh = 0.5;
    double greenShare = 0.3; // ratio 0..1
    // What ministry reports count (racks_built and storage_pb are in `site`). Slurm sees servers,
    // not racks: racks in use are the file's, all of those built when it gives none.
    std::uint32_t racksInUse = 0; // count
    double storageUsedPb = 0; // PB
    // How the accelerators' capacity is reported (CPU servers are general computing whatever it
    // says) and the share of it dedicated to inference serving, ratio 0..1.
    cpn::v1::ComputeClass computeClass = cpn::v1::COMPUTE_CLASS_INTELLIGENT;
    double inferenceShare = 0;
};

struct SitesConfig {
    std::vector<cpn::v1::Region> regions;
    std::vector<SiteEntry> sites;
    std::vector<cpn::v1::Link> links;

    const SiteEntry* findSite(std::string_view id) const;
    const SiteEntry* findPartition(std::string_view partition) const;
};

// Parses a sites file (JSON, see gateway/README part of the project README); nullopt and a
// message naming the entry at fault (e.g. `sites[2] "guian": unknown region_id "xx"`) when it is
// malformed, an id repeats, a reference is unknown or a figure is out of range.
std::optional<SitesConfig> parseSitesFile(std::string_view json, std::string* error);
std::optional<SitesConfig> loadSitesFile(const std::string& path, std::string* error);

} // namespace cpn::gateway
