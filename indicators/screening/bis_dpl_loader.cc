// The BIS Denied Persons List, tab-separated with a header row: names with
// their A/K/A aliases inside, country, and the denial's effective and
// expiration dates (MM/DD/YYYY). loaders.h, README.md "Lists".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/screening/delimited.h"
#include "indicators/screening/loader_util.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

using loader_internal::AddCountry;
using loader_internal::AddName;
using loader_internal::HeaderColumns;

// "MM/DD/YYYY" (the DPL's dates).
std::optional<Date> ParseUsDate(std::string_view s) {
  s = TrimAscii(s);
  std::vector<std::string_view> parts = SplitAny(s, "/");
  if (parts.size() != 3 || parts[2].size() != 4) return std::nullopt;
  const std::string iso = absl::StrCat(Sv(parts[2]), "-",
                                       parts[0].size() == 1 ? "0" : "",
                                       Sv(parts[0]), "-",
                                       parts[1].size() == 1 ? "0" : "",
                                       Sv(parts[1]));
  return ParseIsoDate(iso);
}

}  // namespace

absl::Status ParseBisDpl(std::string_view tsv, uint16_t source, ListSet* set) {
  DelimitedReader r(tsv, '\t');
  HeaderColumns columns;
  if (absl::Status s =
          columns.Read(r, "DPL", {"Name", "Country", "Effective_Date"});
      !s.ok()) {
    return s;
  }
  std::vector<std::string> f;
  auto get = [&](const char* name) { return columns.Get(f, name); };
  while (r.Next(&f)) {
    ListEntry e;
    e.source = source;
    e.reference = absl::StrCat("line ", r.line());
    std::vector<std::string> aliases;
    AddName(SplitAliasMarkers(get("Name"), &aliases), NameStrength::kPrimary,
            &e);
    if (e.names.empty()) continue;
    for (const std::string& a : aliases) AddName(a, NameStrength::kStrong, &e);
    AddCountry(get("Country"), &e);
    e.listed_on = ParseUsDate(get("Effective_Date"));
    e.ends_on = ParseUsDate(get("Expiration_Date"));
    e.program = "Denied Persons List";
    if (!get("FR_Citation").empty()) {
      absl::StrAppend(&e.program, " (", Sv(get("FR_Citation")), ")");
    }
    set->entries.push_back(std::move(e));
  }
  return absl::OkStatus();
}

}  // namespace divrisk::screening
