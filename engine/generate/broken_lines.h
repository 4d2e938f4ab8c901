// Deliberately broken JSON Lines input, for `divrisk generate
// --bad-fraction`: the kinds of damage real archives carry (cut-off
// exports, stray bytes, hand edits, typos, other systems' conventions), so
// that batch readers, rejection reports and tests meet all of them.
//
//   BreakKind kind;
//   std::string bad = BreakLine(good_json, rnd, earlier_id, &kind);
//
// Every kind is rejected by the batch line parser (ParseInputLine): most as
// invalid JSON or an invalid case, kOverLong by the line reader's length
// limit (1 MiB), kEmptyLine as an empty line, kDuplicateCaseId by the batch
// run's duplicate-id check (the line is a valid case whose id an earlier
// line already used). Deterministic: the same input and `rnd` give the same
// bytes.

#ifndef DIVRISK_ENGINE_GENERATE_BROKEN_LINES_H_
#define DIVRISK_ENGINE_GENERATE_BROKEN_LINES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/enums.h"
#include "engine/model/reference_data.h"

namespace divrisk {

class CaseGenerator;

enum class BreakKind : uint8_t {
  kTruncated,          // cut off mid-line
  kTrailingGarbage,    // bytes after the closing brace
  kInvalidUtf8,        // a byte sequence that is not UTF-8, inside a string
  kNulByte,            // a NUL byte inside a string
  kOverLong,           // more than 1 MiB (a padded extensions member)
  kMissingRequired,    // a required field removed
  kUnknownKey,         // a misspelt or invented key
  kBadEnumWord,        // a word outside the format's lists
  kBadCountry,         // not an ISO 3166 code (UK, XX, gb, USA, ...)
  kImpossibleDate,     // 2026-02-30 and the like
  kBooleanAsYes,       // "yes" / "no" / "on" where a boolean belongs
  kBrokenLegChain,     // a leg that does not start where the last one ended
  kBadImoCheckDigit,   // an IMO number with a wrong check digit
  kDuplicateKey,       // the same key twice in one object
  kDuplicateCaseId,    // a valid case reusing an earlier line's id
  kWrongType,          // a string where a number belongs
  kArrayNotObject,     // the case wrapped in a JSON array
  kEmptyLine,          // nothing, or only blanks
};

template <>
inline constexpr auto kEnumWords<BreakKind> = std::to_array<const char*>(
    {"truncated", "trailing_garbage", "invalid_utf8", "nul_byte", "over_long",
     "missing_required_field", "unknown_key", "bad_enum_word", "bad_country",
     "impossible_date", "boolean_as_yes", "broken_leg_chain",
     "bad_imo_check_digit", "duplicate_key", "duplicate_case_id", "wrong_type",
     "array_not_object", "empty_line"});

// How often each kind is drawn, per 1000 broken lines (enumerator order).
inline constexpr std::array<uint16_t, kEnumWords<BreakKind>.size()>
    kBreakWeights = {85, 60, 50, 30, 2,  88, 78, 85, 80,
                     70, 60, 60, 40, 40, 50, 60, 25, 37};

// Breaks `good_json` (one compact case as AppendCaseJson writes it) in a
// way drawn from `rnd` by kBreakWeights. `earlier_id` is the id of an
// earlier good line, for kDuplicateCaseId; when it is empty that kind is
// not drawn. Stores the kind drawn in *kind when not null.
std::string BreakLine(const std::string& good_json, uint64_t rnd,
                      std::string_view earlier_id = {},
                      BreakKind* kind = nullptr);

// Breaks `good_json` in the given way (details drawn from `rnd`).
// REQUIRES: earlier_id is not empty for kDuplicateCaseId.
std::string BreakLineAs(BreakKind kind, const std::string& good_json,
                        uint64_t rnd, std::string_view earlier_id = {});

// The lines `divrisk generate` writes: line i is case i of the seed
// (CaseGenerator::At), as AppendCaseJson writes it, or, with probability
// `bad_fraction` drawn from a stream of its own, that line broken by
// BreakLine (a duplicate id reuses the id of the last good line). The good
// lines are the same bytes whatever the bad fraction.
class GeneratedLines {
 public:
  // `ref` must outlive this object.
  GeneratedLines(const ReferenceData& ref, uint64_t seed, double bad_fraction);
  ~GeneratedLines();

  // Replaces *line with the next line, without its '\n'. Returns the kind
  // of damage, or nullopt for a good line.
  std::optional<BreakKind> Next(std::string* line);

  uint64_t lines() const { return index_; }  // lines made so far

  // Cases follow the documented outcome model (outcome_model.h).
  void set_outcome_model(bool on);

 private:
  std::unique_ptr<CaseGenerator> cases_;
  uint64_t seed_;
  double bad_fraction_;
  uint64_t index_ = 0;
  std::string earlier_id_;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_GENERATE_BROKEN_LINES_H_
