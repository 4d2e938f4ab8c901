// Legal forms, titles and filler words in party names: the one list both
// name normalisations use (name_normalizer.h for the exact matching of the
// kernels, indicators/screening/normalize.h for screening).
//
// Tokens are lower-case ASCII words as the normalisers produce them ("S.A."
// is "sa", "ООО" is "ooo" after transliteration, "Sp. z o.o." is "sp z
// oo"). Single words (LLC, FZE, GmbH, Ltd, ...; listed in
// indicators/screening/README.md, step 5) and phrases ("limited liability
// company", "obshchestvo s ogranichennoy otvetstvennostyu", ...) are legal
// forms; titles and fillers are Mr, Dr, the, and, of, ... Abseil only.

#ifndef DIVRISK_ENGINE_MODEL_LEGAL_FORMS_H_
#define DIVRISK_ENGINE_MODEL_LEGAL_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace divrisk {

// Drops legal forms (single words and phrases, longest phrase first),
// titles and fillers from `tokens` (titles and fillers only, with
// `titles_only`), unless nothing would be left. Returns how many tokens
// were dropped.
int StripLegalForms(std::vector<std::string>* tokens, bool titles_only = false);

// True if `token` alone is a legal form, title or filler.
bool IsLegalFormOrTitle(std::string_view token);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_LEGAL_FORMS_H_
