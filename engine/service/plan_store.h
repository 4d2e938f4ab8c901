// PlanStore: the rule set a request is scored with, and its atomic reload.
//
// A generation holds the compiled Plan and, compiled on first use, the same
// rule set with a deciding state forced (?authority=CC, like --authority).
// A request takes a shared_ptr to its plan at its start and keeps it to its
// end: a reload swaps the current generation for new requests while those
// in flight finish on the old one, which goes when the last of them ends.
// A rule set that does not compile is refused with its located errors and
// the current generation stays.

#ifndef DIVRISK_ENGINE_SERVICE_PLAN_STORE_H_
#define DIVRISK_ENGINE_SERVICE_PLAN_STORE_H_

#include <ctime>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "rules/compiler.h"
#include "rules/plan.h"

namespace divrisk::service {

class PlanStore {
 public:
  PlanStore(std::string rules_dir, std::string lists_dir,
            RuleFileAccess access);

  // Compiles the rule set and makes it current; on failure the current one
  // stays and the status holds the errors ("file:line:column: path: ...").
  absl::Status Reload();

  // The current plan; with `authority` (an ISO code) the plan whose
  // deciding state is forced to it (InvalidArgument for an unknown code).
  absl::StatusOr<std::shared_ptr<const Plan>> Get(
      const std::string& authority = "") const;

  // Seconds since the epoch at the last successful load.
  std::time_t loaded_at() const;

 private:
  struct Generation;
  std::shared_ptr<const Generation> Current() const;

  const std::string rules_dir_;
  const std::string lists_dir_;
  const RuleFileAccess access_;
  mutable std::mutex mutex_;  // guards current_
  std::shared_ptr<const Generation> current_;
  std::mutex reload_mutex_;  // one reload at a time
};

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_PLAN_STORE_H_
