#include "indicators/screening/country_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "indicators/screening/normalize.h"

namespace divrisk::screening {
namespace {

// Names CLDR does not give in English but the lists use.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"Democratic Republic of the Congo", "CD"},
    {"Congo, Democratic Republic of the", "CD"},
    {"Zaire", "CD"},
    {"Republic of the Congo", "CG"},
    {"Congo, Republic of the", "CG"},
    {"Congo", "CG"},
    {"Iran (Islamic Republic of)", "IR"},
    {"Russian Federation", "RU"},
    {"Syrian Arab Republic", "SY"},
    {"United Republic of Tanzania", "TZ"},
    {"Democratic People's Republic of Korea", "KP"},
    {"Korea, North", "KP"},
    {"DPRK", "KP"},
    {"Republic of Korea", "KR"},
    {"Korea, South", "KR"},
    {"Viet Nam", "VN"},
    {"Lao People's Democratic Republic", "LA"},
    {"Republic of Moldova", "MD"},
    {"Bolivia (Plurinational State of)", "BO"},
    {"Venezuela (Bolivarian Republic of)", "VE"},
    {"Burma", "MM"},
    {"Myanmar", "MM"},
    {"Turkey", "TR"},
    {"State of Palestine", "PS"},
    {"Palestine", "PS"},
    {"Palestinian", "PS"},
    {"West Bank", "PS"},
    {"Gaza", "PS"},
    {"Libyan Arab Jamahiriya", "LY"},
    {"Czech Republic", "CZ"},
    {"Macedonia", "MK"},
    {"The former Yugoslav Republic of Macedonia", "MK"},
    {"Swaziland", "SZ"},
    {"Cape Verde", "CV"},
    {"Ivory Coast", "CI"},
    {"United States of America", "US"},
    {"USA", "US"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"Great Britain", "GB"},
    {"UK", "GB"},
    {"Hong Kong", "HK"},
    {"Macau", "MO"},
    {"Macao", "MO"},
    {"Taiwan, Province of China", "TW"},
    {"Holy See", "VA"},
    {"Micronesia (Federated States of)", "FM"},
    {"Saint Kitts and Nevis", "KN"},
    {"Saint Lucia", "LC"},
    {"Saint Vincent and the Grenadines", "VC"},
    {"Bosnia and Herzegovina", "BA"},
    {"Trinidad and Tobago", "TT"},
    {"Antigua and Barbuda", "AG"},
    {"Sao Tome and Principe", "ST"},
    {"Kyrgyz Republic", "KG"},
    {"Brunei Darussalam", "BN"},
    {"Timor-Leste", "TL"},
    {"East Timor", "TL"},
    {"Netherlands Antilles", "CW"},
    {"Serbia and Montenegro", "RS"},
    {"Yugoslavia", "RS"},
    {"Soviet Union", "RU"},
    {"Crimea", "UA"},
};

std::string Key(std::string_view name) { return NameKey(Normalize(name)); }

const absl::flat_hash_map<std::string, CountryCode>& Table() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string, CountryCode>();
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      const std::optional<CountryCode> code = CountryCode::FromText(*c);
      if (!code) continue;
      icu::UnicodeString display;
      icu::Locale("en", *c).getDisplayCountry(icu::Locale::getEnglish(),
                                              display);
      std::string name;
      display.toUTF8String(name);
      std::string lower(*c);
      for (char& ch : lower) ch = static_cast<char>(ch - 'A' + 'a');
      t->emplace(absl::StrCat("=", lower), *code);
      if (!name.empty() && name != *c) t->emplace(Key(name), *code);
    }
    for (const auto& [name, code] : kAliases) {
      (*t)[Key(name)] = *CountryCode::FromText(code);
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::optional<CountryCode> CountryFromText(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' ||
                           text.back() == '.')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  const auto& table = Table();
  if (text.size() == 2) {
    // An ISO code: the table holds each code's own key too.
    std::string lower(text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    auto it = table.find(absl::StrCat("=", lower));
    if (it != table.end()) return it->second;
  }
  auto it = table.find(Key(text));
  if (it == table.end()) return std::nullopt;
  return it->second;
}

}  // namespace divrisk::screening
