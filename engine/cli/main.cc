// divrisk: the command line. Parses flags and calls the commands; no logic.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "CLI/CLI.hpp"
#include "engine/cli/commands.h"
#include "engine/model/country_code.h"
#include "rules/default_rules.h"
#include "rules/installed_lists.h"

namespace {

// A closed standard stream would be taken by the next file opened (an
// output), which would then be read as the input or receive the messages.
// Each one closed is held by /dev/null opened the wrong way round, so that
// using it fails and is reported: standard input cannot be read (batch
// refuses it), standard output and error cannot be written.
void HoldClosedStandardStreams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    const int held = ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

// A whole number option must not be negative: CLI11 would read "-1" into
// an unsigned option as 2^64-1.
const CLI::Validator kNotNegative(
    [](std::string& value) -> std::string {
      const size_t first = value.find_first_not_of(" \t");
      if (first != std::string::npos && value[first] == '-') {
        return "must not be negative, found " + value;
      }
      return "";
    },
    "NOT NEGATIVE");

// --authority: the deciding state, an ISO 3166 code in upper case.
void AddAuthority(CLI::App* cmd, std::string* authority) {
  cmd->add_option("--authority", *authority,
                  "The deciding state (ISO code, e.g. CA): wins over the "
                  "case's licensing_state and the rule set's authority")
      ->check([](const std::string& s) -> std::string {
        return divrisk::CountryCode::FromText(s)
                   ? ""
                   : "expected an ISO 3166 country code in upper case, such "
                     "as CA or DE";
      });
}

const char kListsDirHelp[] =
    "Directory of the lists `divrisk lists update` installed (default: "
    "$DIVRISK_DATA/lists, else ~/.local/share/divrisk/lists)";

// --rules and --lists-dir: the rule set a command compiles and the
// screening lists it installs into it.
void AddRuleSet(CLI::App* cmd, std::string* rules_dir, std::string* lists_dir) {
  cmd->add_option("--rules", *rules_dir, "Rule-set directory")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--lists-dir", *lists_dir, kListsDirHelp);
}

// --threads, between 1 and 1024.
template <typename Count>
void AddThreads(CLI::App* cmd, Count* threads, const std::string& help) {
  cmd->add_option("--threads", *threads, help)->check(CLI::Range(1, 1024));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace divrisk::cli;
  HoldClosedStandardStreams();
  CLI::App app{"divrisk: arms-export diversion risk assessment (ATT Art. 6, 7, "
               "9, 11)"};
  app.require_subcommand(1);
  // Options of every command, accepted before or after the command's name.
  app.fallthrough();
  divrisk::RuleFileAccess access;
  app.add_flag("--trust-rules", access.trusted,
               "Trust the rule sets: let them name files anywhere (by "
               "default, files outside the rule-set directory and the "
               "--data-dir directories are refused)");
  app.add_option("--data-dir", access.data_dirs,
                 "A directory whose files the rule sets may name (reference "
                 "files, screening lists); repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingDirectory);

  AssessOptions assess;
  const std::string lists_dir = divrisk::DefaultListsDir();
  const char* lists_dir_help = kListsDirHelp;
  assess.rules_dir = divrisk::DefaultRulesDir();
  assess.lists_dir = lists_dir;
  CLI::App* assess_cmd =
      app.add_subcommand("assess", "Score one licence application, explained");
  AddRuleSet(assess_cmd, &assess.rules_dir, &assess.lists_dir);
  assess_cmd->add_option("--format", assess.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddAuthority(assess_cmd, &assess.authority);
  assess_cmd->add_option("--archive", assess.archive,
                         "An archive (JSON Lines of past cases): add the "
                         "closest precedents and recurring intermediaries")
      ->check(CLI::ExistingFile);
  assess_cmd->add_option("--precedents", assess.precedents,
                         "How many precedents with --archive (default 5)")
      ->check(CLI::Range(1, 1000));
  assess_cmd->add_flag("--verbose", assess.verbose,
                       "Text: also the indicator, gate and catalogue ids, "
                       "the raw refs and the facts behind each question");
  assess_cmd->add_option("file", assess.file, "Case file (.yaml or .json)")
      ->required();

  ValidateOptions validate;
  validate.rules_dir = divrisk::DefaultRulesDir();
  validate.lists_dir = lists_dir;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check case files without scoring");
  AddRuleSet(validate_cmd, &validate.rules_dir, &validate.lists_dir);
  validate_cmd->add_option("files", validate.files, "Case files")->required();

  BatchOptions batch;
  batch.rules_dir = divrisk::DefaultRulesDir();
  batch.lists_dir = lists_dir;
  CLI::App* batch_cmd = app.add_subcommand(
      "batch", "Re-score an archive: JSON Lines (or a directory) in, one line out per case");
  AddRuleSet(batch_cmd, &batch.rules_dir, &batch.lists_dir);
  AddAuthority(batch_cmd, &batch.authority);
  AddThreads(batch_cmd, &batch.threads, "Threads (default: all cores)");
  batch_cmd->add_option("--output", batch.output, "full or summary")
      ->check(CLI::IsMember({"full", "summary"}));
  batch_cmd->add_option("-o", batch.output_file, "Output file (default: stdout)");
  batch_cmd->add_option("--rejects", batch.rejects,
                        "Rejects file (default: OUT.rejects, or stderr)");
  batch_cmd->add_option("--summary", batch.summary_file, "Closing summary as JSON");
  batch_cmd->add_option("--db", batch.db_file,
                        "Also write the results into this SQLite database");
  batch_cmd->add_flag("--fail-on-reject", batch.fail_on_reject,
                      "Exit 1 when any case was rejected");
  batch_cmd->add_flag("--resume", batch.resume,
                      "Continue an interrupted run from OUT.checkpoint");
  batch_cmd->add_option("--chunk-lines", batch.chunk_lines,
                        "Lines read, scored and checkpointed at a time")
      ->check(CLI::Range(1, 1 << 20));
  batch_cmd->add_option("input", batch.input,
                        "JSONL file, directory of case files, or - for stdin");

  DiffCommandOptions diff;
  diff.lists_dir = lists_dir;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "Re-score an archive under two rule sets and report what changes");
  diff_cmd->add_option("--old", diff.old_rules, "The current rule set")
      ->required()
      ->check(CLI::ExistingDirectory);
  diff_cmd->add_option("--new", diff.new_rules, "The changed rule set")
      ->required()
      ->check(CLI::ExistingDirectory);
  diff_cmd->add_option("--lists-dir", diff.lists_dir, lists_dir_help);
  AddAuthority(diff_cmd, &diff.authority);
  diff_cmd->add_option("--format", diff.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddThreads(diff_cmd, &diff.threads, "Threads (default: all cores)");
  diff_cmd->add_option("--top", diff.top, "How many of the largest moves to list");
  diff_cmd->add_option("input", diff.input,
                       "JSONL file, directory of case files, or - for stdin");

  CalibrateCommandOptions calibrate;
  calibrate.rules_dir = divrisk::DefaultRulesDir();
  calibrate.lists_dir = lists_dir;
  CLI::App* calibrate_cmd = app.add_subcommand(
      "calibrate", "Fit indicator weights (and, with --priors, unknown values) "
                   "to an archive's outcomes; write them as a proposed rule set");
  AddRuleSet(calibrate_cmd, &calibrate.rules_dir, &calibrate.lists_dir);
  calibrate_cmd->add_option("-o", calibrate.output_dir,
                            "The proposed rule-set directory, new (default: "
                            "RULES-proposed beside the current one)");
  calibrate_cmd->add_option("--version", calibrate.version,
                            "Version of the proposed rule set (default: "
                            "the current one's with -calibrated)")
      ->check([](const std::string& v) -> std::string {
        const bool ok = !v.empty() && v.size() <= 64 &&
                        v.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._+-") ==
                            std::string::npos;
        return ok ? "" : "expected letters, digits, '.', '_', '+' or '-' (at most 64)";
      });
  calibrate_cmd->add_option("--format", calibrate.format,
                            "text, json or html (a self-contained page)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  calibrate_cmd->add_option("--folds", calibrate.folds,
                            "Cross-validation folds (default 5)")
      ->check(CLI::Range(2, 100));
  calibrate_cmd->add_option("--l2", calibrate.l2,
                            "L2 penalty on the weights in log-odds (default 1)")
      ->check(CLI::Range(0.0, 1e9));
  calibrate_cmd->add_option("--bootstrap", calibrate.bootstrap,
                            "Bootstrap rounds of the AUC interval (default 200)")
      ->check(CLI::Range(0, 100000));
  calibrate_cmd->add_option("--points-per-logit", calibrate.points_per_logit,
                            "Points per unit of log-odds (default: read from "
                            "the current score)")
      ->check(CLI::Range(1e-6, 1e6));
  calibrate_cmd->add_flag("--priors", calibrate.priors,
                          "Also propose unknown values: each indicator's "
                          "adverse share where its facts are known");
  AddThreads(calibrate_cmd, &calibrate.threads, "Threads reading the archive (default: all cores)");
  calibrate_cmd->add_option("archive", calibrate.archive,
                            "The archive: JSON Lines of past cases with outcomes")
      ->required()
      ->check(CLI::ExistingFile);

  SimilarCommandOptions similar;
  similar.rules_dir = divrisk::DefaultRulesDir();
  similar.lists_dir = lists_dir;
  CLI::App* similar_cmd = app.add_subcommand(
      "similar", "The past cases most similar to a case, with their decisions "
                 "and outcomes (its precedents)");
  AddRuleSet(similar_cmd, &similar.rules_dir, &similar.lists_dir);
  similar_cmd->add_option("--archive", similar.archive,
                          "The archive: JSON Lines of past cases")
      ->required()
      ->check(CLI::ExistingFile);
  similar_cmd->add_option("-k", similar.k, "How many precedents (default 5)")
      ->check(CLI::Range(1, 1000));
  similar_cmd->add_option("--format", similar.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddThreads(similar_cmd, &similar.threads, "Threads reading the archive (default: all cores)");
  similar_cmd->add_option("file", similar.file, "Case file (.yaml or .json)")
      ->required();

  NetworkCommandOptions network;
  network.rules_dir = divrisk::DefaultRulesDir();
  network.lists_dir = lists_dir;
  CLI::App* network_cmd = app.add_subcommand(
      "network", "The intermediaries, carriers and vehicles of an archive that "
                 "connect the most applicants and end users");
  AddRuleSet(network_cmd, &network.rules_dir, &network.lists_dir);
  network_cmd->add_option("--archive", network.archive,
                          "The archive: JSON Lines of past cases")
      ->required()
      ->check(CLI::ExistingFile);
  network_cmd->add_option("--top", network.top, "How many to list (default 20)")
      ->check(CLI::Range(1, 100000));
  network_cmd->add_option("--format", network.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddThreads(network_cmd, &network.threads, "Threads reading the archive (default: all cores)");

  ReportOptions report;
  report.rules_dir = divrisk::DefaultRulesDir();
  report.lists_dir = lists_dir;
  std::string report_batch;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "One case as an HTML page or a Markdown note; or, with "
                "--batch, an archive of results as a dashboard page");
  AddRuleSet(report_cmd, &report.rules_dir, &report.lists_dir);
  AddAuthority(report_cmd, &report.authority);
  report_cmd->add_option("--format", report.format, "html or markdown")
      ->check(CLI::IsMember({"html", "markdown"}));
  CLI::Option* report_file =
      report_cmd->add_option("file", report.input, "Case file (.yaml or .json)");
  CLI::Option* report_archive = report_cmd->add_option(
      "--batch", report_batch,
      "Results of divrisk batch (--output full or summary), or the JSON of "
      "divrisk diff --format json: a dashboard page");
  report_cmd->add_option(
      "--cases", report.cases,
      "With --batch: the case archive the batch read, for the destinations "
      "and intermediaries")->needs(report_archive);
  report_file->excludes(report_archive);
  report_archive->excludes(report_file);
  report_cmd->add_option("-o", report.output_file, "Output file")->required();

  ScreenEvalOptions screen_eval;
  screen_eval.data_dir = DefaultScreeningDataDir();
  CLI::App* screen_eval_cmd = app.add_subcommand(
      "screen-eval", "Measure party screening on shared/data/screening");
  screen_eval_cmd->add_option("--data", screen_eval.data_dir,
                              "Screening data directory (or the shared dir)")
      ->check(CLI::ExistingDirectory);
  screen_eval_cmd->add_option("--hit", screen_eval.hit, "Hit threshold");
  screen_eval_cmd->add_option("--possible", screen_eval.possible,
                              "Possible-match threshold");
  screen_eval_cmd->add_flag("--details", screen_eval.details,
                            "List every miss and false positive");

  GenerateOptions generate;
  generate.rules_dir = divrisk::DefaultRulesDir();
  CLI::App* generate_cmd = app.add_subcommand(
      "generate", "Write N synthetic but realistic cases as JSON Lines");
  generate_cmd->add_option("--count", generate.count,
                           "Cases to write, 0 to 1000000000")
      ->required()
      ->check(kNotNegative)
      ->check(CLI::Range(uint64_t{0}, kMaxGenerateCount));
  generate_cmd->add_option("--seed", generate.seed,
                           "Seed: the same seed writes the same bytes")
      ->check(kNotNegative);
  generate_cmd->add_option("--bad-fraction", generate.bad_fraction,
                           "Share of deliberately broken lines, 0 to 1")
      ->check(CLI::Range(0.0, 1.0));
  generate_cmd->add_flag("--outcome-model", generate.outcome_model,
                         "Draw outcomes from the documented outcome model "
                         "(known true weights and base rates, for calibrate)");
  generate_cmd->add_option("--rules", generate.rules_dir,
                           "Rule-set directory (reference data)")
      ->check(CLI::ExistingDirectory);
  generate_cmd->add_option("-o", generate.output_file,
                           "Output file (default: stdout)");

  BenchOptions bench;
  bench.rules_dir = divrisk::DefaultRulesDir();
  std::string parse_only;
  CLI::App* bench_cmd = app.add_subcommand(
      "bench", "Throughput on one archive: parse-only, batch summary and "
               "full on 1 thread, summary on all threads");
  bench_cmd->add_option("--count", bench.count,
                        "Cases to generate (default 100000)")
      ->check(kNotNegative)
      ->check(CLI::Range(uint64_t{0}, kMaxGenerateCount));
  bench_cmd->add_option("--seed", bench.seed, "Seed of the generated archive")
      ->check(kNotNegative);
  bench_cmd->add_option("--input", bench.input,
                        "A JSON Lines archive instead of a generated one")
      ->check(CLI::ExistingFile);
  bench_cmd->add_option("--threads", bench.threads,
                        "Threads of the all-threads step (default: all cores)");
  bench_cmd->add_option("--rules", bench.rules_dir, "Rule-set directory")
      ->check(CLI::ExistingDirectory);
  bench_cmd->add_option("--work-dir", bench.work_dir,
                        "Where the archive and outputs go (default: TMPDIR)");
  bench_cmd->add_option("--parse-only", parse_only,
                        "Run only the parse-only step on FILE")
      ->group("");  // internal: how bench runs that step in its own process

  CLI::App* lists_cmd = app.add_subcommand(
      "lists", "The published sanctions and denial lists: fetch them, show them");
  lists_cmd->require_subcommand(1);
  ListsUpdateOptions lists_update;
  lists_update.dir = lists_dir;
  CLI::App* lists_update_cmd = lists_cmd->add_subcommand(
      "update", "Fetch the UN, OFAC, BIS and US lists from their publishers, "
                "check each and install them atomically");
  lists_update_cmd->add_option("--dir", lists_update.dir, lists_dir_help);
  lists_update_cmd->add_option(
      "--base-url", lists_update.base_url,
      "Fetch from a mirror: BASE/un/consolidated.xml, BASE/ofac/sdn.csv, ... "
      "(default: the publishers' URLs)");
  lists_update_cmd->add_option("--only", lists_update.only,
                               "Only these lists (UN-SC, OFAC-SDN, OFAC-CONS, "
                               "BIS-DPL, US-CSL)");
  ListsStatusOptions lists_status;
  lists_status.dir = lists_dir;
  CLI::App* lists_status_cmd = lists_cmd->add_subcommand(
      "status", "What lists are installed, how old, and whether intact");
  lists_status_cmd->add_option("--dir", lists_status.dir, lists_dir_help);
  lists_status_cmd->add_option("--stale-after", lists_status.stale_after_days,
                               "Days after which a list is stale (default 7)")
      ->check(CLI::Range(0, 3660));

  ServeOptions serve;
  serve.rules_dir = divrisk::DefaultRulesDir();
  serve.lists_dir = lists_dir;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Serve the engine over HTTP: /v1/assess, /v1/batch, /v1/rules, "
               "/metrics, a page for officers (see README, \"Service\")");
  AddRuleSet(serve_cmd, &serve.rules_dir, &serve.lists_dir);
  serve_cmd->add_option("--listen", serve.listen,
                        "HOST:PORT to listen on (default 127.0.0.1:8080; port "
                        "0: any free port, announced on stdout)");
  AddThreads(serve_cmd, &serve.threads, "Scoring threads of a batch (default: all cores)");
  serve_cmd->add_option("--token-file", serve.token_file,
                        "File holding the bearer token clients must send; "
                        "required beyond loopback");
  serve_cmd->add_option("--audit", serve.audit_db,
                        "SQLite audit log of every assessment served");
  serve_cmd->add_flag("--audit-inputs", serve.audit_inputs,
                      "Keep each case's input bytes in the audit log");
  serve_cmd->add_option("--max-body", serve.limits.max_body_bytes,
                        "Largest case body in bytes (default 4 MiB)")
      ->check(CLI::Range(size_t{1}, size_t{16} << 20));
  serve_cmd->add_option("--max-batch-lines", serve.limits.max_batch_lines,
                        "Most lines of one batch request (default 100000)")
      ->check(CLI::Range(size_t{1}, size_t{100000000}));
  serve_cmd->add_option("--request-timeout", serve.limits.request_seconds,
                        "Seconds a request may take to arrive (default 30; a "
                        "batch gets them again after each chunk)")
      ->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--max-in-flight", serve.limits.max_in_flight,
                        "Requests handled at once; more get 503 (default 32)")
      ->check(CLI::Range(1, 4096));
  serve_cmd->add_option("--max-connections", serve.limits.max_connections,
                        "Connections served at once, a thread each; as many "
                        "more may wait, beyond that 503 (default 64)")
      ->check(CLI::Range(1, 4096));

  CLI::App* audit_cmd = app.add_subcommand(
      "audit", "Check the audit log of divrisk serve");
  audit_cmd->require_subcommand(1);
  AuditVerifyOptions audit_verify;
  audit_verify.rules_dir = divrisk::DefaultRulesDir();
  audit_verify.lists_dir = lists_dir;
  CLI::App* audit_verify_cmd = audit_cmd->add_subcommand(
      "verify", "Check the chain of hashes, then re-score a sample of the rows "
                "whose input was kept");
  audit_verify_cmd->add_option("db", audit_verify.db, "The audit log (SQLite)")
      ->required()
      ->check(CLI::ExistingFile);
  audit_verify_cmd->add_option("--rules", audit_verify.rules_dir,
                               "Rule-set directory to re-score with")
      ->check(CLI::ExistingDirectory);
  audit_verify_cmd->add_option("--lists-dir", audit_verify.lists_dir,
                               lists_dir_help);
  audit_verify_cmd->add_option("--sample", audit_verify.sample,
                               "Rows to re-score at most (default 100)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  audit_verify_cmd->add_flag("--chain-only", audit_verify.chain_only,
                             "Check the chain of hashes only");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  serve.access = access;
  audit_verify.access = access;
  SetRuleFileAccess(std::move(access));
  if (serve_cmd->parsed()) return RunServe(serve);
  if (audit_verify_cmd->parsed()) return RunAuditVerify(audit_verify);
  if (assess_cmd->parsed()) return RunAssess(assess);
  if (validate_cmd->parsed()) return RunValidate(validate);
  if (batch_cmd->parsed()) return RunBatchCommand(batch);
  if (diff_cmd->parsed()) return RunDiff(diff);
  if (report_cmd->parsed()) {
    if (report_batch.empty() && report.input.empty()) {
      std::cerr << "report: a case FILE or --batch RESULTS is required\n";
      return kExitUsage;
    }
    if (!report_batch.empty()) {
      report.batch = true;
      report.input = report_batch;
    }
    return RunReport(report);
  }
  if (lists_update_cmd->parsed()) return RunListsUpdate(lists_update);
  if (lists_status_cmd->parsed()) return RunListsStatus(lists_status);
  if (calibrate_cmd->parsed()) return RunCalibrate(calibrate);
  if (similar_cmd->parsed()) return RunSimilar(similar);
  if (network_cmd->parsed()) return RunNetwork(network);
  if (screen_eval_cmd->parsed()) return RunScreenEval(screen_eval);
  if (generate_cmd->parsed()) return RunGenerate(generate);
  if (bench_cmd->parsed()) {
    return parse_only.empty() ? RunBench(bench) : RunBenchParseOnly(parse_only);
  }
  return kExitUsage;
}
