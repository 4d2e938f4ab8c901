// DirectoryReader: a directory of case files as a batch input, one entry
// per input "line", in file-name order.
//
// Every entry counts (not recursive): a regular file (or a symlink to one)
// whose name ends in .yaml, .yml or .json, in any letter case, is read as
// a case; any other entry (another name, a subdirectory, a FIFO, a device,
// a dangling symlink) is read as a line that is rejected with the reason,
// so that nothing in the directory is skipped silently.

#ifndef DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_
#define DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_

#include <string>
#include <vector>

#include "engine/batch/line_reader.h"

namespace divrisk {

class DirectoryReader : public InputSource {
 public:
  // Lists the entries of `dir`.
  DirectoryReader(const std::string& dir, size_t max_file_bytes);

  using InputSource::ReadChunk;
  size_t ReadChunk(size_t max_lines, size_t max_bytes,
                   std::vector<InputLine>* lines) override;
  bool failed() const override { return failed_; }
  uint64_t bytes_read() const override { return next_; }
  uint64_t bytes_total() const override { return entries_.size(); }
  uint64_t position() const override { return next_; }
  absl::Status SkipTo(uint64_t lines, uint64_t index) override;

 private:
  struct Entry {
    std::string path;
    CaseSyntax syntax = CaseSyntax::kYaml;
    std::string refusal;  // why it is not read as a case, or empty
  };
  std::vector<Entry> entries_;
  size_t max_file_bytes_;
  size_t next_ = 0;
  bool failed_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_DIRECTORY_READER_H_
