#include "indicators/screening/screener.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

constexpr uint32_t kNoToken = std::numeric_limits<uint32_t>::max();
constexpr size_t kMaxTokens = 16;
// Postings of tokens in more names than this are not walked: such tokens
// only add to names that rarer tokens found.
constexpr uint32_t kCommonTokenDf = 400;
// A candidate must share at least this fraction of the query's weight.
constexpr double kMinSharedWeight = 0.25;

uint64_t HashOf(std::string_view s) { return absl::Hash<std::string_view>{}(s); }

// Name variants: the name; without its parentheses' content; a
// parenthesised acronym alone (weak).
std::vector<std::pair<std::string, bool>> Variants(const std::string& text,
                                                   bool weak) {
  std::vector<std::pair<std::string, bool>> out{{text, weak}};
  if (text.find('(') == std::string::npos) return out;
  std::string without;
  int depth = 0;
  std::string inside;
  for (char c : text) {
    if (c == '(') {
      ++depth;
      inside.clear();
      continue;
    }
    if (c == ')' && depth > 0) {
      --depth;
      // An acronym: one word, upper case, 3+ letters.
      bool acronym = inside.size() >= 3 && inside.size() <= 10;
      for (char ch : inside) acronym &= (ch >= 'A' && ch <= 'Z');
      if (acronym) out.emplace_back(inside, true);
      without.push_back(' ');
      continue;
    }
    if (depth > 0) {
      inside.push_back(c);
    } else {
      without.push_back(c);
    }
  }
  bool any = false;
  for (char c : without) any |= c != ' ';
  if (any) out.emplace_back(without, weak);
  return out;
}

}  // namespace

const char* MatchLevelName(MatchLevel level) {
  switch (level) {
    case MatchLevel::kNone: return "no match";
    case MatchLevel::kPossible: return "possible match";
    case MatchLevel::kHit: return "hit";
  }
  return "no match";
}

// A prepared query name: tokens with weights and vocabulary neighbours.
struct Screener::QueryName {
  std::vector<std::string> text;
  std::vector<std::string> skeleton;
  std::vector<ScoredToken> scored;
  bool vowelless = false;
  // For each token (and then each adjacent pair, merged): vocabulary tokens
  // close to it and their similarity.
  struct Lookup {
    float weight = 0;
    std::vector<std::pair<uint32_t, float>> neighbours;
  };
  std::vector<Lookup> lookups;
  double total_weight = 0;
};

struct Screener::Scratch {
  std::vector<float> acc;
  std::vector<uint32_t> stamp;     // epoch when acc was last reset
  std::vector<uint32_t> last;      // lookup index that last added, + 1
  std::vector<uint32_t> touched;
  uint32_t epoch = 0;
  std::vector<ScoredToken> candidate;

  void Ensure(size_t n) {
    if (acc.size() < n) {
      acc.resize(n, 0);
      stamp.resize(n, 0);
      last.resize(n, 0);
    }
  }
};

void Screener::HashIndex::Lookup(uint64_t key,
                                 std::vector<uint32_t>* out) const {
  auto it = std::lower_bound(keys.begin(), keys.end(), key);
  for (; it != keys.end() && *it == key; ++it) {
    out->push_back(values[static_cast<size_t>(it - keys.begin())]);
  }
}

Screener::Screener(ListSet lists, ScreeningParams params)
    : lists_(std::move(lists)), params_(params) {
  Build();
}

Screener::~Screener() = default;

uint32_t Screener::TokenId(const std::string& token) {
  auto [it, inserted] =
      token_ids_.emplace(token, static_cast<uint32_t>(tokens_.size()));
  if (inserted) {
    tokens_.push_back(token);
    skeletons_.push_back(Skeleton(token));
    df_.push_back(0);
  }
  return it->second;
}

void Screener::AddName(uint32_t entry, uint16_t name, const std::string& text,
                       bool weak) {
  NormalizedName nn = Normalize(text);
  if (nn.tokens.empty()) return;
  if (nn.tokens.size() > kMaxTokens) nn.tokens.resize(kMaxTokens);
  // The same normalised name twice in one entry adds nothing.
  const std::string key = NameKey(nn);
  for (size_t k = names_.size(); k-- > 0 && names_[k].entry == entry;) {
    const IndexedName& other = names_[k];
    std::vector<std::string_view> t;
    for (uint32_t i = 0; i < other.token_count; ++i) {
      t.push_back(tokens_[name_tokens_[other.first_token + i]]);
    }
    std::sort(t.begin(), t.end());
    if (Join(t, " ") == key) return;
  }
  IndexedName n;
  n.entry = entry;
  n.name = name;
  n.weak = weak;
  n.vowelless = nn.vowelless();
  n.first_token = static_cast<uint32_t>(name_tokens_.size());
  n.token_count = static_cast<uint16_t>(nn.tokens.size());
  for (const std::string& t : nn.tokens) name_tokens_.push_back(TokenId(t));
  names_.push_back(n);
}

void Screener::Build() {
  for (uint32_t e = 0; e < lists_.entries.size(); ++e) {
    const ListEntry& entry = lists_.entries[e];
    for (uint16_t k = 0; k < entry.names.size(); ++k) {
      const ListedName& name = entry.names[k];
      for (const auto& [text, weak] :
           Variants(name.text, name.strength == NameStrength::kWeak)) {
        AddName(e, k, text, weak);
      }
    }
    for (const Identifier& id : entry.identifiers) {
      auto& hits = by_identifier_[absl::StrCat(static_cast<int>(id.kind), ":",
                                               id.value)];
      if (hits.empty() || hits.back() != e) hits.push_back(e);
    }
  }
  // Document frequencies and weights.
  std::vector<uint32_t> seen(tokens_.size(), kNoToken);
  for (uint32_t n = 0; n < names_.size(); ++n) {
    for (uint32_t i = 0; i < names_[n].token_count; ++i) {
      const uint32_t t = name_tokens_[names_[n].first_token + i];
      if (seen[t] == n) continue;
      seen[t] = n;
      ++df_[t];
    }
  }
  const double total = std::max<double>(1, static_cast<double>(names_.size()));
  weights_.resize(tokens_.size());
  for (size_t t = 0; t < tokens_.size(); ++t) {
    weights_[t] = static_cast<float>(std::log(1 + total / df_[t]));
  }
  unknown_weight_ = static_cast<float>(std::log(1 + total));
  // Postings.
  posting_start_.assign(tokens_.size() + 1, 0);
  for (uint32_t t = 0; t < tokens_.size(); ++t) posting_start_[t + 1] = df_[t];
  for (size_t t = 0; t < tokens_.size(); ++t) {
    posting_start_[t + 1] += posting_start_[t];
  }
  postings_.resize(posting_start_.back());
  std::vector<uint32_t> fill(posting_start_.begin(), posting_start_.end() - 1);
  std::fill(seen.begin(), seen.end(), kNoToken);
  for (uint32_t n = 0; n < names_.size(); ++n) {
    for (uint32_t i = 0; i < names_[n].token_count; ++i) {
      const uint32_t t = name_tokens_[names_[n].first_token + i];
      if (seen[t] == n) continue;
      seen[t] = n;
      postings_[fill[t]++] = n;
    }
  }
  // Neighbourhoods.
  std::vector<std::pair<uint64_t, uint32_t>> dels, skels;
  std::string variant;
  for (uint32_t t = 0; t < tokens_.size(); ++t) {
    const std::string& s = tokens_[t];
    if (s.size() >= 3) dels.emplace_back(HashOf(s), t);
    if (s.size() >= 4) {
      for (size_t i = 0; i < s.size(); ++i) {
        variant.assign(s, 0, i);
        variant.append(s, i + 1);
        dels.emplace_back(HashOf(variant), t);
      }
    }
    if (skeletons_[t].size() >= 2) skels.emplace_back(HashOf(skeletons_[t]), t);
  }
  auto finish = [](std::vector<std::pair<uint64_t, uint32_t>>& pairs,
                   HashIndex* index) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    index->keys.reserve(pairs.size());
    index->values.reserve(pairs.size());
    for (const auto& [k, v] : pairs) {
      index->keys.push_back(k);
      index->values.push_back(v);
    }
  };
  finish(dels, &deletions_);
  finish(skels, &skeleton_index_);
}

void Screener::PrepareQuery(std::string_view text, QueryName* q) const {
  NormalizedName nn = Normalize(text);
  if (nn.tokens.size() > kMaxTokens) nn.tokens.resize(kMaxTokens);
  q->vowelless = nn.vowelless();
  q->text = std::move(nn.tokens);
  const size_t n = q->text.size();
  // Lookups: each token, then each adjacent pair merged.
  for (size_t i = 0; i + 1 < n; ++i) {
    q->text.push_back(q->text[i] + q->text[i + 1]);
  }
  q->skeleton.clear();
  for (const std::string& t : q->text) q->skeleton.push_back(Skeleton(t));
  q->lookups.assign(q->text.size(), {});
  std::vector<uint32_t> found;
  std::string variant;
  const ScorerParams& sp = params_.scorer;
  for (size_t i = 0; i < q->text.size(); ++i) {
    const std::string& t = q->text[i];
    QueryName::Lookup& lookup = q->lookups[i];
    found.clear();
    auto exact = token_ids_.find(t);
    if (exact != token_ids_.end()) found.push_back(exact->second);
    for (std::string_view v : RomanisationGroup(t)) {
      auto it = token_ids_.find(Sv(v));
      if (it != token_ids_.end()) found.push_back(it->second);
    }
    const bool has_digit =
        std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!has_digit && t.size() >= 3) {
      deletions_.Lookup(HashOf(t), &found);
      if (t.size() >= 4) {
        for (size_t k = 0; k < t.size(); ++k) {
          variant.assign(t, 0, k);
          variant.append(t, k + 1);
          deletions_.Lookup(HashOf(variant), &found);
        }
      }
    }
    if (!has_digit && (q->skeleton[i].size() >= 3 ||
                       (q->vowelless && q->skeleton[i].size() >= 2))) {
      skeleton_index_.Lookup(HashOf(q->skeleton[i]), &found);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    const ScoredToken qt{t, q->skeleton[i], 0};
    float best_sim = 0, best_weight = unknown_weight_;
    for (uint32_t v : found) {
      const ScoredToken vt{tokens_[v], skeletons_[v], 0};
      const double sim = TokenSimilarity(qt, vt, q->vowelless, sp);
      if (sim <= sp.token_floor) continue;
      lookup.neighbours.emplace_back(v, static_cast<float>(sim));
      if (sim > best_sim) {
        best_sim = static_cast<float>(sim);
        best_weight = weights_[v];
      }
    }
    std::sort(lookup.neighbours.begin(), lookup.neighbours.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    // A token not in the lists weighs as its closest listed token when
    // that is close (a typo of a common word stays common), else as the
    // rarest.
    lookup.weight = exact != token_ids_.end() ? weights_[exact->second]
                    : best_sim >= 0.9         ? best_weight
                                              : unknown_weight_;
  }
  for (size_t i = n; i < q->text.size(); ++i) {
    q->lookups[i].weight =
        std::max(q->lookups[i - n].weight, q->lookups[i - n + 1].weight);
  }
  q->scored.clear();
  q->total_weight = 0;
  for (size_t i = 0; i < n; ++i) {
    q->scored.push_back({q->text[i], q->skeleton[i], q->lookups[i].weight});
    q->total_weight += q->lookups[i].weight;
  }
}

void Screener::Candidates(const QueryName& q, Scratch& s,
                          std::vector<uint32_t>* out) const {
  out->clear();
  s.Ensure(names_.size());
  ++s.epoch;
  if (s.epoch == 0) {  // wrapped: clear the stamps
    std::fill(s.stamp.begin(), s.stamp.end(), 0);
    s.epoch = 1;
  }
  s.touched.clear();
  const ScorerParams& sp = params_.scorer;
  auto credit = [&](float sim) {
    return static_cast<float>((sim - sp.token_floor) / (1 - sp.token_floor));
  };
  auto add = [&](uint32_t name, uint32_t lookup, float value) {
    if (s.stamp[name] != s.epoch) {
      s.stamp[name] = s.epoch;
      s.acc[name] = 0;
      s.last[name] = 0;
      s.touched.push_back(name);
    }
    if (s.last[name] == lookup + 1) return;  // one credit per query token
    s.last[name] = lookup + 1;
    s.acc[name] += value;
  };
  // Phase 1: walk the postings of rare neighbours.
  std::vector<std::pair<uint32_t, std::pair<uint32_t, float>>> common;
  for (uint32_t i = 0; i < q.lookups.size(); ++i) {
    const QueryName::Lookup& l = q.lookups[i];
    for (const auto& [token, sim] : l.neighbours) {
      if (df_[token] > kCommonTokenDf) {
        common.push_back({i, {token, sim}});
        continue;
      }
      const float value = l.weight * credit(sim);
      for (uint32_t p = posting_start_[token]; p < posting_start_[token + 1];
           ++p) {
        add(postings_[p], i, value);
      }
    }
  }
  // Only common tokens: walk the rarest of them.
  if (s.touched.empty() && !common.empty()) {
    auto rarest = std::min_element(
        common.begin(), common.end(), [&](const auto& a, const auto& b) {
          return df_[a.second.first] < df_[b.second.first];
        });
    const auto [i, ts] = *rarest;
    const float value = q.lookups[i].weight * credit(ts.second);
    for (uint32_t p = posting_start_[ts.first]; p < posting_start_[ts.first + 1];
         ++p) {
      add(postings_[p], i, value);
    }
  }
  // Phase 2: common tokens add to the names found.
  if (!common.empty()) {
    for (uint32_t name : s.touched) {
      const IndexedName& n = names_[name];
      for (const auto& [i, ts] : common) {
        for (uint32_t k = 0; k < n.token_count; ++k) {
          if (name_tokens_[n.first_token + k] == ts.first) {
            add(name, i, q.lookups[i].weight * credit(ts.second));
            break;
          }
        }
      }
    }
  }
  // The best by shared weight.
  const float min_shared =
      static_cast<float>(kMinSharedWeight * q.total_weight);
  for (uint32_t name : s.touched) {
    if (s.acc[name] >= min_shared) out->push_back(name);
  }
  const size_t k = static_cast<size_t>(params_.max_candidates);
  if (out->size() > k) {
    std::nth_element(out->begin(), out->begin() + static_cast<long>(k),
                     out->end(), [&](uint32_t a, uint32_t b) {
                       return s.acc[a] > s.acc[b];
                     });
    out->resize(k);
  }
}

double Screener::ScoreName(const QueryName& q, const IndexedName& n) const {
  thread_local std::vector<ScoredToken> candidate;
  candidate.clear();
  for (uint32_t i = 0; i < n.token_count; ++i) {
    const uint32_t t = name_tokens_[n.first_token + i];
    candidate.push_back({tokens_[t], skeletons_[t], weights_[t]});
  }
  return NameScore(q.scored, candidate, q.vowelless || n.vowelless,
                   params_.scorer);
}

MatchLevel Screener::LevelOf(double score) const {
  if (score >= params_.hit) return MatchLevel::kHit;
  if (score >= params_.possible) return MatchLevel::kPossible;
  return MatchLevel::kNone;
}

void Screener::Adjust(const ScreeningQuery& query, const ListEntry& e,
                      Match* m) const {
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
      m->score -= params_.country_conflict;
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
        } else if (q.kind == IdKind::kPassport ||
                   q.kind == IdKind::kNationalId) {
          m->score += params_.document_match;
        } else {
          continue;
        }
        m->reasons.push_back(
            absl::StrCat(IdKindName(q.kind), " ", q.value, " matches"));
      } else if (vehicle && m->score < 1) {
        m->score -= params_.id_conflict;
        m->reasons.push_back(absl::StrCat(IdKindName(q.kind), " differs (",
                                          q.value, " / listed ", l.value,
                                          ")"));
      }
    }
  }
  m->score = std::clamp(m->score, 0.0, 1.0);
}

std::vector<Match> Screener::Screen(const ScreeningQuery& query) const {
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
  QueryName q;
  std::vector<uint32_t> candidates;
  for (size_t k = 0; k < query.names.size(); ++k) {
    PrepareQuery(query.names[k], &q);
    if (q.scored.empty()) continue;
    Candidates(q, scratch, &candidates);
    for (uint32_t c : candidates) {
      const IndexedName& n = names_[c];
      const double s = ScoreName(q, n);
      if (s + lift < params_.possible) continue;
      Match m;
      m.entry = n.entry;
      m.listed_name = n.name;
      m.query_name = static_cast<int>(k);
      m.score = s;
      m.name_score = s;
      Adjust(query, lists_.entries[n.entry], &m);
      m.level = LevelOf(m.score);
      if (n.weak && m.level == MatchLevel::kHit && m.score < 1) {
        m.level = MatchLevel::kPossible;
        m.reasons.push_back("weak alias: at most a possible match");
      }
      keep(std::move(m));
    }
  }
  std::erase_if(best, [](const Match& m) { return m.level == MatchLevel::kNone; });
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
                              NameScoreDetail* detail) const {
  QueryName qa, qb;
  PrepareQuery(a, &qa);
  PrepareQuery(b, &qb);
  return NameScore(qa.scored, qb.scored, qa.vowelless || qb.vowelless,
                   params_.scorer, detail);
}

}  // namespace divrisk::screening
