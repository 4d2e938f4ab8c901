// The Screener's index, built once per list set (screener.h): every name
// and alias normalised (with its variants), the vocabulary with its
// weights, postings, the deletion-neighbourhood and consonant-skeleton
// indexes, each listed token's neighbours, identifiers -> entries; and the
// look-up of a token's neighbours in it, which queries use too. The
// screening of a query is in screener_query.cc.

#include <algorithm>
#include <atomic>
#include <iterator>
#include <string_view>
#include <utility>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "indicators/screening/han_readings.h"
#include "indicators/screening/screener.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

constexpr uint32_t kNoToken = std::numeric_limits<uint32_t>::max();
// Skeleton buckets larger than this are not used to find neighbours.
constexpr uint32_t kMaxSkeletonBucket = 64;

// FNV-1a over the bytes of `s`, skipping byte `skip` (npos: none): the hash
// of a deletion variant without building it.
uint64_t HashOf(std::string_view s, size_t skip = std::string_view::npos) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == skip) continue;
    h ^= static_cast<unsigned char>(s[i]);
    h *= 0x100000001b3ull;
  }
  return h;
}

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

void Screener::HashIndex::Lookup(uint64_t key, std::vector<uint32_t>* out,
                                 uint32_t max) const {
  auto it = ranges.find(key);
  if (it == ranges.end()) return;
  if (it->second.second - it->second.first > max) return;
  for (uint32_t i = it->second.first; i < it->second.second; ++i) {
    out->push_back(values[i]);
  }
}

namespace {
std::atomic<uint64_t> next_screener_id{1};

#include "indicators/screening/background_frequencies.inc"

const absl::flat_hash_map<absl::string_view, uint32_t>& BackgroundIndex() {
  static const auto* index = [] {
    auto* m = new absl::flat_hash_map<absl::string_view, uint32_t>();
    m->reserve(std::size(kBackgroundFrequencies));
    for (const auto& [token, df] : kBackgroundFrequencies) {
      m->emplace(Sv(token), df);
    }
    return m;
  }();
  return *index;
}
}  // namespace

double Screener::TokenWeight(std::string_view token) const {
  auto it = token_ids_.find(Sv(token));
  if (it != token_ids_.end()) return weights_[it->second];
  if (background_) {
    auto bg = BackgroundIndex().find(Sv(token));
    if (bg != BackgroundIndex().end()) {
      return std::log(1 + (names_.size() + kBackgroundNames) /
                              static_cast<double>(bg->second));
    }
  }
  return unknown_weight_;
}

Screener::Screener(ListSet lists, ScreeningParams params)
    : lists_(std::move(lists)), params_(params), id_(next_screener_id++) {
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
    groups_.push_back(static_cast<int16_t>(RomanisationGroupId(token)));
    letters_.push_back(LetterMask(token));
  }
  return it->second;
}

void Screener::AddName(uint32_t entry, uint16_t name, const std::string& text,
                       bool weak, bool person) {
  NormalizedName nn = Normalize(text, person);
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
        AddName(e, k, text, weak, entry.type == EntityType::kPerson);
        // A name in Han characters also under its Korean and Japanese
        // readings (han_readings.h), as weak aliases: a reading is a guess
        // (a Chinese name read in Japanese is no name), so it counts only
        // as close as a hit, and then for review.
        for (const std::string& reading : HanReadings(text)) {
          AddName(e, k, reading, true, entry.type == EntityType::kPerson);
        }
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
  double total = std::max<double>(1, static_cast<double>(names_.size()));
  weights_.resize(tokens_.size());
  background_ = names_.size() < params_.background_below;
  if (background_) {
    // A small list set: the frequencies of the background corpus too, as if
    // its names were indexed beside these.
    total += kBackgroundNames;
    const auto& bg = BackgroundIndex();
    for (size_t t = 0; t < tokens_.size(); ++t) {
      auto it = bg.find(Sv(tokens_[t]));
      const double df = df_[t] + (it == bg.end() ? 0.0 : it->second);
      weights_[t] = static_cast<float>(std::log(1 + total / df));
    }
  } else {
    for (size_t t = 0; t < tokens_.size(); ++t) {
      weights_[t] = static_cast<float>(std::log(1 + total / df_[t]));
    }
  }
  unknown_weight_ = static_cast<float>(std::log(1 + total));
  name_weight_.assign(names_.size(), 0);
  for (uint32_t n = 0; n < names_.size(); ++n) {
    for (uint32_t i = 0; i < names_[n].token_count; ++i) {
      name_weight_[n] += weights_[name_tokens_[names_[n].first_token + i]];
    }
  }
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
  std::vector<std::pair<uint64_t, uint32_t>> dels, skels, prefixes_pairs;
  for (uint32_t t = 0; t < tokens_.size(); ++t) {
    const std::string& s = tokens_[t];
    if (s.size() > kMaxNeighbourhoodToken) {
      prefixes_pairs.emplace_back(HashOf(s.substr(0, kMaxFuzzyToken)), t);
      continue;
    }
    if (s.size() >= 3) dels.emplace_back(HashOf(s), t);
    if (s.size() >= 4) {
      for (size_t i = 0; i < s.size(); ++i) dels.emplace_back(HashOf(s, i), t);
    }
    if (skeletons_[t].size() >= 2) skels.emplace_back(HashOf(skeletons_[t]), t);
  }
  auto finish = [](std::vector<std::pair<uint64_t, uint32_t>>& pairs,
                   HashIndex* index) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    index->values.reserve(pairs.size());
    for (size_t i = 0; i < pairs.size();) {
      size_t j = i;
      while (j < pairs.size() && pairs[j].first == pairs[i].first) {
        index->values.push_back(pairs[j].second);
        ++j;
      }
      index->ranges.emplace(
          pairs[i].first,
          std::pair{static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
      i = j;
    }
  };
  finish(dels, &deletions_);
  finish(skels, &skeleton_index_);
  finish(prefixes_pairs, &prefixes_);
  // Each listed token's neighbours, found once (queries of listed tokens
  // then need no look-ups).
  neighbour_start_.assign(tokens_.size() + 1, 0);
  std::vector<uint32_t> found;
  std::vector<std::pair<uint32_t, float>> list;
  for (uint32_t t = 0; t < tokens_.size(); ++t) {
    list.clear();
    FindNeighbours(tokens_[t], skeletons_[t], false, false, t, &found, &list);
    neighbours_.insert(neighbours_.end(), list.begin(), list.end());
    neighbour_start_[t + 1] = static_cast<uint32_t>(neighbours_.size());
  }
}

void Screener::FindNeighbours(
    std::string_view t, std::string_view skeleton, bool vowelless, bool merged,
    uint32_t exact, std::vector<uint32_t>* found,
    std::vector<std::pair<uint32_t, float>>* out) const {
  thread_local std::vector<uint32_t> seen;  // by vocabulary token
  thread_local uint32_t seen_epoch = 0;
  found->clear();
  if (exact != kNoTokenId) found->push_back(exact);
  for (std::string_view v : RomanisationGroup(t)) {
    auto it = token_ids_.find(Sv(v));
    if (it != token_ids_.end()) found->push_back(it->second);
  }
  // Counted once: at most the token and its deletion variants hashed, and
  // its skeleton (the hot loops below then count nothing).
  ScreeningWork() += t.size() > kMaxNeighbourhoodToken
                         ? 2 * t.size() + kMaxFuzzyToken
                         : t.size() * (t.size() + 2);
  if (t.size() > kMaxNeighbourhoodToken) {
    // A long token: its exact text (above) or its prefix, nothing more.
    prefixes_.Lookup(HashOf(t.substr(0, kMaxFuzzyToken)), found);
  }
  const bool exact_only = t.size() > kMaxNeighbourhoodToken ||
                          std::any_of(t.begin(), t.end(), [](char c) {
                            return c >= '0' && c <= '9';
                          });
  // Merged pairs ("jin"+"ping") are looked up exactly (and, for names
  // without vowels, by skeleton); single tokens also one edit away.
  if (!exact_only && !merged && t.size() >= 3) {
    deletions_.Lookup(HashOf(t), found);
    if (t.size() >= 4) {
      for (size_t k = 0; k < t.size(); ++k) {
        deletions_.Lookup(HashOf(t, k), found);
      }
    }
  }
  if (!exact_only && (!merged || vowelless) &&
      (skeleton.size() >= 3 || (vowelless && skeleton.size() >= 2))) {
    // A skeleton shared by very many tokens says little; skip it.
    skeleton_index_.Lookup(HashOf(skeleton), found, kMaxSkeletonBucket);
  }
  const ScoredToken qt{t,          skeleton,     0, RomanisationGroupId(t),
                       kNoTokenId, LetterMask(t)};
  if (seen.size() < tokens_.size()) seen.resize(tokens_.size(), 0);
  if (++seen_epoch == 0) {
    std::fill(seen.begin(), seen.end(), 0);
    seen_epoch = 1;
  }
  const ScorerParams& sp = params_.scorer;
  for (uint32_t v : *found) {
    if (seen[v] == seen_epoch) continue;
    seen[v] = seen_epoch;
    const ScoredToken vt{tokens_[v], skeletons_[v], 0, groups_[v],
                         v,          letters_[v]};
    const double sim =
        v == exact ? 1.0 : TokenSimilarity(qt, vt, vowelless, sp);
    if (sim <= sp.token_floor) continue;
    out->emplace_back(v, static_cast<float>(sim));
  }
  std::sort(out->begin(), out->end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
}

}  // namespace divrisk::screening
