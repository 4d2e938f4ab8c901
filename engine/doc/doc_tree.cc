#include "engine/doc/doc_tree.h"

#include <cstdint>

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

namespace {

bool AllOf(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsOctal(char c) { return c >= '0' && c <= '7'; }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool IsDecimal(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++frac_digits;
    // ".5" and "5." and "5.5" are numbers; "." is not.
    if (int_digits == 0 && frac_digits == 0) return false;
  } else if (int_digits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    return AllOf(s.substr(i), IsDigit);
  }
  return i == s.size();
}

}  // namespace

DocNode::ScalarType ClassifyPlainScalar(std::string_view text) {
  // YAML 1.2 core schema, except that only the lower-case words are
  // booleans, as the case format requires.
  if (text == "true" || text == "false") return DocNode::ScalarType::kBool;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  const bool number =
      IsDecimal(text) ||
      (text.size() > 2 && text.substr(0, 2) == "0o" && AllOf(text.substr(2), IsOctal)) ||
      (text.size() > 2 && text.substr(0, 2) == "0x" && AllOf(text.substr(2), IsHex)) ||
      body == ".inf" || body == ".Inf" || body == ".INF" || text == ".nan" ||
      text == ".NaN" || text == ".NAN";
  return number ? DocNode::ScalarType::kNumber : DocNode::ScalarType::kString;
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
