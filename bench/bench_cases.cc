#include "bench/bench_cases.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "engine/doc/file_reader.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"
#include "engine/reader/case_reader.h"
#include "rules/compiler.h"

namespace divrisk::bench {

namespace fs = std::filesystem;

const Plan& DefaultPlan() {
  static const Plan* plan = [] {
    auto p = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                               "/rules/att-default");
    if (!p.ok()) {
      std::cerr << p.status() << "\n";
      std::abort();
    }
    return p->release();
  }();
  return *plan;
}

const std::vector<std::string>& ExampleYaml() {
  static const auto* texts = [] {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(std::string(DIVRISK_SOURCE_DIR) +
                                                "/examples")) {
      if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    auto* out = new std::vector<std::string>;
    for (const std::string& f : files) out->push_back(*ReadFileToString(f));
    return out;
  }();
  return *texts;
}

const std::vector<std::string>& ExampleJsonLines() {
  static const auto* lines = [] {
    auto* out = new std::vector<std::string>;
    for (const std::string& yaml : ExampleYaml()) {
      std::string json;
      AppendJson(*ParseYaml(yaml), &json);
      out->push_back(json);
    }
    return out;
  }();
  return *lines;
}

std::vector<Case> ExampleCases(size_t n) {
  std::vector<Case> base;
  for (const std::string& yaml : ExampleYaml()) {
    base.push_back(*ReadCaseText(yaml, CaseSyntax::kYaml, "example",
                                 *DefaultPlan().reference));
  }
  std::vector<Case> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(base[i % base.size()]);
  return out;
}

}  // namespace divrisk::bench
