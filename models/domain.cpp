#include "domain.h"

namespace cpn {

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

double Site::totalPflops() const
{
    double total = 0;
    for (const auto& c : capacity)
        total += c.pflops;
    return total;
}

} // namespace cpn
