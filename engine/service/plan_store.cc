#include "engine/service/plan_store.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/country_code.h"

namespace divrisk::service {

// The authorities asked for are compiled once each; beyond this many the
// oldest is dropped (requests holding it keep it alive).
constexpr size_t kMaxAuthorityPlans = 16;

struct PlanStore::Generation {
  std::shared_ptr<const Plan> plan;
  CompileOptions options;
  std::string rules_dir;
  std::time_t loaded_at = 0;
  mutable std::mutex mutex;  // guards by_authority and order
  mutable std::map<std::string, std::shared_ptr<const Plan>> by_authority;
  mutable std::vector<std::string> order;  // oldest first
};

PlanStore::PlanStore(std::string rules_dir, std::string lists_dir,
                     RuleFileAccess access)
    : rules_dir_(std::move(rules_dir)),
      lists_dir_(std::move(lists_dir)),
      access_(std::move(access)) {}

absl::Status PlanStore::Reload() {
  std::lock_guard<std::mutex> one_at_a_time(reload_mutex_);
  auto next = std::make_shared<Generation>();
  next->options.lists_dir = lists_dir_;
  next->options.access = access_;
  next->rules_dir = rules_dir_;
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(rules_dir_, next->options);
  if (!plan.ok()) return plan.status();
  next->plan = std::move(*plan);
  next->loaded_at = std::time(nullptr);
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = std::move(next);
  return absl::OkStatus();
}

std::shared_ptr<const PlanStore::Generation> PlanStore::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

absl::StatusOr<std::shared_ptr<const Plan>> PlanStore::Get(
    const std::string& authority) const {
  std::shared_ptr<const Generation> gen = Current();
  if (gen == nullptr) return absl::UnavailableError("no rule set loaded");
  // The aliasing constructor keeps the whole generation alive with its plan.
  if (authority.empty()) return std::shared_ptr<const Plan>(gen, gen->plan.get());
  const std::optional<CountryCode> code = CountryCode::FromText(authority);
  if (!code) {
    return absl::InvalidArgumentError(absl::StrCat(
        "authority: expected an ISO 3166 country code in upper case, such as "
        "CA or DE, found '", authority, "'"));
  }
  std::lock_guard<std::mutex> lock(gen->mutex);
  auto found = gen->by_authority.find(authority);
  if (found != gen->by_authority.end()) return found->second;
  CompileOptions options = gen->options;
  options.authority = code;
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(gen->rules_dir, options);
  if (!plan.ok()) return plan.status();
  std::shared_ptr<const Plan> shared = std::move(*plan);
  if (gen->order.size() >= kMaxAuthorityPlans) {
    gen->by_authority.erase(gen->order.front());
    gen->order.erase(gen->order.begin());
  }
  gen->by_authority.emplace(authority, shared);
  gen->order.push_back(authority);
  return shared;
}

std::time_t PlanStore::loaded_at() const {
  std::shared_ptr<const Generation> gen = Current();
  return gen ? gen->loaded_at : 0;
}

}  // namespace divrisk::service
