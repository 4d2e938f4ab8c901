// Schema-walking helpers over DocNode, shared by the rule-set loader and the
// case decoder, so both report errors the same way:
//   file:line:column: path: expected ..., found ...
//
// A MapReader hands out the fields a schema knows and, on Finish(), reports
// every other key as unknown (a typo must never drop a fact silently).
// Readers record errors and carry on, so a file's errors come all at once.

#ifndef DIVRISK_ENGINE_DOC_DOC_READER_H_
#define DIVRISK_ENGINE_DOC_DOC_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/doc/doc_tree.h"
#include "engine/doc/visible_text.h"
#include "engine/model/country_code.h"
#include "engine/model/date.h"
#include "engine/model/enums.h"

namespace divrisk {

// A field's path ("parties[2].country"), spelled out only when an error
// needs it. A batch reads hundreds of fields per case and almost never
// reports one, and building every path as a string cost a tenth of its
// time. A FieldPath refers to the strings and paths it is made from, so it
// lives only as a parameter, never stored.
class FieldPath {
 public:
  // A path already spelled out.
  FieldPath(const std::string& path) : text_(path) {}  // NOLINT: implicit
  FieldPath(const char* path) : text_(path) {}         // NOLINT: implicit
  // Key `key` of the map at `parent`.
  FieldPath(const FieldPath& parent, std::string_view key)
      : parent_(&parent), text_(key) {}
  // Item `index` of the list at `parent`.
  FieldPath(const FieldPath& parent, size_t index)
      : parent_(&parent), index_(index) {}

  std::string str() const;

 private:
  static constexpr size_t kNoIndex = ~size_t{0};
  const FieldPath* parent_ = nullptr;
  std::string_view text_;  // the whole path, or the key under parent_
  size_t index_ = kNoIndex;
};

struct DocError {
  int line = 0;  // 0: no position
  int column = 0;
  std::string path;  // parties[2].country
  std::string message;

  // "line:column: path: message" (parts without a value left out), with
  // the path and the message made visible (engine/doc/visible_text.h): one
  // line, whatever the file held.
  std::string ToString() const;
};

// The errors of one document. Only the kMaxKept errors earliest in the
// file are kept (a hostile file can hold millions of unknown keys); the
// rest are counted, and Sorted() and Format() end with one line saying how
// many were left out.
class DocErrors {
 public:
  static constexpr size_t kMaxKept = 100;

  void Add(const DocNode& at, const FieldPath& path, std::string message) {
    Add(DocError{at.line, at.column, path.str(), std::move(message)});
  }
  void Add(DocError e);
  bool empty() const { return errors_.empty(); }
  // All errors recorded, including those not kept.
  size_t size() const { return errors_.size() + dropped_; }
  // The errors kept, in the order recorded (until kMaxKept is reached).
  const std::vector<DocError>& list() const { return errors_; }
  // The errors kept in file order (line, then column); unpositioned ones
  // last, then "N more errors not shown" if any were left out.
  std::vector<DocError> Sorted() const;
  // All errors, one per line, each prefixed with "file:".
  std::string Format(const std::string& file) const;

 private:
  std::vector<DocError> errors_;
  size_t dropped_ = 0;
};

// "path.key", or "key" at the top.
std::string JoinPath(const std::string& path, std::string_view key);
// "path[i]".
std::string IndexPath(const std::string& path, size_t index);

class MapReader {
 public:
  // Records an error (and reads nothing) when `node` is not a map.
  MapReader(const DocNode& node, std::string path, DocErrors* errors);

  bool ok() const { return is_map_; }
  const std::string& path() const { return path_; }
  DocErrors* errors() const { return errors_; }
  const DocNode& node() const { return node_; }

  // The field's node, or nullptr. A null value counts as absent.
  const DocNode* Optional(std::string_view key);
  // As Optional, but records "missing required field" when absent.
  const DocNode* Required(std::string_view key);
  // Path of field `key` under this map.
  std::string PathOf(std::string_view key) const { return JoinPath(path_, key); }

  // Reports every key that no Optional/Required call asked for.
  void Finish();

 private:
  // The first field named `key`, or -1.
  int IndexOf(std::string_view key) const;

  const DocNode& node_;
  std::string path_;
  DocErrors* errors_;
  bool is_map_;
  absl::InlinedVector<bool, 32> used_;  // no allocation for usual maps
  mutable size_t next_ = 0;  // where IndexOf starts looking
  bool has_duplicates_ = false;
  // For large maps, each key's first field: lookups and the duplicate check
  // stay linear in the number of keys.
  absl::flat_hash_map<std::string_view, int> index_;
};

// Typed scalar readers: return nullopt and record an error when the node is
// not of the expected kind. `path` names the field in errors.
std::optional<std::string> ReadString(const DocNode& n, const FieldPath& path,
                                      DocErrors* errors);
std::optional<bool> ReadBool(const DocNode& n, const FieldPath& path,
                             DocErrors* errors);
std::optional<int64_t> ReadInt(const DocNode& n, const FieldPath& path,
                               DocErrors* errors, int64_t min = 0,
                               int64_t max = INT64_MAX);
std::optional<double> ReadNumber(const DocNode& n, const FieldPath& path,
                                 DocErrors* errors);
std::optional<Date> ReadDate(const DocNode& n, const FieldPath& path,
                             DocErrors* errors);
// A possibly partial date ("YYYY", "YYYY-MM", "YYYY-MM-DD"), see date.h.
std::optional<Date> ReadPartialDate(const DocNode& n, const FieldPath& path,
                                    DocErrors* errors, bool latest);
// Checks the code's shape only; existence is for the caller's table.
std::optional<CountryCode> ReadCountryShape(const DocNode& n,
                                            const FieldPath& path,
                                            DocErrors* errors);
// Items of a sequence, or an error and no items.
const std::vector<DocNode>* ReadList(const DocNode& n, const FieldPath& path,
                                     DocErrors* errors);

template <typename E>
std::optional<E> ReadEnum(const DocNode& n, const FieldPath& path,
                          DocErrors* errors) {
  std::optional<std::string> word = ReadString(n, path, errors);
  if (!word) return std::nullopt;
  if (auto e = ParseEnumWord<E>(*word)) return e;
  errors->Add(n, path,
              absl::StrCat("expected one of ", absl::StrJoin(kEnumWords<E>, ", "),
                           "; found '", Excerpt(*word), "'"));
  return std::nullopt;
}

template <typename E>
std::optional<EnumSet<E>> ReadEnumSet(const DocNode& n, const FieldPath& path,
                                      DocErrors* errors) {
  const std::vector<DocNode>* items = ReadList(n, path, errors);
  if (!items) return std::nullopt;
  EnumSet<E> set;
  for (size_t i = 0; i < items->size(); ++i) {
    if (auto e = ReadEnum<E>((*items)[i], FieldPath(path, i), errors)) {
      set.Add(*e);
    }
  }
  return set;
}

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_DOC_READER_H_
