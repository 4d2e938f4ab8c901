// What turns scores into a recommendation: the bands (ascending, the top
// one open), the gates (hard stops outside the weighted score), the
// mitigation measures (the indicators each mitigates and what each
// requires), and the Art. 7(3) overriding risk.

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "rules/compilation.h"

namespace divrisk::rules_internal {

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

std::optional<double> Compilation::Threshold(MapReader& m,
                                             std::string_view key) {
  const DocNode* n = m.Optional(key);
  if (n == nullptr) return std::nullopt;
  std::optional<double> v = ReadNumber(*n, m.PathOf(key), m.errors());
  if (!v) return std::nullopt;
  // Indicator values lie in [0, 1]: a threshold of 0 or less fires on every
  // case whose value is known, one above 1 never fires.
  if (!(*v > 0 && *v <= 1)) {
    m.errors()->Add(*n, m.PathOf(key),
                    absl::StrCat("expected a threshold above 0 and at most 1 "
                                 "(indicator values lie in [0, 1]), found ",
                                 Excerpt(n->text)));
    return std::nullopt;
  }
  return v;
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
      for (const GateSpec& other : plan_->gates) {
        if (!gate.id.empty() && other.id == gate.id) {
          doc_errors_.Add(*n, m.PathOf("id"), "gate defined twice");
          break;
        }
      }
    }
    if (const DocNode* n = m.Required("indicator")) {
      gate.indicator = IndicatorRef(*n, m.PathOf("indicator"));
    }
    gate.refuse_at = Threshold(m, "refuse_at");
    gate.refer_at = Threshold(m, "refer_at");
    gate.conditions_at = Threshold(m, "conditions_at");
    if (!gate.refuse_at && !gate.refer_at && !gate.conditions_at) {
      doc_errors_.Add(m.node(), m.path(),
                      "a gate needs refuse_at, refer_at or conditions_at");
    }
    if (gate.refuse_at && gate.refer_at && *gate.refuse_at <= *gate.refer_at) {
      doc_errors_.Add(*m.Optional("refuse_at"), m.PathOf("refuse_at"),
                      absl::StrCat("must be above refer_at (",
                                   *gate.refer_at,
                                   "): otherwise the gate never refers"));
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
    if (const DocNode* mitigates = m.Required("mitigates")) {
      MapReader lm(*mitigates, m.PathOf("mitigates"), &doc_errors_);
      for (const auto& [key, value] : mitigates->fields) {
        int i = IndicatorRef(key, lm.PathOf(key.text));
        auto f = ReadNumber(value, lm.PathOf(key.text), &doc_errors_);
        if (f && (*f < 0 || *f > 1)) {
          doc_errors_.Add(value, lm.PathOf(key.text),
                          "expected a fraction from 0 to 1");
          continue;
        }
        if (i >= 0 && f) spec.mitigates.emplace_back(i, *f);
      }
    }
    if (const DocNode* req = m.Optional("requires")) {
      if (const auto* words = Items(*req, m.PathOf("requires"),
                                    kEnumWords<MitigationRequirement>.size(),
                                    &doc_errors_)) {
        for (size_t w = 0; w < words->size(); ++w) {
          if (auto r = ReadEnum<MitigationRequirement>(
                  (*words)[w], IndexPath(m.PathOf("requires"), w),
                  &doc_errors_)) {
            spec.requirements.push_back(*r);
          }
        }
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

}  // namespace divrisk::rules_internal
