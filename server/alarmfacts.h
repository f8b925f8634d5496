#pragma once
// An alarm's particulars (types.proto: value, threshold, unit, count, related_id, detail), the
// figures a console words it from; engines keep them with the alarm whenever it is re-stated.

#include "cpn/v1/types.pb.h"

namespace cpn::server {

inline void setParticulars(cpn::v1::Alarm& alarm, const cpn::v1::Alarm& facts)
{
    alarm.set_value(facts.value());
    alarm.set_threshold(facts.threshold());
    alarm.set_unit(facts.unit());
    alarm.set_count(facts.count());
    alarm.set_related_id(facts.related_id());
    alarm.set_detail(facts.detail());
}

} // namespace cpn::server
