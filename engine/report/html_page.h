// The frame every divrisk HTML page shares (the report of one case, the
// archive dashboard): one self-contained file with its style inline, a
// Content-Security-Policy that forbids scripts and every load from
// elsewhere, and print rules for A4.

#ifndef DIVRISK_ENGINE_REPORT_HTML_PAGE_H_
#define DIVRISK_ENGINE_REPORT_HTML_PAGE_H_

#include <string>
#include <string_view>

#include "engine/report/report_view.h"

namespace divrisk {

// <!DOCTYPE html> to <body>; `title` is escaped.
void AppendHtmlPageStart(std::string_view title, std::string* out);
// The footer (the engine supports the decision, it does not take it) and
// the end of the page.
void AppendHtmlPageEnd(std::string_view footer_note, std::string* out);

// The inline SVG bar chart of the contributions, grouped by category.
void AppendContributionChart(const ReportView& v, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_HTML_PAGE_H_
