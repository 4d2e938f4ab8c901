// Reference files of a rule set -> ReferenceData.
//
// Each file is a YAML map with a `source` header (title, publishers, as_of,
// notes) and one list. The loader knows every key of every file (descriptive
// keys such as `note` are accepted and kept in the hash, not read by
// kernels) and reports all errors of a file together.

#ifndef DIVRISK_RULES_REFERENCE_LOADER_H_
#define DIVRISK_RULES_REFERENCE_LOADER_H_

#include "engine/doc/doc_reader.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// The kinds of reference file a rule set can name under `reference:`.
enum class ReferenceKind : uint8_t {
  kCountries, kAtt, kWassenaar, kEmbargoes, kRegisters, kEucTemplates,
  kFlaggedEucNumbers, kListedParties };
template <>
inline constexpr auto kEnumWords<ReferenceKind> = std::to_array<const char*>(
    {"countries", "att", "wassenaar", "embargoes", "registers",
     "euc_templates", "flagged_euc_numbers", "listed_parties"});

template <>
inline constexpr auto kEnumWords<ListingEffect> =
    std::to_array<const char*>({"sanction", "denial"});

// Adds the entries of one parsed reference file to `ref`. Countries must be
// loaded first: every other file's country codes are checked against them.
void LoadReference(ReferenceKind kind, const DocNode& root, ReferenceData* ref,
                   DocErrors* errors);

}  // namespace divrisk

#endif  // DIVRISK_RULES_REFERENCE_LOADER_H_
