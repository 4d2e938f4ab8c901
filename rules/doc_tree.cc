#include "rules/doc_tree.h"

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

}  // namespace divrisk
