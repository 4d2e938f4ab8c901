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

double Jaro(std::string_view a, std::string_view b) {
  const size_t la = a.size(), lb = b.size();
  if (la == 0 || lb == 0) return 0;
  const size_t range = std::max<size_t>(std::max(la, lb) / 2, 1) - 1;
  std::array<bool, 64> fa_buf{}, fb_buf{};
  std::vector<bool> fa_vec, fb_vec;
  const bool small = la <= 64 && lb <= 64;
  if (!small) {
    fa_vec.assign(la, false);
    fb_vec.assign(lb, false);
  }
  auto fa = [&](size_t i) -> bool { return small ? fa_buf[i] : fa_vec[i]; };
  auto fb = [&](size_t i) -> bool { return small ? fb_buf[i] : fb_vec[i]; };
  auto set_a = [&](size_t i) {
    if (small) fa_buf[i] = true; else fa_vec[i] = true;
  };
  auto set_b = [&](size_t i) {
    if (small) fb_buf[i] = true; else fb_vec[i] = true;
  };
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    const size_t lo = i > range ? i - range : 0;
    const size_t hi = std::min(i + range + 1, lb);
    for (size_t j = lo; j < hi; ++j) {
      if (fb(j) || a[i] != b[j]) continue;
      set_a(i);
      set_b(j);
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t k = 0, transpositions = 0;
  for (size_t i = 0; i < la; ++i) {
    if (!fa(i)) continue;
    while (!fb(k)) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  return (m / static_cast<double>(la) + m / static_cast<double>(lb) +
          (m - static_cast<double>(transpositions) / 2) / m) /
         3;
}

double Credit(double sim, const ScorerParams& p) {
  if (sim <= p.token_floor) return 0;
  const double c = (sim - p.token_floor) / (1 - p.token_floor);
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
  std::string out;
  char prev = 0;
  for (char c : token) {
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w':
      case 'v':
        continue;
      case 'q': case 'c':
        c = 'k';
        break;
      default:
        break;
    }
    if (c == prev) continue;
    out.push_back(c);
    prev = c;
  }
  if (out.empty() && !token.empty()) out.push_back(token[0]);
  return out;
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

double TokenSimilarity(const ScoredToken& a, const ScoredToken& b,
                       bool vowelless, const ScorerParams& p) {
  if (a.text == b.text) return 1;
  if (HasDigit(a.text) || HasDigit(b.text)) return 0;
  if (a.text.size() == 1 || b.text.size() == 1) {
    if (a.text.size() == 1 && b.text.size() == 1) return 0;
    return a.text[0] == b.text[0] ? p.initial_sim : 0;
  }
  if (RomanisationVariants(a.text, b.text)) return 1;
  double sim = JaroWinkler(a.text, b.text);
  if (std::min(a.text.size(), b.text.size()) <= 4) sim *= p.short_token_factor;
  if (vowelless) {
    if (!a.skeleton.empty() && !b.skeleton.empty()) {
      sim = std::max(sim, JaroWinkler(a.skeleton, b.skeleton) *
                              p.vowelless_factor);
    }
  } else if (a.skeleton.size() >= 3 && a.skeleton == b.skeleton) {
    sim = std::max(sim, p.skeleton_sim);
  }
  return sim;
}

double NameScore(const std::vector<ScoredToken>& query,
                 const std::vector<ScoredToken>& candidate, bool vowelless,
                 const ScorerParams& p, NameScoreDetail* detail) {
  constexpr size_t kMax = 16;
  const size_t n = std::min(query.size(), kMax);
  const size_t m = std::min(candidate.size(), kMax);
  if (n == 0 || m == 0) {
    if (detail) *detail = NameScoreDetail{};
    return 0;
  }
  // A unit is one token or two adjacent tokens merged: (first, count).
  struct Pair {
    double credit;
    uint8_t qi, qn, cj, cn;
    float wq, wc;
  };
  std::array<Pair, 4 * kMax * kMax> pairs;
  size_t np = 0;
  std::array<double, kMax> best_q{}, best_c{};
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const double s = TokenSimilarity(query[i], candidate[j], vowelless, p);
      best_q[i] = std::max(best_q[i], s);
      best_c[j] = std::max(best_c[j], s);
      const double c = Credit(s, p);
      if (c > 0) {
        pairs[np++] = {c, static_cast<uint8_t>(i), 1, static_cast<uint8_t>(j),
                       1, query[i].weight, candidate[j].weight};
      }
    }
  }
  // Merges: two adjacent tokens of one name against one token of the other.
  auto merges = [&](const std::vector<ScoredToken>& two, size_t n2,
                    const std::vector<ScoredToken>& one, size_t n1,
                    const std::array<double, kMax>& best2, bool two_is_query) {
    std::string joined;
    for (size_t i = 0; i + 1 < n2; ++i) {
      if (best2[i] >= 1 && best2[i + 1] >= 1) continue;
      if (HasDigit(two[i].text) || HasDigit(two[i + 1].text)) continue;
      const size_t len = two[i].text.size() + two[i + 1].text.size();
      joined.assign(two[i].text);
      joined.append(two[i + 1].text);
      const std::string skel = Skeleton(joined);
      const ScoredToken merged{joined, skel, 0};
      for (size_t j = 0; j < n1; ++j) {
        const size_t lj = one[j].text.size();
        if (lj + 2 < len || lj > len + 2) continue;
        const double s = TokenSimilarity(merged, one[j], vowelless, p);
        if (s < p.merge_min) continue;
        const float w2 = std::max(two[i].weight, two[i + 1].weight);
        const double c = Credit(s, p);
        if (c <= 0) continue;
        if (two_is_query) {
          pairs[np++] = {c, static_cast<uint8_t>(i), 2, static_cast<uint8_t>(j),
                         1, w2, one[j].weight};
        } else {
          pairs[np++] = {c, static_cast<uint8_t>(j), 1, static_cast<uint8_t>(i),
                         2, one[j].weight, w2};
        }
      }
    }
  };
  merges(query, n, candidate, m, best_q, true);
  merges(candidate, m, query, n, best_c, false);

  std::sort(pairs.begin(), pairs.begin() + static_cast<long>(np),
            [](const Pair& a, const Pair& b) {
              if (a.credit != b.credit) return a.credit > b.credit;
              return a.wq + a.wc > b.wq + b.wc;
            });
  std::array<bool, kMax> used_q{}, used_c{};
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
    num += pr.credit * (pr.wq + pr.wc);
    den += pr.wq + pr.wc;
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
  }
  return score;
}

}  // namespace divrisk::screening
