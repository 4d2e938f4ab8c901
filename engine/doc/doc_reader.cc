#include "engine/doc/doc_reader.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "engine/doc/visible_text.h"

namespace divrisk {

std::string DocError::ToString() const {
  std::string out;
  if (line > 0) absl::StrAppend(&out, line, ":", column, ": ");
  if (!path.empty()) {
    AppendVisible(path, &out);
    out.append(": ");
  }
  AppendVisible(message, &out);
  return out;
}

namespace {

// File order: by line, then column; unpositioned errors last.
bool EarlierInFile(const DocError& a, const DocError& b) {
  const int la = a.line > 0 ? a.line : INT_MAX;
  const int lb = b.line > 0 ? b.line : INT_MAX;
  return la != lb ? la < lb : a.column < b.column;
}

}  // namespace

void DocErrors::Add(DocError e) {
  if (errors_.size() < kMaxKept) {
    errors_.push_back(std::move(e));
    return;
  }
  // Full: keep the earliest errors, so the report starts where the file's
  // trouble starts.
  ++dropped_;
  auto latest = std::max_element(errors_.begin(), errors_.end(), EarlierInFile);
  if (EarlierInFile(e, *latest)) *latest = std::move(e);
}

std::vector<DocError> DocErrors::Sorted() const {
  std::vector<DocError> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(), EarlierInFile);
  if (dropped_ > 0) {
    sorted.push_back(DocError{0, 0, "",
                              absl::StrCat(dropped_, " more errors not shown")});
  }
  return sorted;
}

std::string DocErrors::Format(const std::string& file) const {
  std::string out;
  for (const DocError& e : Sorted()) {
    absl::StrAppend(&out, Visible(file), ":", e.ToString(), "\n");
  }
  return out;
}

std::string JoinPath(const std::string& path, std::string_view key) {
  std::string k = Excerpt(key);
  return path.empty() ? k : absl::StrCat(path, ".", k);
}

std::string IndexPath(const std::string& path, size_t index) {
  return absl::StrCat(path, "[", index, "]");
}

std::string FieldPath::str() const {
  if (parent_ == nullptr) return std::string(text_);
  std::string parent = parent_->str();
  if (index_ != kNoIndex) return IndexPath(parent, index_);
  return JoinPath(parent, text_);
}

MapReader::MapReader(const DocNode& node, std::string path, DocErrors* errors)
    : node_(node),
      path_(std::move(path)),
      errors_(errors),
      is_map_(node.kind == DocNode::Kind::kMap),
      used_(node.fields.size(), false) {
  if (!is_map_) {
    errors_->Add(node, path_,
                 absl::StrCat("expected a map, found ", node.Describe()));
  }
  // Small maps are searched; large ones (an `extensions` map, or a hostile
  // file) get an index, so that nothing here is quadratic in the keys.
  constexpr size_t kIndexFrom = 32;
  const bool indexed = node.fields.size() >= kIndexFrom;
  if (indexed) index_.reserve(node.fields.size());
  // Duplicate keys: the first one is read, each later one is an error.
  for (size_t i = 0; i < node.fields.size(); ++i) {
    const DocNode& key = node.fields[i].first;
    int first = -1;
    if (indexed) {
      auto [it, inserted] = index_.emplace(key.text, static_cast<int>(i));
      if (!inserted) first = it->second;
    } else {
      for (size_t j = 0; j < i && first < 0; ++j) {
        if (node.fields[j].first.text == key.text) first = static_cast<int>(j);
      }
    }
    if (first < 0) continue;
    errors_->Add(key, PathOf(key.text),
                 absl::StrCat("duplicate key (first at line ",
                              node.fields[first].first.line, ")"));
    used_[i] = true;
    has_duplicates_ = true;
  }
}

int MapReader::IndexOf(std::string_view key) const {
  if (!index_.empty()) {
    auto it = index_.find(key);
    return it == index_.end() ? -1 : it->second;
  }
  // Readers mostly ask for keys in the order files write them: the search
  // starts after the last key found, so such lookups take one comparison.
  // With duplicate keys it starts at the top, as the first one is read.
  const size_t n = node_.fields.size();
  const size_t start = has_duplicates_ ? 0 : next_;
  for (size_t k = 0, i = start; k < n; ++k, i = i + 1 == n ? 0 : i + 1) {
    if (node_.fields[i].first.text == key) {
      next_ = i + 1 == n ? 0 : i + 1;
      return static_cast<int>(i);
    }
  }
  return -1;
}

const DocNode* MapReader::Optional(std::string_view key) {
  const int i = IndexOf(key);
  if (i < 0) return nullptr;
  used_[i] = true;
  const DocNode& value = node_.fields[i].second;
  return value.kind == DocNode::Kind::kNull ? nullptr : &value;
}

const DocNode* MapReader::Required(std::string_view key) {
  const DocNode* value = Optional(key);
  if (value == nullptr && is_map_) {
    errors_->Add(node_, PathOf(key), "missing required field");
  }
  return value;
}

void MapReader::Finish() {
  for (size_t i = 0; i < node_.fields.size(); ++i) {
    if (used_[i]) continue;
    const DocNode& key = node_.fields[i].first;
    errors_->Add(key, PathOf(key.text), "unknown key");
  }
}

namespace {

// How a value is quoted in an error: a short excerpt (see Excerpt).
std::string Quote(std::string_view text) {
  return absl::StrCat("'", Excerpt(text), "'");
}

// [-+]?[0-9]+
bool IsDecimalInteger(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> ReadString(const DocNode& n, const FieldPath& path,
                                      DocErrors* errors) {
  // A plain YAML number (an EUC number such as 443) is still text; a boolean
  // or a structure is not.
  if (!n.IsScalar() || n.type == DocNode::ScalarType::kBool) {
    errors->Add(n, path, absl::StrCat("expected a string, found ", n.Describe()));
    return std::nullopt;
  }
  return n.text;
}

std::optional<bool> ReadBool(const DocNode& n, const FieldPath& path,
                             DocErrors* errors) {
  if (!n.IsScalar() || n.type != DocNode::ScalarType::kBool) {
    errors->Add(n, path,
                absl::StrCat("expected true or false, found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
    return std::nullopt;
  }
  return n.text == "true";
}

std::optional<int64_t> ReadInt(const DocNode& n, const FieldPath& path,
                               DocErrors* errors, int64_t min, int64_t max) {
  int64_t v;
  const bool is_number =
      n.IsScalar() && n.type == DocNode::ScalarType::kNumber;
  if (is_number && !absl::SimpleAtoi(n.text, &v) && IsDecimalInteger(n.text)) {
    // Digits that do not fit in 64 bits: out of range, not malformed.
    errors->Add(n, path,
                absl::StrCat("expected a whole number from ", min, " to ", max,
                             ", found ", Excerpt(n.text)));
    return std::nullopt;
  }
  if (!is_number || !absl::SimpleAtoi(n.text, &v)) {
    errors->Add(n, path,
                absl::StrCat("expected a whole number, found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
    return std::nullopt;
  }
  if (v < min || v > max) {
    errors->Add(n, path,
                absl::StrCat("expected a whole number from ", min, " to ", max,
                             ", found ", v));
    return std::nullopt;
  }
  return v;
}

std::optional<double> ReadNumber(const DocNode& n, const FieldPath& path,
                                 DocErrors* errors) {
  double v;
  if (!n.IsScalar() || n.type != DocNode::ScalarType::kNumber ||
      !absl::SimpleAtod(n.text, &v) || !std::isfinite(v)) {
    errors->Add(n, path,
                absl::StrCat("expected a finite number, found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
    return std::nullopt;
  }
  return v;
}

std::optional<Date> ReadDate(const DocNode& n, const FieldPath& path,
                             DocErrors* errors) {
  std::optional<Date> d;
  if (n.IsScalar()) d = ParseIsoDate(n.text);
  if (!d) {
    errors->Add(n, path,
                absl::StrCat("expected a calendar date YYYY-MM-DD, found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
  }
  return d;
}

std::optional<Date> ReadPartialDate(const DocNode& n, const FieldPath& path,
                                    DocErrors* errors, bool latest) {
  std::optional<Date> d;
  if (n.IsScalar()) d = ParsePartialDate(n.text, latest);
  if (!d) {
    errors->Add(n, path,
                absl::StrCat("expected a date YYYY, YYYY-MM or YYYY-MM-DD, "
                             "found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
  }
  return d;
}

std::optional<CountryCode> ReadCountryShape(const DocNode& n,
                                            const FieldPath& path,
                                            DocErrors* errors) {
  std::optional<CountryCode> code;
  if (n.IsScalar() && n.type == DocNode::ScalarType::kString) {
    code = CountryCode::FromText(n.text);
  }
  if (!code) {
    errors->Add(n, path,
                absl::StrCat("expected an ISO 3166 country code (GB, or YUCS "
                             "for a former state), found ",
                             n.IsScalar() ? Quote(n.text)
                                          : n.Describe()));
  }
  return code;
}

const std::vector<DocNode>* ReadList(const DocNode& n, const FieldPath& path,
                                     DocErrors* errors) {
  if (n.kind != DocNode::Kind::kSequence) {
    errors->Add(n, path, absl::StrCat("expected a list, found ", n.Describe()));
    return nullptr;
  }
  return &n.items;
}

}  // namespace divrisk
