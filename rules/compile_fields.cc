// Field readers of the compiler: numbers within the rule set's limits,
// lists within theirs, lists of strings, and categories and indicators
// referred to by id.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rules/compilation.h"

namespace divrisk::rules_internal {

std::optional<double> Compilation::NumberField(MapReader& m,
                                               std::string_view key,
                                               bool required) {
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return std::nullopt;
  return InRange(ReadNumber(*n, m.PathOf(key), m.errors()), *n, m.PathOf(key),
                 m.errors());
}

const std::vector<DocNode>* Compilation::Items(const DocNode& n,
                                               const std::string& path,
                                               size_t limit,
                                               DocErrors* errors) {
  const auto* items = ReadList(n, path, errors);
  if (items != nullptr && items->size() > limit) {
    errors->Add(n, path,
                absl::StrCat("more than the limit of ", limit, " entries"));
    return nullptr;
  }
  return items;
}

std::optional<double> Compilation::InRange(std::optional<double> v,
                                           const DocNode& n,
                                           const std::string& path,
                                           DocErrors* errors) {
  if (v && std::abs(*v) > limits_.max_magnitude) {
    const auto bound = static_cast<int64_t>(limits_.max_magnitude);
    errors->Add(n, path, absl::StrCat("expected a number from -", bound, " to ",
                                      bound, ", found ", n.text));
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> Compilation::ReadStrings(MapReader& m,
                                                  std::string_view key,
                                                  bool required) {
  std::vector<std::string> out;
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return out;
  const auto* items = Items(*n, m.PathOf(key), limits_.refs, m.errors());
  if (items == nullptr) return out;
  for (size_t i = 0; i < items->size(); ++i) {
    if (auto s = ReadString((*items)[i], IndexPath(m.PathOf(key), i),
                            m.errors())) {
      out.push_back(*s);
    }
  }
  return out;
}

int Compilation::CategoryRef(const DocNode& n, const std::string& path) {
  std::optional<std::string> id = ReadString(n, path, &doc_errors_);
  if (!id) return -1;
  int index = plan_->CategoryIndex(*id);
  if (index < 0) {
    doc_errors_.Add(n, path, absl::StrCat("unknown category '", *id, "'"));
  }
  return index;
}

int Compilation::IndicatorRef(const DocNode& n, const std::string& path) {
  std::optional<std::string> id = ReadString(n, path, &doc_errors_);
  if (!id) return -1;
  int index = plan_->IndicatorIndex(*id);
  if (index < 0) {
    doc_errors_.Add(n, path, absl::StrCat("unknown indicator '", *id, "'"));
  }
  return index;
}

}  // namespace divrisk::rules_internal
