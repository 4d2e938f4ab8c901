#include "indicators/kernel_params.h"

#include <cmath>

#include "absl/strings/numbers.h"

namespace divrisk {

const ParamValue* KernelParams::Find(const std::string& key, bool optional) {
  read_.insert(key);
  auto it = values_.find(key);
  if (it != values_.end()) return &it->second;
  if (!optional) {
    errors_.push_back(absl::StrCat("params.", key, ": missing parameter"));
  }
  return nullptr;
}

void KernelParams::Error(const ParamValue& v, const std::string& key,
                         const std::string& message) {
  errors_.push_back(
      absl::StrCat(v.line, ":", v.column, ": params.", key, ": ", message));
}

double KernelParams::Number(const std::string& key,
                            std::optional<double> fallback) {
  const ParamValue* v = Find(key, fallback.has_value());
  if (v == nullptr) return fallback.value_or(0);
  double d;
  if (v->is_list || !absl::SimpleAtod(v->text, &d) || !std::isfinite(d)) {
    Error(*v, key,
          absl::StrCat("expected a finite number, found '",
                       v->is_list ? "a list" : v->text, "'"));
    return fallback.value_or(0);
  }
  return d;
}

double KernelParams::Fraction(const std::string& key,
                              std::optional<double> fallback) {
  const double d = Number(key, fallback);
  if (d >= 0 && d <= 1) return d;
  auto it = values_.find(key);
  if (it == values_.end()) return d;  // the fallback itself
  Error(it->second, key,
        absl::StrCat("expected a number from 0 to 1, found '", it->second.text,
                     "'"));
  return fallback.value_or(0);
}

std::string KernelParams::Text(const std::string& key,
                               std::optional<std::string> fallback) {
  const ParamValue* v = Find(key, fallback.has_value());
  if (v == nullptr) return fallback.value_or("");
  if (v->is_list) {
    Error(*v, key, "expected a string, found a list");
    return fallback.value_or("");
  }
  return v->text;
}

std::vector<std::string> KernelParams::Words(
    const std::string& key, std::optional<std::vector<std::string>> fallback) {
  const ParamValue* v = Find(key, fallback.has_value());
  if (v == nullptr) return fallback.value_or(std::vector<std::string>{});
  return v->is_list ? v->items : std::vector<std::string>{v->text};
}

std::vector<std::string> KernelParams::Errors() const {
  std::vector<std::string> out = errors_;
  for (const auto& [key, v] : values_) {
    if (!read_.contains(key)) {
      out.push_back(absl::StrCat(v.line, ":", v.column, ": params.", key,
                                 ": unknown parameter for this kernel"));
    }
  }
  return out;
}

}  // namespace divrisk
