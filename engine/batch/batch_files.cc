#include "engine/batch/batch_files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "engine/doc/doc_reader.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/json_text.h"

namespace divrisk {

// ------------------------------------------------------------ PartialFile

PartialFile::~PartialFile() {
  if (file_ != nullptr) std::fclose(file_);  // the partial file stays
}

absl::Status PartialFile::Failure(int error) const {
  return absl::DataLossError(absl::StrCat(partial_path_, ": write failed: ",
                                          std::strerror(error)));
}

absl::Status PartialFile::Open(const std::string& path,
                               std::optional<uint64_t> keep) {
  path_ = path;
  partial_path_ = path + ".partial";
  const int fd =
      ::open(partial_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(
        partial_path_, ": cannot create: ", std::strerror(errno)));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return absl::UnavailableError(absl::StrCat(
        partial_path_, ": another divrisk batch is writing it"));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return Failure(e);
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (keep && size < *keep) {
    ::close(fd);
    return absl::DataLossError(absl::StrCat(
        partial_path_, " holds ", size, " bytes, fewer than the ", *keep,
        " its checkpoint records"));
  }
  // Not a regular file (a device such as /dev/full): nothing to truncate.
  if (S_ISREG(st.st_mode) &&
      ::ftruncate(fd, static_cast<off_t>(keep.value_or(0))) != 0) {
    const int e = errno;
    ::close(fd);
    return Failure(e);
  }
  file_ = ::fdopen(fd, "r+b");
  if (file_ == nullptr) {
    const int e = errno;
    ::close(fd);
    return Failure(e);
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  if (fseeko(file_, 0, SEEK_END) != 0) return Failure(errno);
  return absl::OkStatus();
}

void PartialFile::Write(std::string_view bytes) {
  if (error_ != 0 || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = errno != 0 ? errno : EIO;
  }
}

absl::StatusOr<uint64_t> PartialFile::Sync() {
  if (error_ == 0 && std::fflush(file_) != 0) error_ = errno ? errno : EIO;
  if (error_ == 0 && ::fsync(fileno(file_)) != 0) error_ = errno;
  if (error_ != 0) return Failure(error_);
  const off_t size = ftello(file_);
  if (size < 0) return Failure(errno);
  return static_cast<uint64_t>(size);
}

absl::Status PartialFile::Commit() {
  absl::StatusOr<uint64_t> synced = Sync();
  if (!synced.ok()) return synced.status();
  // Renamed while still open and locked, then closed.
  if (std::rename(partial_path_.c_str(), path_.c_str()) != 0) {
    return absl::DataLossError(absl::StrCat(
        partial_path_, ": cannot rename to ", path_, ": ",
        std::strerror(errno)));
  }
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!closed) return Failure(errno);
  return absl::OkStatus();
}

// ------------------------------------------------------------- checkpoints

namespace {

constexpr const char* kCheckpointFormat = "divrisk-batch-checkpoint/1";

std::string Numbers(const std::vector<uint64_t>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) absl::StrAppend(&out, i ? "," : "", v[i]);
  return out + "]";
}

// Writes all of `bytes` to a new file at `path` and fsyncs it.
absl::Status WriteSynced(const std::string& path, std::string_view bytes) {
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::DataLossError(
        absl::StrCat(path, ": cannot create: ", std::strerror(errno)));
  }
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = n < 0 ? errno : EIO;
      ::close(fd);
      return absl::DataLossError(
          absl::StrCat(path, ": write failed: ", std::strerror(e)));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return absl::DataLossError(
        absl::StrCat(path, ": write failed: ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace

std::string BatchCheckpoint::ToJson() const {
  std::string out = absl::StrCat("{\"format\":\"", kCheckpointFormat,
                                 "\",\"input\":");
  AppendJsonString(input, &out);
  absl::StrAppend(&out, ",\"input_size\":", input_size,
                  ",\"rule_set_sha256\":");
  AppendJsonString(rule_set_sha256, &out);
  out.append(",\"output\":");
  AppendJsonString(output, &out);
  absl::StrAppend(&out, ",\"position\":", position,
                  ",\"output_bytes\":", output_bytes,
                  ",\"rejects_bytes\":", rejects_bytes,
                  ",\"read\":", stats.read, ",\"scored\":", stats.scored,
                  ",\"rejected\":", stats.rejected,
                  ",\"per_band\":", Numbers(stats.per_band),
                  ",\"per_recommendation\":",
                  Numbers(std::vector<uint64_t>(
                      stats.per_recommendation.begin(),
                      stats.per_recommendation.end())),
                  ",\"done\":", done ? "true" : "false", "}\n");
  return out;
}

std::string CheckpointPath(const std::string& out) {
  return out + ".checkpoint";
}

absl::StatusOr<std::optional<BatchCheckpoint>> ReadCheckpoint(
    const std::string& path, size_t bands) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    if (errno == ENOENT) return std::optional<BatchCheckpoint>();
    return absl::UnavailableError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0 &&
         text.size() < (1 << 20)) {
    text.append(buffer, n);
  }
  std::fclose(f);
  auto invalid = [&path](const std::string& why) {
    return absl::DataLossError(absl::StrCat(path, ": not a valid checkpoint (",
                                            why, "); rerun without --resume"));
  };
  if (!text.empty() && text.back() == '\n') text.pop_back();
  absl::StatusOr<DocNode> root = ParseJson(text);
  if (!root.ok()) return invalid(std::string(root.status().message()));
  DocErrors errors;
  MapReader m(*root, "", &errors);
  BatchCheckpoint c;
  const DocNode* format = m.Required("format");
  if (format != nullptr && format->text != kCheckpointFormat) {
    return invalid("unknown format");
  }
  auto str = [&](std::string_view key, std::string* out) {
    if (const DocNode* n = m.Required(key)) {
      *out = ReadString(*n, std::string(key), &errors).value_or("");
    }
  };
  auto num = [&](std::string_view key, uint64_t* out) {
    if (const DocNode* n = m.Required(key)) {
      *out = static_cast<uint64_t>(
          ReadInt(*n, std::string(key), &errors).value_or(0));
    }
  };
  auto nums = [&](std::string_view key, size_t size, uint64_t* out) {
    const DocNode* n = m.Required(key);
    if (n == nullptr) return;
    const auto* items = ReadList(*n, std::string(key), &errors);
    if (items == nullptr || items->size() != size) {
      errors.Add(*n, std::string(key), "wrong length");
      return;
    }
    for (size_t i = 0; i < size; ++i) {
      out[i] = static_cast<uint64_t>(
          ReadInt((*items)[i], std::string(key), &errors).value_or(0));
    }
  };
  str("input", &c.input);
  num("input_size", &c.input_size);
  str("rule_set_sha256", &c.rule_set_sha256);
  str("output", &c.output);
  num("position", &c.position);
  num("output_bytes", &c.output_bytes);
  num("rejects_bytes", &c.rejects_bytes);
  num("read", &c.stats.read);
  num("scored", &c.stats.scored);
  num("rejected", &c.stats.rejected);
  c.stats.per_band.assign(bands, 0);
  nums("per_band", bands, c.stats.per_band.data());
  nums("per_recommendation", c.stats.per_recommendation.size(),
       c.stats.per_recommendation.data());
  if (const DocNode* n = m.Required("done")) {
    c.done = ReadBool(*n, "done", &errors).value_or(false);
  }
  m.Finish();
  if (!errors.empty()) return invalid(errors.Sorted()[0].ToString());
  if (c.stats.read != c.stats.scored + c.stats.rejected) {
    return invalid("read != scored + rejected");
  }
  return std::optional<BatchCheckpoint>(std::move(c));
}

absl::Status WriteCheckpoint(const std::string& path,
                             const BatchCheckpoint& checkpoint) {
  const std::string temp = path + ".tmp";
  if (absl::Status s = WriteSynced(temp, checkpoint.ToJson()); !s.ok()) {
    std::remove(temp.c_str());
    return s;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    std::remove(temp.c_str());
    return absl::DataLossError(
        absl::StrCat(path, ": cannot rename into place: ", std::strerror(e)));
  }
  return absl::OkStatus();
}

absl::Status CollectCaseIdHashes(const std::string& path, uint64_t bytes,
                                 std::vector<uint64_t>* hashes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return absl::UnavailableError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  // Every output line starts {"case_id":"<id>", the id JSON-escaped.
  constexpr std::string_view kPrefix = "{\"case_id\":\"";
  char* line = nullptr;
  size_t capacity = 0;
  uint64_t offset = 0;
  uint64_t number = 0;
  absl::Status status;
  while (offset < bytes) {
    const ssize_t n = ::getline(&line, &capacity, f);
    if (n <= 0) break;
    ++number;
    offset += static_cast<uint64_t>(n);
    std::string_view text(line, static_cast<size_t>(n));
    size_t end = kPrefix.size();
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    absl::StatusOr<DocNode> id;
    if (text.substr(0, kPrefix.size()) == kPrefix && end < text.size()) {
      id = ParseJson(std::string(text.substr(0, end + 1)) + "}");
    }
    const DocNode* value = id.ok() ? id->Find("case_id") : nullptr;
    if (value == nullptr || !value->IsScalar()) {
      status = absl::DataLossError(absl::StrCat(
          path, ":", number, ": not a divrisk batch output line"));
      break;
    }
    hashes->push_back(CaseIdHash(value->text));
  }
  std::free(line);
  std::fclose(f);
  if (status.ok() && offset != bytes) {
    status = absl::DataLossError(absl::StrCat(
        path, ": the checkpoint's ", bytes, " bytes do not end a line"));
  }
  return status;
}

}  // namespace divrisk
