#include "engine/model/deciding_state.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace divrisk {
namespace {

void AddOnce(std::vector<CountryCode>& v, CountryCode c) {
  if (std::find(v.begin(), v.end(), c) == v.end()) v.push_back(c);
}

// The distinct transit states, and those among them where a leg ends with
// the goods changing conveyance.
struct Stops {
  std::vector<CountryCode> transit;
  std::vector<CountryCode> transshipment;
};

Stops RouteStops(const Case& c) {
  Stops s;
  if (!c.transport || c.transport->legs.size() < 2) return s;
  const std::vector<Leg>& legs = c.transport->legs;
  for (size_t i = 0; i + 1 < legs.size(); ++i) {
    AddOnce(s.transit, legs[i].to);
    if (legs[i].transshipment == true) AddOnce(s.transshipment, legs[i].to);
  }
  return s;
}

// The state derived from the transaction, or nullopt.
std::optional<CountryCode> Derive(const Case& c) {
  switch (c.transaction) {
    case Transaction::kExport:
    case Transaction::kReExport:
    case Transaction::kBrokering:
      return c.exporter.country;
    case Transaction::kTransit:
    case Transaction::kTransshipment: {
      const Stops s = RouteStops(c);
      const bool ship = c.transaction == Transaction::kTransshipment;
      const std::vector<CountryCode>& first =
          ship ? s.transshipment : s.transit;
      const std::vector<CountryCode>& second =
          ship ? s.transit : s.transshipment;
      if (first.size() == 1) return first[0];
      if (second.size() == 1) return second[0];
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string Codes(const std::vector<CountryCode>& v) {
  std::vector<std::string> words;
  for (CountryCode c : v) words.emplace_back(c.view());
  return absl::StrJoin(words, ", ");
}

}  // namespace

DecidingState ResolveDecidingState(const Case& c, const ReferenceData& ref) {
  if (ref.authority_override) {
    return {ref.authority_override, DecidingStateBasis::kAuthorityFlag};
  }
  if (c.licensing_state) return {c.licensing_state, DecidingStateBasis::kCase};
  if (ref.authority_state) {
    return {ref.authority_state, DecidingStateBasis::kRuleSet};
  }
  if (std::optional<CountryCode> d = Derive(c)) {
    return {d, DecidingStateBasis::kDerived};
  }
  return {std::nullopt, DecidingStateBasis::kUndetermined};
}

std::string DecidingStateReason(const Case& c, const DecidingState& d) {
  const std::string word =
      kEnumWords<Transaction>[static_cast<size_t>(c.transaction)];
  const std::string state = d.state ? std::string(d.state->view()) : "";
  switch (d.basis) {
    case DecidingStateBasis::kAuthorityFlag:
      return absl::StrCat(state, ": given with --authority");
    case DecidingStateBasis::kCase:
      return absl::StrCat(state, ": the case's licensing_state");
    case DecidingStateBasis::kRuleSet:
      return absl::StrCat(state, ": the rule set's authority.state");
    case DecidingStateBasis::kDerived:
      switch (c.transaction) {
        case Transaction::kExport:
        case Transaction::kReExport:
          return absl::StrCat(state, ": assumed, the exporter's state (",
                              "transaction ", word, ")");
        case Transaction::kBrokering:
          return absl::StrCat(state, ": assumed, the applicant's state (",
                              "transaction brokering: the applicant is the ",
                              "broker)");
        case Transaction::kTransit:
        case Transaction::kTransshipment: {
          const Stops s = RouteStops(c);
          const bool changes = s.transshipment.size() == 1 && d.state &&
                               s.transshipment[0] == *d.state;
          return absl::StrCat(state, ": assumed, ",
                              changes ? "the state where the goods change "
                                        "conveyance"
                                      : "the only transit state of the route",
                              " (transaction ", word, ")");
        }
      }
      break;
    case DecidingStateBasis::kUndetermined:
      break;
  }
  const Stops s = RouteStops(c);
  return absl::StrCat(
      "undetermined: transaction ", word,
      s.transit.empty()
          ? " with no transit state on the route"
          : absl::StrCat(" through ", Codes(s.transit),
                         " and no single state where the goods change "
                         "conveyance"),
      "; give licensing_state in the case or --authority");
}

std::vector<TransitStop> TransitStops(
    const Case& c, const std::optional<CountryCode>& except) {
  std::vector<TransitStop> out;
  if (!c.transport || c.transport->legs.empty()) return out;
  const std::vector<Leg>& legs = c.transport->legs;
  for (size_t i = 0; i + 1 < legs.size(); ++i) {
    const CountryCode to = legs[i].to;
    if (except && to == *except) continue;
    if (std::none_of(out.begin(), out.end(),
                     [&](const TransitStop& s) { return s.country == to; })) {
      out.push_back({to, i});
    }
  }
  return out;
}

}  // namespace divrisk
