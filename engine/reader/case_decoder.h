// DecodeCase: a parsed document (DocNode) -> a typed, validated Case.
//
// Applies every rule of the divrisk-case/1 contract (spec/case-format.md):
// required fields, types, enumeration words, country codes that exist in the
// rule set's country table, real calendar dates, IMO check digits, the chain
// of transport legs, carriers and intelligence subjects that name a party,
// and unknown or duplicate keys. It records every error it finds, each with
// its position and field path, and never stops at the first.

#ifndef DIVRISK_ENGINE_READER_CASE_DECODER_H_
#define DIVRISK_ENGINE_READER_CASE_DECODER_H_

#include "engine/model/case.h"
#include "engine/model/reference_data.h"
#include "rules/doc_reader.h"

namespace divrisk {

// Fills *out from `root`. Returns true when no error was recorded; *out is
// then complete. `countries` is the rule set's country table.
bool DecodeCase(const DocNode& root, const ReferenceData& countries, Case* out,
                DocErrors* errors);

// True when `imo` is seven digits whose last is the IMO check digit.
bool IsValidImo(std::string_view imo);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_READER_CASE_DECODER_H_
