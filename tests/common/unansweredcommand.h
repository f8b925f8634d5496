#pragma once
// A command journal as a console that closed (or crashed) left it, for the tests of what the
// next console does with it.

#include "commandjournal.h"

#include <QDateTime>

// What a console that closed (or crashed) left in its journal: a start of a task to a site (the
// console's ids), sent once and never answered.
inline bool recordUnansweredStart(const QString& journal, const QString& scheduler, const QString& taskId,
    const QString& targetSiteId, const QString& requestId, const QString& operatorName, const QString& identity = {})
{
    cpn::CommandJournal j(journal);
    cpn::DispatchCommand c;
    c.requestId = requestId;
    c.taskId = taskId;
    c.siteId = targetSiteId;
    c.reason = QStringLiteral("before the console closed");
    c.scheduler = scheduler;
    c.operatorName = operatorName;
    c.identity = identity;
    c.createdAt = QDateTime::currentDateTime().addSecs(-60);
    c.attempts = 1;
    return j.record(c);
}
