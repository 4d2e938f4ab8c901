#include "tests/bundled_plans.h"

#include <cstdlib>
#include <map>
#include <mutex>

#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {

const Plan& BundledPlan(const std::string& name) {
  static std::mutex mutex;
  // Never destroyed, so that the plans stay reachable to the leak checker
  // after exit (a static map would be torn down and leave them orphaned).
  static auto* plans = new std::map<std::string, const Plan*>;
  std::lock_guard<std::mutex> lock(mutex);
  const Plan*& plan = (*plans)[name];
  if (plan == nullptr) {
    auto p = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) + "/rules/" +
                               name);
    if (!p.ok()) {
      ADD_FAILURE() << p.status();
      std::abort();
    }
    plan = p->release();  // kept for the process's life, like a static
  }
  return *plan;
}

}  // namespace divrisk
