// POST /v1/batch: JSON Lines in, JSON Lines out, in input order, streamed:
// one line per case (the assessment, or with ?output=summary its summary),
// a rejected line as {"line", "case_id", "errors"} as `divrisk batch`
// writes its rejects, and a closing line {"summary": ..., "complete": ...}.
//
// The engine is engine/batch's RunBatch, as for `divrisk batch`: the body
// is fed through a pipe to a LineReader on a thread that runs RunBatch,
// which scores it chunk by chunk; each chunk's lines go to a ResponseSpool
// that a third thread sends as HTTP chunks as the client reads them.
// Memory is bounded by two chunks, whatever the body's length; a client
// sending faster than the engine scores is slowed by TCP, as the pipe
// fills; a client that reads only after sending finds its lines waiting.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "absl/strings/str_cat.h"
#include "engine/batch/batch_job.h"
#include "engine/batch/batch_run.h"
#include "engine/model/deciding_state.h"
#include "engine/reader/case_reader.h"
#include "engine/service/response_spool.h"
#include "engine/service/service_context.h"
#include "rules/canonical.h"

namespace divrisk::service {

namespace {

bool IsJsonLines(const std::string& type) {
  return type == "application/x-ndjson" || type == "application/jsonl" ||
         type == "application/x-jsonl" || type == "application/jsonlines" ||
         type == "application/x-jsonlines";
}

// Puts a chunk's lines in the spool once the chunk is complete and
// audited, and counts them.
class ResponseSink : public BatchSink {
 public:
  ResponseSink(ServiceContext& ctx, const Plan& plan,
               const std::string& authority, ResponseSpool& out,
               Connection* connection)
      : ctx_(ctx), plan_(plan), authority_(authority), out_(out),
        connection_(connection) {}

  void Scored(const InputLine& line, const LineOutcome& outcome) override {
    buffer_ += outcome.output;
    if (ctx_.audit == nullptr) return;
    AuditRecord& r = records_.emplace_back();
    r.route = "batch";
    r.authority = authority_;
    r.input_syntax = "json";
    r.input_sha256 = Sha256Hex(line.text);
    if (ctx_.options.audit_inputs) r.input = line.text;
    if (!FillFromAssessmentJson(outcome.output, &r).ok()) audit_failed_ = true;
    // A summary line does not name the deciding state: the case does.
    if (outcome.output.find("\"deciding_state\"") == std::string::npos) {
      r.deciding_state = DecidingStateOf(line);
    }
  }
  void Rejected(const InputLine& line, const LineOutcome& outcome) override {
    buffer_ += RejectJson(line, outcome);
  }
  absl::Status EndChunk(const BatchStats& stats, uint64_t) override {
    if (ctx_.audit != nullptr && !audit_failed_) {
      audit_failed_ = !ctx_.audit->Append(records_).ok();
    }
    records_.clear();
    if (audit_failed_) {
      buffer_.clear();
      return absl::UnavailableError(
          "the audit log could not be written; the rest was not scored");
    }
    ctx_.metrics.CasesScored(stats.scored - scored_);
    ctx_.metrics.CasesRejected(stats.rejected - rejected_);
    scored_ = stats.scored;
    rejected_ = stats.rejected;
    if (!Write(buffer_)) {
      return absl::UnavailableError(
          "the server could not hold the output (its temporary directory is "
          "full); the rest was not scored");
    }
    buffer_.clear();
    // A batch that keeps moving keeps its time.
    if (connection_ != nullptr) {
      connection_->SetDeadline(
          std::chrono::seconds(ctx_.options.limits.request_seconds));
    }
    return absl::OkStatus();
  }
  bool Write(const std::string& text) {
    if (!write_failed_ && !text.empty()) write_failed_ = !out_.Append(text);
    return !write_failed_;
  }

 private:
  std::string DecidingStateOf(const InputLine& line) const {
    absl::StatusOr<Case> c =
        ReadCaseText(line.text, CaseSyntax::kJson, "", *plan_.reference);
    if (!c.ok()) return "";
    const DecidingState d = ResolveDecidingState(*c, *plan_.reference);
    return d.state ? std::string(d.state->view()) : "";
  }

  ServiceContext& ctx_;
  const Plan& plan_;
  const std::string& authority_;
  ResponseSpool& out_;
  Connection* connection_;
  std::string buffer_;
  std::vector<AuditRecord> records_;
  uint64_t scored_ = 0;
  uint64_t rejected_ = 0;
  bool audit_failed_ = false;
  bool write_failed_ = false;
};

// Writes all of `data` to `fd`; false once the reader has gone.
bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

struct BatchRequest {
  std::shared_ptr<const Plan> plan;
  std::string authority;
  BatchOutput output = BatchOutput::kFull;
};

// Runs the whole batch inside the response: feeds the body to RunBatch and
// ends with the summary line.
void Stream(ServiceContext& ctx, const BatchRequest& request,
            const httplib::ContentReader& reader, httplib::DataSink& out) {
  const ServiceLimits& limits = ctx.options.limits;
  Connection* connection = Connection::Current();
  ResponseSpool spool;
  int fds[2];
  if (!spool.ok() || ::pipe2(fds, O_CLOEXEC) != 0) {
    const std::string error = ErrorsJson(Unlocated(
        "", "the server could not start the batch (no temporary file or pipe)"));
    out.write(error.data(), error.size());
    DrainBody(reader);
    return;
  }
  ResponseSink sink(ctx, *request.plan, request.authority, spool, connection);
  // Sends the spool as the client reads it; ends once the spool is
  // finished and sent, or the client has gone.
  std::jthread sender([&spool, &out] {
    spool.Send([&out](const char* data, size_t n) { return out.write(data, n); });
  });
  // Finished before `sender` is joined, on every way out.
  struct Finisher {
    ResponseSpool& spool;
    ~Finisher() { spool.Finish(); }
  } finisher{spool};
  BatchStats stats;
  absl::Status run_status;
  const auto start = std::chrono::steady_clock::now();
  std::jthread scorer([&] {
    std::FILE* in = ::fdopen(fds[0], "r");
    if (in == nullptr) {
      ::close(fds[0]);
      run_status = absl::InternalError("the server could not read the body");
      return;
    }
    LineReader lines(in, limits.max_line_bytes, /*owns_file=*/true);
    BatchRunOptions run;
    run.chunk.threads = ctx.options.threads > 0
                            ? ctx.options.threads
                            : std::max(1u, std::thread::hardware_concurrency());
    run.chunk.output = request.output;
    run.chunk.max_line_bytes = limits.max_line_bytes;
    run_status = RunBatch(*request.plan, lines, run, sink, &stats);
  });  // the pipe's reading end closes when `lines` goes: the feeding stops
  // Closed before `scorer` is joined, on every way out.
  struct Closer {
    int fd;
    void Close() {
      if (fd >= 0) ::close(fd);
      fd = -1;
    }
    ~Closer() { Close(); }
  } feed{fds[1]};
  // Feed the body, up to the line limit; the rest is read and dropped.
  size_t lines_fed = 0;
  bool feeding = true;
  bool over_limit = false;
  const bool body_read = reader([&](const char* data, size_t n) {
    if (!feeding) {
      if (n > 0) over_limit = true;
      return true;
    }
    size_t take = n;
    for (size_t i = 0; i < n; ++i) {
      if (data[i] != '\n') continue;
      if (++lines_fed == limits.max_batch_lines) {
        take = i + 1;
        break;
      }
    }
    if (!WriteAll(fds[1], data, take)) feeding = false;
    if (lines_fed >= limits.max_batch_lines) {
      feeding = false;
      feed.Close();  // the scorer finishes while the rest is dropped
      if (take < n) over_limit = true;
    }
    return true;
  });
  feed.Close();
  scorer.join();
  std::vector<ApiError> errors;
  if (!body_read) {
    const bool late = connection != nullptr && connection->expired;
    errors.push_back(ApiError{"request", 0, 0, "",
        late ? absl::StrCat("the request took longer than the limit of ",
                            limits.request_seconds, " s: lines after line ",
                            stats.read, " were not read")
             : absl::StrCat("the request body was cut short after line ",
                            stats.read)});
  }
  if (over_limit) {
    errors.push_back(ApiError{"request", 0, 0, "", absl::StrCat(
        "more than the limit of ", limits.max_batch_lines,
        " lines: the lines after line ", limits.max_batch_lines,
        " were not read")});
  }
  if (!run_status.ok()) {
    errors.push_back(ApiError{"", 0, 0, "", std::string(run_status.message())});
  }
  if (!errors.empty()) sink.Write(ErrorsJson(errors));
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start).count();
  std::string summary = BatchSummaryJson(*request.plan, stats, seconds);
  if (!summary.empty() && summary.back() == '\n') summary.pop_back();
  sink.Write(absl::StrCat("{\"summary\":", summary, ",\"complete\":",
                          errors.empty() ? "true" : "false", "}\n"));
  spool.Finish();
  sender.join();
}

void Batch(ServiceContext& ctx, const httplib::Request& req,
           httplib::Response& res, const httplib::ContentReader& reader) {
  if (!IsJsonLines(MediaType(req))) {
    DrainBody(reader);
    return SendErrors(res, 415, Unlocated("request", absl::StrCat(
        "Content-Type: expected application/x-ndjson (JSON Lines), found '",
        req.get_header_value("Content-Type"), "'")));
  }
  auto request = std::make_shared<BatchRequest>();
  const std::string output = req.get_param_value("output");
  if (output == "summary") {
    request->output = BatchOutput::kSummary;
  } else if (!output.empty() && output != "full") {
    DrainBody(reader);
    return SendErrors(res, 400, Unlocated("request", absl::StrCat(
        "output: expected full or summary, found '", output, "'")));
  }
  request->authority = req.get_param_value("authority");
  absl::StatusOr<std::shared_ptr<const Plan>> plan =
      ctx.plans.Get(request->authority);
  if (!plan.ok()) {
    DrainBody(reader);
    return SendErrors(res, 400, FromStatus(plan.status()));
  }
  request->plan = *std::move(plan);
  res.set_header("X-Rule-Set-SHA256", request->plan->sha256);
  // The reader stays valid while the response is written (httplib writes
  // it from the same request's frame).
  res.set_chunked_content_provider(
      "application/x-ndjson",
      [&ctx, request, reader](size_t, httplib::DataSink& out) {
        try {
          Stream(ctx, *request, reader, out);
        } catch (...) {
          // Nothing may escape into httplib's thread; the response ends
          // without its summary, which the client sees.
          return false;
        }
        out.done();
        return true;
      });
}

}  // namespace

void AddBatchRoute(httplib::Server& server, ServiceContext& ctx) {
  server.Post("/v1/batch",
              [&ctx](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) {
                Batch(ctx, req, res, reader);
              });
}

}  // namespace divrisk::service
