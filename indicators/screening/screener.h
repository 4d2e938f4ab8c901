// The Screener: every name of every loaded list, indexed once, and the
// screening of one party (names, aliases, type, countries, identifiers)
// against them.
//
// Index (built once, then read-only and thread-safe):
//  - every listed name and alias, normalised (normalize.h); a name with a
//    parenthesis is also indexed without it ("LEADER (HONG KONG)
//    INTERNATIONAL" -> "leader international"), and a parenthesised acronym
//    alone as a weak alias;
//  - a vocabulary of tokens with their inverse document frequency (the
//    scorer's weights), postings token -> names, a deletion-neighbourhood
//    index (every token with one letter deleted: finds a token one edit
//    away with a few hash look-ups) and a consonant-skeleton index
//    (Mohamed -> Muhammad; Arabic-script names without vowels);
//  - identifiers (IMO, aircraft registration, passport, ...) -> entries.
//
// Screening a name: candidates are the names that share a rare token (or
// one a typo or a transliteration away) with it; common tokens (df above
// kCommonTokenDf) only add to names already found. The best
// kMaxCandidates by shared token weight are scored (scorer.h): tens per
// query, not the whole list. The name score is then adjusted for entity
// type (a person is not a vessel), countries (agreement +, conflict -) and
// identifiers: an IMO or aircraft-registration match is decisive (a hit
// whatever the name), a conflicting one (same kind, other value) lowers the
// score. A score at or above `hit` is a hit; at or above `possible`, a
// possible match for review. A match on a weak alias alone is at most a
// possible match.

#ifndef DIVRISK_INDICATORS_SCREENING_SCREENER_H_
#define DIVRISK_INDICATORS_SCREENING_SCREENER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "indicators/screening/list_model.h"
#include "indicators/screening/normalize.h"
#include "indicators/screening/scorer.h"

namespace divrisk::screening {

struct ScreeningParams {
  double hit = 0.90;        // score at or above: a hit
  double possible = 0.80;   // at or above: a possible match, needs review
  int max_candidates = 24;  // names scored per query name
  int max_results = 10;     // matches returned per query (best first)
  ScorerParams scorer;
  // Adjustments to the name score.
  double type_conflict = 0.15;    // person vs entity/vessel/aircraft
  double country_agree = 0.02;    // a country in common
  double country_conflict = 0.06; // both known, none in common
  double id_conflict = 0.25;      // same IMO/registration kind, other value
  double document_match = 0.15;   // same passport / national id
};

enum class MatchLevel : uint8_t { kNone, kPossible, kHit };
const char* MatchLevelName(MatchLevel level);

// What is screened: one party.
struct ScreeningQuery {
  std::vector<std::string> names;  // its name, then its aliases
  EntityType type = EntityType::kUnknown;
  std::vector<CountryCode> countries;
  std::vector<Identifier> identifiers;  // canonical values (CanonicalId)
};

struct Match {
  uint32_t entry = 0;        // index into lists().entries
  int listed_name = -1;      // index into the entry's names; -1: by identifier
  int query_name = -1;       // index into ScreeningQuery::names; -1: by id
  double score = 0;          // after adjustments, in [0, 1]
  double name_score = 0;     // the names alone
  MatchLevel level = MatchLevel::kNone;
  std::vector<std::string> reasons;  // the adjustments, in words
};

class Screener {
 public:
  // Indexes `lists` (moved in). Build time grows linearly with the names.
  explicit Screener(ListSet lists, ScreeningParams params = {});
  ~Screener();
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  const ListSet& lists() const { return lists_; }
  const ScreeningParams& params() const { return params_; }
  size_t indexed_names() const { return names_.size(); }
  size_t vocabulary_size() const { return tokens_.size(); }

  // Matches at or above params().possible, best first, at most one per
  // entry and params().max_results in all. Thread-safe.
  std::vector<Match> Screen(const ScreeningQuery& query) const;

  // The name similarity of two free names, with this index's token weights
  // (for evaluation on labelled pairs).
  double CompareNames(std::string_view a, std::string_view b,
                      NameScoreDetail* detail = nullptr) const;

  // The level of a score under params().
  MatchLevel LevelOf(double score) const;

 private:
  struct IndexedName {
    uint32_t entry;
    uint16_t name;        // index into the entry's names
    bool weak;            // a weak alias (or an acronym)
    bool vowelless;
    uint32_t first_token;  // into name_tokens_
    uint16_t token_count;
  };
  struct QueryName;
  struct Scratch;

  void Build();
  void AddName(uint32_t entry, uint16_t name, const std::string& text,
               bool weak);
  uint32_t TokenId(const std::string& token);
  void PrepareQuery(std::string_view text, QueryName* q) const;
  void Candidates(const QueryName& q, Scratch& s,
                  std::vector<uint32_t>* out) const;
  double ScoreName(const QueryName& q, const IndexedName& n) const;
  void Adjust(const ScreeningQuery& query, const ListEntry& e,
              Match* m) const;

  ListSet lists_;
  ScreeningParams params_;

  // Vocabulary.
  std::vector<std::string> tokens_;
  std::vector<std::string> skeletons_;
  std::vector<float> weights_;
  std::vector<uint32_t> df_;
  absl::flat_hash_map<std::string, uint32_t> token_ids_;
  float unknown_weight_ = 1;

  // Names and postings (CSR: postings_[posting_start_[t] ..
  // posting_start_[t+1]) are the names holding token t).
  std::vector<IndexedName> names_;
  std::vector<uint32_t> name_tokens_;
  std::vector<uint32_t> posting_start_;
  std::vector<uint32_t> postings_;

  // Token neighbourhoods: hash of a deletion variant or of a skeleton ->
  // token ids (CSR over sorted hashes).
  struct HashIndex {
    std::vector<uint64_t> keys;     // sorted, with repeats
    std::vector<uint32_t> values;   // token ids, parallel to keys
    void Lookup(uint64_t key, std::vector<uint32_t>* out) const;
  };
  HashIndex deletions_;
  HashIndex skeleton_index_;

  // Identifiers -> entries.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_identifier_;
};

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_SCREENER_H_
