// JsonCaseId: the case id of one JSON line straight from simdjson
// On-Demand, without building the document tree.
//
// A batch's first pass reads the id of every line (engine/batch
// repeated_ids.cc). It must see each id exactly as the batch will, which
// parses the line into a tree (ParseJsonInto) and reads the id with
// CaseIdOf. This gives the same answer for every input: it walks the whole
// line with the same simdjson calls and the same limits (DocLimits: size,
// depth, nodes, string and key length), so it refuses exactly the lines
// ParseJsonInto refuses, and takes the id as CaseIdOf does (the first "id"
// key of the top-level object, a string or a number as written; nothing
// when it is null, a boolean, a structure, empty or holds a NUL).
// json_case_id_test and the json_case_id fuzzer hold it to that.

#ifndef DIVRISK_ENGINE_READER_JSON_CASE_ID_H_
#define DIVRISK_ENGINE_READER_JSON_CASE_ID_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/doc/doc_tree.h"

namespace divrisk {

// The id CaseIdOf would read from ParseJsonInto(text, limits), or nullopt
// when it reads none or the parse fails.
std::optional<std::string> JsonCaseId(std::string_view text,
                                      const DocLimits& limits = {});

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_READER_JSON_CASE_ID_H_
