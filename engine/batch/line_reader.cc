#include "engine/batch/line_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/batch/directory_reader.h"

namespace divrisk {

namespace {
constexpr size_t kBufferBytes = 1 << 20;
}  // namespace

LineReader::LineReader(std::FILE* in, size_t max_line_bytes, bool owns_file)
    : in_(in),
      owns_file_(owns_file),
      max_line_bytes_(max_line_bytes),
      buffer_(kBufferBytes) {
  struct stat st;
  if (fstat(fileno(in_), &st) == 0 && S_ISREG(st.st_mode)) {
    total_ = st.st_size;
    seekable_ = true;
  }
}

LineReader::~LineReader() {
  if (owns_file_) std::fclose(in_);
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, in_);
  end_ += got;
  consumed_ += got;
  if (got == 0) {
    eof_ = true;
    failed_ = std::ferror(in_) != 0;
  }
  return got > 0;
}

bool LineReader::Next(InputLine* line) {
  line->text.clear();
  line->too_long = false;
  bool any = false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    const size_t take = nl ? static_cast<const char*>(nl) - start : end_ - begin_;
    if (take > 0) any = true;
    if (!line->too_long) {
      if (line->text.size() + take > max_line_bytes_) {
        line->too_long = true;
        line->text.clear();
        line->text.shrink_to_fit();
      } else {
        line->text.append(start, take);
      }
    }
    begin_ += take;
    if (nl != nullptr) {
      ++begin_;  // the newline
      break;
    }
    if (!Fill()) {
      if (!any && line->text.empty()) return false;
      break;  // last line without a newline
    }
  }
  ++line_number_;
  line->number = line_number_;
  if (!line->text.empty() && line->text.back() == '\r') line->text.pop_back();
  if (line_number_ == 1 && line->text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    line->text.erase(0, 3);
  }
  return true;
}

absl::Status LineReader::SkipTo(uint64_t lines, uint64_t offset) {
  if (line_number_ != 0 || consumed_ != 0) {
    return absl::FailedPreconditionError("SkipTo after reading");
  }
  if (lines == 0) return absl::OkStatus();
  if (seekable_) {
    // The byte before `offset` must end a line (or the input end there).
    char last = 0;
    if (offset == 0 || offset > total_ ||
        fseeko(in_, static_cast<off_t>(offset - 1), SEEK_SET) != 0 ||
        std::fread(&last, 1, 1, in_) != 1 ||
        (last != '\n' && offset != total_)) {
      return absl::DataLossError(absl::StrCat(
          "the input has changed: byte ", offset,
          " does not start line ", lines + 1));
    }
    line_number_ = lines;
    consumed_ = offset;
    return absl::OkStatus();
  }
  // A pipe: read the lines again and drop them.
  InputLine line;
  const size_t keep = max_line_bytes_;
  max_line_bytes_ = 0;  // keep no text
  while (line_number_ < lines && Next(&line)) {
  }
  max_line_bytes_ = keep;
  if (line_number_ != lines || position() != offset) {
    return absl::DataLossError(absl::StrCat(
        "the input has changed: line ", lines + 1, " does not start at byte ",
        offset));
  }
  return absl::OkStatus();
}

size_t LineReader::ReadChunk(size_t max_lines, size_t max_bytes,
                             std::vector<InputLine>* lines) {
  size_t n = 0;
  size_t bytes = 0;
  while (n < max_lines && bytes < max_bytes) {
    if (n == lines->size()) lines->emplace_back();
    InputLine& line = (*lines)[n];
    if (line.text.capacity() > kKeptLineCapacity) std::string().swap(line.text);
    if (!Next(&line)) break;
    bytes += line.text.size() + 1;
    ++n;
  }
  lines->resize(n);
  return n;
}

absl::StatusOr<std::unique_ptr<InputSource>> OpenInput(const std::string& path,
                                                       size_t max_line_bytes) {
  if (path.empty() || path == "-") {
    return std::make_unique<LineReader>(stdin, max_line_bytes);
  }
  if (std::filesystem::is_directory(path)) {
    return std::make_unique<DirectoryReader>(path, max_line_bytes);
  }
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  return std::make_unique<LineReader>(in, max_line_bytes, /*owns_file=*/true);
}

}  // namespace divrisk
