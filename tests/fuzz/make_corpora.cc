// make_fuzz_corpora OUT_DIR: writes the generated seed corpora of the fuzz
// harnesses into OUT_DIR/<target>/, from the bundled examples, the default
// rule set and the screening samples of ../shared/data/screening (when
// present). The build runs it (target fuzz_corpora), so the seeds follow
// the examples; the small hand-written seeds live in tests/fuzz/corpus/.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"

namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n", path.c_str());
    std::exit(1);
  }
}

std::string Read(const fs::path& path) {
  absl::StatusOr<std::string> text = divrisk::ReadFileToString(path.string());
  return text.ok() ? *text : std::string();
}

// The first `lines` lines of `text`.
std::string Head(std::string_view text, int lines) {
  size_t at = 0;
  for (int i = 0; i < lines && at != std::string_view::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  return std::string(text.substr(0, at));
}

std::vector<fs::path> Sorted(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_fuzz_corpora OUT_DIR\n");
    return 2;
  }
  const fs::path out(argv[1]);
  const fs::path src(DIVRISK_SOURCE_DIR);
  const fs::path shared(DIVRISK_SHARED_DIR);

  // Cases: every example as YAML, as JSON, and as JSON Lines.
  std::vector<std::string> json_lines;
  for (const fs::path& f : Sorted(src / "examples")) {
    const std::string text = Read(f);
    const std::string stem = f.stem().string();
    std::string json;
    if (f.extension() == ".json") {
      json = text;
      absl::StatusOr<divrisk::DocNode> root = divrisk::ParseYaml(text);
      if (root.ok()) {  // JSON is YAML: compact it to one line
        json.clear();
        divrisk::AppendJson(*root, &json);
      }
      Write(out / "json_case" / (stem + ".json"), text);
    } else {
      Write(out / "yaml_case" / (stem + ".yaml"), text);
      absl::StatusOr<divrisk::DocNode> root = divrisk::ParseYaml(text);
      if (!root.ok()) continue;
      divrisk::AppendJson(*root, &json);
      Write(out / "json_case" / (stem + ".json"), json);
    }
    Write(out / "jsonl_line" / (stem + ".jsonl"), json + "\n");
    Write(out / "json_case_id" / (stem + ".json"), json);
    json_lines.push_back(json);
  }
  // A small archive: three cases, a duplicate, CRLF, a broken last line
  // without a newline.
  if (json_lines.size() >= 3) {
    Write(out / "jsonl_line" / "archive.jsonl",
          absl::StrCat(json_lines[0], "\n", json_lines[1], "\r\n",
                       json_lines[2], "\n", json_lines[0], "\n",
                       "{\"format\": \"divrisk-case/1\""));
  }

  // Rule sets: the default one.
  Write(out / "rule_set" / "att-default.yaml",
        Read(src / "rules" / "att-default" / "ruleset.yaml"));

  // Sanctions lists: the head of each shared sample, behind its format
  // byte (0 UN XML, 1 OFAC CSV, 2 BIS DPL, 3 US CSL; see fuzz_targets.h).
  const fs::path lists = shared / "data" / "screening";
  if (fs::is_directory(lists)) {
    Write(out / "sanctions_list" / "un.xml",
          std::string(1, '\0') +
              Head(Read(lists / "un_sc_consolidated_2026-02-27.xml"), 120));
    const fs::path sdn = lists / "ofac_sdn_2022-01-31";
    Write(out / "sanctions_list" / "ofac_sdn.csv",
          absl::StrCat("\x01", Head(Read(sdn / "sdn.csv"), 30), "\f",
                       Head(Read(sdn / "add.csv"), 30), "\f",
                       Head(Read(sdn / "alt.csv"), 30)));
    Write(out / "sanctions_list" / "ofac_primary.csv",
          "\x01" + Head(Read(lists / "ofac_sdn_primary_2024-05-03.csv"), 40));
    Write(out / "sanctions_list" / "bis_dpl.txt",
          "\x02" + Head(Read(lists / "bis_dpl_2022-09.txt"), 40));
    Write(out / "sanctions_list" / "us_csl_2019.csv",
          "\x03" + Head(Read(lists / "us_csl_sample_2019.csv"), 20));
    Write(out / "sanctions_list" / "us_csl_2025.csv",
          "\x03" + Head(Read(lists / "us_csl_sample_2025.csv"), 20));
  }
  return 0;
}
