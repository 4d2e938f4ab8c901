// Internal to the rule-set compiler (rules/compiler*.cc): the Compilation
// that one CompileRuleSet call runs, shared by the files that read each part
// of the rule set. Not for use outside rules/.
//
//   compiler.cc             the top level: header, sections in order, Plan
//   compile_files.cc        reading and parsing the rule set's files, the
//                           reference data and the screening lists
//   compile_screening.cc    the `screening` section and the installed lists
//   compile_fields.cc       numbers, lists, strings and references by name
//   compile_indicators.cc   categories, indicators and kernel binding
//   compile_decisions.cc    bands, gates, mitigations, overriding risk
//   compile_wording.cc      citations table, question templates, refs check

#ifndef DIVRISK_RULES_COMPILATION_H_
#define DIVRISK_RULES_COMPILATION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "engine/doc/doc_reader.h"
#include "indicators/registry.h"
#include "rules/compiler.h"
#include "rules/plan.h"
#include "rules/screening_lists.h"

namespace divrisk::rules_internal {

inline constexpr const char* kRuleSetFile = "ruleset.yaml";
inline constexpr double kFixedUnits = 10000.0;  // see Plan::weights_fixed
inline constexpr const char* kFormat = "divrisk-rules/1";

// Everything one compile needs to report errors by file.
class Compilation {
 public:
  Compilation(const RuleFileReader& read, std::string origin,
              const KernelRegistry& registry, const RuleSetLimits& limits,
              const CompileOptions& options)
      : read_(read),
        origin_(std::move(origin)),
        registry_(registry),
        limits_(limits),
        options_(options) {}

  absl::StatusOr<std::unique_ptr<const Plan>> Run();

 private:
  std::string FileName(const std::string& rel) const {
    return origin_.empty() || rel.starts_with('/')
               ? rel
               : absl::StrCat(origin_, "/", rel);
  }
  // Reads `rel`; on failure records the error and returns nullopt.
  std::optional<std::string> Read(const std::string& rel);
  // Parses `rel`; on failure records the error and returns nullopt.
  std::optional<DocNode> Parse(const std::string& rel);
  void ReadHeader(MapReader& top);
  void ReadReferences(MapReader& top);
  // `authority: {state: CC}`, and the run's CompileOptions::authority.
  void ReadAuthority(MapReader& top);
  // Reads, checks and parses the declared lists and the installed ones;
  // builds the screener.
  void LoadScreeningLists(std::vector<DeclaredList>& lists);
  // The `screening` section: which installed lists, how old is stale.
  void ReadScreeningSettings(MapReader& top);
  // Reads the installed lists the rule set asks for into `set`, each file
  // checked against the manifest's SHA-256 and hashed into the identity.
  void LoadInstalledLists(screening::ListSet* set);
  void ReadCategories(MapReader& top);
  void ReadIndicators(MapReader& top);
  void ReadIndicator(MapReader& m, std::vector<std::vector<double>>* weights);
  void ReadBands(MapReader& top);
  void ReadGates(MapReader& top);
  void ReadMitigations(MapReader& top);
  void ReadOverridingRisk(MapReader& top);
  // `citations:`: reference codes to the titles a letter cites.
  void ReadCitations(MapReader& top);
  // An indicator's `question:`, or nullopt when it has none.
  std::optional<QuestionTemplate> ReadQuestion(MapReader& indicator);
  // With a citations table, every ref is one of its codes or a catalogue id.
  void CheckCitedRefs(const DocNode& root);
  std::vector<std::string> ReadStrings(MapReader& m, std::string_view key,
                                       bool required);
  std::optional<double> NumberField(MapReader& m, std::string_view key,
                                    bool required);
  // A gate's threshold: a number above 0 and at most 1, or absent.
  std::optional<double> Threshold(MapReader& m, std::string_view key);
  // The items of list `n` when it is a list within `limit`, else nullptr.
  const std::vector<DocNode>* Items(const DocNode& n, const std::string& path,
                                    size_t limit, DocErrors* errors);
  // `v` when within max_magnitude; otherwise an error at `n` and nullopt.
  std::optional<double> InRange(std::optional<double> v, const DocNode& n,
                                const std::string& path, DocErrors* errors);
  int CategoryRef(const DocNode& n, const std::string& path);
  int IndicatorRef(const DocNode& n, const std::string& path);

  const RuleFileReader& read_;
  std::string origin_;
  const KernelRegistry& registry_;
  const RuleSetLimits& limits_;
  const CompileOptions& options_;
  // screening.installed_lists: list id and effect, in the rule set's order.
  std::vector<std::pair<std::string, ListingEffect>> installed_lists_;
  std::string errors_;      // formatted, all files
  DocErrors doc_errors_;    // the file being read
  std::string canonical_;   // hashed at the end
  std::unique_ptr<Plan> plan_ = std::make_unique<Plan>();
};

}  // namespace divrisk::rules_internal

#endif  // DIVRISK_RULES_COMPILATION_H_
