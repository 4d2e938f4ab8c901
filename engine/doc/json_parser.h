// ParseJson: JSON text -> DocNode tree, with simdjson (On-Demand).
//
// Positions come from where each token sits in the input, so errors in JSON
// cases name line and column like those in YAML cases. `first_line` lets a
// JSON Lines reader number a line within its file.

#ifndef DIVRISK_ENGINE_DOC_JSON_PARSER_H_
#define DIVRISK_ENGINE_DOC_JSON_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "engine/doc/doc_tree.h"

namespace divrisk {

absl::StatusOr<DocNode> ParseJson(std::string_view text,
                                  const DocLimits& limits = {},
                                  int first_line = 1);

// The same into `*out`, whose nodes are reused: a batch parsing line after
// line into one tree allocates only where a line outgrows the previous
// ones. On error `*out` holds a partial tree.
absl::Status ParseJsonInto(std::string_view text, const DocLimits& limits,
                           int first_line, DocNode* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_JSON_PARSER_H_
