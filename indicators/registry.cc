#include "indicators/registry.h"

#include <cassert>

namespace divrisk {

void KernelRegistry::Register(const std::string& name, KernelFactory factory) {
  [[maybe_unused]] bool inserted =
      factories_.emplace(name, std::move(factory)).second;
  assert(inserted && "kernel registered twice");
}

const KernelFactory* KernelRegistry::Find(const std::string& name) const {
  auto it = factories_.find(name);
  return it == factories_.end() ? nullptr : &it->second;
}

std::vector<std::string> KernelRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories_) names.push_back(name);
  return names;
}

const KernelRegistry& BuiltinKernels() {
  static const KernelRegistry* registry = [] {
    auto* r = new KernelRegistry;
    RegisterBuiltinKernels(*r);
    return r;
  }();
  return *registry;
}

}  // namespace divrisk
