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

#include <optional>
#include <string>

#include "engine/doc/doc_reader.h"
#include "engine/model/case.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// How many entries each list of one case may hold. A longer list is refused,
// at its position, with "parties: more than the limit of 1000 entries", and
// none of its entries is read: a hostile file cannot make the decoder or the
// kernels do unbounded work. The limits sit far above any real application
// (the largest bundled example has 6 parties); README.md ("Limits") lists
// them with the parser's limits on size, depth and string length.
struct CaseLimits {
  size_t goods = 1000;                // goods
  size_t parties = 1000;              // parties
  size_t aliases = 100;               // aliases of one party
  size_t identifiers = 100;           // identifiers of one party
  size_t ultimate_end_users = 1000;   // end_user.ultimate_end_users
  size_t documents = 1000;            // documents
  size_t document_references = 100;   // documents[i].references
  size_t legs = 100;                  // transport.legs
  size_t euc_goods = 1000;            // euc.goods
  size_t consultations = 1000;        // consultations
  size_t authorisations = 1000;       // authorisations
  size_t amendments = 1000;           // amendments
  size_t intelligence = 1000;         // intelligence reports
  size_t enum_words = 100;            // mitigations, conduct, euc.clauses
};

// Fills *out from `root`. Returns true when no error was recorded; *out is
// then complete. `countries` is the rule set's country table.
bool DecodeCase(const DocNode& root, const ReferenceData& countries, Case* out,
                DocErrors* errors, const CaseLimits& limits = {});

// The case id DecodeCase reads from `root`: the text of the scalar under
// the first "id" key (a string, or a number as written), or nullopt when
// the decoder refuses it (absent, not a scalar, a boolean, empty, or
// holding a NUL character). A batch's first pass finds repeated ids with
// it, so that it sees each id exactly as the batch will.
std::optional<std::string> CaseIdOf(const DocNode& root);

// True when `imo` is seven digits whose last is the IMO check digit.
bool IsValidImo(std::string_view imo);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_READER_CASE_DECODER_H_
