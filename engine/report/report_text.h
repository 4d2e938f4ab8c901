// The fixed wording of a case report, shared by the HTML page and the
// Markdown note so that both say the same thing. None of it holds text from
// a case unescaped: the functions return raw text that the layout escapes.

#ifndef DIVRISK_ENGINE_REPORT_REPORT_TEXT_H_
#define DIVRISK_ENGINE_REPORT_REPORT_TEXT_H_

#include <string>

#include "engine/report/report_view.h"

namespace divrisk {

inline constexpr char kIllustrativeWarning[] =
    "Warning: illustrative reference data in use, not real records. Not for "
    "a real decision.";
inline constexpr char kNoHardStop[] =
    "None: no prohibition (ATT Art. 6), sanction or overriding risk "
    "(Art. 7(3)) applies.";
inline constexpr char kNoRoute[] =
    "The route is not disclosed: no leg is given.";
inline constexpr char kNoQuestion[] =
    "None: no unknown fact could move the score.";

// "Invented records: registers (reference/registers.yaml), ..."
std::string IllustrativeList(const HeaderView& h);
// "Score 41.3 in band high; 38.0 to 52.5 once the unknown facts are known."
std::string ScoreLine(const ReportView& v);
// "the answer could move the score by 6.5; it could change the ..."
std::string QuestionNote(const QuestionView& q);
std::string NoConditionText(const ReportView& v);
// The footer: the engine supports the decision and does not take it.
std::string FooterNote(const ReportView& v);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_REPORT_TEXT_H_
