// ParseInputLine: one batch input line -> a Case, or the reasons it is
// rejected (too long, empty, not JSON or YAML, not a valid case).

#ifndef DIVRISK_ENGINE_BATCH_LINE_PARSER_H_
#define DIVRISK_ENGINE_BATCH_LINE_PARSER_H_

#include <string>
#include <vector>

#include "engine/batch/line_reader.h"
#include "engine/model/case.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// Fills *c and returns true for a valid case. Otherwise fills *errors
// ("line:col: path: message", in file order) and returns false; *c then
// holds what was read, its id among it when that was valid.
bool ParseInputLine(const InputLine& line, const ReferenceData& ref,
                    size_t max_line_bytes, Case* c,
                    std::vector<std::string>* errors);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_LINE_PARSER_H_
