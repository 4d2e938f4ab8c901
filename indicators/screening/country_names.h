// Country names as lists write them -> ISO 3166-1 alpha-2 codes.
//
// English names from ICU's locale data (CLDR: "Iran", "North Korea",
// "Congo - Kinshasa") plus the formal and older names the UN and US lists
// use ("Iran (Islamic Republic of)", "Korea, North", "Burma"), compared
// after name normalisation (case, accents, punctuation, word order).

#ifndef DIVRISK_INDICATORS_SCREENING_COUNTRY_NAMES_H_
#define DIVRISK_INDICATORS_SCREENING_COUNTRY_NAMES_H_

#include <optional>
#include <string_view>

#include "engine/model/country_code.h"

namespace divrisk::screening {

// A code for `text`: an alpha-2 code ("AF", "af") or a country name.
std::optional<CountryCode> CountryFromText(std::string_view text);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_COUNTRY_NAMES_H_
