#pragma once
// The words and columns of a capacity report (capacityreport.h), one set for every place that
// shows one: the capacity review window's tables, the PDF, CSV and XLSX reports and the
// headless --report. Headers carry their units; numbers are in the interface's locale where
// they are text, and plain numbers where a spreadsheet takes them.

#include "capacityreport.h"

#include <QCoreApplication>
#include <QVariant>

#include <functional>
#include <optional>

namespace cpn {

struct ReportColumn {
    QString header; // with its unit, e.g. "Mean utilisation (%)"
    int decimals = 1; // of the number shown
    // The number in the header's unit (a share as a percentage), or a text (the name).
    std::function<QVariant(const CapacityFigures&)> value;
    // Against the policy's target where DOMAIN.md gives one: met or not; nullopt without a
    // target (or without the data to judge it).
    std::function<std::optional<bool>(const CapacityFigures&)> meetsTarget = {};
    QString target = {}; // the target in words, e.g. ">= 65 %"; empty without one
};

class CapacityWording {
    Q_DECLARE_TR_FUNCTIONS(cpn::CapacityWording)
public:
    // The columns of the regions', hubs' and busiest sites' tables, the name first.
    static QList<ReportColumn> columns();
    // A column's value as the interface shows it (locale, decimals; "—" for none).
    static QString text(const ReportColumn& column, const CapacityFigures& figures);

    // The report's heading and its particulars.
    static QString title(const CapacityReport& report);
    static QString periodText(const CapacityReport& report);
    // What the figures cover, when less than the period asked for; empty when all of it.
    static QString coverageNote(const CapacityReport& report);
    static QString typeText(Architecture architecture); // "every type" for Unknown
    // The headline figures of the whole scope: label, value (with unit), target in words (may be
    // empty), and whether it is met (nullopt: no target).
    struct Headline {
        QString label;
        QString value;
        QString target;
        std::optional<bool> met;
    };
    static QList<Headline> headlines(const CapacityReport& report);
    // A gap in a sentence.
    static QString gap(const CapacityReport& report, const ReportGap& gap);
    // How the figures were made (capacityreport.h's notes, in the reader's words).
    static QStringList methodNotes(const CapacityReport& report);
};

} // namespace cpn
