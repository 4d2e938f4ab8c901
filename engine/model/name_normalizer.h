// Normalised party names for list matching.
//
// Folds ASCII case, turns punctuation into spaces, drops legal-form words
// (ltd, llc, fze, sarl, ...: the list is kLegalForms in the .cc) and sorts the
// remaining tokens, so that "Eastgate Global Logistics FZE" and
// "EASTGATE LOGISTICS, GLOBAL" normalise alike. Fuzzy matching comes later
// (issue 5); this is the exact-after-normalisation step.

#ifndef DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_
#define DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_

#include <string>
#include <string_view>

namespace divrisk {

std::string NormalizeName(std::string_view name);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_
