// Normalised party names for exact matching (the party, EUC, transport and
// document kernels; the case generator's listed-party names).
//
// Folds ASCII case, turns punctuation into spaces, drops legal forms,
// titles and fillers (ltd, llc, fze, sarl, "limited liability company",
// the, and, ...: the one list of legal_forms.h, which screening uses too;
// a name made only of such words keeps them) and sorts the remaining
// tokens, so that "Eastgate Global Logistics FZE" and "EASTGATE LOGISTICS,
// GLOBAL" normalise alike. Bytes outside ASCII are kept as they are. Fuzzy,
// cross-script matching of parties against sanctions and denial lists is
// indicators/screening (normalize.h, screener.h), which needs ICU; this is
// the exact-after-normalisation key and uses Abseil only.

#ifndef DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_
#define DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_

#include <string>
#include <string_view>

namespace divrisk {

std::string NormalizeName(std::string_view name);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_NAME_NORMALIZER_H_
