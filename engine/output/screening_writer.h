// What the parties of an assessment were screened against, in the JSON and
// the text output: the published lists with their as-of dates, SHA-256 and
// entries, the rule set's own listed parties, and a warning for each list
// that is stale on the case's assessed_on (rules/screening_coverage.h).
//
// JSON member `screening`:
//   {"coverage": "published_lists" | "own_parties_only",
//    "note": "...",
//    "lists": [{"id", "title", "origin", "as_of", "age_days", "stale",
//               "sha256": [...], "entries"}],
//    "own_entries": N, "stale_after_days": 7, "warnings": ["..."]}

#ifndef DIVRISK_ENGINE_OUTPUT_SCREENING_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_SCREENING_WRITER_H_

#include <string>

#include "engine/doc/json_writer.h"
#include "engine/model/date.h"
#include "rules/plan.h"

namespace divrisk {

// Writes the value of member `screening` (the key is the caller's).
void WriteScreeningJson(const Plan& plan, Date assessed_on, JsonWriter& j);

// "Screening: ..." and one "Warning: ..." line per stale list.
void AppendScreeningText(const Plan& plan, Date assessed_on, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_SCREENING_WRITER_H_
