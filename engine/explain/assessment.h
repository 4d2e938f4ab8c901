// Assessment: one scored case, explained.
//
// Built from a row of BatchScores, so the explanation reads the very values
// the score came from. Contributions are in fixed point (score_math.h) and
// sum exactly to the score: one line per indicator that moved the score, one
// negative line per mitigation measure in the case.

#ifndef DIVRISK_ENGINE_EXPLAIN_ASSESSMENT_H_
#define DIVRISK_ENGINE_EXPLAIN_ASSESSMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/model/case.h"
#include "engine/scoring/executor.h"
#include "engine/scoring/score_math.h"
#include "indicators/kernel.h"
#include "rules/plan.h"

namespace divrisk {

struct Contribution {
  int indicator = -1;                   // index into Plan::indicators, or
  std::optional<Mitigation> mitigation; // a mitigation line (negative)
  double value = 0;                     // indicator value used (effective)
  bool unknown = false;                 // value is the unknown_value
  double weight = 0;                    // sum of the indicator's weights
  int64_t contribution_q = 0;
  Evidence evidence;
};

// One line of "What drives the score" on the weights' scale
// (score_lines.h): an indicator's points as its weight shows them (value x
// weight, before caps and measures), what a credited measure takes off a
// category, or what a category's cap takes off. Lines sum exactly to the
// score, and their shown tenths sum to the score shown.
struct ScoreLine {
  enum class Kind : uint8_t { kIndicator, kMeasure, kCap };
  Kind kind = Kind::kIndicator;
  int category = 0;    // index into Plan::categories
  int indicator = -1;  // kIndicator: index into Plan::indicators
  Mitigation measure = Mitigation::kPostShipmentVerification;  // kMeasure
  int64_t points_q = 0;      // exact, in 1/10000 points
  int64_t shown_tenths = 0;  // rounded to 0.1 so that the lines add up
};

struct UnknownFact {
  std::string fact;              // field path to ask about
  int64_t swing_q = 0;           // how far learning it could move the score
  int64_t low_q = 0;   // the score were it learned benign (the lowest)
  int64_t high_q = 0;  // the score were it learned adverse (the highest)
  std::vector<int> indicators;   // indicators that need it
  std::vector<int> gates;        // gates it keeps open (refer_if_unknown)
};

struct MitigationSuggestion {
  Mitigation measure = Mitigation::kPostShipmentVerification;
  int64_t score_q = 0;  // the score with this measure added
  // What the condition changes, in words: the band and/or the
  // recommendation ("band high to medium; refer becomes approve with
  // conditions"). Only measures that change one of them are suggested.
  std::string effect;
};

// A question to put before the decision: one unknown fact (or several that
// share a question), addressed to whoever can answer it.
struct Question {
  std::string addressee;  // applicant | end_user | embassy | authority
  std::string text;       // the question, case strings filled in raw
                          // (writers show them with Visible())
  int64_t swing_q = 0;    // how far the answer could move the score
  std::string fact;       // field path of the fact asked about
  std::vector<int> indicators;  // indicators the answer settles
  // The answer could change the recommendation (clear or confirm a gate
  // held open, or move the score across a band boundary).
  bool could_change_outcome = false;
};

// A measure the case lists that is not credited, and why.
struct UncreditedMeasure {
  Mitigation measure = Mitigation::kPostShipmentVerification;
  std::string reason;
};

struct HardStop {
  int gate = 0;
  Recommendation action = Recommendation::kRefuse;
  bool on_unknown = false;
  Evidence evidence;
};

struct Assessment {
  const Case* c = nullptr;
  CaseResult result;
  CategoryOutcome categories;
  std::vector<HardStop> hard_stops;
  std::vector<Contribution> contributions;  // by |contribution| descending
  // The same score on the weights' scale, by category (kFull only).
  std::vector<ScoreLine> score_lines;
  std::vector<UnknownFact> unknowns;        // by swing descending
  // The unknowns as questions, ranked: those whose answer could change the
  // recommendation first, then by swing.
  std::vector<Question> questions;
  // The recommendation's reason in one sentence ("Refer, not refuse: ...").
  std::string reason;
  std::vector<MitigationSuggestion> suggestions;  // by score ascending
  std::vector<Mitigation> conditions;  // credited measures, rule-set order
  std::vector<UncreditedMeasure> not_credited;  // in the case's word order
  // The indicator that bars every measure (unmitigable_at), or -1: nothing
  // is credited or suggested while it holds.
  int mitigation_blocker = -1;
};

// The indicator id of a contribution line, or "mitigation:<measure>".
std::string ContributionName(const Plan& plan, const Contribution& line);

// How much of an assessment to build.
enum class Detail : uint8_t {
  kSummary,  // score, categories, hard stops and contributions, no evidence
  kFull,     // also evidence, unknowns ranked and mitigation suggestions
};

// Explains row `row` of `scores`, which Executor::Score computed for a
// batch whose row `row` is `c`.
Assessment Explain(const Plan& plan, const Case& c, const BatchScores& scores,
                   int row, Detail detail = Detail::kFull);

// Scores one case and explains it in full: what assess, report, the
// service and audit verification show for a single case file.
Assessment AssessOne(const Plan& plan, const Case& c);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_EXPLAIN_ASSESSMENT_H_
