#include "engine/batch/directory_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace divrisk {

namespace fs = std::filesystem;

DirectoryReader::DirectoryReader(const std::string& dir, size_t max_file_bytes)
    : max_file_bytes_(max_file_bytes) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    Entry e;
    e.path = it->path().string();
    const std::string ext =
        absl::AsciiStrToLower(it->path().extension().string());
    const bool case_name = ext == ".yaml" || ext == ".yml" || ext == ".json";
    e.syntax = ext == ".json" ? CaseSyntax::kJson : CaseSyntax::kYaml;
    struct stat st;
    if (::stat(e.path.c_str(), &st) != 0) {
      e.refusal = errno == ENOENT
                      ? "a symlink to nothing, not a case file"
                      : absl::StrCat("cannot read: ", std::strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      e.refusal = "a directory, not a case file (directories are not read "
                  "recursively)";
    } else if (S_ISFIFO(st.st_mode)) {
      e.refusal = "a FIFO, not a regular file";
    } else if (!S_ISREG(st.st_mode)) {
      e.refusal = "a device or socket, not a regular file";
    } else if (!case_name) {
      e.refusal = "not a case file: the name does not end in .yaml, .yml "
                  "or .json";
    }
    entries_.push_back(std::move(e));
  }
  failed_ = static_cast<bool>(ec);
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
}

absl::Status DirectoryReader::SkipTo(uint64_t lines, uint64_t index) {
  if (lines != index || lines > entries_.size()) {
    return absl::DataLossError(absl::StrCat(
        "the directory has changed: it holds ", entries_.size(),
        " entries, the checkpoint is after entry ", lines));
  }
  next_ = lines;
  return absl::OkStatus();
}

size_t DirectoryReader::ReadChunk(size_t max_lines, size_t max_bytes,
                                  std::vector<InputLine>* lines) {
  size_t n = 0;
  size_t bytes = 0;
  for (; n < max_lines && bytes < max_bytes && next_ < entries_.size();
       ++n, ++next_) {
    if (n == lines->size()) lines->emplace_back();
    InputLine& line = (*lines)[n];
    const Entry& e = entries_[next_];
    line.number = next_ + 1;
    line.source = e.path;
    line.syntax = e.syntax;
    line.refusal = e.refusal;
    line.too_long = false;
    if (line.text.capacity() > kKeptLineCapacity) std::string().swap(line.text);
    line.text.clear();
    if (!e.refusal.empty()) continue;
    std::error_code ec;
    const uintmax_t size = fs::file_size(line.source, ec);
    line.too_long = !ec && size > max_file_bytes_;
    if (ec) {
      line.refusal = absl::StrCat("cannot read: ", ec.message());
    } else if (!line.too_long) {
      std::ifstream in(line.source, std::ios::binary);
      line.text.assign(std::istreambuf_iterator<char>(in), {});
      if (in.bad()) line.refusal = "cannot read the file";
      bytes += line.text.size();
    }
  }
  lines->resize(n);
  return n;
}

}  // namespace divrisk
