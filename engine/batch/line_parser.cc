#include "engine/batch/line_parser.h"

#include "absl/strings/str_cat.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/yaml_parser.h"
#include "engine/reader/case_decoder.h"

namespace divrisk {

bool ParseInputLine(const InputLine& line, const ReferenceData& ref,
                    size_t max_line_bytes, Case* c,
                    std::vector<std::string>* errors) {
  errors->clear();
  if (!line.refusal.empty()) {
    *c = Case();
    errors->push_back(absl::StrCat(line.number, ":1: ", line.refusal));
    return false;
  }
  if (line.too_long) {
    *c = Case();
    errors->push_back(absl::StrCat(line.number,
                                   ":1: line longer than the limit of ",
                                   max_line_bytes, " bytes"));
    return false;
  }
  if (line.text.find_first_not_of(" \t") == std::string::npos) {
    *c = Case();
    errors->push_back(absl::StrCat(line.number, ":1: empty line"));
    return false;
  }
  // One tree per thread, reused line after line (ParseJsonInto).
  thread_local DocNode tree;
  absl::Status parsed;
  if (line.syntax == CaseSyntax::kJson) {
    parsed = ParseJsonInto(line.text, DocLimits{},
                           static_cast<int>(line.number), &tree);
  } else if (absl::StatusOr<DocNode> yaml = ParseYaml(line.text); yaml.ok()) {
    tree = std::move(*yaml);
  } else {
    parsed = yaml.status();
  }
  if (!parsed.ok()) {
    *c = Case();
    errors->emplace_back(parsed.message());
    return false;
  }
  DocErrors doc_errors;
  const bool ok = DecodeCase(tree, ref, c, &doc_errors);
  for (const DocError& e : doc_errors.Sorted()) errors->push_back(e.ToString());
  return ok;
}

}  // namespace divrisk
