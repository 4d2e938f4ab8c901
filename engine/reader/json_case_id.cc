#include "engine/reader/json_case_id.h"

#include "simdjson.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

// Walks a value as ParseJsonInto's builder does, with its checks in its
// order; false where it would return an error. At depth 0 it notes the
// first "id" field's value in *id (kind and text).
class Walker {
 public:
  explicit Walker(const DocLimits& limits) : limits_(limits) {}

  enum class IdKind { kAbsent, kText, kNone };
  IdKind id_kind = IdKind::kAbsent;
  std::string_view id;

  bool Walk(od::value value, int depth) {
    const std::string_view token = value.raw_json_token();
    if (++nodes_ > limits_.max_nodes) return false;
    od::json_type type;
    if (value.type().get(type)) return false;
    switch (type) {
      case od::json_type::object:
      case od::json_type::array:
        if (depth >= limits_.max_depth) return false;
        return type == od::json_type::object ? Object(value, depth)
                                             : Array(value, depth);
      case od::json_type::string: {
        std::string_view s;
        if (value.get_string().get(s)) return false;
        last_string_ = s;
        return s.size() <= limits_.max_scalar_bytes;
      }
      case od::json_type::number: {
        double d;
        last_number_ = Trim(token);
        return !value.get_double().get(d);
      }
      case od::json_type::boolean: {
        bool b;
        return !value.get_bool().get(b);
      }
      case od::json_type::null: {
        bool is_null = false;
        return !value.is_null().get(is_null) && is_null;
      }
    }
    return false;
  }

 private:
  bool Object(od::value value, int depth) {
    od::object object;
    if (value.get_object().get(object)) return false;
    for (auto field_result : object) {
      od::field field;
      if (std::move(field_result).get(field)) return false;
      std::string_view key;
      if (field.unescaped_key().get(key)) return false;
      if (key.size() > limits_.max_scalar_bytes) return false;
      const bool is_id = depth == 0 && id_kind == IdKind::kAbsent && key == "id";
      od::value child = field.value();
      od::json_type type = od::json_type::null;
      if (is_id && child.type().get(type)) return false;
      last_string_ = last_number_ = {};
      if (!Walk(child, depth + 1)) return false;
      if (!is_id) continue;
      // CaseIdOf: a string, or a number as written; anything else none.
      id_kind = IdKind::kNone;
      if (type == od::json_type::string) {
        id_kind = IdKind::kText;
        id = last_string_;
      } else if (type == od::json_type::number) {
        id_kind = IdKind::kText;
        id = last_number_;
      }
    }
    return true;
  }

  bool Array(od::value value, int depth) {
    od::array array;
    if (value.get_array().get(array)) return false;
    for (auto item_result : array) {
      od::value item;
      if (std::move(item_result).get(item)) return false;
      if (!Walk(item, depth + 1)) return false;
    }
    return true;
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' ||
                          s.back() == '\r' || s.back() == '\t')) {
      s.remove_suffix(1);
    }
    return s;
  }

  const DocLimits& limits_;
  size_t nodes_ = 0;
  std::string_view last_string_;  // the last string value walked
  std::string_view last_number_;  // the last number, as written
};

}  // namespace

std::optional<std::string> JsonCaseId(std::string_view text,
                                      const DocLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > limits.max_bytes) return std::nullopt;
  // One parser and padded buffer per thread, as ParseJsonInto keeps.
  thread_local od::parser parser;
  thread_local std::string buffer;
  buffer.assign(text.data(), text.size());
  buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
  od::document doc;
  if (parser.iterate(buffer.data(), text.size(), buffer.size()).get(doc)) {
    return std::nullopt;
  }
  od::value root;
  if (doc.get_value().get(root)) return std::nullopt;
  od::json_type root_type;
  if (root.type().get(root_type)) return std::nullopt;
  Walker walker(limits);
  if (!walker.Walk(root, 0)) return std::nullopt;
  // Content after the root value: ParseJsonInto refuses the line.
  if (auto loc = doc.current_location(); !loc.error()) return std::nullopt;
  if (root_type != od::json_type::object ||
      walker.id_kind != Walker::IdKind::kText || walker.id.empty() ||
      walker.id.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(walker.id);
}

}  // namespace divrisk
