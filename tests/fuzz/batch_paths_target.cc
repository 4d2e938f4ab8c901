// The batch_paths fuzz target: `divrisk batch`'s path handling and output
// options (BatchJob), driven by random combinations of paths in a scratch
// folder: the input, its hard link and symlinks, existing files,
// directories, dangling symlinks, a FIFO without a reader, temporaries'
// names, device nodes of our own (root only; never the system's), and
// names that do not exist yet, for -o, --rejects, --summary and --db, with
// --output, --resume and --chunk-lines.
//
// Invariants (a broken one aborts): no entry that existed before the run
// and is not one of this run's outputs changes (the input never does); a
// run that fails before it starts leaves the folder exactly as it was, one
// that fails later adds at most the partial files and checkpoint a resume
// needs; a device stays a device, a directory a directory; a completed run
// leaves no temporary and accounts for every line (read = scored +
// rejected, one output line per scored case when -o is a file).

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/batch/batch_job.h"
#include "rules/compiler.h"
#include "tests/fuzz/fuzz_targets.h"

namespace divrisk::fuzz {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Broken(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

const Plan& Rules() {
  static const Plan* plan = [] {
    auto p = CompileRuleSetDir(DIVRISK_DEFAULT_RULES);
    if (!p.ok()) Broken(std::string(p.status().message()));
    return p->release();
  }();
  return *plan;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Every entry under `dir` (not through symlinks): type, and the bytes of a
// regular file or the target of a symlink.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string path = it->path().string();
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;
    std::string what = absl::StrCat(st.st_mode & S_IFMT, ":");
    if (S_ISREG(st.st_mode)) what += ReadAll(path);
    if (S_ISLNK(st.st_mode)) what += fs::read_symlink(it->path()).string();
    out[path.substr(dir.size() + 1)] = what;
  }
  return out;
}

// Reads the fuzz bytes as choices.
class Choices {
 public:
  Choices(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  size_t Pick(size_t n) { return pos_ < size_ ? data_[pos_++] % n : 0; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

std::string Canonical(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

}  // namespace

int BatchPaths(const uint8_t* data, size_t size) {
  const Plan& plan = Rules();
  static const std::string dir =
      absl::StrCat(fs::temp_directory_path().string(), "/divrisk_batch_paths_",
                   getpid());
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir + "/cases");
  fs::create_directories(dir + "/d");
  const std::string in = dir + "/in.jsonl";
  // Two cases (one twice: a duplicate) and a broken line.
  static const std::string kArchive = [] {
    std::string line = ReadAll(std::string(DIVRISK_SOURCE_DIR) +
                               "/examples/re-export-second-hand-attack-helicopters-philippines.json");
    line.erase(std::remove(line.begin(), line.end(), '\n'), line.end());
    return line + "\n" + line + "\n{\"format\": \"divrisk-case/1\"\n";
  }();
  WriteAll(in, kArchive);
  WriteAll(dir + "/d/x", "x");
  WriteAll(dir + "/cases/a.json", kArchive.substr(0, kArchive.find('\n')));
  WriteAll(dir + "/old.jsonl", "old output\n");
  WriteAll(dir + "/old.jsonl.rejects", "old rejects\n");
  fs::create_hard_link(in, dir + "/hard", ec);
  fs::create_symlink("in.jsonl", dir + "/ln_in", ec);
  fs::create_symlink("absent", dir + "/ln_none", ec);
  fs::create_symlink("d", dir + "/ln_d", ec);
  fs::create_symlink("old.jsonl", dir + "/ln_old", ec);
  ::mkfifo((dir + "/fifo").c_str(), 0600);
  const bool root = geteuid() == 0;
  if (root) {  // our own nodes: the null and full devices' numbers
    ::mknod((dir + "/null").c_str(), S_IFCHR | 0666, makedev(1, 3));
    ::mknod((dir + "/full").c_str(), S_IFCHR | 0666, makedev(1, 7));
  }
  static const std::vector<std::string> kNames = {
      "in.jsonl", "hard", "ln_in", "ln_none", "d", "ln_d", "old.jsonl",
      "ln_old", "new.jsonl", "new2", "fifo", "null", "full", "cases",
      "cases/new.json", "in.jsonl.partial", "old.jsonl.rejects",
      "missing/x", "d/", "new.jsonl.rejects", "new.jsonl.partial",
      "old.jsonl.checkpoint", "./new.jsonl", "d/../new.jsonl"};
  Choices pick(data, size);
  auto name = [&](bool optional) -> std::string {
    if (optional && pick.Pick(3) == 0) return "";
    return dir + "/" + kNames[pick.Pick(kNames.size())];
  };
  BatchJobOptions o;
  static const std::vector<std::string> kInputs = {"in.jsonl", "cases",
                                                   "ln_in", "hard",
                                                   "absent.jsonl"};
  o.input = dir + "/" + kInputs[pick.Pick(kInputs.size())];
  o.output_file = name(true);
  o.rejects_file = name(true);
  o.summary_file = name(true);
  o.db_file = pick.Pick(4) == 0 ? name(false) : "";
  o.output = pick.Pick(2) ? BatchOutput::kFull : BatchOutput::kSummary;
  o.resume = pick.Pick(4) == 0;
  o.chunk_lines = 1 + pick.Pick(3);
  o.threads = 1;
  std::FILE* out_stream = std::tmpfile();
  std::FILE* rejects_stream = std::tmpfile();
  if (out_stream == nullptr || rejects_stream == nullptr) Broken("tmpfile");
  o.output_stream = out_stream;
  o.rejects_stream = rejects_stream;
  o.on_notice = [](std::string_view) {};

  // What this run may write: its outputs (symlinks followed) and their
  // temporaries, and what a resume keeps.
  std::set<std::string> outputs, resumable;
  auto add = [&](const std::string& path, bool keep_for_resume) {
    if (path.empty()) return;
    const std::string real = Canonical(path);
    for (const char* suffix : {"", ".partial", ".checkpoint",
                               ".checkpoint.tmp", "-journal", ".rejects",
                               ".rejects.partial"}) {
      outputs.insert(real + suffix);
      if (keep_for_resume && std::string(suffix).find("partial") !=
                                 std::string::npos) {
        resumable.insert(real + suffix);
      }
      if (keep_for_resume && std::string(suffix) == ".checkpoint") {
        resumable.insert(real + suffix);
      }
    }
  };
  // The final names asked for (or implied: OUT.rejects), which a completed
  // run leaves whatever they are called.
  std::set<std::string> finals;
  for (const std::string& f : {o.output_file, o.rejects_file, o.summary_file,
                               o.db_file}) {
    if (!f.empty()) finals.insert(Canonical(f));
  }
  if (!o.output_file.empty() && o.rejects_file.empty()) {
    finals.insert(Canonical(o.output_file) + ".rejects");
  }
  add(o.output_file, true);
  add(o.rejects_file, true);
  add(o.summary_file, true);
  add(o.db_file, false);

  const auto before = Snapshot(dir);
  const BatchJobResult r = BatchJob(plan, o).Run();
  const auto after = Snapshot(dir);
  std::fclose(out_stream);
  std::fclose(rejects_stream);

  const std::string run = absl::StrCat(
      " (input ", o.input, ", -o ", o.output_file, ", --rejects ",
      o.rejects_file, ", --summary ", o.summary_file, ", --db ", o.db_file,
      o.resume ? ", --resume" : "", ": ", r.ok() ? "ok" : r.error, ")");
  const bool input_is_archive = o.input != dir + "/cases" &&
                                o.input != dir + "/absent.jsonl";
  if (input_is_archive && ReadAll(in) != kArchive) {
    Broken("the input changed" + run);
  }
  auto is_output = [&](const std::string& rel) {
    return outputs.count(Canonical(dir + "/" + rel)) > 0;
  };
  for (const auto& [rel, what] : before) {
    auto it = after.find(rel);
    const bool changed = it == after.end() || it->second != what;
    if (!changed) continue;
    if (r.failure == BatchJobResult::Failure::kSetup) {
      Broken(absl::StrCat("a run refused before it started changed ", rel,
                          ": ", r.error));
    }
    if (!r.ok() && !resumable.count(Canonical(dir + "/" + rel))) {
      Broken(absl::StrCat("a failed run changed ", rel, ": ", r.error));
    }
    if (!is_output(rel)) {
      Broken(absl::StrCat("changed ", rel, ", not an output of the run", run));
    }
    // Only regular files are ever replaced: a directory, a device, a FIFO
    // or a symlink stays what it was.
    if (what.rfind(absl::StrCat(S_IFREG, ":"), 0) != 0) {
      Broken(absl::StrCat(rel, ", not a regular file, changed", run));
    }
  }
  for (const auto& [rel, what] : after) {
    if (before.count(rel)) continue;
    if (!is_output(rel)) {
      Broken(absl::StrCat("created ", rel, ", not an output of the run", run));
    }
    if (r.failure == BatchJobResult::Failure::kSetup) {
      Broken(absl::StrCat("a run refused before it started created ", rel));
    }
    if (!r.ok() && !resumable.count(Canonical(dir + "/" + rel))) {
      Broken(absl::StrCat("a failed run left ", rel, ": ", r.error));
    }
    if (r.ok() && !finals.count(Canonical(dir + "/" + rel)) &&
        (rel.find(".partial") != std::string::npos ||
                   rel.find(".checkpoint") != std::string::npos ||
                   rel.find(".tmp") != std::string::npos)) {
      Broken(absl::StrCat("a completed run left the temporary ", rel, run));
    }
  }
  if (!r.ok() && r.error.empty()) Broken("a failure without a reason");
  if (r.ok() || r.completed) {
    const BatchStats& s = r.stats;
    if (s.read != s.scored + s.rejected) Broken("read != scored + rejected");
  }
  if (r.ok() && !o.resume && !o.output_file.empty()) {
    struct stat st;
    if (::stat(o.output_file.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      const std::string text = ReadAll(o.output_file);
      if (static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')) !=
          r.stats.scored) {
        Broken("output lines != scored");
      }
    }
  }
  fs::remove_all(dir, ec);
  return 0;
}

}  // namespace divrisk::fuzz
