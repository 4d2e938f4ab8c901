#include "engine/batch/batch_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/batch/atomic_file.h"
#include "engine/doc/doc_reader.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/json_writer.h"

namespace divrisk {

namespace {

constexpr const char* kCheckpointFormat = "divrisk-batch-checkpoint/1";

}  // namespace

std::string BatchCheckpoint::ToJson() const {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("format").Str(kCheckpointFormat);
    j.Key("input").Str(input).Key("input_size").Int(input_size);
    j.Key("rule_set_sha256").Str(rule_set_sha256).Key("output").Str(output);
    j.Key("position").Int(position).Key("output_bytes").Int(output_bytes);
    j.Key("rejects_bytes").Int(rejects_bytes).Key("read").Int(stats.read);
    j.Key("scored").Int(stats.scored).Key("rejected").Int(stats.rejected);
    j.Key("per_band").Open('[');
    for (uint64_t n : stats.per_band) j.Int(n);
    j.Close(']').Key("per_recommendation").Open('[');
    for (uint64_t n : stats.per_recommendation) j.Int(n);
    j.Close(']').Key("done").Bool(done).Close('}');
  }
  out.push_back('\n');
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
  // A fixed temporary name: one killed mid-write is replaced by the next.
  AtomicFileOptions options;
  options.temp_suffix = ".tmp";
  return WriteFileAtomically(path, checkpoint.ToJson(), std::move(options));
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
