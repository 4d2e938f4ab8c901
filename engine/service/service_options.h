// What `divrisk serve` is started with: where it listens, the rule set, the
// limits every request is held to, the token and the audit log.

#ifndef DIVRISK_ENGINE_SERVICE_SERVICE_OPTIONS_H_
#define DIVRISK_ENGINE_SERVICE_SERVICE_OPTIONS_H_

#include <cstddef>
#include <functional>
#include <string>

#include "rules/compiler.h"

namespace divrisk::service {

// Bounds on what one client can make the server do. A request beyond one of
// them is answered with its status (413, 408, 503) and the errors body;
// the server itself never grows with the input.
struct ServiceLimits {
  size_t max_body_bytes = 4 << 20;    // one case (POST /v1/assess)
  size_t max_batch_lines = 100000;    // lines of one POST /v1/batch
  size_t max_line_bytes = 1 << 20;    // one line of a batch
  // Seconds from a request's first byte to its last; a batch gets this
  // again after every chunk of lines it completes.
  int request_seconds = 30;
  int max_in_flight = 32;        // requests being handled at once
  int max_connections = 64;      // open connections (each holds a thread)
};

struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (announced)
  std::string rules_dir;
  std::string lists_dir;
  RuleFileAccess access;
  int threads = 0;  // scoring threads of a batch; 0: all cores
  std::string token;  // bearer token; empty: none (loopback only)
  std::string audit_db;  // SQLite audit log; empty: none
  bool audit_inputs = false;  // keep each case's input bytes in the log
  ServiceLimits limits;
  // Called once the socket is bound, with the port (e.g. to print it).
  std::function<void(const std::string& host, int port)> on_listening;
};

// True for 127.0.0.0/8, ::1 and "localhost": addresses no other machine
// can reach.
bool IsLoopbackHost(const std::string& host);

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_SERVICE_OPTIONS_H_
