// Plan: a compiled rule set, immutable and thread-safe.
//
// The compiler (compiler.h) builds a Plan from a rule-set directory: every
// name resolved, every parameter checked, every kernel bound to the reference
// data the Plan owns. After that nothing in it changes, so any number of
// threads may score cases against one Plan. Its identity is the SHA-256 of
// the rule set's canonical form (canonical.h): comments and layout do not
// change it, any fact or weight does.

#ifndef DIVRISK_RULES_PLAN_H_
#define DIVRISK_RULES_PLAN_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "engine/model/enums.h"
#include "engine/model/reference_data.h"
#include "indicators/kernel.h"
#include "rules/screening_coverage.h"

namespace divrisk {

namespace screening {
class Screener;  // indicators/screening/screener.h
}  // namespace screening

enum class Recommendation : uint8_t {
  kApprove, kApproveWithConditions, kRefer, kRefuse };
template <>
inline constexpr auto kEnumWords<Recommendation> = std::to_array<const char*>(
    {"approve", "approve_with_conditions", "refer", "refuse"});

struct CategorySpec {
  std::string id;
  std::string name;
  double cap = 0;  // a category never adds more than this to the score
};

// Who a question about an indicator's unknown facts is put to: the
// applicant (exporter or broker), the end user (through the applicant), the
// embassy in the destination, or the authority's own records and partners.
enum class Addressee : uint8_t { kApplicant, kEndUser, kEmbassy, kAuthority };
template <>
inline constexpr auto kEnumWords<Addressee> = std::to_array<const char*>(
    {"applicant", "end_user", "embassy", "authority"});

// An indicator's `question:` in the rule set. `text` may name the case's
// parties: {end_user}, {exporter}, {destination} (filled in, shown as data).
struct QuestionTemplate {
  Addressee to = Addressee::kApplicant;
  std::string text;
};

// One row of the rule set's `citations:` table: a reference code as the
// refs lists write it (the longest code that starts a ref wins; the rest of
// the ref is its pinpoint) and the title a letter cites it by.
struct CitationTitle {
  std::string code;   // "ATT", "CP Criterion", "WA-BRK"
  std::string title;  // "ATT Art.", "EU Common Position 2008/944/CFSP, Criterion"
};

struct IndicatorSpec {
  std::string id;
  std::string kernel_name;
  std::unique_ptr<Kernel> kernel;
  double unknown_value = 0;        // the value taken while its facts are unknown
  // At or above this known value the concern is one that no licence
  // condition answers (a forged EUC, a double paper trail, a listed party,
  // an embargo): no measure is credited for the case.
  std::optional<double> unmitigable_at;
  std::vector<std::string> refs;   // treaty articles and catalogue IDs
  std::string evidence;            // plain-words template (engine/explain)
  // What to ask when its facts are unknown; absent: engine/explain's
  // documented fallback (the applicant is asked about `evidence`).
  std::optional<QuestionTemplate> question;
};

struct BandSpec {
  std::string id;
  std::optional<double> below;     // absent on the top band
  Recommendation recommendation = Recommendation::kApprove;
  // Used instead when the lowest score the unknown facts allow lies below
  // this band: a case is not refused on facts nobody has asked for yet.
  std::optional<Recommendation> uncertain_recommendation;
};

struct GateSpec {
  std::string id;
  int indicator = 0;                 // index into Plan::indicators
  std::optional<double> refuse_at;   // value at or above which: refuse
  std::optional<double> refer_at;    // value at or above which: refer
  // Value at or above which: approve only with conditions (WA-MANPADS).
  std::optional<double> conditions_at;
  bool refer_if_unknown = false;     // an unknown value cannot clear a gate
  std::vector<std::string> refs;
  std::string reason;
};

// What must hold in the case for a measure to be credited.
enum class MitigationRequirement : uint8_t {
  kEucOnSiteInspection,     // the EUC consents to on-site inspection
  kStateEndUser,            // the end user is a state body
  kVerifiableDestruction,   // the case does not say the surplus was destroyed
                            // unverified (it cannot be verified afterwards)
  kCustomsDelivery,         // delivered where customs can certify arrival:
                            // not by airdrop, not to an airstrip
};
template <>
inline constexpr auto kEnumWords<MitigationRequirement> =
    std::to_array<const char*>({"euc_on_site_inspection", "state_end_user",
                                "verifiable_destruction", "customs_delivery"});

struct MitigationSpec {
  Mitigation measure = Mitigation::kPostShipmentVerification;
  // Indicator index, fraction of its points the measure takes off.
  std::vector<std::pair<int, double>> mitigates;
  std::vector<MitigationRequirement> requirements;
  std::vector<std::string> refs;
  std::string condition;  // the licence condition, in words
};

// Art. 7(3): judged on the category's score after only the measures that
// mitigate its indicators, before its cap applies.
struct OverridingRiskSpec {
  int category = 0;
  double threshold = 0;  // mitigated category score at/above: refuse
  std::vector<std::string> refs;
  std::string reason;
};

struct Plan {
  std::string name;
  std::string version;
  std::string sha256;  // hex, over the canonical form
  std::vector<CategorySpec> categories;
  std::vector<IndicatorSpec> indicators;
  Eigen::MatrixXd weights;  // indicators x categories
  // The weights in units of 1/10000 (rounded), as whole numbers. Values are
  // scaled alike before X * W, so every product and sum is an integer that a
  // double holds exactly: the result does not depend on the order Eigen
  // sums in, and so not on how cases are batched or threaded.
  Eigen::MatrixXd weights_fixed;
  std::vector<BandSpec> bands;  // ascending; the last has no `below`
  std::vector<GateSpec> gates;
  std::vector<MitigationSpec> mitigations;
  std::optional<OverridingRiskSpec> overriding_risk;
  std::unique_ptr<ReferenceData> reference;  // kernels point into it
  // listed_parties and the declared screening lists, indexed for fuzzy
  // screening (party_listed); shared with the kernels that screen.
  std::shared_ptr<const screening::Screener> screener;
  ScreeningCoverage screening;  // what parties are screened against
  // Letter titles of the reference codes (`citations:`), longest code
  // first. A ref no row covers is an internal catalogue id (EUC-3, PL-2):
  // shown in JSON and --verbose text only.
  std::vector<CitationTitle> citations;

  int IndicatorIndex(std::string_view id) const;  // -1 when absent
  int CategoryIndex(std::string_view id) const;   // -1 when absent
  const MitigationSpec* FindMitigation(Mitigation m) const;
  // The row of `citations` whose code starts `ref` (followed by the end or
  // a space), the longest such; nullptr for an internal id.
  const CitationTitle* FindCitation(std::string_view ref) const;
};

}  // namespace divrisk

#endif  // DIVRISK_RULES_PLAN_H_
