// Precedents for one case: the most similar past cases with their decisions
// and outcomes (ATT Art. 7(1): an assessment must be objective and
// non-discriminatory, so like cases should be decided alike), a flag when
// the case is recommended for approval although most close precedents were
// refused or later found diverted, and the case's intermediaries, carriers
// and vehicles seen in earlier refused or diverted cases. What `similar`
// prints and what `assess --archive` adds to an assessment. Evidence for the
// officer; it never changes the score.

#ifndef DIVRISK_ENGINE_LEARN_PRECEDENTS_H_
#define DIVRISK_ENGINE_LEARN_PRECEDENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/learn/archive.h"
#include "engine/learn/party_network.h"
#include "engine/learn/similarity_index.h"

namespace divrisk::learn {

struct Precedent {
  std::string case_id;
  uint64_t line = 0;  // in the archive
  double distance = 0;
  Date assessed_on;
  std::optional<Decision> decision;
  DiversionFound diversion = DiversionFound::kUnknown;
  Recommendation recommendation = Recommendation::kApprove;  // by the rule set
  int64_t score_q = 0;
};

struct PrecedentReport {
  std::string archive;  // its path
  std::vector<Precedent> precedents;  // nearest first
  size_t adverse = 0;  // refused or found diverted among them
  // The recommendation approves (with or without conditions) while more than
  // half of the precedents were refused or found diverted.
  bool inconsistent = false;
  std::vector<RecurringParty> recurring;
};

// REQUIRES: `values` row `row` is `c` scored with the plan both indexes use.
PrecedentReport FindPrecedents(const Archive& archive,
                               const SimilarityIndex& similar,
                               const PartyIndex& parties, const Case& c,
                               const Eigen::MatrixXd& values, int row,
                               Recommendation recommendation, size_t k);

// Loads `archive_path` (scored with `plan`), indexes it and finds the
// precedents of `c`, scored as row `row` of `values`.
absl::StatusOr<PrecedentReport> PrecedentsFromArchive(
    const Plan& plan, const std::string& archive_path, const Case& c,
    const Eigen::MatrixXd& values, int row, Recommendation recommendation,
    size_t k, int threads);

// The "Precedents" and "Recurring intermediaries" sections of the text.
void AppendPrecedentsText(const PrecedentReport& r, std::string* out);
// The value of the assessment's `precedents` member (one JSON object).
std::string PrecedentsJson(const PrecedentReport& r);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_PRECEDENTS_H_
