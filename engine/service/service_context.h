// What the routes of the service share: its options, the rule set, the
// metrics and the audit log.

#ifndef DIVRISK_ENGINE_SERVICE_SERVICE_CONTEXT_H_
#define DIVRISK_ENGINE_SERVICE_SERVICE_CONTEXT_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/service/httplib_include.h"

#include "engine/service/api_errors.h"
#include "engine/service/audit_log.h"
#include "engine/service/connection_guard.h"
#include "engine/service/metrics.h"
#include "engine/service/plan_store.h"
#include "engine/service/service_options.h"

namespace divrisk::service {

struct ServiceContext {
  explicit ServiceContext(const ServiceOptions& o)
      : options(o),
        plans(o.rules_dir, o.lists_dir, o.access) {}

  // Reloads the rule set, counting the result; the errors when refused.
  absl::Status ReloadRules() {
    absl::Status s = plans.Reload();
    metrics.Reload(s.ok());
    return s;
  }

  const ServiceOptions options;
  PlanStore plans;
  Metrics metrics;
  std::unique_ptr<AuditLog> audit;  // null: no audit log
};

// Registers the routes (assess_route.cc, batch_route.cc, info_routes.cc).
void AddAssessRoute(httplib::Server& server, ServiceContext& ctx);
void AddBatchRoute(httplib::Server& server, ServiceContext& ctx);
void AddInfoRoutes(httplib::Server& server, ServiceContext& ctx);

// Helpers of the routes (http_util.cc).
// Answers `status` with the errors body.
void SendErrors(httplib::Response& res, int status,
                const std::vector<ApiError>& errors);
// The media type of the request (Content-Type without parameters, lower
// case), or "".
std::string MediaType(const httplib::Request& req);
// Reads the rest of the body and drops it, so that the connection can
// carry the next request (a refused request's body is still on the wire).
void DrainBody(const httplib::ContentReader& reader);
// Reads the body into *body up to `limit` bytes; beyond, drains the rest
// and sets *too_big. False when the body could not be read (cut short,
// timed out).
bool ReadBody(const httplib::ContentReader& reader, size_t limit,
              std::string* body, bool* too_big);
// Answers a body that could not be read: 408 when the request ran out of
// time, else 400.
void SendUnreadBody(httplib::Response& res, const ServiceOptions& options);
// The {name, version, sha256} of a rule set, for the bodies that name it.
std::string RuleSetIdentityJson(const Plan& plan);

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_SERVICE_CONTEXT_H_
