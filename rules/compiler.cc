// The rule-set compiler's top level: the Plan's lookups, the header and
// the sections of ruleset.yaml read in order, the SHA-256 over everything
// read, and the public entry points. The sections are read in the
// compile_*.cc files (see rules/compilation.h).

#include "rules/compiler.h"

#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/visible_text.h"
#include "rules/canonical.h"
#include "rules/compilation.h"
#include "rules/default_rules.h"

namespace divrisk {

int Plan::IndicatorIndex(std::string_view id) const {
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int Plan::CategoryIndex(std::string_view id) const {
  for (size_t i = 0; i < categories.size(); ++i) {
    if (categories[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const MitigationSpec* Plan::FindMitigation(Mitigation m) const {
  for (const MitigationSpec& spec : mitigations) {
    if (spec.measure == m) return &spec;
  }
  return nullptr;
}

const CitationTitle* Plan::FindCitation(std::string_view ref) const {
  for (const CitationTitle& row : citations) {  // longest code first
    if (ref.starts_with(row.code) &&
        (ref.size() == row.code.size() || ref[row.code.size()] == ' ')) {
      return &row;
    }
  }
  return nullptr;
}

namespace rules_internal {

void Compilation::ReadHeader(MapReader& top) {
  const DocNode* format = top.Required("format");
  if (format && format->text != kFormat) {
    doc_errors_.Add(*format, "format",
                    absl::StrCat("expected '", kFormat, "', found '",
                                 format->text, "'"));
  }
  if (const DocNode* n = top.Required("name")) {
    plan_->name = ReadString(*n, "name", &doc_errors_).value_or("");
  }
  if (const DocNode* n = top.Required("version")) {
    plan_->version = ReadString(*n, "version", &doc_errors_).value_or("");
  }
  top.Optional("description");
}

// The deciding state the rule set names (an authority's own rule set), and
// the run's --authority, which wins over it and over every case's
// licensing_state.
void Compilation::ReadAuthority(MapReader& top) {
  ReferenceData& ref = *plan_->reference;
  if (const DocNode* a = top.Optional("authority")) {
    MapReader m(*a, "authority", &doc_errors_);
    if (m.ok()) {
      if (const DocNode* s = m.Required("state")) {
        std::optional<CountryCode> code =
            ReadCountryShape(*s, m.PathOf("state"), &doc_errors_);
        if (code && ref.Country(*code) == nullptr) {
          doc_errors_.Add(
              *s, m.PathOf("state"),
              absl::StrCat("'", s->text, "' is not in the country table"));
        } else {
          ref.authority_state = code;
        }
      }
      m.Finish();
    }
  }
  if (options_.authority) {
    if (ref.Country(*options_.authority) == nullptr) {
      absl::StrAppend(&errors_, "--authority: '",
                      std::string(options_.authority->view()),
                      "' is not in the rule set's country table\n");
    } else {
      ref.authority_override = options_.authority;
    }
  }
}

absl::StatusOr<std::unique_ptr<const Plan>> Compilation::Run() {
  std::optional<DocNode> root = Parse(kRuleSetFile);
  if (root) {
    MapReader top(*root, "", &doc_errors_);
    if (top.ok()) {
      ReadHeader(top);
      ReadScreeningSettings(top);
      ReadReferences(top);
      ReadAuthority(top);
      ReadCategories(top);
      if (plan_->reference) ReadIndicators(top);
      ReadBands(top);
      ReadGates(top);
      ReadMitigations(top);
      ReadOverridingRisk(top);
      ReadCitations(top);
      CheckCitedRefs(*root);
      top.Finish();
    }
    absl::StrAppend(&errors_, doc_errors_.Format(FileName(kRuleSetFile)));
  }
  if (!errors_.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid rule set:\n", errors_));
  }
  plan_->sha256 = Sha256Hex(canonical_);
  return std::unique_ptr<const Plan>(std::move(plan_));
}

}  // namespace rules_internal

absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSet(
    const RuleFileReader& read, const std::string& origin,
    const KernelRegistry& registry, const RuleSetLimits& limits,
    const CompileOptions& options) {
  return rules_internal::Compilation(read, origin, registry, limits, options)
      .Run();
}

namespace {

// Whether `path` is `root` or lies under it (both absolute and resolved).
bool Within(const std::filesystem::path& path,
            const std::filesystem::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty() && std::next(r) == root.end()) return true;  // "dir/"
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

std::filesystem::path Resolved(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  if (ec) return {};
  std::filesystem::path resolved = std::filesystem::weakly_canonical(abs, ec);
  return ec ? std::filesystem::path{} : resolved;
}

}  // namespace

absl::StatusOr<std::string> ReadRuleFile(const std::string& dir,
                                         const std::string& rel,
                                         const RuleFileAccess& access) {
  const std::string path =
      rel.starts_with('/') ? rel : absl::StrCat(dir, "/", rel);
  if (!access.trusted) {
    const std::filesystem::path resolved = Resolved(path);
    bool inside = false;
    if (!resolved.empty()) {
      // The bundled rule sets came with divrisk and share reference files
      // (bench-subset and att-example-authority read att-default's): their
      // folder is a data directory for every rule set.
      inside = Within(resolved, Resolved(dir)) ||
               Within(resolved, Resolved(BundledRulesDir()));
      for (const std::string& data : access.data_dirs) {
        inside = inside || Within(resolved, Resolved(data));
      }
    }
    if (!inside) {
      return absl::PermissionDeniedError(absl::StrCat(
          Visible(path),
          ": outside the rule-set directory",
          access.data_dirs.empty() ? "" : " and the data directories",
          " (symbolic links followed); a rule set may name files elsewhere "
          "only when trusted (--trust-rules) or from a --data-dir"));
    }
  }
  return ReadFileToString(path);
}

absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const KernelRegistry& registry) {
  return CompileRuleSetDir(dir, CompileOptions{}, registry);
}

absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const CompileOptions& options,
    const KernelRegistry& registry) {
  RuleFileReader read = [&dir, &options](const std::string& rel) {
    return ReadRuleFile(dir, rel, options.access);
  };
  return CompileRuleSet(read, dir, registry, RuleSetLimits{}, options);
}

}  // namespace divrisk
