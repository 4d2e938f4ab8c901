#include "engine/explain/questions.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

// Whether a known hard stop or the overriding-risk rule refuses the case:
// then no answer about a weighted fact changes the recommendation.
bool RefusedRegardless(const Assessment& a) {
  if (a.result.overriding_risk) return true;
  for (const HardStop& stop : a.hard_stops) {
    if (!stop.on_unknown && stop.action == Recommendation::kRefuse) return true;
  }
  return false;
}

}  // namespace

QuestionTemplate QuestionFor(const Plan& plan, int indicator) {
  const IndicatorSpec& spec = plan.indicators[indicator];
  if (spec.question) return *spec.question;
  return {Addressee::kApplicant,
          absl::StrCat("Please confirm or rule out: ", spec.evidence, ".")};
}

std::string FillQuestion(const Plan& plan, const Case& c,
                         const std::string& text) {
  auto name_or = [](const std::string& name, const char* fallback) {
    return name.empty() ? std::string(fallback) : name;
  };
  std::string destination = std::string(c.end_user.country.view());
  if (const CountryProfile* p = plan.reference->Country(c.end_user.country)) {
    destination = p->name;
  }
  std::string out;
  size_t from = 0;
  while (from < text.size()) {
    const size_t open = text.find('{', from);
    const size_t close =
        open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 1, close - open - 1);
    out.append(text, from, open - from);
    if (name == "end_user") {
      out += name_or(c.end_user.name, "the end user");
    } else if (name == "exporter") {
      out += name_or(c.exporter.name, "the exporter");
    } else if (name == "destination") {
      out += destination;
    } else {
      out.append(text, open, close - open + 1);  // the compiler refuses these
    }
    from = close + 1;
  }
  out.append(text, std::min(from, text.size()));
  return out;
}

std::vector<Question> RankQuestions(const Plan& plan, const Case& c,
                                    const Assessment& a) {
  const int band = a.result.band;
  const bool decided = RefusedRegardless(a);
  std::vector<Question> out;
  for (const UnknownFact& u : a.unknowns) {
    if (u.indicators.empty()) continue;
    const QuestionTemplate t = QuestionFor(plan, u.indicators.front());
    Question q;
    q.addressee = EnumWord(t.to);
    q.text = FillQuestion(plan, c, t.text);
    q.swing_q = u.swing_q;
    q.fact = u.fact;
    q.indicators = u.indicators;
    q.could_change_outcome =
        !u.gates.empty() ||
        (!decided && (BandOf(plan, u.low_q) != band ||
                      BandOf(plan, u.high_q) != band));
    auto same = std::find_if(out.begin(), out.end(), [&](const Question& o) {
      return o.addressee == q.addressee && o.text == q.text;
    });
    if (same == out.end()) {
      out.push_back(std::move(q));
      continue;
    }
    same->could_change_outcome =
        same->could_change_outcome || q.could_change_outcome;
    if (q.swing_q > same->swing_q) {
      same->swing_q = q.swing_q;
      same->fact = q.fact;
    }
    for (int i : q.indicators) {
      if (std::find(same->indicators.begin(), same->indicators.end(), i) ==
          same->indicators.end()) {
        same->indicators.push_back(i);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Question& x, const Question& y) {
                     if (x.could_change_outcome != y.could_change_outcome) {
                       return x.could_change_outcome;
                     }
                     return x.swing_q > y.swing_q;
                   });
  return out;
}

}  // namespace divrisk
