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
#include "simdjson.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The line's top-level "id" when the line is a JSON object with a string id.
bool IdOf(std::string_view line, od::parser& parser, std::string& padded,
          std::string_view* id) {
  // A byte-order mark may start any line of concatenated files; the case
  // reader drops it too (ParseJsonInto).
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  padded.assign(line);
  padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
  od::document doc;
  if (parser.iterate(padded.data(), line.size(), padded.size()).get(doc)) {
    return false;
  }
  od::object object;
  if (doc.get_object().get(object)) return false;
  return !object.find_field_unordered("id").get_string().get(*id);
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
  od::parser parser;
  std::string padded;
  std::vector<InputLine> lines;
  std::vector<uint64_t> hashes;
  std::vector<Run> runs;
  while (size_t n = reader.ReadChunk(4096, &lines)) {
    for (size_t i = 0; i < n; ++i) {
      std::string_view id;
      if (lines[i].too_long || !IdOf(lines[i].text, parser, padded, &id)) {
        continue;
      }
      hashes.push_back(CaseIdHash(id));
      if (hashes.size() == run_hashes) {
        absl::StatusOr<File> file = Spill(hashes);
        if (!file.ok()) return file.status();
        runs.emplace_back(*std::move(file));
      }
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
