// Text from a file shown in an HTML page (the report of one case, the
// archive dashboard): made visible first (AppendVisible: controls, bidi
// controls and other format characters, newlines and ill-formed bytes
// become visible escapes), then HTML-escaped (& < > " '), so that a party
// name such as "<script>" or "<img src=x onerror=...>" reads as text in an
// element or in a quoted attribute and can never become markup.

#ifndef DIVRISK_ENGINE_DOC_HTML_TEXT_H_
#define DIVRISK_ENGINE_DOC_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace divrisk {

// Appends `text`, visible-escaped and HTML-escaped.
void AppendHtml(std::string_view text, std::string* out);
std::string Html(std::string_view text);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_HTML_TEXT_H_
