#include "engine/doc/json_text.h"

#include <cstdint>
#include <cstring>
#include <regex>

namespace divrisk {

namespace {

// How many leading bytes of `text` need no escape, found eight at a time
// (a word has one to escape when a byte is below 0x20, '"' or '\\').
size_t CleanPrefix(std::string_view text) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;
  constexpr uint64_t kHigh = kOnes * 0x80;
  auto has_zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
    if (below_space | has_zero_byte(w ^ (kOnes * '"')) |
        has_zero_byte(w ^ (kOnes * '\\'))) {
      break;
    }
  }
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + text.size() + 2);
  out->push_back('"');
  // Runs of bytes that need no escape (nearly all of them) are copied whole:
  // the writers spend most of their time here.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    i += CleanPrefix(text.substr(i));
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(escape, sizeof(escape));
      }
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
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
