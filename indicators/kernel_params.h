// KernelParams: the `params` map of one indicator in the rule set, as typed
// values with their source positions, for a kernel factory to read.
//
// Getters never fail the call: a missing, ill-typed or out-of-range parameter
// records an error (with the parameter's line and column) and returns the
// fallback, so a factory reads all its parameters and the compiler reports
// every problem at once. Parameters that no getter asked for are reported as
// unknown.

#ifndef DIVRISK_INDICATORS_KERNEL_PARAMS_H_
#define DIVRISK_INDICATORS_KERNEL_PARAMS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/model/enums.h"

namespace divrisk {

struct ParamValue {
  // A scalar keeps its text; `is_list` values keep their items.
  std::string text;
  std::vector<std::string> items;
  bool is_list = false;
  int line = 0;
  int column = 0;
};

class KernelParams {
 public:
  KernelParams() = default;
  explicit KernelParams(std::map<std::string, ParamValue> values)
      : values_(std::move(values)) {}

  // A number; `fallback` absent means the parameter is required.
  double Number(const std::string& key,
                std::optional<double> fallback = std::nullopt);
  // A number from 0 to 1, such as a graded value (`partial_value`): one
  // outside that range is an error, not clamped.
  double Fraction(const std::string& key,
                  std::optional<double> fallback = std::nullopt);
  // A string.
  std::string Text(const std::string& key,
                   std::optional<std::string> fallback = std::nullopt);
  // A list of words (a scalar counts as a list of one).
  std::vector<std::string> Words(
      const std::string& key,
      std::optional<std::vector<std::string>> fallback = std::nullopt);

  // A list of enumeration words, each checked against kEnumWords<E>.
  template <typename E>
  std::vector<E> Enums(const std::string& key,
                       std::optional<std::vector<E>> fallback = std::nullopt) {
    const ParamValue* v = Find(key, fallback.has_value());
    if (v == nullptr) return fallback.value_or(std::vector<E>{});
    std::vector<E> out;
    for (const std::string& word : v->is_list ? v->items
                                              : std::vector{v->text}) {
      if (auto e = ParseEnumWord<E>(word)) {
        out.push_back(*e);
      } else {
        Error(*v, key,
              absl::StrCat("'", word, "' is not one of: ",
                           absl::StrJoin(kEnumWords<E>, ", ")));
      }
    }
    return out;
  }

  // Errors so far, each "L:C: params.key: message" (L:C omitted if unknown),
  // plus one per parameter that no getter read.
  std::vector<std::string> Errors() const;

 private:
  const ParamValue* Find(const std::string& key, bool optional);
  void Error(const ParamValue& v, const std::string& key,
             const std::string& message);

  std::map<std::string, ParamValue> values_;
  std::set<std::string> read_;
  std::vector<std::string> errors_;
};

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_KERNEL_PARAMS_H_
