#include "rules/doc_tree.h"

#include <cstdint>
#include <regex>

namespace divrisk {

const char* DocNode::Describe() const {
  switch (kind) {
    case Kind::kNull:
      return "nothing (null)";
    case Kind::kSequence:
      return "a list";
    case Kind::kMap:
      return "a map";
    case Kind::kScalar:
      break;
  }
  switch (type) {
    case ScalarType::kNumber:
      return "a number";
    case ScalarType::kBool:
      return "a boolean";
    case ScalarType::kString:
      break;
  }
  return "a string";
}

DocNode::ScalarType ClassifyPlainScalar(std::string_view text) {
  // YAML 1.2 core schema, except that only the lower-case words are
  // booleans, as the case format requires.
  if (text == "true" || text == "false") return DocNode::ScalarType::kBool;
  static const std::regex kNumber(
      "[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
      "(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
      "\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");
  if (!text.empty() && std::regex_match(text.begin(), text.end(), kNumber)) {
    return DocNode::ScalarType::kNumber;
  }
  return DocNode::ScalarType::kString;
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t more;  // continuation bytes
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      more = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      more = 3, cp = c & 0x07;
    } else {
      return i;
    }
    if (text.size() - i <= more) return i;
    for (size_t k = 1; k <= more; ++k) {
      const unsigned char d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((more == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (more == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += more + 1;
  }
  return std::string_view::npos;
}

}  // namespace divrisk
