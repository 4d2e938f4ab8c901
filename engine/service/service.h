// Service: `divrisk serve`, the engine as an HTTP service (cpp-httplib).
//
//   POST /v1/assess         one case, JSON or YAML -> assessment or HTML report
//   POST /v1/batch          JSON Lines in -> JSON Lines out, streamed
//   GET  /v1/rules          the loaded rule set
//   POST /v1/rules/reload   reload it (as SIGHUP does)
//   GET  /healthz, /metrics, /v1/openapi.json, /
//
// Start() loads the rule set, opens the audit log and binds; Run() serves
// until Stop(). Reload() may be called from any thread (a signal handler
// thread, the reload route).

#ifndef DIVRISK_ENGINE_SERVICE_SERVICE_H_
#define DIVRISK_ENGINE_SERVICE_SERVICE_H_

#include <memory>

#include "absl/status/status.h"
#include "engine/service/service_options.h"

namespace divrisk::service {

struct ServiceContext;
class GuardedServer;

class Service {
 public:
  explicit Service(ServiceOptions options);
  ~Service();

  // Refuses a non-loopback address without a token, a rule set that does
  // not compile, an audit log that cannot be opened, an address in use.
  absl::Status Start();
  // Serves until Stop(); requests in flight are finished first.
  void Run();
  void Stop();
  absl::Status Reload();

 private:
  void Configure();

  std::unique_ptr<ServiceContext> ctx_;
  std::unique_ptr<GuardedServer> server_;
};

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_SERVICE_H_
