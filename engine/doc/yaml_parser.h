// ParseYaml: YAML text -> DocNode tree. The only place that includes yaml-cpp.
//
// Reads one document from yaml-cpp's event stream, so that duplicate keys,
// anchors and aliases are seen (yaml-cpp's Node API hides them): duplicate
// keys stay in the tree (MapReader reports them), and anchors and aliases are
// refused outright, which also stops alias
// bombs ("billion laughs") before anything is expanded. Errors carry
// "line:column: message" positions (1-based).

#ifndef DIVRISK_ENGINE_DOC_YAML_PARSER_H_
#define DIVRISK_ENGINE_DOC_YAML_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "engine/doc/doc_tree.h"

namespace divrisk {

absl::StatusOr<DocNode> ParseYaml(std::string_view text,
                                  const DocLimits& limits = {});

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_YAML_PARSER_H_
