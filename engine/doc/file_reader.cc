#include "engine/doc/file_reader.h"

#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"

namespace divrisk {

absl::StatusOr<std::string> ReadFileToString(const std::string& path,
                                             size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::string text;
  std::vector<char> buffer(1 << 16);
  // Reads in blocks and stops one byte past the limit, so that neither a
  // huge file nor an endless one (a pipe, /dev/zero) is held in memory.
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) ||
         in.gcount() > 0) {
    text.append(buffer.data(), static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": file larger than the limit of ", max_bytes, " bytes"));
    }
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return text;
}

}  // namespace divrisk
