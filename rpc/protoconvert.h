#pragma once
// Conversion from the wire (cpn.v1 protobuf) to the domain structs of models/.
// Runs on the network thread so that the GUI never sees a protobuf type.

#include "capacityreport.h"
#include "domain.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

namespace cpn::convert {

Region fromProto(const v1::Region& p);
Site fromProto(const v1::Site& p);
Link fromProto(const v1::Link& p);
SiteMetrics fromProto(const v1::SiteMetrics& p);
LinkMetrics fromProto(const v1::LinkMetrics& p);
Task fromProto(const v1::Task& p);
// A task but for its site ids, allowed regions and tenant (left empty): for a caller that meets a
// million tasks of a few thousand sites and keeps one copy of each of those (TaskPages).
Task taskBody(const v1::Task& p);
// A server's text as the console holds it (bounded: a megabyte "name" is cut, not kept).
QString text(const std::string& s);
QStringList strings(const google::protobuf::RepeatedPtrField<std::string>& values);
Migration fromProto(const v1::Migration& p);
Alarm fromProto(const v1::Alarm& p);
Snapshot fromProto(const v1::Snapshot& p);
MigrationPlan fromProto(const v1::MigrationPlan& p);
DrainResult fromProto(const v1::DrainSiteResponse& p);
StateEvent fromProto(const v1::WatchEvent& p);
SiteUsage fromProto(const v1::SiteReport& p);
RegionUsage fromProto(const v1::RegionSeries& p);

} // namespace cpn::convert
