// Categories and indicators: each indicator's weights per category (one
// sign per indicator), its value when unknown, its evidence and refs, and
// its kernel, bound here with its parameters. Kernel parameter errors come
// back as located errors under the indicator's path.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rules/compilation.h"

namespace divrisk::rules_internal {

namespace {

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

}  // namespace

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
  spec.unmitigable_at = NumberField(m, "unmitigable_at", false);
  spec.refs = ReadStrings(m, "refs", true);
  if (const DocNode* n = m.Required("evidence")) {
    spec.evidence =
        ReadString(*n, m.PathOf("evidence"), &doc_errors_).value_or("");
  }
  spec.question = ReadQuestion(m);
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
      spec.kernel = (*factory)(kp, BindContext{*plan_->reference, plan_->screener});
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

}  // namespace divrisk::rules_internal
