#include "domain.h"

#include <algorithm>

namespace cpn {

int compareTaskIds(QStringView a, QStringView b)
{
    auto digitsOnly = [](QStringView s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    const bool numberA = digitsOnly(a);
    const bool numberB = digitsOnly(b);
    if (numberA && numberB && a.size() != b.size())
        return a.size() < b.size() ? -1 : 1; // without leading zeros, the shorter number is smaller
    if (numberA != numberB && !a.isEmpty() && !b.isEmpty())
        return numberA ? -1 : 1; // numbers before other ids (as TaskOrder's sort keys have them)
    return a.compare(b);
}

int compareTasksById(const Task& a, const Task& b)
{
    if (const int c = a.platform.compare(b.platform); c != 0)
        return c;
    // A qualified id is "<platform>/<id>" (platformscope.h).
    const qsizetype skip = a.platform.isEmpty() ? 0 : a.platform.size() + 1;
    return compareTaskIds(QStringView(a.id).mid(skip), QStringView(b.id).mid(skip));
}

bool isFinished(MigrationState state)
{
    switch (state) {
    case MigrationState::Completed:
    case MigrationState::Failed:
    case MigrationState::Cancelled:
    case MigrationState::RolledBack:
        return true;
    default:
        return false;
    }
}

ComputeClass AcceleratorCapacity::classOf() const
{
    if (computeClass != ComputeClass::Unknown)
        return computeClass;
    return architecture == Architecture::Cpu ? ComputeClass::General : ComputeClass::Intelligent;
}

double Site::totalPflops() const
{
    double total = 0;
    for (const auto& c : capacity)
        total += c.pflops;
    return total;
}

} // namespace cpn
