// Internal to divrisk_report: the simdjson pieces the archive summary
// shares (one parser and one padded buffer reused for every line), what it
// keeps of one result line, and the reader of `divrisk diff --format json`.

#ifndef DIVRISK_ENGINE_REPORT_JSON_LINES_H_
#define DIVRISK_ENGINE_REPORT_JSON_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "engine/report/archive_summary.h"
#include "simdjson.h"

namespace divrisk {

class PaddedJsonParser {
 public:
  // Starts reading `text` (copied into the padded buffer); false when it
  // is not JSON at all. The document is valid until the next Parse.
  bool Parse(std::string_view text, simdjson::ondemand::document* doc);

 private:
  simdjson::ondemand::parser parser_;
  std::string buffer_;
};

// What a result line says that the join with the cases needs.
struct ResultKey {
  std::string case_id;
  std::string band;
  std::string recommendation;
  std::string rule_set;
  int64_t score_q = 0;
};

// Reads the one object `divrisk diff --format json` writes.
absl::Status ReadDiff(PaddedJsonParser& parser, std::string_view text,
                      DiffSummary* diff);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_JSON_LINES_H_
