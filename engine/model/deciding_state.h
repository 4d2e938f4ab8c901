// The deciding state: the state whose authority makes the assessment.
//
// Every assessment is made by one state, and which regional embargoes and
// registers bind depends on it. It is, in this order: the run's
// `--authority` (ReferenceData::authority_override), the case's
// `licensing_state`, the rule set's `authority.state`; when none is given it
// is derived from the case's `transaction`: the exporter's state for an
// export or re-export, the applicant's for brokering (the applicant of a
// brokering licence is the broker), and the transit or transshipment state
// for those. A transit case whose route names several transit states, and
// none where the goods change conveyance, leaves it undetermined: the
// output says so and asks for `licensing_state`.

#ifndef DIVRISK_ENGINE_MODEL_DECIDING_STATE_H_
#define DIVRISK_ENGINE_MODEL_DECIDING_STATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/case.h"
#include "engine/model/enums.h"
#include "engine/model/reference_data.h"

namespace divrisk {

enum class DecidingStateBasis : uint8_t {
  kAuthorityFlag,  // --authority
  kCase,           // the case's licensing_state
  kRuleSet,        // the rule set's authority.state
  kDerived,        // from transaction
  kUndetermined,   // transaction does not say which state
};
template <>
inline constexpr auto kEnumWords<DecidingStateBasis> =
    std::to_array<const char*>({"authority_flag", "case", "rule_set", "derived",
                                "undetermined"});

struct DecidingState {
  std::optional<CountryCode> state;  // absent when undetermined
  DecidingStateBasis basis = DecidingStateBasis::kUndetermined;
};

DecidingState ResolveDecidingState(const Case& c, const ReferenceData& ref);

// Why the state is what it is, in plain words: "CA: from --authority",
// "GB: derived: the exporter's state (transaction export)",
// "undetermined: transit through NL and GB; say which state decides with
// licensing_state or --authority".
std::string DecidingStateReason(const Case& c, const DecidingState& d);

// The transit states of the route (every leg's `to` but the last, each
// once, in route order), without the deciding state: a state is not a
// transit state of its own decision. Each with the first leg that ends
// there.
struct TransitStop {
  CountryCode country;
  size_t leg;
};
std::vector<TransitStop> TransitStops(const Case& c,
                                      const std::optional<CountryCode>& except);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_DECIDING_STATE_H_
