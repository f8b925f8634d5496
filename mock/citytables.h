#pragma once
// Fixed facts of the national network (DOMAIN.md): hub regions, clusters and the cities that
// host regional sites.

#include <span>

namespace cpn::mock {

// One of the 8 national hub nodes and the region it serves.
struct HubFact {
    const char* regionId;
    const char* regionZh;
    const char* regionEn;
    bool western;
    const char* provinces; // space-separated province codes served by the hub
    const char* province; // province of the hub centre
    double latitude;
    double longitude;
};

// One of the 10 data-centre clusters.
struct ClusterFact {
    const char* id;
    const char* nameZh;
    const char* nameEn;
    const char* regionId;
    const char* province;
    double latitude;
    double longitude;
};

// A provincial capital or large city hosting a regional site; weight ranks its size (1..3).
struct CityFact {
    const char* key;
    const char* nameZh;
    const char* nameEn;
    const char* province;
    double latitude;
    double longitude;
    int weight;
};

std::span<const HubFact> hubFacts();
std::span<const ClusterFact> clusterFacts();
std::span<const CityFact> cityFacts();

} // namespace cpn::mock
