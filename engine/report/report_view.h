// ReportView: what the report of one case shows, gathered once from the
// rule set and the assessment, for the HTML page and the Markdown note to
// lay out alike. Strings are as the case and the rule set hold them, never
// escaped: escaping is the layout's job (HTML or Markdown).

#ifndef DIVRISK_ENGINE_REPORT_REPORT_VIEW_H_
#define DIVRISK_ENGINE_REPORT_REPORT_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

// The engine's version, as a report names it.
extern const char* const kEngineVersion;

struct HeaderView {
  std::string case_id;
  std::string assessed_on;
  std::string exporter;        // "Name (GB)"
  std::string end_user;        // "Name (GH), police"
  std::string destination;     // "GH Ghana"
  std::string deciding_state;  // the reason, in words
  std::vector<std::string> goods;  // "5,000 items of small arms: ..."
  std::string rule_set;        // "att-default 2026.11.1"
  std::string sha256;
  // Reference files whose records are invented: "registers (file)".
  std::vector<std::string> illustrative;
};

struct StopView {  // a hard stop, or the overriding-risk rule
  std::string action;     // "refuse", "refer", ...
  std::string title;      // the gate's reason
  std::string citation;   // as a letter cites it
  bool on_unknown = false;
  std::vector<Fact> evidence;
  std::vector<std::string> unknown_facts;
};

// One line of the score, as the text output shows it (engine/explain
// score_lines.h): an indicator's points on its weight's scale, what a
// credited licence condition takes off, or what a category's cap takes off.
struct BarView {
  enum class Kind : uint8_t { kIndicator, kCondition, kCap };
  Kind kind = Kind::kIndicator;
  std::string id;         // indicator id, the measure's words, or "cap"
  std::string citation;
  // What the chart labels the bar with: the treaty and the EU Common
  // Position parts of the citation (at most two; the whole is in the
  // evidence table).
  std::vector<std::string> treaty_refs;
  std::string reason;
  int64_t points_q = 0;   // signed, exact: the bar's length
  std::string shown;      // signed, one decimal, the lines adding up
  bool unknown = false;   // scored at its base rate: the facts are not known
  bool mitigating = false;  // takes points off
};

struct CategoryView {
  std::string name;
  std::vector<BarView> bars;
};

struct RouteStopView {
  std::string country;    // "AE United Arab Emirates"
  std::string role;       // "origin", "transit", "destination"
  std::string mode_in;    // how the goods arrive: "air", "sea", ...
  bool transshipment = false;
  bool free_trade_zone = false;
  std::vector<std::string> embargoes;  // in force on the assessment date
};

struct PartyView {
  std::string role;       // "exporter", "end user", "broker", ...
  std::string path;       // "parties[0]"
  std::string name;
  std::string country;
  std::string register_text;
  std::vector<Fact> findings;  // evidence about this party
};

struct QuestionView {
  std::string addressee;  // "Ask the applicant", "Ask the embassy", ...
  std::string text;
  int64_t swing_q = 0;
  bool could_change_outcome = false;
};

struct ConditionView {
  std::string measure;    // in words
  std::string condition;  // the licence condition
  std::string effect;     // what it changes
  bool credited = false;  // already in the case and credited
};

struct ReportView {
  HeaderView header;
  std::string recommendation;  // "Refer"
  std::string recommendation_word;  // "refer"
  std::string reason;
  std::string band;
  int64_t score_q = 0, min_q = 0, max_q = 0;
  std::vector<StopView> stops;
  std::vector<CategoryView> categories;  // with their bars, rule-set order
  int64_t largest_bar_q = 0;
  bool route_disclosed = false;
  std::vector<RouteStopView> route;
  std::vector<PartyView> parties;
  std::vector<QuestionView> questions;
  std::vector<ConditionView> conditions;
  std::vector<std::pair<std::string, std::string>> not_credited;
  std::string no_condition_reason;  // why none is suggested, or empty
  std::vector<StopView> evidence;    // every contribution, with its facts
};

ReportView BuildReportView(const Plan& plan, const Assessment& a);

// Points as a report shows them: one decimal ("4.9", "-3.0").
std::string Points(int64_t q);
// Tenths of a point, signed: "+4.9", "-3.0", "0.0".
std::string SignedTenths(int64_t tenths);
// "approve_with_conditions" -> "approve with conditions".
std::string Words(std::string_view word);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_REPORT_VIEW_H_
