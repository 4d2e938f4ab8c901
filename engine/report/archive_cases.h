// Internal to divrisk_report: the destinations and intermediaries of the
// results, joined in from the case archive the batch read. The results are
// in the archive's order with its rejected lines left out, so both are read
// forward together: for each result, case lines are read until the one with
// its id (the lines skipped are those the batch rejected).

#ifndef DIVRISK_ENGINE_REPORT_ARCHIVE_CASES_H_
#define DIVRISK_ENGINE_REPORT_ARCHIVE_CASES_H_

#include <string>
#include <vector>

#include "engine/batch/line_reader.h"
#include "engine/report/json_lines.h"

namespace divrisk {

class CaseJoin {
 public:
  explicit CaseJoin(InputSource& cases) : cases_(cases) {}
  // Finds the case of `result` and counts its destination and
  // intermediaries in `summary`; after the case archive runs out without
  // it, sets summary->join_problem and joins nothing more.
  void Add(const ResultKey& result, ArchiveSummary* summary);

 private:
  struct CaseFacts {
    std::string id;
    std::string destination;
    std::vector<std::string> intermediaries;  // "name|CC|role"
  };
  bool NextCase(CaseFacts* facts);  // false at the end of the archive

  InputSource& cases_;
  PaddedJsonParser parser_;
  std::vector<InputLine> lines_;
  size_t next_ = 0;
  bool exhausted_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_ARCHIVE_CASES_H_
