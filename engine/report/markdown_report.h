// The report of one assessed case as a Markdown note, for pasting into a
// case-management system: the same content as the HTML page (html_report.h)
// without the chart's drawing. Text from the case is made visible and every
// ASCII punctuation character in it backslash-escaped (AppendMarkdown), so
// that no case string becomes a link, an image, HTML, a heading or a table
// cell of its own.

#ifndef DIVRISK_ENGINE_REPORT_MARKDOWN_REPORT_H_
#define DIVRISK_ENGINE_REPORT_MARKDOWN_REPORT_H_

#include <string>
#include <string_view>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

void AppendMarkdownReport(const Plan& plan, const Assessment& a,
                          std::string* out);

// Appends `text` as Markdown text: visible-escaped (AppendVisible: no
// newline is left, so the text cannot start a line, a heading or a list),
// then a backslash before each of \ ` * _ [ ] < > & ! | ~ # $ (CommonMark
// reads an escaped character as itself, never as syntax).
void AppendMarkdown(std::string_view text, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_MARKDOWN_REPORT_H_
