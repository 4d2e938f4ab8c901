// Metrics: what GET /metrics reports, in the Prometheus text format
// (version 0.0.4): requests by route and status, a latency histogram by
// route, cases scored and rejected, the rule set (its SHA-256 as a label),
// reloads, and the age of each screening list.

#ifndef DIVRISK_ENGINE_SERVICE_METRICS_H_
#define DIVRISK_ENGINE_SERVICE_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "rules/plan.h"

namespace divrisk::service {

// The route label of a request path: one of the service's routes, or
// "other", so that a client cannot grow the label set.
std::string_view RouteLabel(std::string_view path);

class Metrics {
 public:
  static constexpr std::array<double, 14> kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25,  0.5,    1,     2.5,  5,    10,  30};

  void Request(std::string_view route, int status, double seconds);
  void CasesScored(uint64_t n) { scored_ += n; }
  void CasesRejected(uint64_t n) { rejected_ += n; }
  void Reload(bool ok) { (ok ? reloads_ok_ : reloads_refused_)++; }
  std::atomic<int>& in_flight() { return in_flight_; }

  // The exposition text; `loaded_at` is when `plan` was loaded, and list
  // ages are counted to `now` (seconds since the epoch).
  std::string Text(const Plan& plan, int64_t loaded_at, int64_t now) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // not cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::atomic<uint64_t> scored_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> reloads_ok_{0};
  std::atomic<uint64_t> reloads_refused_{0};
  std::atomic<int> in_flight_{0};
};

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_METRICS_H_
