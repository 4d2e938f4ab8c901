// The canonical form of a rule set and its SHA-256 identity.
//
// Canonical form: each document as compact JSON with map keys sorted and
// every scalar written as a JSON string tagged by its type, documents
// concatenated in a fixed order under their names. Two rule sets that say
// the same thing in different layouts or comments hash alike.

#ifndef DIVRISK_RULES_CANONICAL_H_
#define DIVRISK_RULES_CANONICAL_H_

#include <string>
#include <string_view>

#include "engine/doc/doc_tree.h"

namespace divrisk {

// Appends the canonical JSON of `node` to `out`.
void AppendCanonical(const DocNode& node, std::string* out);

// Lower-case hex SHA-256 of `bytes` (OpenSSL).
std::string Sha256Hex(std::string_view bytes);

}  // namespace divrisk

#endif  // DIVRISK_RULES_CANONICAL_H_
