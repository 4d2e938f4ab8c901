#include "rules/compiler.h"

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "engine/doc/doc_reader.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/yaml_parser.h"
#include "indicators/screening/listing_check.h"
#include "rules/canonical.h"
#include "rules/reference_loader.h"
#include "rules/screening_lists.h"

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

namespace {

constexpr const char* kRuleSetFile = "ruleset.yaml";
constexpr double kFixedUnits = 10000.0;  // see Plan::weights_fixed
constexpr const char* kFormat = "divrisk-rules/1";

// KernelParams reports "L:C: params.key: message", or "params.key: message"
// for a missing parameter: as a DocError under the indicator's path, at
// `fallback` when the message has no position.
DocError KernelParamError(const std::string& text, const DocNode& fallback,
                          const std::string& indicator_path) {
  DocError e{fallback.line, fallback.column, indicator_path, text};
  std::string rest = text;
  const size_t colon = rest.find(':');
  const size_t end =
      colon == std::string::npos ? colon : rest.find(": ", colon + 1);
  int line = 0;
  int column = 0;
  if (end != std::string::npos &&
      absl::SimpleAtoi(rest.substr(0, colon), &line) &&
      absl::SimpleAtoi(rest.substr(colon + 1, end - colon - 1), &column) &&
      line > 0) {
    e.line = line;
    e.column = column;
    rest = rest.substr(end + 2);
  }
  if (const size_t sep = rest.find(": "); sep != std::string::npos) {
    e.path = JoinPath(indicator_path, rest.substr(0, sep));
    e.message = rest.substr(sep + 2);
  } else {
    e.message = rest;
  }
  return e;
}

// Everything one compile needs to report errors by file.
class Compilation {
 public:
  Compilation(const RuleFileReader& read, std::string origin,
              const KernelRegistry& registry, const RuleSetLimits& limits)
      : read_(read),
        origin_(std::move(origin)),
        registry_(registry),
        limits_(limits) {}

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
  // Reads, checks and parses the declared lists; builds the screener.
  void LoadScreeningLists(std::vector<DeclaredList>& lists);
  void ReadCategories(MapReader& top);
  void ReadIndicators(MapReader& top);
  void ReadIndicator(MapReader& m, std::vector<std::vector<double>>* weights);
  void ReadBands(MapReader& top);
  void ReadGates(MapReader& top);
  void ReadMitigations(MapReader& top);
  void ReadOverridingRisk(MapReader& top);
  std::vector<std::string> ReadStrings(MapReader& m, std::string_view key,
                                       bool required);
  std::optional<double> NumberField(MapReader& m, std::string_view key,
                                    bool required);
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
  std::string errors_;      // formatted, all files
  DocErrors doc_errors_;    // the file being read
  std::string canonical_;   // hashed at the end
  std::unique_ptr<Plan> plan_ = std::make_unique<Plan>();
};

std::optional<std::string> Compilation::Read(const std::string& rel) {
  absl::StatusOr<std::string> text = read_(rel);
  if (!text.ok()) {
    // ReadFileToString's messages already start with the path.
    const std::string name = FileName(rel);
    const std::string message(text.status().message());
    if (message.substr(0, name.size() + 1) == name + ":") {
      absl::StrAppend(&errors_, message, "\n");
    } else {
      absl::StrAppend(&errors_, name, ": ", message, "\n");
    }
    return std::nullopt;
  }
  return std::move(*text);
}

std::optional<DocNode> Compilation::Parse(const std::string& rel) {
  std::optional<std::string> text = Read(rel);
  if (!text) return std::nullopt;
  absl::StatusOr<DocNode> root = ParseYaml(*text);
  if (!root.ok()) {
    absl::StrAppend(&errors_, FileName(rel), ":", root.status().message(),
                    "\n");
    return std::nullopt;
  }
  absl::StrAppend(&canonical_, rel, "=");
  AppendCanonical(*root, &canonical_);
  canonical_.push_back('\n');
  return std::move(*root);
}

std::optional<double> Compilation::NumberField(MapReader& m,
                                               std::string_view key,
                                               bool required) {
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return std::nullopt;
  return InRange(ReadNumber(*n, m.PathOf(key), m.errors()), *n, m.PathOf(key),
                 m.errors());
}

const std::vector<DocNode>* Compilation::Items(const DocNode& n,
                                               const std::string& path,
                                               size_t limit,
                                               DocErrors* errors) {
  const auto* items = ReadList(n, path, errors);
  if (items != nullptr && items->size() > limit) {
    errors->Add(n, path,
                absl::StrCat("more than the limit of ", limit, " entries"));
    return nullptr;
  }
  return items;
}

std::optional<double> Compilation::InRange(std::optional<double> v,
                                           const DocNode& n,
                                           const std::string& path,
                                           DocErrors* errors) {
  if (v && std::abs(*v) > limits_.max_magnitude) {
    const auto bound = static_cast<int64_t>(limits_.max_magnitude);
    errors->Add(n, path, absl::StrCat("expected a number from -", bound, " to ",
                                      bound, ", found ", n.text));
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> Compilation::ReadStrings(MapReader& m,
                                                  std::string_view key,
                                                  bool required) {
  std::vector<std::string> out;
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return out;
  const auto* items = Items(*n, m.PathOf(key), limits_.refs, m.errors());
  if (items == nullptr) return out;
  for (size_t i = 0; i < items->size(); ++i) {
    if (auto s = ReadString((*items)[i], IndexPath(m.PathOf(key), i),
                            m.errors())) {
      out.push_back(*s);
    }
  }
  return out;
}

int Compilation::CategoryRef(const DocNode& n, const std::string& path) {
  std::optional<std::string> id = ReadString(n, path, &doc_errors_);
  if (!id) return -1;
  int index = plan_->CategoryIndex(*id);
  if (index < 0) {
    doc_errors_.Add(n, path, absl::StrCat("unknown category '", *id, "'"));
  }
  return index;
}

int Compilation::IndicatorRef(const DocNode& n, const std::string& path) {
  std::optional<std::string> id = ReadString(n, path, &doc_errors_);
  if (!id) return -1;
  int index = plan_->IndicatorIndex(*id);
  if (index < 0) {
    doc_errors_.Add(n, path, absl::StrCat("unknown indicator '", *id, "'"));
  }
  return index;
}

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

void Compilation::ReadReferences(MapReader& top) {
  // Made even when the section is missing, so that the indicators are still
  // read and checked (against no reference data).
  plan_->reference = std::make_unique<ReferenceData>();
  const DocNode* refs = top.Required("reference");
  if (refs == nullptr) return;
  MapReader m(*refs, "reference", &doc_errors_);
  // Countries first: every other file's codes are checked against them.
  std::vector<std::pair<ReferenceKind, std::string>> files;
  for (size_t k = 0; k < kEnumWords<ReferenceKind>.size(); ++k) {
    const char* word = kEnumWords<ReferenceKind>[k];
    const DocNode* n = m.Optional(word);
    if (n == nullptr) {
      if (k == 0) m.Required(word);
      continue;
    }
    if (auto rel = ReadString(*n, m.PathOf(word), &doc_errors_)) {
      files.emplace_back(static_cast<ReferenceKind>(k), *rel);
    }
  }
  std::vector<DeclaredList> lists;
  if (const DocNode* n = m.Optional("screening_lists")) {
    lists = ReadScreeningLists(*n, m.PathOf("screening_lists"), &doc_errors_);
  }
  m.Finish();
  for (const auto& [kind, rel] : files) {
    std::optional<DocNode> root = Parse(rel);
    if (!root) continue;
    DocErrors file_errors;
    LoadReference(kind, *root, plan_->reference.get(), &file_errors);
    absl::StrAppend(&errors_, file_errors.Format(FileName(rel)));
  }
  LoadScreeningLists(lists);
}

void Compilation::LoadScreeningLists(std::vector<DeclaredList>& lists) {
  screening::ListSet set;
  for (size_t i = 0; i < lists.size(); ++i) {
    DeclaredList& list = lists[i];
    const std::string files_path =
        JoinPath(IndexPath("reference.screening_lists", i), "files");
    std::vector<std::string> texts;
    for (size_t j = 0; j < list.files.size(); ++j) {
      const DeclaredList::File& file = list.files[j];
      std::optional<std::string> text = Read(file.path);
      if (!text) break;
      // The list's bytes are part of the rule set's identity.
      const std::string digest = Sha256Hex(*text);
      absl::StrAppend(&canonical_, files_path, "[", j, "]=", digest, "\n");
      if (file.sha256 && *file.sha256 != digest) {
        doc_errors_.Add(*file.node, IndexPath(files_path, j),
                        absl::StrCat("the file's SHA-256 is ", digest,
                                     ", not the pinned ", *file.sha256));
      }
      list.spec.paths[j] = FileName(file.path);
      texts.push_back(std::move(*text));
    }
    if (texts.size() != list.files.size()) continue;
    if (absl::Status s = screening::ParseList(list.spec, texts, &set);
        !s.ok()) {
      absl::StrAppend(&errors_, s.message(), "\n");
    }
  }
  plan_->reference->screener = screening::BuildReferenceScreener(
      plan_->reference->listed_parties, std::move(set));
}

void Compilation::ReadCategories(MapReader& top) {
  const DocNode* list = top.Required("categories");
  if (list == nullptr) return;
  const auto* items =
      Items(*list, "categories", limits_.categories, &doc_errors_);
  if (items == nullptr) return;
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath("categories", i), &doc_errors_);
    if (!m.ok()) continue;
    CategorySpec c;
    if (const DocNode* n = m.Required("id")) {
      c.id = ReadString(*n, m.PathOf("id"), &doc_errors_).value_or("");
      if (plan_->CategoryIndex(c.id) >= 0) {
        doc_errors_.Add(*n, m.PathOf("id"), "category defined twice");
      }
    }
    if (const DocNode* n = m.Required("name")) {
      c.name = ReadString(*n, m.PathOf("name"), &doc_errors_).value_or("");
    }
    c.cap = NumberField(m, "cap", true).value_or(0);
    if (c.cap < 0) {  // clamp(raw, 0, cap) needs 0 <= cap
      doc_errors_.Add(*m.node().Find("cap"), m.PathOf("cap"),
                      "expected a cap of 0 or more");
    }
    m.Finish();
    plan_->categories.push_back(std::move(c));
  }
}

void Compilation::ReadIndicator(MapReader& m,
                                std::vector<std::vector<double>>* weights) {
  IndicatorSpec spec;
  if (const DocNode* n = m.Required("id")) {
    spec.id = ReadString(*n, m.PathOf("id"), &doc_errors_).value_or("");
    if (plan_->IndicatorIndex(spec.id) >= 0) {
      doc_errors_.Add(*n, m.PathOf("id"), "indicator defined twice");
    }
  }
  std::vector<double> row(plan_->categories.size(), 0.0);
  if (const DocNode* w = m.Required("weights")) {
    MapReader wm(*w, m.PathOf("weights"), &doc_errors_);
    int signs = 0;
    for (const auto& [key, value] : w->fields) {
      int c = CategoryRef(key, wm.PathOf(key.text));
      std::optional<double> v =
          InRange(ReadNumber(value, wm.PathOf(key.text), &doc_errors_), value,
                  wm.PathOf(key.text), &doc_errors_);
      if (c < 0 || !v) continue;
      row[c] = *v;
      signs |= *v > 0 ? 1 : *v < 0 ? 2 : 0;
    }
    if (signs == 3) {
      doc_errors_.Add(*w, m.PathOf("weights"),
                      "weights of one indicator must share a sign, so that "
                      "the score range is exact");
    }
  }
  spec.unknown_value = NumberField(m, "unknown_value", true).value_or(0);
  if (spec.unknown_value < 0 || spec.unknown_value > 1) {
    doc_errors_.Add(m.node(), m.PathOf("unknown_value"),
                    "expected a value from 0 to 1");
  }
  spec.refs = ReadStrings(m, "refs", true);
  if (const DocNode* n = m.Required("evidence")) {
    spec.evidence =
        ReadString(*n, m.PathOf("evidence"), &doc_errors_).value_or("");
  }
  std::map<std::string, ParamValue> params;
  const DocNode* p = m.Optional("params");
  if (p != nullptr) {
    MapReader pm(*p, m.PathOf("params"), &doc_errors_);
    for (const auto& [key, value] : p->fields) {
      ParamValue v;
      v.line = value.line;
      v.column = value.column;
      if (value.IsScalar()) {
        v.text = value.text;
      } else if (value.kind == DocNode::Kind::kSequence) {
        v.is_list = true;
        for (size_t i = 0; i < value.items.size(); ++i) {
          if (auto s = ReadString(value.items[i],
                                  IndexPath(pm.PathOf(key.text), i),
                                  &doc_errors_)) {
            v.items.push_back(*s);
          }
        }
      } else {
        doc_errors_.Add(value, pm.PathOf(key.text),
                        "expected a scalar or a list of scalars");
        continue;
      }
      params[key.text] = std::move(v);
    }
  }
  if (const DocNode* n = m.Required("kernel")) {
    spec.kernel_name =
        ReadString(*n, m.PathOf("kernel"), &doc_errors_).value_or("");
    const KernelFactory* factory = registry_.Find(spec.kernel_name);
    if (factory == nullptr) {
      doc_errors_.Add(*n, m.PathOf("kernel"),
                      absl::StrCat("unknown kernel '", spec.kernel_name,
                                   "'; known: ",
                                   absl::StrJoin(registry_.Names(), ", ")));
    } else {
      KernelParams kp(std::move(params));
      spec.kernel = (*factory)(kp, *plan_->reference);
      for (const std::string& e : kp.Errors()) {
        doc_errors_.Add(KernelParamError(e, p != nullptr ? *p : *n, m.path()));
      }
    }
  }
  m.Finish();
  weights->push_back(std::move(row));
  plan_->indicators.push_back(std::move(spec));
}

void Compilation::ReadIndicators(MapReader& top) {
  const DocNode* list = top.Required("indicators");
  if (list == nullptr) return;
  const auto* items =
      Items(*list, "indicators", limits_.indicators, &doc_errors_);
  if (items == nullptr) return;
  std::vector<std::vector<double>> weights;
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath("indicators", i), &doc_errors_);
    if (m.ok()) ReadIndicator(m, &weights);
  }
  plan_->weights.resize(weights.size(), plan_->categories.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    for (size_t c = 0; c < weights[i].size(); ++c) {
      plan_->weights(i, c) = weights[i][c];
    }
  }
  plan_->weights_fixed = (plan_->weights * kFixedUnits).array().round();
}

void Compilation::ReadBands(MapReader& top) {
  const DocNode* list = top.Required("bands");
  if (list == nullptr) return;
  const auto* items = Items(*list, "bands", limits_.bands, &doc_errors_);
  if (items == nullptr) return;
  if (items->empty()) {  // no band would hold any score
    doc_errors_.Add(*list, "bands", "expected at least one band");
    return;
  }
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath("bands", i), &doc_errors_);
    if (!m.ok()) continue;
    BandSpec band;
    if (const DocNode* n = m.Required("id")) {
      band.id = ReadString(*n, m.PathOf("id"), &doc_errors_).value_or("");
    }
    band.below = NumberField(m, "below", false);
    if (const DocNode* n = m.Required("recommendation")) {
      band.recommendation =
          ReadEnum<Recommendation>(*n, m.PathOf("recommendation"),
                                   &doc_errors_)
              .value_or(Recommendation::kRefer);
    }
    if (const DocNode* n = m.Optional("uncertain_recommendation")) {
      band.uncertain_recommendation = ReadEnum<Recommendation>(
          *n, m.PathOf("uncertain_recommendation"), &doc_errors_);
    }
    const bool last = i + 1 == items->size();
    if (last == band.below.has_value()) {
      doc_errors_.Add(m.node(), m.PathOf("below"),
                      last ? "the top band takes no upper bound"
                           : "every band but the top one needs `below`");
    }
    if (!plan_->bands.empty() && band.below && plan_->bands.back().below &&
        *band.below <= *plan_->bands.back().below) {
      doc_errors_.Add(m.node(), m.PathOf("below"),
                      "bands must be in ascending order");
    }
    m.Finish();
    plan_->bands.push_back(std::move(band));
  }
}

void Compilation::ReadGates(MapReader& top) {
  const DocNode* list = top.Optional("gates");
  if (list == nullptr) return;
  const auto* items = Items(*list, "gates", limits_.gates, &doc_errors_);
  if (items == nullptr) return;
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath("gates", i), &doc_errors_);
    if (!m.ok()) continue;
    GateSpec gate;
    if (const DocNode* n = m.Required("id")) {
      gate.id = ReadString(*n, m.PathOf("id"), &doc_errors_).value_or("");
    }
    if (const DocNode* n = m.Required("indicator")) {
      gate.indicator = IndicatorRef(*n, m.PathOf("indicator"));
    }
    gate.refuse_at = NumberField(m, "refuse_at", false);
    gate.refer_at = NumberField(m, "refer_at", false);
    if (!gate.refuse_at && !gate.refer_at) {
      doc_errors_.Add(m.node(), m.path(), "a gate needs refuse_at or refer_at");
    }
    if (const DocNode* n = m.Optional("refer_if_unknown")) {
      gate.refer_if_unknown =
          ReadBool(*n, m.PathOf("refer_if_unknown"), &doc_errors_)
              .value_or(false);
    }
    gate.refs = ReadStrings(m, "refs", true);
    if (const DocNode* n = m.Required("reason")) {
      gate.reason = ReadString(*n, m.PathOf("reason"), &doc_errors_).value_or("");
    }
    m.Finish();
    plan_->gates.push_back(std::move(gate));
  }
}

void Compilation::ReadMitigations(MapReader& top) {
  const DocNode* list = top.Optional("mitigations");
  if (list == nullptr) return;
  const auto* items =
      Items(*list, "mitigations", limits_.mitigations, &doc_errors_);
  if (items == nullptr) return;
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath("mitigations", i), &doc_errors_);
    if (!m.ok()) continue;
    MitigationSpec spec;
    if (const DocNode* n = m.Required("measure")) {
      auto measure = ReadEnum<Mitigation>(*n, m.PathOf("measure"), &doc_errors_);
      if (measure && plan_->FindMitigation(*measure) != nullptr) {
        doc_errors_.Add(*n, m.PathOf("measure"), "measure defined twice");
      }
      spec.measure = measure.value_or(Mitigation::kPostShipmentVerification);
    }
    if (const DocNode* lowers = m.Required("lowers")) {
      MapReader lm(*lowers, m.PathOf("lowers"), &doc_errors_);
      for (const auto& [key, value] : lowers->fields) {
        int c = CategoryRef(key, lm.PathOf(key.text));
        auto f = ReadNumber(value, lm.PathOf(key.text), &doc_errors_);
        if (f && (*f < 0 || *f > 1)) {
          doc_errors_.Add(value, lm.PathOf(key.text),
                          "expected a fraction from 0 to 1");
          continue;
        }
        if (c >= 0 && f) spec.lowers.emplace_back(c, *f);
      }
    }
    spec.refs = ReadStrings(m, "refs", true);
    if (const DocNode* n = m.Required("condition")) {
      spec.condition =
          ReadString(*n, m.PathOf("condition"), &doc_errors_).value_or("");
    }
    m.Finish();
    plan_->mitigations.push_back(std::move(spec));
  }
}

void Compilation::ReadOverridingRisk(MapReader& top) {
  const DocNode* node = top.Optional("overriding_risk");
  if (node == nullptr) return;
  MapReader m(*node, "overriding_risk", &doc_errors_);
  if (!m.ok()) return;
  OverridingRiskSpec spec;
  if (const DocNode* n = m.Required("category")) {
    spec.category = CategoryRef(*n, m.PathOf("category"));
  }
  spec.threshold = NumberField(m, "threshold", true).value_or(0);
  spec.refs = ReadStrings(m, "refs", true);
  if (const DocNode* n = m.Required("reason")) {
    spec.reason = ReadString(*n, m.PathOf("reason"), &doc_errors_).value_or("");
  }
  m.Finish();
  plan_->overriding_risk = std::move(spec);
}

absl::StatusOr<std::unique_ptr<const Plan>> Compilation::Run() {
  std::optional<DocNode> root = Parse(kRuleSetFile);
  if (root) {
    MapReader top(*root, "", &doc_errors_);
    if (top.ok()) {
      ReadHeader(top);
      ReadReferences(top);
      ReadCategories(top);
      if (plan_->reference) ReadIndicators(top);
      ReadBands(top);
      ReadGates(top);
      ReadMitigations(top);
      ReadOverridingRisk(top);
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

}  // namespace

absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSet(
    const RuleFileReader& read, const std::string& origin,
    const KernelRegistry& registry, const RuleSetLimits& limits) {
  return Compilation(read, origin, registry, limits).Run();
}

absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const KernelRegistry& registry) {
  RuleFileReader read = [&dir](const std::string& rel) {
    return ReadFileToString(rel.starts_with('/') ? rel
                                                 : absl::StrCat(dir, "/", rel));
  };
  return CompileRuleSet(read, dir, registry);
}

}  // namespace divrisk
