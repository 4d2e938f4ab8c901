#include <algorithm>
#include "tests/bundled_plans.h"
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"
#include "rules/compiler.h"
#include "tests/engine/batch/example_lines.h"

namespace divrisk {


std::vector<std::string> ExampleLines(int copies) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> bases;
  for (const std::string& f : files) {
    auto root = ParseYaml(*ReadFileToString(f));
    if (!root.ok()) std::abort();
    std::string json;
    AppendJson(*root, &json);
    bases.push_back(json);
  }
  std::vector<std::string> lines;
  for (int k = 0; k < copies; ++k) {
    for (const std::string& b : bases) {
      const size_t at = b.find("\"id\":\"") + 6;
      const size_t end = b.find('"', at);
      lines.push_back(absl::StrCat(b.substr(0, end), "-", k, b.substr(end)));
    }
  }
  return lines;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

}  // namespace divrisk
