// The published sanctions and denial lists `divrisk lists update` fetches:
// their ids, formats and official URLs. The URLs are constants: a run
// contacts them unless it is given a base URL (a mirror, or a test's local
// server), from which each file is fetched at its mirror path:
//
//   BASE/un/consolidated.xml      UN-SC      UN Security Council consolidated list
//   BASE/ofac/sdn.csv, add.csv, alt.csv                      OFAC-SDN
//   BASE/ofac/cons_prim.csv, cons_add.csv, cons_alt.csv      OFAC-CONS
//   BASE/bis/dpl.txt              BIS-DPL    BIS Denied Persons List
//   BASE/csl/consolidated.csv     US-CSL     US Consolidated Screening List

#ifndef DIVRISK_ENGINE_LISTS_PUBLISHED_LISTS_H_
#define DIVRISK_ENGINE_LISTS_PUBLISHED_LISTS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/screening/list_model.h"

namespace divrisk::lists {

struct PublishedFile {
  const char* official_url;
  const char* mirror_path;  // under a base URL
  const char* name;         // the installed file's name (after the list id)
};

struct PublishedList {
  const char* id;
  const char* title;
  screening::ListFormat format;
  std::vector<PublishedFile> files;  // ofac_csv: primary, add, alt
};

// UN-SC, OFAC-SDN, OFAC-CONS, BIS-DPL, US-CSL, in that order.
std::span<const PublishedList> PublishedLists();
const PublishedList* FindPublishedList(std::string_view id);

// The URL to fetch `file` from: its official URL, or BASE/<mirror path>.
std::string SourceUrl(const PublishedFile& file, const std::string& base_url);

// Whether a response's Content-Type (parameters such as charset ignored,
// case ignored) is one a list of `format` may come as. HTML never is: a
// publisher's moved page or error page comes as HTML with status 200.
bool AcceptableContentType(screening::ListFormat format,
                           std::string_view content_type);

}  // namespace divrisk::lists

#endif  // DIVRISK_ENGINE_LISTS_PUBLISHED_LISTS_H_
