// Screening with the Screener's index (screener.h): a query name prepared
// against the vocabulary, candidates by prefix filtering over its tokens'
// weights, names scored and adjusted by type, country and identifier
// evidence, and the per-thread cache of recent results. The index itself is
// built in screener_index.cc.

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "indicators/screening/han_readings.h"
#include "indicators/screening/screener.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

// A candidate must share at least this fraction of the query's weight
// (credit-weighted). With shared query weight A of W, the name score is at
// most 2A / (2A + penalty * (W - A)); for it to reach the possible-match
// threshold (0.82, less 0.02 that a country can add) with the longer
// name's penalty (0.5), A >= 0.5 W.
constexpr double kMinSharedWeight = 0.5;

}  // namespace

const char* MatchLevelName(MatchLevel level) {
  switch (level) {
    case MatchLevel::kNone:
      return "no match";
    case MatchLevel::kPossible:
      return "possible match";
    case MatchLevel::kHit:
      return "hit";
  }
  return "no match";
}

// A prepared query name: tokens with weights and vocabulary neighbours.
struct Screener::QueryName {
  std::vector<std::string> text;
  std::vector<std::string> skeleton;
  std::vector<ScoredToken> scored;
  bool vowelless = false;
  uint8_t disguise = 0;
  // For each token (and then each adjacent pair, merged): vocabulary tokens
  // close to it and their similarity.
  struct Lookup {
    float weight = 0;
    std::vector<std::pair<uint32_t, float>> neighbours;
  };
  std::vector<Lookup> lookups;
  double total_weight = 0;
  SimilarityCache cache;
};

struct Screener::Scratch {
  // One per indexed name: (epoch << 6 | last lookup + 1) and the shared
  // weight found so far.
  struct Slot {
    uint32_t tag = 0;
    float acc = 0;
  };
  std::vector<Slot> slots;
  std::vector<uint32_t> touched;
  std::vector<std::pair<uint32_t, std::pair<uint32_t, float>>> common;
  struct Mark {
    uint32_t epoch = 0;
    uint32_t first = 0;  // first index in `common` with this token
  };
  std::vector<Mark> marks;  // by vocabulary token
  std::vector<uint32_t> order;
  std::vector<float> after;
  std::vector<uint32_t> maybe;
  uint32_t epoch = 0;

  void Ensure(size_t n) {
    if (slots.size() < n) slots.resize(n);
  }
};

void Screener::PrepareQuery(std::string_view text, bool person,
                            QueryName* q) const {
  ScreeningWork() += text.size();
  NormalizedName nn = Normalize(text, person);
  if (nn.tokens.size() > kMaxTokens) nn.tokens.resize(kMaxTokens);
  q->vowelless = nn.vowelless();
  q->disguise = nn.disguise;
  q->text = std::move(nn.tokens);
  const size_t n = q->text.size();
  // Lookups: each token, then each adjacent pair merged.
  for (size_t i = 0; i + 1 < n; ++i) {
    q->text.push_back(q->text[i] + q->text[i + 1]);
  }
  q->skeleton.clear();
  for (const std::string& t : q->text) q->skeleton.push_back(Skeleton(t));
  q->lookups.resize(q->text.size());
  for (QueryName::Lookup& l : q->lookups) l.neighbours.clear();
  thread_local std::vector<uint32_t> exact_ids;
  exact_ids.assign(n, kNoTokenId);
  thread_local std::vector<uint32_t> found;
  for (size_t i = 0; i < q->text.size(); ++i) {
    const std::string& t = q->text[i];
    QueryName::Lookup& lookup = q->lookups[i];
    auto exact = token_ids_.find(t);
    const uint32_t qt_exact =
        exact != token_ids_.end() ? exact->second : kNoTokenId;
    if (i < n) exact_ids[i] = qt_exact;
    const bool merged = i >= n;
    if (qt_exact != kNoTokenId && !merged && !q->vowelless) {
      // A listed token: its neighbours were found when the index was built.
      for (uint32_t k = neighbour_start_[qt_exact];
           k < neighbour_start_[qt_exact + 1]; ++k) {
        lookup.neighbours.push_back(neighbours_[k]);
      }
    } else {
      FindNeighbours(t, q->skeleton[i], q->vowelless, merged, qt_exact, &found,
                     &lookup.neighbours);
    }
    float best_sim = 0, best_weight = unknown_weight_;
    for (const auto& [v, sim] : lookup.neighbours) {
      if (sim > best_sim) {
        best_sim = sim;
        best_weight = weights_[v];
      }
    }
    // A token not in the lists weighs as its closest listed token when
    // that is close (a typo of a common word stays common), else as the
    // rarest (or, with background weights, as the background says).
    lookup.weight = exact != token_ids_.end() ? weights_[exact->second]
                    : best_sim >= 0.9         ? best_weight
                    : background_ ? static_cast<float>(TokenWeight(t))
                                  : unknown_weight_;
  }
  for (size_t i = n; i < q->text.size(); ++i) {
    q->lookups[i].weight =
        std::max(q->lookups[i - n].weight, q->lookups[i - n + 1].weight);
  }
  q->scored.clear();
  q->total_weight = 0;
  q->cache.Clear();
  for (size_t i = 0; i < n; ++i) {
    q->scored.push_back({q->text[i], q->skeleton[i], q->lookups[i].weight,
                         RomanisationGroupId(q->text[i]), exact_ids[i],
                         LetterMask(q->text[i])});
    q->total_weight += q->lookups[i].weight;
  }
}

void Screener::Candidates(const QueryName& q, Scratch& s,
                          std::vector<uint32_t>* out) const {
  out->clear();
  s.Ensure(names_.size());
  ++s.epoch;
  if (s.epoch >= (1u << 26)) {  // wrapped: clear the tags
    for (Scratch::Slot& slot : s.slots) slot.tag = 0;
    s.epoch = 1;
  }
  s.touched.clear();
  const ScorerParams& sp = params_.scorer;
  auto credit = [&](float sim) {
    return static_cast<float>(TokenCredit(sim, sp));
  };
  const uint32_t epoch_tag = s.epoch << 6;
  auto add = [&](uint32_t name, uint32_t lookup, float value) {
    Scratch::Slot& slot = s.slots[name];
    const uint32_t tag = epoch_tag | ((lookup + 1) & 63);
    if ((slot.tag & ~63u) != epoch_tag) {
      slot.acc = 0;
      s.touched.push_back(name);
    } else if (slot.tag == tag) {
      return;  // one credit per query token
    }
    slot.tag = tag;
    slot.acc += value;
  };
  // A candidate must share at least min_shared of the query's weight
  // (prefix filtering, with the tokens by weight, heaviest first). Merged
  // pairs are always walked.
  const float min_shared =
      static_cast<float>(kMinSharedWeight * q.total_weight);
  const size_t n = q.scored.size();
  auto& order = s.order;
  order.clear();
  for (uint32_t i = 0; i < n; ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return q.lookups[a].weight > q.lookups[b].weight;
  });
  // after[i]: the weight of the tokens after i in that order. A name first
  // found through neighbour v of token i shares at most
  // credit(v) * w_i + after[i]: walk v's postings only if that can reach
  // min_shared, else let v add to names found otherwise (phase 2).
  auto& after = s.after;
  after.assign(q.lookups.size(), 0);
  double suffix = 0;
  for (size_t k = order.size(); k-- > 0;) {
    after[order[k]] = static_cast<float>(suffix);
    suffix += q.lookups[order[k]].weight;
  }
  // Phase 1: walk the postings of the neighbours that can start a
  // candidate.
  auto& rest = s.common;
  rest.clear();
  uint64_t walked = 0;  // postings walked (ScreeningWork, added once)
  for (uint32_t i = 0; i < q.lookups.size(); ++i) {
    const QueryName::Lookup& l = q.lookups[i];
    const bool merged = i >= n;
    for (const auto& [token, sim] : l.neighbours) {
      const float value = l.weight * credit(sim);
      if (!merged && value + after[i] < min_shared) {
        rest.push_back({i, {token, sim}});
        continue;
      }
      walked += posting_start_[token + 1] - posting_start_[token];
      for (uint32_t p = posting_start_[token]; p < posting_start_[token + 1];
           ++p) {
        add(postings_[p], i, value);
      }
    }
  }
  ScreeningWork() += walked + rest.size();
  // The most the other tokens can add (rest_max). A name at or above
  // min_shared already qualifies; one below it may reach it with them.
  float rest_max = 0;
  {
    // One pass: the best credit of each lookup among the rest.
    std::array<float, 2 * kMaxTokens> best{};
    for (const auto& [li, ts] : rest) {
      best[li] = std::max(best[li], q.lookups[li].weight * credit(ts.second));
    }
    for (uint32_t i = 0; i < q.lookups.size(); ++i) rest_max += best[i];
  }
  auto& maybe = s.maybe;
  maybe.clear();
  for (uint32_t name : s.touched) {
    const float acc = s.slots[name].acc;
    if (acc >= min_shared) {
      out->push_back(name);
    } else if (acc + rest_max >= min_shared) {
      maybe.push_back(name);
    }
  }
  const size_t k = static_cast<size_t>(params_.max_candidates);
  // Phase 2: the other tokens add to the names that may qualify (a name's
  // tokens are checked against marks on the vocabulary).
  if (!rest.empty()) {
    if (s.marks.size() < tokens_.size()) s.marks.resize(tokens_.size());
    // Grouped by token, so that a name's token finds its entries in one
    // run (not by scanning the rest of the list for each token).
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
      return a.second.first != b.second.first
                 ? a.second.first < b.second.first
                 : a.first < b.first;
    });
    for (uint32_t c = 0; c < rest.size(); ++c) {
      Scratch::Mark& m = s.marks[rest[c].second.first];
      if (m.epoch != s.epoch) m = {s.epoch, c};
    }
    auto phase2 = [&](uint32_t name) {
      const IndexedName& nm = names_[name];
      uint64_t credited = 0;  // lookups already credited to this name
      for (uint32_t t = 0; t < nm.token_count; ++t) {
        const uint32_t token = name_tokens_[nm.first_token + t];
        const Scratch::Mark& m = s.marks[token];
        if (m.epoch != s.epoch) continue;
        for (uint32_t c = m.first;
             c < rest.size() && rest[c].second.first == token; ++c) {
          const uint32_t i = rest[c].first;
          if (credited >> (i & 63) & 1) continue;
          credited |= uint64_t{1} << (i & 63);
          s.slots[name].acc +=
              q.lookups[i].weight * credit(rest[c].second.second);
        }
      }
    };
    for (uint32_t name : *out) phase2(name);
    for (uint32_t name : maybe) {
      phase2(name);
      if (s.slots[name].acc >= min_shared) out->push_back(name);
    }
  }
  // Ranked by an estimate of the name score: the shared weight counted on
  // both sides, over both names' weights (a long name sharing the same
  // tokens ranks below a short one).
  if (out->size() > k) {
    auto estimate = [&](uint32_t name) {
      return s.slots[name].acc / (q.total_weight + name_weight_[name]);
    };
    std::nth_element(
        out->begin(), out->begin() + static_cast<long>(k), out->end(),
        [&](uint32_t a, uint32_t b) { return estimate(a) > estimate(b); });
    out->resize(k);
  }
}

bool Screener::SameTokens(const QueryName& q, const IndexedName& n) const {
  if (q.scored.size() != n.token_count) return false;
  std::array<uint32_t, kMaxTokens> a{}, b{};
  for (size_t i = 0; i < q.scored.size(); ++i) {
    if (q.scored[i].id == kNoTokenId) return false;
    a[i] = q.scored[i].id;
    b[i] = name_tokens_[n.first_token + i];
  }
  std::sort(a.begin(), a.begin() + n.token_count);
  std::sort(b.begin(), b.begin() + n.token_count);
  return a == b;
}

double Screener::ScoreName(QueryName& q, const IndexedName& n,
                           NameScoreDetail* detail) const {
  thread_local std::vector<ScoredToken> candidate;
  candidate.clear();
  for (uint32_t i = 0; i < n.token_count; ++i) {
    const uint32_t t = name_tokens_[n.first_token + i];
    candidate.push_back(
        {tokens_[t], skeletons_[t], weights_[t], groups_[t], t, letters_[t]});
  }
  return NameScore(q.scored, candidate, q.vowelless || n.vowelless,
                   params_.scorer, detail, &q.cache);
}

MatchLevel Screener::LevelOf(double score) const {
  if (score >= params_.hit) return MatchLevel::kHit;
  if (score >= params_.possible) return MatchLevel::kPossible;
  return MatchLevel::kNone;
}

bool Screener::Adjust(const ScreeningQuery& query, const ListEntry& e,
                      Match* m) const {
  bool decisive = false;  // an IMO or aircraft registration matched
  auto person = [](EntityType t) { return t == EntityType::kPerson; };
  if (query.type != EntityType::kUnknown && e.type != EntityType::kUnknown &&
      query.type != e.type &&
      (person(query.type) || person(e.type) ||
       // an entity may own a vessel of its name; vessel vs aircraft differ
       (query.type != EntityType::kEntity && e.type != EntityType::kEntity))) {
    m->score -= params_.type_conflict;
    m->reasons.push_back(absl::StrCat("entity type differs (",
                                      EntityTypeName(query.type), " / listed ",
                                      EntityTypeName(e.type), ")"));
  }
  if (!query.countries.empty() && !e.countries.empty()) {
    std::string common;
    for (CountryCode c : query.countries) {
      if (std::find(e.countries.begin(), e.countries.end(), c) !=
          e.countries.end()) {
        common = std::string(c.view());
        break;
      }
    }
    if (!common.empty()) {
      m->score += params_.country_agree;
      m->reasons.push_back(absl::StrCat("country agrees (", common, ")"));
    } else {
      // A different country makes a fuzzy match less likely; an exact name
      // stays a hit (listed companies re-register abroad, fronts borrow
      // addresses): the officer sees the conflict among the reasons. Not
      // for a state body: Malaysia's "Ministry of Defence" is not the
      // DPRK's, whatever the names.
      m->score -= params_.country_conflict;
      if (query.state_body) {
        m->score = 0;
      } else if (m->exact) {
        m->score = std::max(m->score, params_.hit);
      }
      std::vector<std::string> listed;
      for (CountryCode c : e.countries) listed.emplace_back(c.view());
      m->reasons.push_back(absl::StrCat("country differs (listed ",
                                        absl::StrJoin(listed, ", "), ")"));
    }
  }
  for (const Identifier& q : query.identifiers) {
    for (const Identifier& l : e.identifiers) {
      if (q.kind != l.kind) continue;
      const bool vehicle = q.kind == IdKind::kImo || q.kind == IdKind::kIcao;
      if (q.value == l.value) {
        if (vehicle) {
          m->score = 1;
          decisive = true;
        } else if (q.kind == IdKind::kPassport ||
                   q.kind == IdKind::kNationalId) {
          m->score += params_.document_match;
        } else {
          continue;
        }
        m->reasons.push_back(
            absl::StrCat(IdKindName(q.kind), " ", q.value, " matches"));
      } else if (vehicle &&
                 std::none_of(e.identifiers.begin(), e.identifiers.end(),
                              [&](const Identifier& other) {
                                return other.kind == q.kind &&
                                       other.value == q.value;
                              })) {
        m->score -= params_.id_conflict;
        m->reasons.push_back(absl::StrCat(IdKindName(q.kind), " differs (",
                                          q.value, " / listed ", l.value, ")"));
      }
    }
  }
  m->score = decisive ? 1.0 : std::clamp(m->score, 0.0, 1.0);
  return decisive;
}

namespace {

// Everything a query's result depends on, as bytes, into *key (its
// storage reused).
void QueryKey(uint64_t screener, const ScreeningQuery& q, std::string* out) {
  std::string& key = *out;
  key.clear();
  absl::StrAppend(&key, screener, "|", static_cast<int>(q.type), "|",
                  q.state_body ? 1 : 0);
  for (const std::string& n : q.names) absl::StrAppend(&key, "|n", n);
  for (CountryCode c : q.countries) {
    key.append("|c").append(c.view());
  }
  for (const Identifier& id : q.identifiers) {
    absl::StrAppend(&key, "|i", static_cast<int>(id.kind), id.value);
  }
}

}  // namespace

std::vector<Match> Screener::Screen(const ScreeningQuery& query) const {
  // An archive names the same exporters, carriers and end users again and
  // again: each thread remembers the results of its recent queries. The
  // result is a function of the query and the screener alone, so the cache
  // changes nothing but the time. It keeps two generations: when the
  // current one is full it becomes the previous one, and a query found
  // there moves back, so the names in use survive while memory stays
  // bounded (at most twice kCacheEntries) whatever the archive's size.
  constexpr size_t kCacheEntries = 1 << 14;
  using Cache = absl::flat_hash_map<std::string, std::vector<Match>>;
  thread_local Cache current, previous;
  thread_local std::string key;
  QueryKey(id_, query, &key);
  if (auto it = current.find(key); it != current.end()) return it->second;
  std::vector<Match> matches;
  if (auto it = previous.find(key); it != previous.end()) {
    matches = std::move(it->second);
    previous.erase(it);
  } else {
    matches = Run(query, false);
  }
  if (current.size() >= kCacheEntries) {
    previous = std::move(current);
    current = Cache();
  }
  current.emplace(key, matches);
  return matches;
}

std::vector<Match> Screener::ScreenUncached(const ScreeningQuery& query) const {
  return Run(query, false);
}

std::vector<Match> Screener::ScreenExhaustively(
    const ScreeningQuery& query) const {
  return Run(query, true);
}

std::vector<Match> Screener::Run(const ScreeningQuery& query,
                                 bool exhaustive) const {
  thread_local Scratch scratch;
  std::vector<Match> best;  // one per entry
  auto keep = [&](Match m) {
    for (Match& b : best) {
      if (b.entry != m.entry) continue;
      if (m.score > b.score) b = std::move(m);
      return;
    }
    best.push_back(std::move(m));
  };
  // Identifiers first: a decisive match needs no name.
  for (const Identifier& id : query.identifiers) {
    auto it = by_identifier_.find(
        absl::StrCat(static_cast<int>(id.kind), ":", id.value));
    if (it == by_identifier_.end()) continue;
    if (id.kind != IdKind::kImo && id.kind != IdKind::kIcao) continue;
    for (uint32_t e : it->second) {
      Match m;
      m.entry = e;
      Adjust(query, lists_.entries[e], &m);
      m.level = LevelOf(m.score);
      keep(std::move(m));
    }
  }
  // Names: only a name close enough before adjustments can end above the
  // possible-match threshold.
  double lift = params_.country_agree;
  for (const Identifier& id : query.identifiers) {
    if (id.kind == IdKind::kPassport || id.kind == IdKind::kNationalId) {
      lift += params_.document_match;
      break;
    }
  }
  thread_local QueryName q;
  thread_local std::vector<uint32_t> candidates;
  thread_local std::vector<std::string> readings;
  for (size_t k = 0; k < query.names.size(); ++k) {
    // The name, then its Korean and Japanese readings if it is written in
    // Han characters (han_readings.h).
    readings = HanReadings(query.names[k]);
    if (readings.size() > kMaxReadings) readings.resize(kMaxReadings);
    uint8_t disguise = 0;
    for (size_t r = 0; r <= readings.size(); ++r) {
      PrepareQuery(r == 0 ? std::string_view(query.names[k])
                          : std::string_view(readings[r - 1]),
                   query.type == EntityType::kPerson, &q);
      if (r == 0) disguise = q.disguise;
      if (q.scored.empty()) continue;
      if (exhaustive) {
        candidates.resize(names_.size());
        for (uint32_t c = 0; c < names_.size(); ++c) candidates[c] = c;
      } else {
        Candidates(q, scratch, &candidates);
      }
      for (uint32_t c : candidates) {
        const IndexedName& n = names_[c];
        NameScoreDetail detail;
      const double s = ScoreName(q, n, &detail);
        if (s + lift < params_.possible) continue;
        // A weak alias ("a.k.a. 'PATRICIO'") alone identifies no one: only a
        // name as close as a hit is reported, and then for review.
        if (n.weak && s < params_.hit) continue;
      // Likewise a Korean or Japanese reading of the query: 王芳 read in
      // Japanese ("o ho") is close to many short names.
      if (r > 0 && s < params_.hit) continue;
        Match m;
        m.entry = n.entry;
        m.listed_name = n.name;
        m.query_name = static_cast<int>(k);
        m.score = s;
        m.name_score = s;
        m.exact = SameTokens(q, n);
        m.disguise = disguise;
        m.reading = r > 0;
        const bool decisive = Adjust(query, lists_.entries[n.entry], &m);
        m.level = LevelOf(m.score);
        if (background_ && m.level == MatchLevel::kHit && !decisive &&
          !m.exact && detail.heaviest_credit < 1) {
        // A small list set (background weights): a hit needs the name's
        // most distinctive word in full ("Westgate Global Logistics" is no
        // hit on "Eastgate Global Logistics FZE").
        m.level = MatchLevel::kPossible;
        m.reasons.push_back(
            "its most distinctive word differs: at most a possible match");
      }
      if (n.weak && m.level == MatchLevel::kHit && !decisive) {
          m.level = MatchLevel::kPossible;
          m.reasons.push_back("weak alias: at most a possible match");
        }
        keep(std::move(m));
      }
    }
  }
  std::erase_if(best,
                [](const Match& m) { return m.level == MatchLevel::kNone; });
  std::sort(best.begin(), best.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entry < b.entry;
  });
  if (best.size() > static_cast<size_t>(params_.max_results)) {
    best.resize(static_cast<size_t>(params_.max_results));
  }
  return best;
}

double Screener::CompareNames(std::string_view a, std::string_view b,
                              NameScoreDetail* detail, EntityType type) const {
  // Each name as written and under its Korean and Japanese readings, if
  // it has Han characters: the best pairing counts.
  std::vector<std::string> as = HanReadings(a), bs = HanReadings(b);
  as.insert(as.begin(), std::string(a));
  bs.insert(bs.begin(), std::string(b));
  const bool person = type == EntityType::kPerson;
  double best = -1;
  NameScoreDetail d;
  for (const std::string& x : as) {
    QueryName qa;
    PrepareQuery(x, person, &qa);
    for (const std::string& y : bs) {
      QueryName qb;
      PrepareQuery(y, person, &qb);
      const double s =
          NameScore(qa.scored, qb.scored, qa.vowelless || qb.vowelless,
                    params_.scorer, &d);
      if (s > best) {
        best = s;
        if (detail != nullptr) *detail = d;
      }
    }
  }
  return best;
}

}  // namespace divrisk::screening
