// The report of one assessed case as a self-contained HTML page: what an
// officer prints on A4, signs and attaches to the file (`divrisk report
// FILE -o report.html`, and the HTTP service). Everything the case holds is
// shown escaped (AppendHtml); the page loads nothing and runs no script.

#ifndef DIVRISK_ENGINE_REPORT_HTML_REPORT_H_
#define DIVRISK_ENGINE_REPORT_HTML_REPORT_H_

#include <string>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

// Appends the whole page (<!DOCTYPE html> to </html>) for `a`, which
// Explain built with Detail::kFull under `plan`.
void AppendHtmlReport(const Plan& plan, const Assessment& a, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_HTML_REPORT_H_
