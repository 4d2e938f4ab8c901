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
// Screening a name: candidates are the names that share enough of its token
// weight (prefix filtering: only the neighbours of its heaviest tokens, the
// tokens themselves or one edit or a transliteration away, have their
// postings walked; lighter tokens add to the names found). The best
// max_candidates (12) by estimated score are scored (scorer.h): a few per
// query, not the whole list. The name score is then adjusted for entity
// type (a person is not a vessel), countries (agreement +, conflict -) and
// identifiers: an IMO or aircraft-registration match is decisive (a hit
// whatever the name), a conflicting one (same kind, other value) lowers the
// score. A score at or above `hit` is a hit; at or above `possible`, a
// possible match for review. A weak alias counts only when its name score
// reaches `hit`, and then as a possible match.

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
  double possible = 0.82;   // at or above: a possible match, needs review
  int max_candidates = 12;  // names scored per query name
  int max_results = 10;     // matches returned per query (best first)
  // Below this many indexed names a list set is too small to tell common
  // words from rare ones ("Global", "Logistics" once each among a dozen
  // names): word weights then count the names of a background corpus too,
  // the document frequencies of the published lists bundled in
  // background_frequencies.inc (33,095 names), and a hit needs the query's
  // heaviest word to match in full (else: a possible match). 0: never.
  size_t background_below = 2000;
  ScorerParams scorer;
  // Adjustments to the name score.
  double type_conflict = 0.15;    // person vs entity/vessel/aircraft
  double country_agree = 0.02;    // a country in common
  double country_conflict = 0.12; // both known, none in common (an exact
                                  // name stays a hit)
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
  // An organ of a state (armed forces, police, a ministry): its state is
  // part of its identity, so a listed body of another state is not it.
  bool state_body = false;
};

struct Match {
  uint32_t entry = 0;        // index into lists().entries
  int listed_name = -1;      // index into the entry's names; -1: by identifier
  int query_name = -1;       // index into ScreeningQuery::names; -1: by id
  double score = 0;          // after adjustments, in [0, 1]
  double name_score = 0;     // the names alone
  bool exact = false;        // the names are equal once normalised
  uint8_t disguise = 0;      // how the query name hid (Disguise bits)
  bool reading = false;      // found by a Korean or Japanese reading of
                             // Han characters (han_readings.h)
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
  // The weight (inverse document frequency) of a normalised token; an
  // unlisted token weighs as the rarest.
  double TokenWeight(std::string_view token) const;
  // Whether the word weights count the background corpus.
  bool background_weights() const { return background_; }

  // Matches at or above params().possible, best first, at most one per
  // entry and params().max_results in all. Thread-safe.
  std::vector<Match> Screen(const ScreeningQuery& query) const;

  // The same without the per-thread result cache of Screen: the matcher's
  // own speed, for benchmarks.
  std::vector<Match> ScreenUncached(const ScreeningQuery& query) const;
  // The same without the candidate index: every listed name is scored.
  // Slow; for tests of the index's recall.
  std::vector<Match> ScreenExhaustively(const ScreeningQuery& query) const;

  // The name similarity of two free names of one entity type, with this
  // index's token weights (for evaluation on labelled pairs).
  double CompareNames(std::string_view a, std::string_view b,
                      NameScoreDetail* detail = nullptr,
                      EntityType type = EntityType::kUnknown) const;

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
  // Names are indexed and queried by their first kMaxTokens tokens.
  static constexpr size_t kMaxTokens = 16;
 public:
  // Tokens longer than this many bytes have no deletion neighbourhood and
  // no skeleton look-up: they are found by their exact text or by their
  // first kMaxFuzzyToken bytes (kMaxFuzzyToken in scorer.h), so the work
  // per token is bounded whatever its length.
  static constexpr size_t kMaxNeighbourhoodToken = kMaxFuzzyToken;
  // Other readings tried per query name (han_readings.h): at most three.
  static constexpr size_t kMaxReadings = 3;

 private:

  void Build();
  void AddName(uint32_t entry, uint16_t name, const std::string& text,
               bool weak, bool person);
  uint32_t TokenId(const std::string& token);
  void PrepareQuery(std::string_view text, bool person, QueryName* q) const;
  // Vocabulary tokens similar to `t` (above the scorer's floor), best first.
  void FindNeighbours(std::string_view t, std::string_view skeleton,
                      bool vowelless, bool merged, uint32_t exact,
                      std::vector<uint32_t>* found,
                      std::vector<std::pair<uint32_t, float>>* out) const;
  void Candidates(const QueryName& q, Scratch& s,
                  std::vector<uint32_t>* out) const;
  double ScoreName(QueryName& q, const IndexedName& n,
                   NameScoreDetail* detail = nullptr) const;
  bool SameTokens(const QueryName& q, const IndexedName& n) const;
  // Applies type, country and identifier evidence; true when an IMO or
  // aircraft registration decided the match.
  bool Adjust(const ScreeningQuery& query, const ListEntry& e,
              Match* m) const;
  std::vector<Match> Run(const ScreeningQuery& query, bool exhaustive) const;

  ListSet lists_;
  ScreeningParams params_;
  // Unique per screener in the process: keys the per-thread result cache.
  uint64_t id_;

  // Vocabulary.
  std::vector<std::string> tokens_;
  std::vector<std::string> skeletons_;
  std::vector<float> weights_;
  std::vector<uint32_t> df_;
  std::vector<int16_t> groups_;  // RomanisationGroupId
  std::vector<uint32_t> letters_;  // LetterMask
  absl::flat_hash_map<std::string, uint32_t> token_ids_;
  float unknown_weight_ = 1;
  bool background_ = false;

  // Names and postings (CSR: postings_[posting_start_[t] ..
  // posting_start_[t+1]) are the names holding token t).
  std::vector<IndexedName> names_;
  std::vector<float> name_weight_;  // sum of its tokens' weights
  std::vector<uint32_t> name_tokens_;
  std::vector<uint32_t> posting_start_;
  std::vector<uint32_t> postings_;

  // Token neighbourhoods: hash of a deletion variant or of a skeleton ->
  // token ids (CSR over sorted hashes).
  struct HashIndex {
    absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>> ranges;
    std::vector<uint32_t> values;   // token ids, grouped by key
    void Lookup(uint64_t key, std::vector<uint32_t>* out,
                uint32_t max = 0xFFFFFFFF) const;
  };
  HashIndex deletions_;
  HashIndex skeleton_index_;
  HashIndex prefixes_;  // tokens longer than kMaxFuzzyToken, by prefix
  // Each vocabulary token's neighbours (CSR), for queries of listed tokens.
  std::vector<uint32_t> neighbour_start_;
  std::vector<std::pair<uint32_t, float>> neighbours_;

  // Identifiers -> entries.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_identifier_;
};

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_SCREENER_H_
