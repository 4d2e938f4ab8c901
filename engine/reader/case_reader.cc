#include "engine/reader/case_reader.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/visible_text.h"
#include "engine/doc/yaml_parser.h"
#include "engine/reader/case_decoder.h"

namespace divrisk {

CaseSyntax SyntaxOfFile(std::string_view path) {
  return path.size() >= 5 && path.substr(path.size() - 5) == ".json"
             ? CaseSyntax::kJson
             : CaseSyntax::kYaml;
}

absl::StatusOr<Case> ReadCaseText(std::string_view text, CaseSyntax syntax,
                                  const std::string& name,
                                  const ReferenceData& ref,
                                  DocErrors* errors) {
  DocErrors local;
  DocErrors* errs = errors ? errors : &local;
  absl::StatusOr<DocNode> root =
      syntax == CaseSyntax::kJson ? ParseJson(text) : ParseYaml(text);
  if (!root.ok()) {
    // The parser's message starts "line:col: "; keep it as one error.
    errs->Add(DocError{0, 0, "", std::string(root.status().message())});
    return absl::InvalidArgumentError(absl::StrCat(
        Visible(name), ":", Visible(std::string(root.status().message()))));
  }
  Case c;
  if (!DecodeCase(*root, ref, &c, errs)) {
    std::string message = errs->Format(name);
    if (!message.empty() && message.back() == '\n') message.pop_back();
    return absl::InvalidArgumentError(message);
  }
  return c;
}

absl::StatusOr<Case> ReadCaseFile(const std::string& path,
                                  const ReferenceData& ref) {
  absl::StatusOr<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return ReadCaseText(*text, SyntaxOfFile(path), path, ref);
}

}  // namespace divrisk
