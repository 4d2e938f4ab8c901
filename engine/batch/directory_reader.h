// DirectoryReader: a directory of case files (.yaml, .yml, .json) as a batch
// input, one file per input "line", in file-name order.

#ifndef DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_
#define DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_

#include <string>
#include <vector>

#include "engine/batch/line_reader.h"

namespace divrisk {

class DirectoryReader : public InputSource {
 public:
  // Lists the case files of `dir` (not recursive); other files are ignored.
  DirectoryReader(const std::string& dir, size_t max_file_bytes);

  size_t ReadChunk(size_t max_lines, std::vector<InputLine>* lines) override;
  bool failed() const override { return failed_; }
  uint64_t bytes_read() const override { return next_; }
  uint64_t bytes_total() const override { return files_.size(); }
  uint64_t position() const override { return next_; }
  absl::Status SkipTo(uint64_t lines, uint64_t index) override;

 private:
  std::vector<std::string> files_;
  size_t max_file_bytes_;
  size_t next_ = 0;
  bool failed_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_
