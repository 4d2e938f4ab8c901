#include "engine/doc/html_text.h"

#include "engine/doc/visible_text.h"

namespace divrisk {

void AppendHtml(std::string_view text, std::string* out) {
  const std::string visible = Visible(text);
  for (char ch : visible) {
    switch (ch) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      default: out->push_back(ch);
    }
  }
}

std::string Html(std::string_view text) {
  std::string out;
  AppendHtml(text, &out);
  return out;
}

}  // namespace divrisk
