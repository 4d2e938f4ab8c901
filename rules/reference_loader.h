// Reference files of a rule set -> ReferenceData.
//
// Each file is a YAML map with a `source` header (title, publishers, as_of,
// notes, illustrative) and one list. The header goes into
// ReferenceData::files; `illustrative: true` marks every record of the file
// (or, per entry where the kind allows `illustrative`, that entry) so that
// evidence drawn from it says so. The loader knows every key of every file
// (descriptive keys such as `note` are accepted and kept in the hash, not read
// by kernels) and reports all errors of a file together.

#ifndef DIVRISK_RULES_REFERENCE_LOADER_H_
#define DIVRISK_RULES_REFERENCE_LOADER_H_

#include "engine/doc/doc_reader.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// The kinds of reference file a rule set can name under `reference:`.
// In load order: countries first (every other file's codes are checked
// against them), memberships before embargoes (an embargo may target the
// members of an organisation).
enum class ReferenceKind : uint8_t {
  kCountries,
  kAtt,
  kWassenaar,
  kMemberships,
  kEmbargoes,
  kRegisters,
  kEucTemplates,
  kFlaggedEucNumbers,
  kListedParties
};
template <>
inline constexpr auto kEnumWords<ReferenceKind> = std::to_array<const char*>(
    {"countries", "att", "wassenaar", "memberships", "embargoes", "registers",
     "euc_templates", "flagged_euc_numbers", "listed_parties"});

template <>
inline constexpr auto kEnumWords<ListingEffect> =
    std::to_array<const char*>({"sanction", "denial"});

// Adds the entries of one parsed reference file to `ref`. Countries must be
// loaded first: every other file's country codes are checked against them.
// `file` is the path as the rule set writes it, kept in ReferenceData::files.
void LoadReference(ReferenceKind kind, const DocNode& root, ReferenceData* ref,
                   DocErrors* errors, std::string_view file = {});

}  // namespace divrisk

#endif  // DIVRISK_RULES_REFERENCE_LOADER_H_
