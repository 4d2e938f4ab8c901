// The outcome model of `divrisk generate --outcome-model`: outcomes drawn
// from known true weights and known base rates, so that `divrisk calibrate`
// can be tested against the truth (engine/generate/README.md, "Outcome
// model").
//
// For each case, from a stream of its own (so the rest of the case is the
// same bytes with or without the model), every driver fact below is drawn
// adverse with its base rate, then hidden (left out: unknown) with its
// hidden rate, independently of its value. The decision is approved 70 %,
// approved with conditions 15 %, refused 10 %, withdrawn 5 %; a delivered
// case (approved, with or without conditions) has its diversion found with
//   P(yes) = 1 / (1 + exp(-(kOutcomeIntercept + sum_f log_odds_f * adverse_f)))
// using the true fact, hidden or not, and recorded (yes or no) 85 % of the
// time, else `unknown`; a case not delivered records `unknown`. Nothing
// else in the case moves the outcome, so a fit on the indicator matrix
// should find each driver's indicator at its log-odds and every other
// indicator near zero.

#ifndef DIVRISK_ENGINE_GENERATE_OUTCOME_MODEL_H_
#define DIVRISK_ENGINE_GENERATE_OUTCOME_MODEL_H_

#include <cstdint>

#include "engine/model/case.h"

namespace divrisk {

struct OutcomeDriver {
  const char* fact;       // the case field the model sets
  const char* indicator;  // the att-default indicator that reads it (0 or 1)
  double base_rate;       // P(adverse)
  double hidden_rate;     // P(left out), independent of the value
  double log_odds;        // its true weight, in log-odds of diversion
};

inline constexpr OutcomeDriver kOutcomeDrivers[] = {
    {"history.post_shipment_check_failed", "EU-5.post_shipment_check_failed",
     0.10, 0.20, 2.0},
    {"history.condition_breaches", "EU-5.condition_breaches", 0.15, 0.20, 1.2},
    {"end_user.stockpile_security", "RS-2.stockpile_security", 0.30, 0.20, 0.8},
    {"end_user.diversion_from_stocks_reported", "EU-5.stocks_leakage", 0.12,
     0.20, 1.6},
};
inline constexpr double kOutcomeIntercept = -2.5;

// Sets the driver facts and the outcome of case `index` of `seed`.
void ApplyOutcomeModel(uint64_t seed, uint64_t index, Case* c);

// exp(x) from + - * / only, in a fixed order: the same bits on every IEEE
// platform (the generator uses no library transcendental function).
double PortableExp(double x);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_GENERATE_OUTCOME_MODEL_H_
