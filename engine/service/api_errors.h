// The errors body every refusal of the service carries, the same located
// errors the command line prints, as JSON:
//   {"errors": [{"file", "line", "column", "path", "message"}]}
// `line` and `column` are null where there is no position.

#ifndef DIVRISK_ENGINE_SERVICE_API_ERRORS_H_
#define DIVRISK_ENGINE_SERVICE_API_ERRORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "engine/doc/doc_reader.h"

namespace divrisk::service {

struct ApiError {
  std::string file;
  int line = 0;  // 0: no position
  int column = 0;
  std::string path;
  std::string message;
};

// One error without a position.
std::vector<ApiError> Unlocated(std::string file, std::string message);

// A document's errors, in file order, under the name `file`.
std::vector<ApiError> FromDocErrors(const std::string& file,
                                    const DocErrors& errors);

// Errors from a status message of lines "file:line:column: path: message"
// (the rule-set compiler's and the case reader's form; `file` where a line
// names none); a line in another form becomes a message alone.
std::vector<ApiError> FromErrorLines(std::string_view text,
                                     const std::string& file = "");
// The same for a status's message.
std::vector<ApiError> FromStatus(const absl::Status& status,
                                 const std::string& file = "");

// {"errors":[...]} and a newline.
std::string ErrorsJson(const std::vector<ApiError>& errors);

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_API_ERRORS_H_
