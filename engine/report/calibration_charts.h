// The two inline SVG charts of the calibration page: the reliability of
// the out-of-fold probabilities (predicted against observed, the diagonal
// being perfect calibration), and the learned weights, each its old value
// (an open ring) and its proposal (a dot) with the 95 % interval (the
// whisker).

#ifndef DIVRISK_ENGINE_REPORT_CALIBRATION_CHARTS_H_
#define DIVRISK_ENGINE_REPORT_CALIBRATION_CHARTS_H_

#include <string>

#include "engine/learn/calibration.h"
#include "rules/plan.h"

namespace divrisk {

void AppendReliabilityChart(const learn::Calibration& c, std::string* out);
void AppendWeightChart(const Plan& plan, const learn::Calibration& c,
                       std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_CALIBRATION_CHARTS_H_
