// The documented outcome model (outcome_model.h).

#include "engine/generate/outcome_model.h"

#include "engine/generate/case_generator.h"

namespace divrisk {

namespace {

// The model's own stream: apart from the case's, so that the case's other
// facts do not change.
constexpr uint64_t kOutcomeStream = 0x6f7574636f6d65ULL;  // "outcome"

}  // namespace

double PortableExp(double x) {
  if (x > 700) x = 700;
  if (x < -700) x = -700;
  int halvings = 0;
  while (x > 0.5 || x < -0.5) {  // exp(x) = exp(x / 2)^2
    x /= 2;
    ++halvings;
  }
  double term = 1, sum = 1;
  for (int n = 1; n <= 20; ++n) {
    term = term * x / n;
    sum += term;
  }
  while (halvings-- > 0) sum *= sum;
  return sum;
}

void ApplyOutcomeModel(uint64_t seed, uint64_t index, Case* c) {
  Prng r(MixSeed(seed ^ kOutcomeStream, index));
  bool adverse[std::size(kOutcomeDrivers)];
  bool hidden[std::size(kOutcomeDrivers)];
  double logit = kOutcomeIntercept;
  for (size_t f = 0; f < std::size(kOutcomeDrivers); ++f) {
    adverse[f] = r.Chance(kOutcomeDrivers[f].base_rate);
    hidden[f] = r.Chance(kOutcomeDrivers[f].hidden_rate);
    if (adverse[f]) logit += kOutcomeDrivers[f].log_odds;
  }
  History& h = c->history ? *c->history : c->history.emplace();
  h.post_shipment_check_failed.reset();
  if (!hidden[0]) h.post_shipment_check_failed = adverse[0];
  h.condition_breaches.reset();
  if (!hidden[1]) h.condition_breaches = adverse[1] ? 1 : 0;
  c->end_user.stockpile_security.reset();
  if (!hidden[2]) {
    c->end_user.stockpile_security =
        adverse[2] ? StockpileSecurity::kWeak : StockpileSecurity::kAdequate;
  }
  c->end_user.diversion_from_stocks_reported.reset();
  if (!hidden[3]) c->end_user.diversion_from_stocks_reported = adverse[3];

  Outcome& o = c->outcome ? *c->outcome : c->outcome.emplace();
  const uint64_t d = r.Below(100);
  o.decision = d < 70   ? Decision::kApproved
               : d < 85 ? Decision::kApprovedWithConditions
               : d < 95 ? Decision::kRefused
                        : Decision::kWithdrawn;
  const double p = 1 / (1 + PortableExp(-logit));
  const bool diverted = r.Chance(p);
  const bool recorded = r.Chance(0.85);
  o.diversion_found = DiversionFound::kUnknown;
  if (d < 85 && recorded) {
    o.diversion_found = diverted ? DiversionFound::kYes : DiversionFound::kNo;
  }
}

}  // namespace divrisk
