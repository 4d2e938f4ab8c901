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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace divrisk::screening {

struct ScorerParams {
  double token_floor = 0.70;    // similarity at or below: no credit
  double token_full = 0.96;     // similarity at or above: full credit
  double credit_power = 1.0;    // credit = ((sim - floor)/(full - floor))^power
  double extra_penalty = 0.5;   // weight of the longer name's unpaired tokens
  double skeleton_sim = 0.92;   // similarity when skeletons agree (Latin)
  double skeleton_min = 0.75;   // ... and Jaro-Winkler reaches this
  double vowelless_factor = 0.95;  // skeleton JW discount, abjad names
  double initial_sim = 0.90;    // "A." against "Akbar"
  double merge_min = 0.90;      // merged tokens must reach this similarity
  double short_token_factor = 0.93;  // tokens of <= 4 letters, not equal
};

// Tokens longer than this many bytes are compared by their first
// kMaxFuzzyToken bytes (Jaro-Winkler) times the ratio of their lengths, and
// found in the index by exact text or by that prefix: the work of one
// comparison is bounded.
inline constexpr size_t kMaxFuzzyToken = 32;

// The work this thread has done screening so far, in units a test can
// bound (bytes normalised and hashed, character comparisons, postings
// walked, token pairs scored): tests assert on it, never on time.
// (An inline thread-local counter: the hot loops count at the cost of an
// add.)
inline thread_local uint64_t screening_work_count = 0;
inline uint64_t& ScreeningWork() { return screening_work_count; }

// Jaro-Winkler similarity (prefix scale 0.1, at most 4 characters), bytes.
double JaroWinkler(std::string_view a, std::string_view b);

// The consonant skeleton: vowels, w, y and v dropped, c and q as k, x as
// ks, doubled letters single (only where adjacent); a diphthong (ai, ei,
// ay, ...) or a y between consonants is kept as y ("mohammed" -> "mhmd",
// "hussein" and "hsyn" -> "hsyn", "hassan" -> "hsn", "dwd" -> "dd",
// "david" -> "dd", "alexander" -> "lksndr").
std::string Skeleton(std::string_view token);

// True if a and b are known romanisations of one name part (Kim / Gim,
// Lee / Yi / Ri, Park / Pak / Bak, bin / ibn / ben, abdul / abd, ...).
bool RomanisationVariants(std::string_view a, std::string_view b);

// The other romanisations of `token` (empty if it has none listed).
std::vector<std::string_view> RomanisationGroup(std::string_view token);

// The romanisation group of `token` (an index), or -1.
int RomanisationGroupId(std::string_view token);

inline constexpr uint32_t kNoTokenId = 0xFFFFFFFF;

// One token of a name as the scorer sees it.
struct ScoredToken {
  std::string_view text;
  std::string_view skeleton;
  float weight = 1;
  int group = -2;            // RomanisationGroupId, or -2: not looked up
  uint32_t id = kNoTokenId;  // vocabulary id (for SimilarityCache)
  uint32_t letters = 0;      // LetterMask(text), or 0: not computed
};

// A bit per letter a-z and per digit class of `text` (bit 31: any other
// byte); never 0 for a non-empty text.
uint32_t LetterMask(std::string_view text);

// The similarity of two tokens (see above). A value below
// p.token_floor may be an upper bound rather than the exact similarity:
// below the floor a token pair earns nothing either way.
double TokenSimilarity(const ScoredToken& a, const ScoredToken& b,
                       bool vowelless, const ScorerParams& p);

// Similarities of one query name's tokens to vocabulary tokens, kept while
// that name is compared with many candidates.
// A small direct-mapped table: a collision overwrites, which only costs a
// recomputation.
class SimilarityCache {
 public:
  void Clear() {
    if (++epoch_ == 0) {
      for (Slot& s : slots_) s.epoch = 0;
      epoch_ = 1;
    }
  }
  // Returns a pointer to the cached value, or null.
  const float* Find(uint64_t key) const {
    const Slot& s = slots_[Index(key)];
    return s.epoch == epoch_ && s.key == key ? &s.value : nullptr;
  }
  void Put(uint64_t key, float value) {
    slots_[Index(key)] = {key, value, epoch_};
  }

 private:
  struct Slot {
    uint64_t key = 0;
    float value = 0;
    uint32_t epoch = 0;
  };
  static size_t Index(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 55);
  }
  Slot slots_[512];
  uint32_t epoch_ = 1;
};

// The credit of a token similarity: 0 at or below the floor, 1 at or above
// token_full, linear (to credit_power) between.
double TokenCredit(double similarity, const ScorerParams& p);

// Details of one name comparison, for explanations and tests.
struct NameScoreDetail {
  double score = 0;
  int paired = 0;          // token pairs with credit
  int unpaired_query = 0;  // query tokens left over
  int unpaired_candidate = 0;
  double heaviest_credit = 0;  // the credit of the query's heaviest token
};

// The similarity in [0, 1] of two names given as tokens. `vowelless`: either
// name was transliterated from a script without written vowels.
// With a cache, similarities of query token i to candidate tokens with a
// vocabulary id are memoised.
double NameScore(const std::vector<ScoredToken>& query,
                 const std::vector<ScoredToken>& candidate, bool vowelless,
                 const ScorerParams& p, NameScoreDetail* detail = nullptr,
                 SimilarityCache* cache = nullptr);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_SCORER_H_
