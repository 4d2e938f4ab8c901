#include "engine/doc/json_parser.h"

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

class Builder {
 public:
  Builder(std::string_view text, const char* base, const DocLimits& limits,
          int first_line)
      : text_(text),
        base_(base),
        limits_(limits),
        first_line_(first_line),
        line_(first_line),
        has_newline_(text.find('\n') != std::string_view::npos) {}

  // Converts `value` into `*out`; returns an error "line:col: message".
  absl::Status Build(od::value value, int depth, DocNode* out) {
    std::string_view token = value.raw_json_token();
    Locate(token.data(), out);
    if (++nodes_ > limits_.max_nodes) {
      return Error(token.data(), absl::StrCat("more than ", limits_.max_nodes,
                                              " nodes"));
    }
    od::json_type type;
    if (auto e = value.type().get(type)) return Error(token.data(), e);
    switch (type) {
      case od::json_type::object:
      case od::json_type::array:
        if (depth >= limits_.max_depth) {
          return Error(token.data(),
                       absl::StrCat("nesting deeper than the limit of ",
                                    limits_.max_depth));
        }
        return type == od::json_type::object ? BuildObject(value, depth, out)
                                             : BuildArray(value, depth, out);
      case od::json_type::string: {
        std::string_view s;
        if (auto e = value.get_string().get(s)) return Error(token.data(), e);
        if (s.size() > limits_.max_scalar_bytes) {
          return Error(token.data(),
                       absl::StrCat("string longer than the limit of ",
                                    limits_.max_scalar_bytes, " bytes"));
        }
        MakeLeaf(DocNode::Kind::kScalar, DocNode::ScalarType::kString, out);
        out->text.assign(s);
        return absl::OkStatus();
      }
      case od::json_type::number: {
        double d;
        if (auto e = value.get_double().get(d)) return Error(token.data(), e);
        MakeLeaf(DocNode::Kind::kScalar, DocNode::ScalarType::kNumber, out);
        out->text.assign(Trim(token));
        return absl::OkStatus();
      }
      case od::json_type::boolean: {
        bool b;
        if (auto e = value.get_bool().get(b)) return Error(token.data(), e);
        MakeLeaf(DocNode::Kind::kScalar, DocNode::ScalarType::kBool, out);
        out->text.assign(b ? "true" : "false");
        return absl::OkStatus();
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = value.is_null().get(is_null); e || !is_null) {
          return Error(token.data(), "invalid literal");
        }
        MakeLeaf(DocNode::Kind::kNull, DocNode::ScalarType::kString, out);
        out->text.clear();
        return absl::OkStatus();
      }
    }
    return Error(token.data(), "unexpected value");
  }

  absl::Status Error(const char* at, simdjson::error_code e) {
    return Error(at, simdjson::error_message(e));
  }
  absl::Status Error(const char* at, std::string_view message) {
    DocNode where;
    Locate(at, &where);
    return absl::InvalidArgumentError(absl::StrCat(
        where.line, ":", where.column, ": invalid JSON: ", std::string(message)));
  }

 private:
  // Objects and arrays reuse the children `out` already holds (from the
  // previous line of a batch): same-shaped lines then allocate nothing.
  absl::Status BuildObject(od::value value, int depth, DocNode* out) {
    out->kind = DocNode::Kind::kMap;
    out->text.clear();
    out->items.clear();
    od::object object;
    if (auto e = value.get_object().get(object)) return Error(Where(value), e);
    size_t n = 0;
    for (auto field_result : object) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return Error(Last(), e);
      // The key's raw text starts just after its opening quote.
      const char* key_start = field.key().raw() - 1;
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return Error(Last(), e);
      if (key.size() > limits_.max_scalar_bytes) {
        return Error(key_start,
                     absl::StrCat("key longer than the limit of ",
                                  limits_.max_scalar_bytes, " bytes"));
      }
      if (n == out->fields.size()) {
        // A fresh map: room for a case's usual keys at once, rather than
        // moving the nodes at every doubling.
        if (n == 0) out->fields.reserve(16);
        out->fields.emplace_back();
      }
      auto& [key_node, child] = out->fields[n++];
      key_node.kind = DocNode::Kind::kScalar;
      key_node.type = DocNode::ScalarType::kString;
      key_node.text.assign(key);
      Locate(key_start, &key_node);
      if (auto s = Build(field.value(), depth + 1, &child); !s.ok()) {
        out->fields.resize(n);
        return s;
      }
    }
    out->fields.resize(n);
    return absl::OkStatus();
  }

  absl::Status BuildArray(od::value value, int depth, DocNode* out) {
    out->kind = DocNode::Kind::kSequence;
    out->text.clear();
    out->fields.clear();
    od::array array;
    if (auto e = value.get_array().get(array)) return Error(Where(value), e);
    size_t n = 0;
    for (auto item_result : array) {
      od::value item;
      if (auto e = std::move(item_result).get(item)) return Error(Last(), e);
      if (n == out->items.size()) {
        if (n == 0) out->items.reserve(4);
        out->items.emplace_back();
      }
      if (auto s = Build(item, depth + 1, &out->items[n++]); !s.ok()) {
        out->items.resize(n);
        return s;
      }
    }
    out->items.resize(n);
    return absl::OkStatus();
  }

  // A scalar or null node holds no children.
  static void MakeLeaf(DocNode::Kind kind, DocNode::ScalarType type,
                       DocNode* out) {
    out->kind = kind;
    out->type = type;
    out->items.clear();
    out->fields.clear();
  }

  const char* Where(od::value& value) { return value.raw_json_token().data(); }
  const char* Last() const { return last_; }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' ||
                          s.back() == '\r' || s.back() == '\t')) {
      s.remove_suffix(1);
    }
    return s;
  }

  // Positions arrive in document order, so the line count is carried
  // forward from the last position instead of recounted from the start.
  void Locate(const char* at, DocNode* out) {
    last_ = at;
    size_t offset = std::min<size_t>(at - base_, text_.size());
    if (offset < scanned_) {
      scanned_ = 0;
      line_ = first_line_;
      line_start_ = 0;
    }
    // A JSON Lines line has no newline at all; otherwise memchr finds them.
    while (has_newline_ && offset > scanned_) {
      const void* nl = std::memchr(text_.data() + scanned_, '\n',
                                   offset - scanned_);
      if (nl == nullptr) break;
      ++line_;
      line_start_ = static_cast<const char*>(nl) - text_.data() + 1;
      scanned_ = line_start_;
    }
    scanned_ = offset;
    out->line = line_;
    out->column = static_cast<int>(offset - line_start_) + 1;
  }

  std::string_view text_;
  const char* base_;
  const DocLimits& limits_;
  int first_line_;
  size_t nodes_ = 0;
  const char* last_ = nullptr;
  size_t scanned_ = 0;     // bytes before this offset are counted
  int line_;               // line at `scanned_`
  size_t line_start_ = 0;  // offset where that line starts
  bool has_newline_;
};

// Where in `text` lies an error that simdjson's first pass reports without
// a position (invalid UTF-8, a control character or an unclosed string);
// 0 for other errors.
size_t StageOneErrorOffset(std::string_view text, simdjson::error_code e) {
  if (e == simdjson::UTF8_ERROR) {
    size_t bad = FindInvalidUtf8(text);
    return bad == std::string_view::npos ? 0 : bad;
  }
  if (e != simdjson::UNESCAPED_CHARS && e != simdjson::UNCLOSED_STRING) {
    return 0;
  }
  bool in_string = false;
  size_t string_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!in_string) {
      if (c == '"') in_string = true, string_start = i;
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    } else if (c < 0x20 && e == simdjson::UNESCAPED_CHARS) {
      return i;
    }
  }
  return in_string ? string_start : 0;
}

}  // namespace

absl::Status ParseJsonInto(std::string_view text, const DocLimits& limits,
                           int first_line, DocNode* out) {
  // A UTF-8 byte-order mark (from Windows editors) is not part of the JSON;
  // columns on the first line then count from after it, as editors show.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > limits.max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        first_line, ":1: document larger than the limit of ", limits.max_bytes,
        " bytes"));
  }
  // One parser and one padded buffer per thread, reused across calls: a
  // batch parses millions of lines and must not allocate for each.
  thread_local od::parser parser;
  thread_local std::string buffer;
  buffer.assign(text.data(), text.size());
  buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
  const char* base = buffer.data();
  od::document doc;
  Builder builder(text, base, limits, first_line);
  if (auto e = parser.iterate(base, text.size(), buffer.size()).get(doc)) {
    return builder.Error(base + StageOneErrorOffset(text, e), e);
  }
  od::value root;
  if (auto e = doc.get_value().get(root)) {
    // simdjson refuses scalar documents here with a message about its own
    // API; what the user needs to know is that a case is an object.
    if (e == simdjson::SCALAR_DOCUMENT_AS_VALUE) {
      return builder.Error(base, "expected a JSON object");
    }
    const char* at = base + StageOneErrorOffset(text, e);
    if (auto loc = doc.current_location(); !loc.error()) at = loc.value_unsafe();
    return builder.Error(at, e);
  }
  if (auto s = builder.Build(root, 0, out); !s.ok()) return s;
  // A location past the root value means content follows it.
  if (auto loc = doc.current_location(); !loc.error()) {
    return builder.Error(loc.value_unsafe(),
                         "unexpected content after the document");
  }
  return absl::OkStatus();
}

absl::StatusOr<DocNode> ParseJson(std::string_view text,
                                  const DocLimits& limits, int first_line) {
  DocNode out;
  if (absl::Status s = ParseJsonInto(text, limits, first_line, &out); !s.ok()) {
    return s;
  }
  return out;
}

}  // namespace divrisk
