// The read limit of the machine for a JSON Lines archive: every line
// parsed by simdjson with every field touched (keys unescaped, strings
// unescaped, numbers converted) and nothing else done. `divrisk bench`
// compares the batch rates with it (issue 4).

#ifndef DIVRISK_ENGINE_THROUGHPUT_PARSE_ONLY_H_
#define DIVRISK_ENGINE_THROUGHPUT_PARSE_ONLY_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace divrisk {

struct ParseOnlyResult {
  uint64_t lines = 0;      // non-empty lines parsed
  // Every line, as `divrisk batch` counts them ("read"): empty ones too,
  // and a last line without a newline.
  uint64_t read_lines = 0;
  uint64_t invalid = 0;    // lines that are not valid JSON
  uint64_t bytes = 0;
  uint64_t values = 0;     // scalars touched
  double checksum = 0;     // string lengths and numbers, so none is skipped
};

absl::StatusOr<ParseOnlyResult> ParseOnly(const std::string& path);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_THROUGHPUT_PARSE_ONLY_H_
