// Reading case files: YAML or JSON text -> Case, with every error located.
//
//   absl::StatusOr<Case> c = ReadCaseFile("app.yaml", plan.reference);
//
// On failure the status message holds one line per error:
//   app.yaml:12:5: parties[2].country: expected an ISO 3166 country code...

#ifndef DIVRISK_ENGINE_READER_CASE_READER_H_
#define DIVRISK_ENGINE_READER_CASE_READER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "engine/doc/doc_reader.h"
#include "engine/model/case.h"
#include "engine/model/reference_data.h"

namespace divrisk {

enum class CaseSyntax : uint8_t { kYaml, kJson };

// The syntax a file name implies (.json -> JSON, otherwise YAML).
CaseSyntax SyntaxOfFile(std::string_view path);

// Parses and decodes one case. On failure fills `errors` (if not null) and
// returns InvalidArgument whose message lists them, each prefixed `name:`.
absl::StatusOr<Case> ReadCaseText(std::string_view text, CaseSyntax syntax,
                                  const std::string& name,
                                  const ReferenceData& ref,
                                  DocErrors* errors = nullptr);

// Reads the file at `path` and decodes it.
absl::StatusOr<Case> ReadCaseFile(const std::string& path,
                                  const ReferenceData& ref);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_READER_CASE_READER_H_
