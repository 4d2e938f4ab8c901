#include "indicators/screening/scorer.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/container/flat_hash_map.h"

namespace divrisk::screening {
namespace {

// Romanisation variants: each group is one name part.
constexpr std::string_view kVariantGroups[][9] = {
    // Korean surnames (Revised, McCune-Reischauer, DPRK and common forms)
    {"kim", "gim"},
    {"lee", "yi", "ri", "rhee", "li", "i", "rhi"},
    {"park", "pak", "bak", "bag"},
    {"choi", "choe", "chwe"},
    {"jung", "jong", "chung", "cheong", "jeong", "chong"},
    {"kang", "gang"},
    {"cho", "jo"},
    {"yoon", "yun"},
    {"jang", "chang"},
    {"lim", "im", "rim"},
    {"shin", "sin"},
    {"kwon", "gwon"},
    {"ahn", "an"},
    {"ryu", "yu", "yoo"},
    {"ko", "go"},
    {"moon", "mun"},
    {"yang", "ryang"},
    {"son", "sohn"},
    {"bae", "pae"},
    {"baek", "paek"},
    {"noh", "no", "roh", "ro"},
    {"kwak", "gwak"},
    // Arabic name particles and the commonest given names
    {"bin", "ibn", "ben", "bn"},
    {"abd", "abdul", "abdel", "abdal", "abdoul", "abdu"},
    {"mohammed", "mohammad", "muhammad", "muhammed", "mohamed", "mohamad",
     "muhamad", "mohd", "mhmd"},
    {"osama", "usama", "usamah", "osamah"},
    {"yusuf", "yousef", "youssef", "yousuf", "yosef"},
};

const absl::flat_hash_map<std::string_view, int>& VariantIndex() {
  static const auto* index = [] {
    auto* m = new absl::flat_hash_map<std::string_view, int>();
    int g = 0;
    for (const auto& group : kVariantGroups) {
      for (std::string_view v : group) {
        if (!v.empty()) m->emplace(v, g);
      }
      ++g;
    }
    return m;
  }();
  return *index;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// Jaro similarity with match flags as bit masks (strings of up to 64
// bytes; longer ones fall back to vectors).
double Jaro(std::string_view a, std::string_view b) {
  const size_t la = a.size(), lb = b.size();
  if (la == 0 || lb == 0) return 0;
  const size_t range = std::max<size_t>(std::max(la, lb) / 2, 1) - 1;
  ScreeningWork() += la * (2 * range + 1) + lb;
  size_t matches = 0, transpositions = 0;
  if (la <= 64 && lb <= 64) {
    uint64_t fa = 0, fb = 0;
    for (size_t i = 0; i < la; ++i) {
      const size_t lo = i > range ? i - range : 0;
      const size_t hi = std::min(i + range + 1, lb);
      for (size_t j = lo; j < hi; ++j) {
        if ((fb >> j & 1) || a[i] != b[j]) continue;
        fa |= uint64_t{1} << i;
        fb |= uint64_t{1} << j;
        ++matches;
        break;
      }
    }
    if (matches == 0) return 0;
    while (fa != 0) {
      const int i = __builtin_ctzll(fa);
      const int j = __builtin_ctzll(fb);
      if (a[static_cast<size_t>(i)] != b[static_cast<size_t>(j)]) {
        ++transpositions;
      }
      fa &= fa - 1;
      fb &= fb - 1;
    }
  } else {
    std::vector<bool> fa(la, false), fb(lb, false);
    for (size_t i = 0; i < la; ++i) {
      const size_t lo = i > range ? i - range : 0;
      const size_t hi = std::min(i + range + 1, lb);
      for (size_t j = lo; j < hi; ++j) {
        if (fb[j] || a[i] != b[j]) continue;
        fa[i] = fb[j] = true;
        ++matches;
        break;
      }
    }
    if (matches == 0) return 0;
    size_t k = 0;
    for (size_t i = 0; i < la; ++i) {
      if (!fa[i]) continue;
      while (!fb[k]) ++k;
      if (a[i] != b[k]) ++transpositions;
      ++k;
    }
  }
  const double m = static_cast<double>(matches);
  return (m / static_cast<double>(la) + m / static_cast<double>(lb) +
          (m - static_cast<double>(transpositions) / 2) / m) /
         3;
}

double Credit(double sim, const ScorerParams& p) {
  if (sim <= p.token_floor) return 0;
  if (sim >= p.token_full) return 1;
  const double c = (sim - p.token_floor) / (p.token_full - p.token_floor);
  return p.credit_power == 1 ? c : std::pow(c, p.credit_power);
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  const double j = Jaro(a, b);
  if (j <= 0.7) return j;
  size_t prefix = 0;
  const size_t limit = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1 - j);
}

std::string Skeleton(std::string_view token) {
  auto vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  };
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string out;
  char prev = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    const char next = i + 1 < token.size() ? token[i + 1] : 0;
    if (vowel(c) && c != 'i' && (next == 'i' || next == 'y')) {
      // A diphthong stands for a consonant y: Hussein / Husayn (حسين)
      // keep their y, Hassan (حسن) has none.
      c = 'y';
      ++i;
    } else if (c == 'y') {
      // y between consonants is one too (transliterated "hsyn").
      const char before = i > 0 ? token[i - 1] : 0;
      if (!(letter(before) && !vowel(before) && before != 'y' && letter(next) &&
            !vowel(next))) {
        prev = 0;
        continue;
      }
    } else {
      switch (c) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'w':
        case 'v':
          prev = 0;  // a dropped letter separates: "dawud" -> "dd"
          continue;
        case 'q':
        case 'c':
          c = 'k';
          break;
        case 'x':
          if (prev != 'k') out.push_back('k');
          prev = 'k';
          c = 's';
          break;
        default:
          break;
      }
    }
    if (c == prev) continue;
    out.push_back(c);
    prev = c;
  }
  if (out.empty() && !token.empty()) out.push_back(token[0]);
  return out;
}

int RomanisationGroupId(std::string_view token) {
  auto it = VariantIndex().find(token);
  return it == VariantIndex().end() ? -1 : it->second;
}

bool RomanisationVariants(std::string_view a, std::string_view b) {
  const auto& index = VariantIndex();
  auto ia = index.find(a);
  if (ia == index.end()) return false;
  auto ib = index.find(b);
  return ib != index.end() && ia->second == ib->second;
}

std::vector<std::string_view> RomanisationGroup(std::string_view token) {
  std::vector<std::string_view> out;
  auto it = VariantIndex().find(token);
  if (it == VariantIndex().end()) return out;
  for (std::string_view v : kVariantGroups[it->second]) {
    if (!v.empty() && v != token) out.push_back(v);
  }
  return out;
}

uint32_t LetterMask(std::string_view text) {
  uint32_t mask = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      mask |= 1u << (c - 'a');
    } else if (c >= '0' && c <= '9') {
      mask |= 1u << 26;
    } else {
      mask |= 1u << 31;
    }
  }
  return mask;
}

namespace {

// How many bytes of `text` have their letter in `mask`.
size_t CountIn(std::string_view text, uint32_t mask) {
  size_t n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const uint32_t bit = c >= 'a' && c <= 'z'   ? 1u << (c - 'a')
                         : c >= '0' && c <= '9' ? 1u << 26
                                                : 1u << 31;
    n += (mask & bit) != 0;
  }
  return n;
}

}  // namespace

double TokenCredit(double similarity, const ScorerParams& p) {
  return Credit(similarity, p);
}

double TokenSimilarity(const ScoredToken& a, const ScoredToken& b,
                       bool vowelless, const ScorerParams& p) {
  if (a.text == b.text) return 1;
  if (a.text.size() > kMaxFuzzyToken || b.text.size() > kMaxFuzzyToken) {
    // Long tokens: by their prefixes, discounted by their lengths' ratio.
    const double la = static_cast<double>(a.text.size());
    const double lb = static_cast<double>(b.text.size());
    return JaroWinkler(a.text.substr(0, kMaxFuzzyToken),
                       b.text.substr(0, kMaxFuzzyToken)) *
           std::min(la, lb) / std::max(la, lb);
  }
  constexpr uint32_t kDigitBit = 1u << 26;
  if (a.letters != 0 && b.letters != 0) {
    if ((a.letters | b.letters) & kDigitBit) return 0;
  } else if (HasDigit(a.text) || HasDigit(b.text)) {
    return 0;
  }
  const int ga = a.group != -2 ? a.group : RomanisationGroupId(a.text);
  if (ga >= 0) {
    const int gb = b.group != -2 ? b.group : RomanisationGroupId(b.text);
    if (ga == gb) return 1;
  }
  if (a.text.size() == 1 || b.text.size() == 1) {
    if (a.text.size() == 1 && b.text.size() == 1) return 0;
    return a.text[0] == b.text[0] ? p.initial_sim : 0;
  }
  const bool short_token = std::min(a.text.size(), b.text.size()) <= 4;
  const bool skeleton_boost = !vowelless && a.skeleton.size() >= 3 &&
                              a.skeleton == b.skeleton &&
                              a.text[0] == b.text[0];
  if (!vowelless && !skeleton_boost) {
    // An upper bound first: all of the shorter matching, no
    // transpositions, the longest possible prefix.
    // Matches are at most the letters of each found in the other.
    const uint32_t ma = a.letters != 0 ? a.letters : LetterMask(a.text);
    const uint32_t mb = b.letters != 0 ? b.letters : LetterMask(b.text);
    const double la = static_cast<double>(a.text.size());
    const double lb = static_cast<double>(b.text.size());
    const double m =
        static_cast<double>(std::min(CountIn(a.text, mb), CountIn(b.text, ma)));
    if (m == 0) return 0;
    double bound = (m / la + m / lb + 1) / 3;
    if (a.text[0] == b.text[0]) bound += 0.4 * (1 - bound);
    if (short_token) bound *= p.short_token_factor;
    if (bound <= p.token_floor) return bound;
  }
  double sim = JaroWinkler(a.text, b.text);
  if (short_token) sim *= p.short_token_factor;
  if (vowelless) {
    if (!a.skeleton.empty() && !b.skeleton.empty()) {
      sim = std::max(sim,
                     JaroWinkler(a.skeleton, b.skeleton) * p.vowelless_factor);
    }
  } else if (skeleton_boost && sim >= p.skeleton_min) {
    // Mohamed / Muhammad: one consonant frame, vowels spelled differently.
    sim = std::max(sim, p.skeleton_sim);
  }
  return sim;
}

double NameScore(const std::vector<ScoredToken>& query,
                 const std::vector<ScoredToken>& candidate, bool vowelless,
                 const ScorerParams& p, NameScoreDetail* detail,
                 SimilarityCache* cache) {
  constexpr size_t kMax = 16;
  const size_t n = std::min(query.size(), kMax);
  const size_t m = std::min(candidate.size(), kMax);
  ScreeningWork() += n * m;
  if (n == 0 || m == 0) {
    if (detail) *detail = NameScoreDetail{};
    return 0;
  }
  // A unit is one token or two adjacent tokens merged: (first, count).
  struct Pair {
    double credit;
    uint8_t qi, qn, cj, cn;
    float wq, wc;
    float excess;  // weight the pair leaves unexplained
  };
  // Not initialised: only the first np are written and read.
  Pair pairs[4 * kMax * kMax];
  size_t np = 0;
  std::array<double, kMax> best_q{}, best_c{};
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      double s;
      const uint64_t key = (static_cast<uint64_t>(vowelless) << 63) |
                           (static_cast<uint64_t>(i) << 32) | candidate[j].id;
      const float* cached = cache != nullptr && candidate[j].id != kNoTokenId
                                ? cache->Find(key)
                                : nullptr;
      if (cached != nullptr) {
        s = *cached;
      } else {
        s = TokenSimilarity(query[i], candidate[j], vowelless, p);
        if (cache != nullptr && candidate[j].id != kNoTokenId) {
          cache->Put(key, static_cast<float>(s));
        }
      }
      best_q[i] = std::max(best_q[i], s);
      best_c[j] = std::max(best_c[j], s);
      const double c = Credit(s, p);
      if (c > 0) {
        float wq = query[i].weight, wc = candidate[j].weight, excess = 0;
        if (query[i].text.size() == 1 || candidate[j].text.size() == 1) {
          // An initial vouches for no more than an initial: the rest of the
          // full token's weight stays unexplained.
          const float w = std::min(wq, wc);
          excess = wq + wc - 2 * w;
          wq = wc = w;
        }
        pairs[np++] = {c,  static_cast<uint8_t>(i),
                       1,  static_cast<uint8_t>(j),
                       1,  wq,
                       wc, excess};
      }
    }
  }
  // Merges: two adjacent tokens of one name against one token of the other.
  auto merges = [&](const std::vector<ScoredToken>& two, size_t n2,
                    const std::vector<ScoredToken>& one, size_t n1,
                    const std::array<double, kMax>& best2,
                    const std::array<double, kMax>& best1, bool two_is_query) {
    std::string joined;
    for (size_t i = 0; i + 1 < n2; ++i) {
      // Only tokens still short of a full match are worth merging.
      if (best2[i] >= p.token_full || best2[i + 1] >= p.token_full) continue;
      if (HasDigit(two[i].text) || HasDigit(two[i + 1].text)) continue;
      const size_t len = two[i].text.size() + two[i + 1].text.size();
      joined.assign(two[i].text);
      joined.append(two[i + 1].text);
      // Merged tokens must meet on their letters (on skeletons only for
      // names without written vowels).
      const std::string skel = vowelless ? Skeleton(joined) : std::string();
      const ScoredToken merged{joined, skel, 0};
      for (size_t j = 0; j < n1; ++j) {
        const size_t lj = one[j].text.size();
        if (lj + 2 < len || lj > len + 2) continue;
        if (best1[j] >= p.token_full) continue;
        // They must begin alike (their consonants, without vowels).
        if (vowelless ? (skel.empty() || one[j].skeleton.empty() ||
                         skel[0] != one[j].skeleton[0])
                      : one[j].text[0] != joined[0]) {
          continue;
        }
        const double s = TokenSimilarity(merged, one[j], vowelless, p);
        if (s < p.merge_min) continue;
        const float w2 = std::max(two[i].weight, two[i + 1].weight);
        const double c = Credit(s, p);
        if (c <= 0) continue;
        if (two_is_query) {
          pairs[np++] = {
              c,  static_cast<uint8_t>(i), 2, static_cast<uint8_t>(j), 1,
              w2, one[j].weight,           0};
        } else {
          pairs[np++] = {
              c, static_cast<uint8_t>(j), 1,  static_cast<uint8_t>(i),
              2, one[j].weight,           w2, 0};
        }
      }
    }
  };
  merges(query, n, candidate, m, best_q, best_c, true);
  merges(candidate, m, query, n, best_c, best_q, false);

  std::sort(pairs, pairs + np, [](const Pair& a, const Pair& b) {
    if (a.credit != b.credit) return a.credit > b.credit;
    return a.wq + a.wc > b.wq + b.wc;
  });
  std::array<bool, kMax> used_q{}, used_c{};
  size_t heaviest = 0;  // the query's heaviest token
  for (size_t i = 1; i < n; ++i) {
    if (query[i].weight > query[heaviest].weight) heaviest = i;
  }
  double heaviest_credit = 0;
  double num = 0, den = 0;
  int paired = 0;
  for (size_t k = 0; k < np; ++k) {
    const Pair& pr = pairs[k];
    bool free = true;
    for (int d = 0; d < pr.qn; ++d) free &= !used_q[pr.qi + d];
    for (int d = 0; d < pr.cn; ++d) free &= !used_c[pr.cj + d];
    if (!free) continue;
    for (int d = 0; d < pr.qn; ++d) used_q[pr.qi + d] = true;
    for (int d = 0; d < pr.cn; ++d) used_c[pr.cj + d] = true;
    if (pr.qi <= heaviest && heaviest < pr.qi + pr.qn) {
      heaviest_credit = pr.credit;
    }
    num += pr.credit * (pr.wq + pr.wc);
    den += pr.wq + pr.wc + pr.excess;
    ++paired;
  }
  double left_q = 0, left_c = 0;
  int unpaired_q = 0, unpaired_c = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!used_q[i]) {
      left_q += query[i].weight;
      ++unpaired_q;
    }
  }
  for (size_t j = 0; j < m; ++j) {
    if (!used_c[j]) {
      left_c += candidate[j].weight;
      ++unpaired_c;
    }
  }
  // The name with more tokens is the longer one; its extra tokens cost less.
  double pen_q = 1, pen_c = 1;
  if (n > m) pen_q = p.extra_penalty;
  if (m > n) pen_c = p.extra_penalty;
  den += pen_q * left_q + pen_c * left_c;
  const double score = den > 0 ? num / den : 0;
  if (detail) {
    detail->score = score;
    detail->paired = paired;
    detail->unpaired_query = unpaired_q;
    detail->unpaired_candidate = unpaired_c;
    detail->heaviest_credit = heaviest_credit;
  }
  return score;
}

}  // namespace divrisk::screening
