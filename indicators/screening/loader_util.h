// Helpers shared by the list loaders (un_xml_loader.cc, ofac_loader.cc,
// bis_dpl_loader.cc, us_csl_loader.cc): adding names, countries and
// identifiers to an entry without duplicates, ASCII case-insensitive search,
// and the columns of a delimited file with a header row. Internal to
// divrisk_screening; callers use loaders.h.

#ifndef DIVRISK_INDICATORS_SCREENING_LOADER_UTIL_H_
#define DIVRISK_INDICATORS_SCREENING_LOADER_UTIL_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "indicators/screening/delimited.h"
#include "indicators/screening/list_model.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening::loader_internal {

// Adds the country `text` names (CountryFromText), once.
void AddCountry(std::string_view text, ListEntry* e);

// Adds an identifier in canonical form (an IMO number without its "IMO"
// prefix), once; an empty value is ignored.
void AddIdentifier(IdKind kind, std::string_view raw, std::string label,
                   ListEntry* e);

// Adds a name, trimmed, once; an empty name is ignored.
void AddName(std::string_view text, NameStrength strength, ListEntry* e,
             bool original_script = false);

// Case-insensitive find of ASCII `needle` in `hay` from `pos`.
size_t FindNoCase(std::string_view hay, std::string_view needle,
                  size_t pos = 0);

// The text from `pos` up to the first of `stops` (or the end), trimmed.
std::string_view UpTo(std::string_view s, size_t pos, std::string_view stops);

bool HasDigit(std::string_view s);

// The columns of a delimited file with a header row, by name.
class HeaderColumns {
 public:
  // Reads the header from `r`; an error names the first required column
  // that is missing.
  absl::Status Read(DelimitedReader& r, const char* list,
                    std::initializer_list<const char*> required) {
    std::vector<std::string> header;
    if (!r.Next(&header)) {
      return absl::InvalidArgumentError(absl::StrCat("empty ", list, " file"));
    }
    for (size_t i = 0; i < header.size(); ++i) {
      col_[std::string(TrimAscii(header[i]))] = i;
    }
    for (const char* need : required) {
      if (!col_.contains(need)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "line 1: ", list, " header has no '", need, "' column"));
      }
    }
    return absl::OkStatus();
  }
  // Field `name` of row `f`, trimmed; empty when absent.
  std::string_view Get(const std::vector<std::string>& f,
                       const char* name) const {
    auto it = col_.find(name);
    if (it == col_.end() || it->second >= f.size()) return {};
    return TrimAscii(f[it->second]);
  }

 private:
  absl::flat_hash_map<std::string, size_t> col_;
};

}  // namespace divrisk::screening::loader_internal

#endif  // DIVRISK_INDICATORS_SCREENING_LOADER_UTIL_H_
