// Name similarity for screening: token-level Jaro-Winkler, rare tokens
// weighing more.
//
// Two normalised names (normalize.h) are compared token by token, in any
// order. Each pair of tokens gets a similarity: 1 when equal; Jaro-Winkler
// otherwise, raised for tokens whose consonant skeletons agree (Mohamed /
// Muhammad) and computed on skeletons alone when either name came from a
// script that does not write its vowels (Arabic, Hebrew, Thai: محمد ->
// "mhmd" against "Mohamed"); numbers must be equal; an initial matches a
// token it begins; known romanisation variants (Korean surnames, bin/ibn)
// are equal. Adjacent tokens may be merged to meet one token ("Xi Jin Ping"
// / "Xi Jinping", "van der bilt" / "vanderbilt"). Tokens are paired greedily,
// best first, and the credit of a pair (its similarity mapped from
// [floor, 1] to [0, 1]) counts with the weights of both tokens: a token's
// weight is its inverse document frequency over all listed names, so that
// "Mohammad" or "Trading" decide little and a rare surname decides much.
// Unpaired tokens count against the score, those of the longer name less
// (lists add patronymics, queries drop them).
//
//   score = sum(credit * (wq + wc)) /
//           (sum over pairs (wq + wc) + unpaired weight of the shorter name
//            + extra_penalty * unpaired weight of the longer name)

#ifndef DIVRISK_INDICATORS_SCREENING_SCORER_H_
#define DIVRISK_INDICATORS_SCREENING_SCORER_H_

#include <string>
#include <string_view>
#include <vector>

namespace divrisk::screening {

struct ScorerParams {
  double token_floor = 0.80;    // similarity at or below: no credit
  double credit_power = 1.0;    // credit = ((sim - floor)/(1 - floor))^power
  double extra_penalty = 0.5;   // weight of the longer name's unpaired tokens
  double skeleton_sim = 0.92;   // similarity when skeletons agree (Latin)
  double vowelless_factor = 0.95;  // skeleton JW discount, abjad names
  double initial_sim = 0.90;    // "A." against "Akbar"
  double merge_min = 0.90;      // merged tokens must reach this similarity
  double short_token_factor = 0.93;  // tokens of <= 4 letters, not equal
};

// Jaro-Winkler similarity (prefix scale 0.1, at most 4 characters), bytes.
double JaroWinkler(std::string_view a, std::string_view b);

// The consonant skeleton: vowels, w, y, h-after-consonant-less positions and
// v dropped, c/q/k as k, doubled letters single ("mohammed" -> "mhmd",
// "hsyn" -> "hsn", "dwd" -> "dd", "david" -> "dd").
std::string Skeleton(std::string_view token);

// True if a and b are known romanisations of one name part (Kim / Gim,
// Lee / Yi / Ri, Park / Pak / Bak, bin / ibn / ben, abdul / abd, ...).
bool RomanisationVariants(std::string_view a, std::string_view b);

// The other romanisations of `token` (empty if it has none listed).
std::vector<std::string_view> RomanisationGroup(std::string_view token);

// One token of a name as the scorer sees it.
struct ScoredToken {
  std::string_view text;
  std::string_view skeleton;
  float weight = 1;
};

// The similarity of two tokens, before the floor (see above).
double TokenSimilarity(const ScoredToken& a, const ScoredToken& b,
                       bool vowelless, const ScorerParams& p);

// Details of one name comparison, for explanations and tests.
struct NameScoreDetail {
  double score = 0;
  int paired = 0;          // token pairs with credit
  int unpaired_query = 0;  // query tokens left over
  int unpaired_candidate = 0;
};

// The similarity in [0, 1] of two names given as tokens. `vowelless`: either
// name was transliterated from a script without written vowels.
double NameScore(const std::vector<ScoredToken>& query,
                 const std::vector<ScoredToken>& candidate, bool vowelless,
                 const ScorerParams& p, NameScoreDetail* detail = nullptr);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_SCORER_H_
