// KernelRegistry: kernel factories by name.
//
// Each family file exposes `void RegisterXxxKernels(KernelRegistry&)`;
// RegisterBuiltinKernels (builtin.cc) calls them all. Registration is
// explicit, not by static initialisers, so that linking a static library
// never drops a kernel.

#ifndef DIVRISK_INDICATORS_REGISTRY_H_
#define DIVRISK_INDICATORS_REGISTRY_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/reference_data.h"
#include "indicators/kernel.h"
#include "indicators/kernel_params.h"

namespace divrisk {

namespace screening {
class Screener;  // indicators/screening/screener.h
}  // namespace screening

// What a kernel is bound to: the rule set's reference data and the
// screening index the compiler built over its listed parties and declared
// lists (null for a ReferenceData built by hand). Both outlive the kernel.
struct BindContext {
  const ReferenceData& ref;
  std::shared_ptr<const screening::Screener> screener;
};

// Builds a bound kernel. Reads its parameters from `params` (errors are
// collected there) and may keep pointers into the context.
using KernelFactory = std::function<std::unique_ptr<Kernel>(
    KernelParams& params, const BindContext& context)>;

class KernelRegistry {
 public:
  // REQUIRES: `name` not registered yet.
  void Register(const std::string& name, KernelFactory factory);
  // The factory for `name`, or nullptr.
  const KernelFactory* Find(const std::string& name) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, KernelFactory> factories_;
};

// Registers every kernel family shipped with divrisk.
void RegisterBuiltinKernels(KernelRegistry& registry);

// The registry with every builtin kernel, built once.
const KernelRegistry& BuiltinKernels();

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_REGISTRY_H_
