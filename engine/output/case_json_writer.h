// A Case as one compact divrisk-case/1 JSON object (JSON Lines ready).
//
//   std::string line;
//   AppendCaseJson(c, &line);   // {"format":"divrisk-case/1","id":...}
//
// Keys come in the order of the format's tables (spec/case-format.md), every
// fact the Case holds is written and every absent optional is left out, so
// an unknown fact stays unknown in the file. Empty lists are left out too,
// except `transport.legs` (always written) and `euc.goods` / `euc.clauses`
// when the Case holds them (an empty list there is a recorded fact).
// Numbers: integers as integers; unit values in the shortest form that reads
// back to the same double (std::to_chars), so a Case read back from the
// output writes the same bytes again. No trailing newline.

#ifndef DIVRISK_ENGINE_OUTPUT_CASE_JSON_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_CASE_JSON_WRITER_H_

#include <string>

#include "engine/model/case.h"

namespace divrisk {

// Appends `c` as one JSON object, without a newline, to *out.
void AppendCaseJson(const Case& c, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_CASE_JSON_WRITER_H_
