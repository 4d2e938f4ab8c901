#include "engine/batch/repeated_ids.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <queue>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/batch/batch_run.h"
#include "engine/batch/line_reader.h"
#include "engine/reader/json_case_id.h"

namespace divrisk {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The line's case id exactly as the batch will decode it (JsonCaseId
// equals its JSON parser and CaseIdOf): escaped keys ("\u0069d"), numeric
// ids and a byte-order mark read alike here and there, without building
// the line's tree.
bool IdOf(const InputLine& line, std::string* id) {
  if (line.too_long) return false;
  std::optional<std::string> found = JsonCaseId(line.text);
  if (!found) return false;
  *id = *std::move(found);
  return true;
}

// One sorted run of hashes, read in order: from memory, or from a spilled
// file through a small buffer.
class Run {
 public:
  explicit Run(std::vector<uint64_t> hashes) : buffer_(std::move(hashes)) {}
  explicit Run(File file) : file_(std::move(file)) {}

  // The next hash in *out; false at the end (or on a read error, see
  // failed()).
  bool Next(uint64_t* out) {
    if (pos_ == buffer_.size()) {
      if (!file_) return false;
      buffer_.resize(8192);
      const size_t n = std::fread(buffer_.data(), sizeof(uint64_t),
                                  buffer_.size(), file_.get());
      buffer_.resize(n);
      pos_ = 0;
      if (n == 0) {
        failed_ = std::ferror(file_.get()) != 0;
        return false;
      }
    }
    *out = buffer_[pos_++];
    return true;
  }
  bool failed() const { return failed_; }

 private:
  File file_;
  std::vector<uint64_t> buffer_;
  size_t pos_ = 0;
  bool failed_ = false;
};

absl::Status SpillError() {
  return absl::InternalError(absl::StrCat(
      "finding repeated case ids: cannot write a temporary file: ",
      std::strerror(errno)));
}

// Sorts `hashes` and writes them to an anonymous temporary file (removed by
// the system when closed, even if the process is killed).
absl::StatusOr<File> Spill(std::vector<uint64_t>& hashes) {
  std::sort(hashes.begin(), hashes.end());
  File file(std::tmpfile());
  if (!file) return SpillError();
  if (std::fwrite(hashes.data(), sizeof(uint64_t), hashes.size(),
                  file.get()) != hashes.size() ||
      std::fflush(file.get()) != 0) {
    return SpillError();
  }
  std::rewind(file.get());
  hashes.clear();
  return file;
}

// Merges the runs; a hash that comes out twice in a row is repeated.
absl::StatusOr<absl::flat_hash_set<uint64_t>> Repeated(std::vector<Run>& runs) {
  using Head = std::pair<uint64_t, size_t>;  // hash, run
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
  for (size_t r = 0; r < runs.size(); ++r) {
    if (uint64_t h; runs[r].Next(&h)) heads.push({h, r});
  }
  absl::flat_hash_set<uint64_t> repeated;
  bool any = false;
  uint64_t last = 0;
  while (!heads.empty()) {
    const auto [h, r] = heads.top();
    heads.pop();
    if (any && h == last) repeated.insert(h);
    any = true;
    last = h;
    if (uint64_t next; runs[r].Next(&next)) heads.push({next, r});
  }
  for (const Run& run : runs) {
    if (run.failed()) {
      return absl::InternalError(
          "finding repeated case ids: cannot read back a temporary file");
    }
  }
  return repeated;
}

}  // namespace

absl::StatusOr<absl::flat_hash_set<uint64_t>> FindRepeatedIds(
    const std::string& path, size_t max_line_bytes, size_t run_hashes) {
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  LineReader reader(in, max_line_bytes, /*owns_file=*/true);
  // One line at a time: memory is one line and the hashes.
  std::string id;
  std::vector<InputLine> lines;
  std::vector<uint64_t> hashes;
  std::vector<Run> runs;
  while (reader.ReadChunk(1, &lines) == 1) {
    if (!IdOf(lines[0], &id)) continue;
    hashes.push_back(CaseIdHash(id));
    if (hashes.size() == run_hashes) {
      absl::StatusOr<File> file = Spill(hashes);
      if (!file.ok()) return file.status();
      runs.emplace_back(*std::move(file));
    }
  }
  if (reader.failed()) {
    return absl::DataLossError(absl::StrCat(path, ": reading failed"));
  }
  std::sort(hashes.begin(), hashes.end());
  runs.emplace_back(std::move(hashes));
  return Repeated(runs);
}

}  // namespace divrisk
