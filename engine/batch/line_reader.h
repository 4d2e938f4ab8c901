// LineReader: JSON Lines input, read in chunks of lines with flat memory.
//
// Lines end at '\n'; a trailing '\r' (CRLF files) is dropped, and so is a
// UTF-8 byte-order mark at the start of the input. A final line without a
// newline is still a line. A line longer than the limit is consumed but not
// kept (its text is dropped, `too_long` set), so one huge line cannot
// exhaust memory; it is still counted, to be rejected with its number.

#ifndef DIVRISK_ENGINE_BATCH_LINE_READER_H_
#define DIVRISK_ENGINE_BATCH_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/reader/case_reader.h"

namespace divrisk {

struct InputLine {
  uint64_t number = 0;  // 1-based line number (or file number) in the input
  std::string text;
  bool too_long = false;
  CaseSyntax syntax = CaseSyntax::kJson;
  std::string source;  // the file, for directory input
  // Why this line is rejected without being parsed (a directory entry that
  // is not a case file), or empty.
  std::string refusal;
};

// Where a batch reads its cases from, chunk by chunk.
class InputSource {
 public:
  virtual ~InputSource() = default;
  // Fills `lines` (reusing its storage; resized to the lines read) with up
  // to `max_lines` lines, and stops after the line that brings their text
  // to `max_bytes` or more: a chunk holds at most max_bytes plus one line.
  // Returns the number read; 0 means end of input.
  virtual size_t ReadChunk(size_t max_lines, size_t max_bytes,
                           std::vector<InputLine>* lines) = 0;
  size_t ReadChunk(size_t max_lines, std::vector<InputLine>* lines) {
    return ReadChunk(max_lines, SIZE_MAX, lines);
  }
  // True when reading failed (as opposed to reaching the end).
  virtual bool failed() const = 0;
  // Bytes consumed so far and in all (0 when unknown), for progress.
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;
  // Where the next line starts (a byte offset for a file or stream, a file
  // index for a directory): recorded in a batch checkpoint.
  virtual uint64_t position() const = 0;
  // Continues after the first `lines` lines, which end at `position` (as
  // position() reported them): seeks a regular file, reads and drops the
  // lines of a pipe. Fails when the input does not match, e.g. it is now
  // shorter or `position` is not where a line starts.
  virtual absl::Status SkipTo(uint64_t lines, uint64_t position) = 0;
};

class LineReader : public InputSource {
 public:
  // Reads from `in` (closed at destruction when `owns_file`); lines over
  // `max_line_bytes` are too long.
  LineReader(std::FILE* in, size_t max_line_bytes, bool owns_file = false);
  ~LineReader() override;
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  using InputSource::ReadChunk;
  size_t ReadChunk(size_t max_lines, size_t max_bytes,
                   std::vector<InputLine>* lines) override;
  bool failed() const override { return failed_; }
  uint64_t bytes_read() const override { return consumed_; }
  uint64_t bytes_total() const override { return total_; }
  uint64_t position() const override { return consumed_ - (end_ - begin_); }
  absl::Status SkipTo(uint64_t lines, uint64_t offset) override;

 private:
  // Next line into *line; false at end of input.
  bool Next(InputLine* line);
  bool Fill();

  std::FILE* in_;
  bool owns_file_;
  size_t max_line_bytes_;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  size_t end_ = 0;
  bool eof_ = false;
  bool failed_ = false;
  uint64_t line_number_ = 0;
  uint64_t consumed_ = 0;
  uint64_t total_ = 0;  // size of a regular file, else 0
  bool seekable_ = false;  // a regular file
};

// A line's storage is kept for the next chunk up to this capacity: a run
// of long lines does not leave every slot of a chunk holding a megabyte.
inline constexpr size_t kKeptLineCapacity = 16 << 10;

// The batch input named on a command line: a directory of case files, a
// JSON Lines file, or standard input for "" or "-".
absl::StatusOr<std::unique_ptr<InputSource>> OpenInput(const std::string& path,
                                                       size_t max_line_bytes);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_LINE_READER_H_
