// Internal to the case decoder (engine/reader/case_decoder*.cc): the
// Decoder that one DecodeCase call runs, with its typed field readers, shared
// by the files that read each area of the case. Not for use outside
// engine/reader.
//
//   case_decoder.cc            the top level (Run) and the small lists
//   case_decoder_parties.cc    exporter, end user, parties; named parties
//   case_decoder_goods.cc      goods lines and the EUC
//   case_decoder_transport.cc  transport legs, delivery; the chain of legs
//   case_decoder_records.cc    documents, history, intelligence, outcome

#ifndef DIVRISK_ENGINE_READER_CASE_DECODER_INTERNAL_H_
#define DIVRISK_ENGINE_READER_CASE_DECODER_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/doc/doc_reader.h"
#include "engine/model/case.h"
#include "engine/model/reference_data.h"
#include "engine/reader/case_decoder.h"

namespace divrisk::reader_internal {

inline constexpr int64_t kMaxCount = 1'000'000'000'000;  // beyond any real quantity

// Reads one case, field by field, into `c`.
class Decoder {
 public:
  Decoder(const ReferenceData& ref, Case* c, DocErrors* errors,
          const CaseLimits& limits)
      : ref_(ref), c_(*c), errors_(errors), limits_(limits) {}

  void Run(const DocNode& root);

 private:
  // Typed optional fields of map `m`: each reads the key when present.
  template <typename T, typename F>
  void Field(MapReader& m, std::string_view key, std::optional<T>* out,
             F read) {
    if (const DocNode* n = m.Optional(key)) {
      *out = read(*n, FieldPath(m.path(), key));
    }
  }
  void Str(MapReader& m, std::string_view key, std::optional<std::string>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadString(n, p, errors_);
    });
  }
  void RequiredStr(MapReader& m, std::string_view key, std::string* o) {
    if (const DocNode* n = m.Required(key)) {
      std::optional<std::string> s =
          ReadString(*n, FieldPath(m.path(), key), errors_);
      if (s && s->empty()) {
        errors_->Add(*n, m.PathOf(key), "expected a non-empty string");
      }
      *o = s.value_or("");
    }
  }
  void Bool(MapReader& m, std::string_view key, std::optional<bool>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadBool(n, p, errors_);
    });
  }
  void Count(MapReader& m, std::string_view key, std::optional<int64_t>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadInt(n, p, errors_, 0, kMaxCount);
    });
  }
  void DateField(MapReader& m, std::string_view key, std::optional<Date>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadDate(n, p, errors_);
    });
  }
  template <typename E>
  void Enum(MapReader& m, std::string_view key, std::optional<E>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadEnum<E>(n, p, errors_);
    });
  }
  template <typename E>
  void RequiredEnum(MapReader& m, std::string_view key, E* o) {
    if (const DocNode* n = m.Required(key)) {
      if (auto e = ReadEnum<E>(*n, FieldPath(m.path(), key), errors_)) *o = *e;
    }
  }
  void CountryField(MapReader& m, std::string_view key,
                    std::optional<CountryCode>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return Country(n, p);
    });
  }
  void RequiredCountry(MapReader& m, std::string_view key, CountryCode* o) {
    if (const DocNode* n = m.Required(key)) {
      if (auto c = Country(*n, FieldPath(m.path(), key))) *o = *c;
    }
  }
  std::vector<std::string> Strings(MapReader& m, std::string_view key,
                                   size_t limit);

  // False, with an error at `n`, when `count` entries exceed `limit`.
  bool WithinLimit(const DocNode& n, const std::string& path, size_t count,
                   size_t limit) {
    if (count <= limit) return true;
    errors_->Add(n, path,
                 absl::StrCat("more than the limit of ", limit, " entries"));
    return false;
  }
  // The items of list `n` when it is a list within `limit`, else nullptr.
  const std::vector<DocNode>* Items(const DocNode& n, const std::string& path,
                                    size_t limit) {
    const auto* items = ReadList(n, path, errors_);
    if (items == nullptr || !WithinLimit(n, path, items->size(), limit)) {
      return nullptr;
    }
    return items;
  }
  template <typename E>
  EnumSet<E> Words(const DocNode& n, const std::string& path) {
    if (n.kind == DocNode::Kind::kSequence &&
        !WithinLimit(n, path, n.items.size(), limits_.enum_words)) {
      return {};
    }
    return ReadEnumSet<E>(n, path, errors_).value_or(EnumSet<E>{});
  }

  // Calls `item(node, path)` for each element of list `key` (if present).
  template <typename F>
  void List(MapReader& m, std::string_view key, size_t limit, F item) {
    const DocNode* n = m.Optional(key);
    if (n == nullptr) return;
    const std::string path = m.PathOf(key);
    const auto* items = Items(*n, path, limit);
    if (items == nullptr) return;
    for (size_t i = 0; i < items->size(); ++i) {
      item((*items)[i], IndexPath(path, i));
    }
  }

  std::optional<CountryCode> Country(const DocNode& n, const FieldPath& path);
  void ReadParty(MapReader& m, Party* p, bool with_role);
  void ReadEndUser(const DocNode& n);
  void ReadGoods(const DocNode& n, const std::string& path);
  void ReadEuc(const DocNode& n);
  void ReadDocument(const DocNode& n, const std::string& path);
  void ReadTransport(const DocNode& n);
  void ReadLeg(const DocNode& n, const std::string& path);
  void ReadHistory(const DocNode& n);
  void ReadIntel(const DocNode& n, const std::string& path);
  void ReadOutcome(const DocNode& n);
  void CheckLegChain(const DocNode& at);
  void CheckNamedParties();

  const ReferenceData& ref_;
  Case& c_;
  DocErrors* errors_;
  const CaseLimits& limits_;
  // Positions of facts checked after the whole case is read.
  std::vector<std::pair<const DocNode*, std::string>> carrier_refs_;
  std::vector<std::pair<const DocNode*, std::string>> intel_subjects_;
  const DocNode* transport_node_ = nullptr;
};

}  // namespace divrisk::reader_internal

#endif  // DIVRISK_ENGINE_READER_CASE_DECODER_INTERNAL_H_
