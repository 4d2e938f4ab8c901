#include "engine/batch/job_sink.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace divrisk {

void JobDestination::Write(std::string_view bytes) {
  if (file != nullptr) {
    file->Write(bytes);
  } else if (error == 0 &&
             std::fwrite(bytes.data(), 1, bytes.size(), stream) !=
                 bytes.size()) {
    error = errno != 0 ? errno : EIO;
  }
}

absl::StatusOr<uint64_t> JobDestination::Flush() {
  if (file != nullptr) return file->Sync();
  if (error == 0 && std::fflush(stream) != 0) error = errno ? errno : EIO;
  if (error != 0) {
    return absl::DataLossError(
        absl::StrCat(name, ": write failed: ", std::strerror(error)));
  }
  return 0;
}

JobSink::JobSink(JobDestination out, JobDestination rejects, SqliteWriter* db,
                 std::string checkpoint_path, BatchCheckpoint checkpoint,
                 std::function<void(BatchJobPoint)> hook)
    : out_(out),
      rejects_(rejects),
      db_(db),
      checkpoint_path_(std::move(checkpoint_path)),
      checkpoint_(std::move(checkpoint)),
      hook_(std::move(hook)) {}

void JobSink::Scored(const InputLine& line, const LineOutcome& outcome) {
  out_.Write(outcome.output);
  if (db_ != nullptr) {
    db_->Add(line.number, outcome.case_id, outcome.result,
             outcome.contributions);
  }
}

void JobSink::Rejected(const InputLine& line, const LineOutcome& outcome) {
  rejects_.Write(RejectJson(line, outcome));
}

absl::Status JobSink::EndChunk(const BatchStats& stats, uint64_t position) {
  absl::StatusOr<uint64_t> out_bytes = out_.Flush();
  if (!out_bytes.ok()) return out_bytes.status();
  absl::StatusOr<uint64_t> rejects_bytes = rejects_.Flush();
  if (!rejects_bytes.ok()) return rejects_bytes.status();
  if (hook_) hook_(BatchJobPoint::kChunkWritten);
  if (checkpoint_path_.empty()) return absl::OkStatus();
  checkpoint_.position = position;
  checkpoint_.output_bytes = *out_bytes;
  checkpoint_.rejects_bytes = *rejects_bytes;
  checkpoint_.stats = stats;
  absl::Status s = WriteCheckpoint(checkpoint_path_, checkpoint_);
  if (hook_) hook_(BatchJobPoint::kCheckpointWritten);
  return s;
}

}  // namespace divrisk
