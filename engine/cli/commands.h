// The divrisk subcommands. Each returns the process exit code:
// 0 success, 1 invalid input (case or rule set), 2 usage error.

#ifndef DIVRISK_ENGINE_CLI_COMMANDS_H_
#define DIVRISK_ENGINE_CLI_COMMANDS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/service_options.h"
#include "rules/compiler.h"
#include "rules/plan.h"

namespace divrisk::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitWriteFailed = 3;  // output could not be written

// `code`, unless standard output could not be written (a full disk, a
// closed pipe, /dev/full): then the error goes to stderr and the exit code
// is kExitWriteFailed.
int ExitAfterFlushingStdout(int code);

// Which files the rule sets of this run may name (--trust-rules,
// --data-dir); set once by main before any command runs.
void SetRuleFileAccess(RuleFileAccess access);

// The rule set in `dir`, compiled within the run's RuleFileAccess, with the
// lists installed in `lists_dir` when the rule set uses them ("" for none);
// null after its errors went to stderr. `authority` (--authority, an ISO
// code or empty) is the deciding state for every case, winning over the
// case's licensing_state and the rule set's authority.state.
std::unique_ptr<const Plan> CompileOrReport(const std::string& dir,
                                            const std::string& lists_dir = "",
                                            const std::string& authority = "");

struct AssessOptions {
  std::string rules_dir;
  std::string lists_dir;
  std::string format = "text";  // text | json
  std::string authority;        // --authority CC, or empty
  bool verbose = false;         // text: internal ids and raw refs too
  std::string file;
};
int RunAssess(const AssessOptions& options);

struct ValidateOptions {
  std::string rules_dir;
  std::string lists_dir;
  std::vector<std::string> files;
};
int RunValidate(const ValidateOptions& options);

struct BatchOptions {
  std::string rules_dir;
  std::string lists_dir;
  std::string authority;  // --authority CC, or empty
  int threads = 0;  // 0: all cores
  std::string output = "full";  // full | summary
  std::string output_file;      // empty: stdout
  std::string rejects;          // empty: OUT.rejects, or stderr
  std::string summary_file;
  std::string db_file;
  bool fail_on_reject = false;
  bool resume = false;       // continue from OUT.checkpoint
  size_t chunk_lines = 1024;  // lines per chunk (and per checkpoint)
  std::string input;  // JSONL file, directory, or "-"/empty for stdin
};
int RunBatchCommand(const BatchOptions& options);

struct DiffCommandOptions {
  std::string old_rules;
  std::string new_rules;
  std::string lists_dir;
  std::string authority;        // --authority CC, or empty: for both rule sets
  std::string format = "text";  // text | json
  int threads = 0;              // 0: all cores
  size_t top = 10;
  std::string input;  // JSONL file, directory, or "-"/empty for stdin
};
int RunDiff(const DiffCommandOptions& options);

// divrisk report: one case file as an HTML page or a Markdown note, or
// (with --batch) an archive of results as a dashboard page.
struct ReportOptions {
  std::string rules_dir;
  std::string lists_dir;
  std::string authority;        // --authority CC, or empty
  std::string format = "html";  // html | markdown (one case)
  bool batch = false;           // the input is batch results or diff JSON
  std::string cases;            // --cases: the archive the batch read
  std::string input;
  std::string output_file;      // -o, required; never the input
};
int RunReport(const ReportOptions& options);

// ../shared/data/screening, or DIVRISK_SHARED_DIR's data/screening.
std::string DefaultScreeningDataDir();

struct ScreenEvalOptions {
  std::string data_dir;            // the screening data, or the shared dir
  std::optional<double> hit;       // thresholds (default: the screener's)
  std::optional<double> possible;
  bool details = false;            // list every miss and false positive
};
int RunScreenEval(const ScreenEvalOptions& options);

// The most cases one `generate` (or `bench`) writes: a billion lines,
// some 5 TB; a bound, so that a mistaken count cannot fill a disk forever.
inline constexpr uint64_t kMaxGenerateCount = 1000000000;

struct GenerateOptions {
  std::string rules_dir;      // the reference data the cases are made from
  uint64_t count = 0;         // cases (lines) to write
  uint64_t seed = 1;
  double bad_fraction = 0;    // share of deliberately broken lines, [0, 1]
  std::string output_file;    // empty or "-": stdout
};
int RunGenerate(const GenerateOptions& options);

struct BenchOptions {
  std::string rules_dir;
  uint64_t count = 100000;  // cases to generate when there is no input
  uint64_t seed = 1;
  std::string input;        // a JSON Lines archive instead of generating
  int threads = 0;          // the all-threads step; 0: all cores
  std::string work_dir;     // for the archive and outputs; default: TMPDIR
};
int RunBench(const BenchOptions& options);
// The parse-only step of RunBench, run as its own process.
int RunBenchParseOnly(const std::string& file);

// divrisk lists update: fetch, check and install the published lists.
// Exit 0 when every list was updated, 1 when some were not (those keep
// their previous edition), 3 when the directory could not be written.
struct ListsUpdateOptions {
  std::string dir;
  std::string base_url;            // "" for the official URLs
  std::vector<std::string> only;   // list ids; empty for all
};
int RunListsUpdate(const ListsUpdateOptions& options);

// divrisk lists status: what is installed and how old. Exit 0 when lists
// are installed, intact and fresh; 1 otherwise.
struct ListsStatusOptions {
  std::string dir;
  int stale_after_days = 7;
};
int RunListsStatus(const ListsStatusOptions& options);

// divrisk serve: the engine as an HTTP service until SIGTERM or SIGINT
// (SIGHUP reloads the rule set). Exit 0 after a clean stop, 1 when the
// rule set or the audit log cannot be used, 2 on a usage error (a
// non-loopback address without --token-file).
struct ServeOptions {
  std::string rules_dir;
  std::string lists_dir;
  RuleFileAccess access;  // --trust-rules, --data-dir
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // scoring threads of a batch; 0: all cores
  std::string token_file;
  std::string audit_db;
  bool audit_inputs = false;
  service::ServiceLimits limits;
};
int RunServe(const ServeOptions& options);

// divrisk audit verify: exit 0 when the chain holds and every re-scored row
// agrees, 1 otherwise.
struct AuditVerifyOptions {
  std::string db;
  std::string rules_dir;
  std::string lists_dir;
  RuleFileAccess access;
  int64_t sample = 100;
  bool chain_only = false;
};
int RunAuditVerify(const AuditVerifyOptions& options);

}  // namespace divrisk::cli

#endif  // DIVRISK_ENGINE_CLI_COMMANDS_H_
