#include "engine/batch/directory_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"

namespace divrisk {

namespace fs = std::filesystem;

DirectoryReader::DirectoryReader(const std::string& dir, size_t max_file_bytes)
    : max_file_bytes_(max_file_bytes) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
      files_.push_back(entry.path().string());
    }
  }
  failed_ = static_cast<bool>(ec);
  std::sort(files_.begin(), files_.end());
}

absl::Status DirectoryReader::SkipTo(uint64_t lines, uint64_t index) {
  if (lines != index || lines > files_.size()) {
    return absl::DataLossError(absl::StrCat(
        "the directory has changed: it holds ", files_.size(),
        " case files, the checkpoint is after file ", lines));
  }
  next_ = lines;
  return absl::OkStatus();
}

size_t DirectoryReader::ReadChunk(size_t max_lines,
                                  std::vector<InputLine>* lines) {
  if (lines->size() < max_lines) lines->resize(max_lines);
  size_t n = 0;
  for (; n < max_lines && next_ < files_.size(); ++n, ++next_) {
    InputLine& line = (*lines)[n];
    line.number = next_ + 1;
    line.source = files_[next_];
    line.syntax = SyntaxOfFile(line.source);
    line.text.clear();
    std::error_code ec;
    line.too_long = fs::file_size(line.source, ec) > max_file_bytes_;
    if (!line.too_long) {
      std::ifstream in(line.source, std::ios::binary);
      line.text.assign(std::istreambuf_iterator<char>(in), {});
    }
  }
  return n;
}

}  // namespace divrisk
