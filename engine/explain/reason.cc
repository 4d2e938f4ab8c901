#include "engine/explain/reason.h"

#include <cctype>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "engine/explain/score_lines.h"
#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

// "Refer" for kRefer: the sentence's first word.
std::string Capitalised(Recommendation r) {
  std::string s = RecommendationWords(r);
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A rule-set sentence continued after a colon: its first letter lowered
// unless it starts an acronym ("MANPADS", "UN"; "A UN ..." is lowered).
std::string Continued(const std::string& sentence) {
  std::string s = sentence;
  if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
      (std::islower(static_cast<unsigned char>(s[1])) || s[1] == ' ')) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string Count(size_t n) {
  static const char* kWords[] = {"no",    "one", "two",   "three",
                                 "four",  "five", "six",  "seven",
                                 "eight", "nine", "ten"};
  return n <= 10 ? kWords[n] : absl::StrCat(n);
}

// "the high band (40 to 70)".
std::string BandWords(const Plan& plan, int band) {
  const BandSpec& b = plan.bands[band];
  std::string name = b.id;
  for (char& ch : name) {
    if (ch == '_') ch = ' ';
  }
  const double from = band > 0 ? plan.bands[band - 1].below.value_or(0) : 0;
  std::string range =
      b.below ? (band > 0 ? absl::StrCat(from, " to ", *b.below)
                          : absl::StrCat("below ", *b.below))
              : absl::StrCat(from, " or more");
  return absl::StrCat("the ", name, " band (", range, ")");
}

// "; ask first: <the top question>", or "" when there is none, or when
// `only_if_decisive` and no single answer could change the recommendation.
std::string AskFirst(const Assessment& a, bool only_if_decisive = false) {
  if (a.questions.empty()) return "";
  if (only_if_decisive && !a.questions.front().could_change_outcome) return "";
  return absl::StrCat("; ask first: ", a.questions.front().text);
}

size_t OpenFacts(const Assessment& a) {
  size_t n = 0;
  for (const UnknownFact& u : a.unknowns) n += u.swing_q > 0 ? 1 : 0;
  return n;
}

}  // namespace

std::string RecommendationWords(Recommendation r) {
  std::string s = EnumWord(r);
  for (char& ch : s) {
    if (ch == '_') ch = ' ';
  }
  return s;
}

std::string Tenths(int64_t q) {
  const int64_t t = RoundedTenths(q);
  return absl::StrCat(t < 0 ? "-" : "", std::llabs(t) / 10, ".",
                      std::llabs(t) % 10);
}

namespace {

std::string ReasonText(const Plan& plan, const Assessment& a) {
  const CaseResult& r = a.result;
  const std::string head = Capitalised(r.recommendation);
  // A known hard stop at the recommendation decides the case.
  for (const HardStop& stop : a.hard_stops) {
    if (stop.action != r.recommendation || stop.on_unknown) continue;
    const GateSpec& gate = plan.gates[stop.gate];
    if (stop.action == Recommendation::kRefuse) {
      return absl::StrCat(head, ": ", Continued(gate.reason),
                          "; a hard stop, which no score or licence "
                          "condition outweighs.");
    }
    if (stop.action == Recommendation::kApproveWithConditions) {
      return absl::StrCat("Approve only with conditions: ",
                          Continued(gate.reason), ".");
    }
    return absl::StrCat(head, ": ", Continued(gate.reason), ".");
  }
  if (r.overriding_risk) {
    const OverridingRiskSpec& o = *plan.overriding_risk;
    return absl::StrCat(
        head, ": ", Continued(o.reason), " (",
        plan.categories[o.category].name, " ",
        Tenths(Quantize(a.categories.final[o.category])), ", at or above ",
        Tenths(Quantize(o.threshold)), ").");
  }
  for (const HardStop& stop : a.hard_stops) {
    if (stop.action != r.recommendation) continue;  // on_unknown here
    return absl::StrCat(head, ": facts not yet known could make this a hard "
                        "stop (", Continued(plan.gates[stop.gate].reason),
                        ")", AskFirst(a), ".");
  }
  const BandSpec& band = plan.bands[r.band];
  const std::string score = Tenths(r.score_q);
  if (r.rests_on_conditions) {
    return absl::StrCat(head, ": the score is ", score,
                        " with the licence conditions below; without them "
                        "the recommendation would be stricter.");
  }
  if (band.uncertain_recommendation &&
      r.recommendation == *band.uncertain_recommendation &&
      r.recommendation != band.recommendation) {
    const size_t open = OpenFacts(a);
    return absl::StrCat(head, ", not ", RecommendationWords(band.recommendation),
                        ": ", Count(open), open == 1 ? " fact" : " facts",
                        " not yet known could bring the score down to ",
                        Tenths(r.min_q), AskFirst(a), ".");
  }
  std::string why = absl::StrCat(head, ": the score, ", score, ", is in ",
                                 BandWords(plan, r.band));
  if (r.recommendation == Recommendation::kRefuse) {
    absl::StrAppend(&why, ", and no answer to the open questions could bring "
                          "it lower than ", Tenths(r.min_q), ".");
  } else if (r.recommendation == Recommendation::kApprove) {
    const std::string ask = AskFirst(a, true);
    absl::StrAppend(&why, " and no hard stop applies",
                    ask.empty() ? "; no single open question could raise it "
                                  "out of the band."
                                : ask + ".");
  } else if (r.recommendation == Recommendation::kRefer) {
    absl::StrAppend(&why, AskFirst(a), ".");  // the officer's next step
  } else {
    absl::StrAppend(&why, AskFirst(a, true), ".");
  }
  return why;
}

}  // namespace

std::string RecommendationReason(const Plan& plan, const Assessment& a) {
  std::string s = ReasonText(plan, a);
  // A sentence ending in the first question keeps its question mark.
  if (s.size() >= 2 && s.ends_with(".") && (s[s.size() - 2] == '?' ||
                                            s[s.size() - 2] == '.')) {
    s.pop_back();
  }
  return s;
}

}  // namespace divrisk
