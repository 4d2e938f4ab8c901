#include "engine/doc/json_text.h"

#include <regex>

#include "engine/doc/json_escape.h"

namespace divrisk {

namespace {

// AppendJsonString's sink: bytes straight onto the string.
struct StringSink {
  std::string& out;
  void Put(char c) { out.push_back(c); }
  void Put(const char* p, size_t n) { out.append(p, n); }
};

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size() + 2);
  StringSink sink{*out};
  doc_internal::EscapeJsonString(text, sink);
}

void AppendJson(const DocNode& node, std::string* out) {
  switch (node.kind) {
    case DocNode::Kind::kNull:
      out->append("null");
      return;
    case DocNode::Kind::kScalar: {
      static const std::regex kJsonNumber(
          "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
      const bool as_is =
          node.type == DocNode::ScalarType::kBool ||
          (node.type == DocNode::ScalarType::kNumber &&
           std::regex_match(node.text, kJsonNumber));
      if (as_is) {
        out->append(node.text);
      } else {
        AppendJsonString(node.text, out);
      }
      return;
    }
    case DocNode::Kind::kSequence:
      out->push_back('[');
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i) out->push_back(',');
        AppendJson(node.items[i], out);
      }
      out->push_back(']');
      return;
    case DocNode::Kind::kMap:
      out->push_back('{');
      for (size_t i = 0; i < node.fields.size(); ++i) {
        if (i) out->push_back(',');
        AppendJsonString(node.fields[i].first.text, out);
        out->push_back(':');
        AppendJson(node.fields[i].second, out);
      }
      out->push_back('}');
      return;
  }
}

}  // namespace divrisk
