// Small helpers shared by kernel families.

#ifndef DIVRISK_INDICATORS_KERNEL_UTIL_H_
#define DIVRISK_INDICATORS_KERNEL_UTIL_H_

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/registry.h"

namespace divrisk {

// Registers kernel type K, constructed as K(params, ref).
template <typename K>
void RegisterKernel(KernelRegistry& registry, const std::string& name) {
  registry.Register(name, [](KernelParams& params, const ReferenceData& ref) {
    return std::make_unique<K>(params, ref);
  });
}

// "goods[3]", "parties[0]": the path of a list element.
inline std::string ItemPath(const char* list, size_t index) {
  return absl::StrCat(list, "[", index, "]");
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Three-valued "any": 1 if some item is true, 0 if all are known false,
// kUnknown if none is true and some are unknown.
class AnyOf {
 public:
  void Add(std::optional<bool> fact) {
    if (fact.has_value()) {
      any_true_ |= *fact;
    } else {
      any_unknown_ = true;
    }
  }
  void AddTrue() { any_true_ = true; }
  double Value() const {
    return any_true_ ? 1.0 : any_unknown_ ? kUnknown : 0.0;
  }

 private:
  bool any_true_ = false;
  bool any_unknown_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_KERNEL_UTIL_H_
