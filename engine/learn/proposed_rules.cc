#include "engine/learn/proposed_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/ascii.h"
#include "engine/doc/file_reader.h"

namespace divrisk::learn {

namespace fs = std::filesystem;

namespace {

// A number as the rule set writes it: up to four decimals, no trailing zeros.
std::string Number(double v) {
  std::string s = absl::StrFormat("%.4f", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// `line` with the flow map after "weights:" replaced by the proposal,
// keeping the current split between categories.
absl::StatusOr<std::string> NewWeightsLine(const Plan& plan, int i,
                                           const WeightProposal& w,
                                           const std::string& line) {
  const size_t open = line.find('{');
  const size_t close = line.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        plan.indicators[i].id, ": weights are not a one-line {category: "
        "number} map, which calibrate edits"));
  }
  std::vector<std::string> parts;
  for (size_t c = 0; c < plan.categories.size(); ++c) {
    const double old_c = plan.weights(i, static_cast<Eigen::Index>(c));
    if (old_c == 0) continue;
    parts.push_back(absl::StrCat(plan.categories[c].id, ": ",
                                 Number(w.proposed * old_c / w.old_weight)));
  }
  if (parts.empty() && w.proposed != 0) {
    // A learned indicator with no current weight has no category to go to.
    return absl::InvalidArgumentError(absl::StrCat(
        plan.indicators[i].id, ": has no category weight to scale"));
  }
  return absl::StrCat(line.substr(0, open + 1), absl::StrJoin(parts, ", "),
                      line.substr(close));
}

// The indent-free key of a YAML line ("weights" of "    weights: {...}").
std::string_view KeyOf(std::string_view line) {
  const size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  const size_t colon = line.find(':', start);
  if (colon == std::string_view::npos) return {};
  return line.substr(start, colon - start);
}

}  // namespace

std::string ProposedVersion(const Plan& plan) {
  return absl::StrCat(plan.version, "-calibrated");
}

absl::StatusOr<std::string> ApplyProposal(const Plan& plan,
                                          const std::string& yaml,
                                          const Calibration& calibration,
                                          const std::string& summary,
                                          const std::string& version) {
  std::vector<const PriorProposal*> prior(plan.indicators.size(), nullptr);
  for (const PriorProposal& p : calibration.priors) prior[p.indicator] = &p;
  std::string out;
  const std::vector<std::string> summary_lines = absl::StrSplit(summary, '\n');
  for (const std::string& s : summary_lines) {
    if (!s.empty()) absl::StrAppend(&out, "# ", s, "\n");
  }
  absl::StrAppend(&out, "#\n");
  bool in_indicators = false;
  int current = -1;
  bool version_done = false;
  const std::vector<std::string> lines = absl::StrSplit(yaml, '\n');
  for (std::string line : lines) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#' && line[0] != '-') {
      in_indicators = KeyOf(line) == "indicators";
      if (KeyOf(line) == "version") {
        line = absl::StrCat("version: \"", version, "\"");
        version_done = true;
      }
    }
    const std::string_view key = KeyOf(line);
    if (in_indicators && (key == "- id")) {
      std::string id(line.substr(line.find(':') + 1));
      absl::StripAsciiWhitespace(&id);
      if (id.size() >= 2 && (id[0] == '"' || id[0] == '\'')) id = id.substr(1, id.size() - 2);
      current = plan.IndicatorIndex(id);
    } else if (in_indicators && current >= 0 && key == "weights" &&
               calibration.weights[current].learned) {
      absl::StatusOr<std::string> edited =
          NewWeightsLine(plan, current, calibration.weights[current], line);
      if (!edited.ok()) return edited.status();
      line = *edited;
    } else if (in_indicators && current >= 0 && key == "unknown_value" &&
               prior[current] != nullptr) {
      const size_t colon = line.find(':');
      const size_t comment = line.find('#', colon);
      std::string rest = comment == std::string::npos
                             ? ""
                             : absl::StrCat("  ", line.substr(comment));
      line = absl::StrCat(line.substr(0, colon + 1), " ",
                          Number(prior[current]->proposed), rest);
    }
    absl::StrAppend(&out, line, "\n");
  }
  if (!out.empty() && yaml.size() > 0 && yaml.back() == '\n') out.pop_back();
  if (!version_done) {
    return absl::InvalidArgumentError("ruleset.yaml has no top-level version");
  }
  return out;
}

absl::Status WriteProposedRuleSet(const Plan& plan, const std::string& rules_dir,
                                  const Calibration& calibration,
                                  const std::string& summary,
                                  const std::string& version,
                                  const std::string& out_dir) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(out_dir, ec))) {
    return absl::AlreadyExistsError(
        absl::StrCat(out_dir, ": exists already; give a new directory"));
  }
  // A proposal inside the rule set would be copied into itself.
  const fs::path from = fs::weakly_canonical(rules_dir, ec);
  const fs::path to = fs::weakly_canonical(out_dir, ec);
  const auto [end, rest] = std::mismatch(from.begin(), from.end(), to.begin(), to.end());
  if (end == from.end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        out_dir, ": is inside the rule set ", rules_dir, "; write the proposal beside it"));
  }
  const std::string yaml_path = (fs::path(rules_dir) / "ruleset.yaml").string();
  absl::StatusOr<std::string> yaml = ReadFileToString(yaml_path);
  if (!yaml.ok()) return yaml.status();
  absl::StatusOr<std::string> text =
      ApplyProposal(plan, *yaml, calibration, summary, version);
  if (!text.ok()) return text.status();
  const fs::path temp = fs::path(out_dir).concat(absl::StrCat(".partial-", ::getpid()));
  fs::remove_all(temp, ec);
  fs::copy(rules_dir, temp,
           fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  if (ec) {
    fs::remove_all(temp);
    return absl::InternalError(absl::StrCat(out_dir, ": cannot copy ",
                                            rules_dir, ": ", ec.message()));
  }
  {
    std::ofstream f(temp / "ruleset.yaml", std::ios::binary | std::ios::trunc);
    f << *text;
    f.flush();
    if (!f) {
      fs::remove_all(temp, ec);
      return absl::InternalError(absl::StrCat(out_dir, ": write failed"));
    }
  }
  fs::rename(temp, out_dir, ec);
  if (ec) {
    fs::remove_all(temp, ec);
    return absl::InternalError(absl::StrCat(out_dir, ": cannot rename: ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace divrisk::learn
