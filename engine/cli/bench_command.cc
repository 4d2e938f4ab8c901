// divrisk bench: end-to-end throughput on one archive, in one run (issue 4).
//
// Generates an archive (or takes --input), then measures on that same file:
// (a) parse-only, the read limit (engine/throughput/parse_only.h); (b) batch
// --output summary on 1 thread; (c) batch --output full on 1 thread; (d)
// batch --output summary on all threads. Each step runs as its own process
// (this binary, re-executed), so that its wall time includes everything a
// user waits for (start, rule-set compile, reading, scoring, writing to a
// file) and its peak RSS (wait4) is its own, not the generator's or another
// step's. The last line on stdout is one JSON object.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "engine/throughput/parse_only.h"
#include "engine/cli/commands.h"

namespace divrisk::cli {
namespace {

namespace fs = std::filesystem;

struct StepResult {
  double seconds = 0;
  double peak_rss_mb = 0;
};

// Runs `args` (this binary's arguments) in a child process with its output
// discarded; its wall time and peak RSS, or an error.
absl::StatusOr<StepResult> RunChild(const std::vector<std::string>& args) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    std::vector<char*> argv;
    static char self[] = "divrisk";
    argv.push_back(self);
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (FILE* null = std::fopen("/dev/null", "w")) {
      dup2(fileno(null), STDOUT_FILENO);
      dup2(fileno(null), STDERR_FILENO);
    }
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) {
    return absl::InternalError("wait4 failed");
  }
  StepResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            start)
                  .count();
  r.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat("divrisk ", absl::StrJoin(args, " "),
                                            " failed (status ", status, ")"));
  }
  return r;
}

// A count ("read", "scored") of a batch --summary file.
uint64_t CountIn(const std::string& summary_file, const std::string& key) {
  std::ifstream in(summary_file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string quoted = absl::StrCat("\"", key, "\":");
  const size_t at = text.find(quoted);
  return at == std::string::npos ? 0
                                 : std::stoull(text.substr(at + quoted.size()));
}

}  // namespace

int RunBenchParseOnly(const std::string& file) {
  absl::StatusOr<ParseOnlyResult> r = ParseOnly(file);
  if (!r.ok()) {
    std::cerr << r.status().message() << "\n";
    return kExitInvalid;
  }
  std::cout << absl::StrFormat(
      "{\"lines\":%d,\"invalid\":%d,\"values\":%d,\"checksum\":%.17g}\n",
      r->lines, r->invalid, r->values, r->checksum);
  return kExitOk;  // invalid lines are counted: the batch rejects them
}

int RunBench(const BenchOptions& options) {
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(
                                1u, std::thread::hardware_concurrency()));
  const fs::path work =
      fs::path(options.work_dir.empty() ? fs::temp_directory_path().string()
                                        : options.work_dir) /
      absl::StrCat("divrisk-bench-", getpid());
  std::error_code ec;
  fs::create_directories(work, ec);
  if (ec) {
    std::cerr << work.string() << ": " << ec.message() << "\n";
    return kExitWriteFailed;
  }
  struct Cleanup {
    fs::path dir;
    ~Cleanup() { std::error_code e; fs::remove_all(dir, e); }
  } cleanup{work};

  std::string input = options.input;
  if (input.empty()) {
    input = (work / "archive.jsonl").string();
    std::cerr << "generating " << options.count << " cases (seed "
              << options.seed << ")\n";
    if (auto r = RunChild({"generate", "--rules", options.rules_dir, "--count",
                           absl::StrCat(options.count), "--seed",
                           absl::StrCat(options.seed), "-o", input});
        !r.ok()) {
      std::cerr << r.status().message() << "\n";
      return kExitWriteFailed;
    }
  }
  absl::StatusOr<ParseOnlyResult> shape = ParseOnly(input);
  if (!shape.ok()) {
    std::cerr << shape.status().message() << "\n";
    return kExitInvalid;
  }
  // Every line the batch reads, empty ones too: the batch steps must read
  // them all.
  const uint64_t cases = shape->read_lines;
  const uint64_t bytes = shape->bytes;
  if (cases == 0) {
    std::cerr << input << ": no cases\n";
    return kExitInvalid;
  }

  struct Step {
    const char* name;
    std::vector<std::string> args;
    bool batch;
    StepResult result;
  };
  const std::string out = (work / "out.jsonl").string();
  const std::string summary = (work / "summary.json").string();
  auto batch = [&](const char* output, int t) {
    return std::vector<std::string>{
        "batch", "--rules", options.rules_dir, "--threads", absl::StrCat(t),
        "--output", output, "-o", out, "--summary", summary, input};
  };
  std::vector<Step> steps = {
      {"parse-only", {"bench", "--parse-only", input}, false, {}},
      {"batch summary, 1 thread", batch("summary", 1), true, {}},
      {"batch full, 1 thread", batch("full", 1), true, {}},
      {"batch summary, all threads", batch("summary", threads), true, {}},
  };
  double peak = 0;
  for (Step& step : steps) {
    std::cerr << "running " << step.name << "\n";
    absl::StatusOr<StepResult> r = RunChild(step.args);
    if (!r.ok()) {
      std::cerr << r.status().message() << "\n";
      return kExitInvalid;
    }
    // Every line must have been read; rejected lines (an --input with
    // broken lines) are timed like the others.
    if (step.batch && CountIn(summary, "read") != cases) {
      std::cerr << step.name << ": read " << CountIn(summary, "read")
                << " of " << cases << " lines\n";
      return kExitInvalid;
    }
    step.result = *r;
    peak = std::max(peak, r->peak_rss_mb);
    fs::remove(out, ec);
  }

  const double parse_rate = cases / steps[0].result.seconds;
  std::cout << absl::StrFormat(
      "%d cases, %.1f MB (%.0f bytes per case), %s; %d threads\n", cases,
      bytes / 1e6, static_cast<double>(bytes) / cases,
      options.input.empty() ? "generated" : input, threads);
  std::cout << absl::StrFormat("%-28s %12s %9s %12s %14s\n", "step", "cases/s",
                               "MB/s", "peak RSS MB", "of parse-only");
  for (const Step& step : steps) {
    const double rate = cases / step.result.seconds;
    std::cout << absl::StrFormat("%-28s %12.0f %9.1f %12.1f %13.1f%%\n",
                                 step.name, rate,
                                 bytes / 1e6 / step.result.seconds,
                                 step.result.peak_rss_mb,
                                 100 * rate / parse_rate);
  }
  const double t1 = cases / steps[1].result.seconds;
  const double tn = cases / steps[3].result.seconds;
  std::cout << absl::StrFormat("%d threads / 1 thread: %.2fx\n", threads,
                               tn / t1);
  std::cout << absl::StrFormat(
      "{\"cases\":%d,\"bytes\":%d,\"parse_only_cases_per_s\":%.0f,"
      "\"batch_1t_cases_per_s\":%.0f,\"batch_1t_full_cases_per_s\":%.0f,"
      "\"batch_nt_cases_per_s\":%.0f,\"threads\":%d,\"peak_rss_mb\":%.1f}\n",
      cases, bytes, parse_rate, t1, cases / steps[2].result.seconds, tn,
      threads, peak);
  return kExitOk;
}

}  // namespace divrisk::cli
