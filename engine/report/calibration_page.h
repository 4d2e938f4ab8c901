// The report of a calibration (`divrisk calibrate --format html`) as one
// self-contained HTML page, in the frame of the other divrisk pages: the
// AUC with its interval, precision and recall at the refer threshold now
// and as proposed, the reliability of the predicted probabilities (an
// inline SVG chart and its table), each weight old -> proposed with its
// interval (an SVG dot-and-whisker chart and a table), the unknown values
// from base rates, and the current and proposed rule sets' names, versions
// and SHA-256. Every string from a file (indicator ids, rule-set names,
// paths) is escaped; no time is written, so the same fit gives the same
// bytes.

#ifndef DIVRISK_ENGINE_REPORT_CALIBRATION_PAGE_H_
#define DIVRISK_ENGINE_REPORT_CALIBRATION_PAGE_H_

#include <string>

#include "engine/learn/calibration.h"
#include "engine/learn/calibration_report.h"
#include "rules/plan.h"

namespace divrisk {

void AppendCalibrationHtml(const Plan& plan, const learn::Calibration& c,
                           const learn::ReportContext& ctx, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_CALIBRATION_PAGE_H_
