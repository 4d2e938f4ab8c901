#include "engine/service/metrics.h"

#include "absl/strings/str_cat.h"

namespace divrisk::service {

std::string_view RouteLabel(std::string_view path) {
  static constexpr std::string_view kRoutes[] = {
      "/",         "/healthz",         "/metrics",          "/v1/assess",
      "/v1/batch", "/v1/rules",        "/v1/rules/reload",  "/v1/openapi.json"};
  for (std::string_view route : kRoutes) {
    if (path == route) return route;
  }
  return "other";
}

void Metrics::Request(std::string_view route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(route), status}];
  Histogram& h = latency_[std::string(route)];
  ++h.count;
  h.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
}

namespace {

// A label value: backslash, double quote and newline escaped.
std::string Label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Header(std::string* out, const std::string& name, const std::string& type,
            const std::string& help) {
  absl::StrAppend(out, "# HELP ", name, " ", help, "\n# TYPE ", name, " ",
                  type, "\n");
}

}  // namespace

std::string Metrics::Text(const Plan& plan, int64_t loaded_at,
                          int64_t now) const {
  std::string out;
  std::lock_guard<std::mutex> lock(mutex_);
  Header(&out, "divrisk_http_requests_total", "counter",
         "Requests answered, by route and status.");
  for (const auto& [key, n] : requests_) {
    absl::StrAppend(&out, "divrisk_http_requests_total{route=\"",
                    Label(key.first), "\",status=\"", key.second, "\"} ", n,
                    "\n");
  }
  Header(&out, "divrisk_http_request_duration_seconds", "histogram",
         "Time from a request's headers to its last byte answered.");
  for (const auto& [route, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      absl::StrAppend(&out, "divrisk_http_request_duration_seconds_bucket{route=\"",
                      Label(route), "\",le=\"", kBuckets[i], "\"} ",
                      cumulative, "\n");
    }
    absl::StrAppend(&out, "divrisk_http_request_duration_seconds_bucket{route=\"",
                    Label(route), "\",le=\"+Inf\"} ", h.count, "\n");
    absl::StrAppend(&out, "divrisk_http_request_duration_seconds_sum{route=\"",
                    Label(route), "\"} ", h.sum, "\n");
    absl::StrAppend(&out, "divrisk_http_request_duration_seconds_count{route=\"",
                    Label(route), "\"} ", h.count, "\n");
  }
  Header(&out, "divrisk_http_requests_in_flight", "gauge",
         "Requests being handled now.");
  absl::StrAppend(&out, "divrisk_http_requests_in_flight ", in_flight_.load(),
                  "\n");
  Header(&out, "divrisk_cases_scored_total", "counter",
         "Cases scored (assess and batch).");
  absl::StrAppend(&out, "divrisk_cases_scored_total ", scored_.load(), "\n");
  Header(&out, "divrisk_cases_rejected_total", "counter",
         "Cases refused as invalid (assess 400s and batch reject lines).");
  absl::StrAppend(&out, "divrisk_cases_rejected_total ", rejected_.load(), "\n");
  Header(&out, "divrisk_rule_set_info", "gauge",
         "The rule set new requests are scored with.");
  absl::StrAppend(&out, "divrisk_rule_set_info{name=\"", Label(plan.name),
                  "\",version=\"", Label(plan.version), "\",sha256=\"",
                  Label(plan.sha256), "\"} 1\n");
  Header(&out, "divrisk_rule_set_loaded_timestamp_seconds", "gauge",
         "When the rule set was loaded (Unix time).");
  absl::StrAppend(&out, "divrisk_rule_set_loaded_timestamp_seconds ",
                  loaded_at, "\n");
  Header(&out, "divrisk_rule_set_reloads_total", "counter",
         "Rule-set reloads, by result.");
  absl::StrAppend(&out, "divrisk_rule_set_reloads_total{result=\"ok\"} ",
                  reloads_ok_.load(), "\n");
  absl::StrAppend(&out, "divrisk_rule_set_reloads_total{result=\"refused\"} ",
                  reloads_refused_.load(), "\n");
  Header(&out, "divrisk_screening_list_age_days", "gauge",
         "Days since each screening list's as-of date (-1: no date).");
  const int64_t today = now / 86400;
  for (const ScreeningListInfo& list : plan.screening.lists) {
    const int64_t age = list.as_of ? today - list.as_of->days : -1;
    absl::StrAppend(&out, "divrisk_screening_list_age_days{list=\"",
                    Label(list.id), "\"} ", age, "\n");
  }
  Header(&out, "divrisk_screening_stale_after_days", "gauge",
         "The age beyond which the rule set calls a list stale.");
  absl::StrAppend(&out, "divrisk_screening_stale_after_days ",
                  plan.screening.stale_after_days, "\n");
  return out;
}

}  // namespace divrisk::service
