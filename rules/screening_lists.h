// The sanctions and denial lists a rule set declares under
// `reference.screening_lists`, read in place from the files their
// publishers release (UN XML, OFAC CSV, BIS DPL, US CSL), and the screener
// built over them and the rule set's own listed parties.
//
//   screening_lists:
//     - id: UN-SC
//       title: "UN Security Council consolidated list"
//       format: un_xml            # un_xml | ofac_csv | bis_dpl | us_csl
//       effect: sanction          # sanction | denial
//       as_of: 2026-02-27
//       files:                    # ofac_csv: primary, then add, then alt
//         - {path: /data/un/consolidated.xml, sha256: "9f2c..."}
//
// A list changes what a case scores, so it is part of the rule set's
// identity: the SHA-256 of every file goes into the plan's hash. A pinned
// `sha256` that does not match the file is an error, so that an archive is
// never re-scored against a list other than the one its rule set names.

#ifndef DIVRISK_RULES_SCREENING_LISTS_H_
#define DIVRISK_RULES_SCREENING_LISTS_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/doc/doc_reader.h"
#include "indicators/screening/loaders.h"

namespace divrisk {

struct DeclaredList {
  screening::ListSpec spec;  // paths as written in the rule set
  struct File {
    const DocNode* node = nullptr;       // for errors about the file
    std::string path;                    // as written
    std::optional<std::string> sha256;   // pinned, lower-case hex
  };
  std::vector<File> files;
};

// Reads the declarations of list `n` (errors into `errors` at `path`).
std::vector<DeclaredList> ReadScreeningLists(const DocNode& n,
                                             const std::string& path,
                                             DocErrors* errors);

}  // namespace divrisk

#endif  // DIVRISK_RULES_SCREENING_LISTS_H_
