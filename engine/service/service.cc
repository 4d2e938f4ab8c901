#include "engine/service/service.h"

#include <arpa/inet.h>
#include <openssl/crypto.h>

#include "absl/strings/str_cat.h"
#include "engine/service/service_context.h"
#include "rules/canonical.h"

namespace divrisk::service {

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr addr{};
  return ::inet_pton(AF_INET, host.c_str(), &addr) == 1 &&
         (ntohl(addr.s_addr) >> 24) == 127;
}

namespace {

// The keep-alive wait between two requests of one connection.
constexpr int kKeepAliveSeconds = 5;

// Compares the presented token with the expected one in time that depends
// on neither: both are hashed, and the digests compared with CRYPTO_memcmp.
bool TokenMatches(const std::string& expected_digest, std::string_view given) {
  const std::string digest = Sha256Hex(given);
  return digest.size() == expected_digest.size() &&
         CRYPTO_memcmp(digest.data(), expected_digest.data(), digest.size()) ==
             0;
}

}  // namespace

Service::Service(ServiceOptions options)
    : ctx_(std::make_unique<ServiceContext>(options)),
      server_(std::make_unique<GuardedServer>(ConnectionLimits{
          std::chrono::seconds(options.limits.request_seconds),
          std::chrono::seconds(kKeepAliveSeconds)})) {}

Service::~Service() = default;

absl::Status Service::Start() {
  const ServiceOptions& o = ctx_->options;
  if (!IsLoopbackHost(o.host) && o.token.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "--listen ", o.host, ": not a loopback address; listening beyond this "
        "machine needs --token-file"));
  }
  if (absl::Status s = ctx_->ReloadRules(); !s.ok()) return s;
  if (!o.audit_db.empty()) {
    absl::StatusOr<std::unique_ptr<AuditLog>> audit =
        AuditLog::Open(o.audit_db, o.audit_inputs);
    if (!audit.ok()) return audit.status();
    ctx_->audit = *std::move(audit);
  }
  Configure();
  const int port = o.port == 0 ? server_->bind_to_any_port(o.host)
                  : server_->bind_to_port(o.host, o.port) ? o.port
                                                          : -1;
  if (port <= 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", o.host, ":", o.port,
        " (in use, or not an address of this machine)"));
  }
  if (o.on_listening) o.on_listening(o.host, port);
  return absl::OkStatus();
}

void Service::Configure() {
  ServiceContext& ctx = *ctx_;
  const ServiceLimits& limits = ctx.options.limits;
  GuardedServer& server = *server_;
  const size_t connections = static_cast<size_t>(limits.max_connections);
  server.new_task_queue = [connections] {
    return new BoundedPool(connections, connections);
  };
  // What the Keep-Alive header announces (GuardedServer keeps to it).
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(1000);
  const std::string token_digest =
      ctx.options.token.empty() ? "" : Sha256Hex(ctx.options.token);
  server.set_pre_routing_handler(
      [&ctx, token_digest](const httplib::Request& req, httplib::Response& res) {
        Connection* c = Connection::Current();
        if (c == nullptr) return httplib::Server::HandlerResponse::Unhandled;
        c->in_headers = false;
        c->request_start = Clock::now();
        // A request with neither Content-Length nor chunked encoding has no
        // body (RFC 9112, 6.3); httplib 0.11 would read one until the
        // connection closes. The Request is httplib's own non-const object.
        if (!req.has_header("Content-Length") &&
            req.get_header_value("Transfer-Encoding").find("chunked") ==
                std::string::npos) {
          const_cast<httplib::Request&>(req).set_header("Content-Length", "0");
        }
        c->counted_in_flight = true;
        // Health checks and metrics answer even when the service is busy:
        // that is when they are needed.
        const bool monitoring = req.path == "/healthz" || req.path == "/metrics";
        if (++ctx.metrics.in_flight() > ctx.options.limits.max_in_flight &&
            !monitoring) {
          res.set_header("Retry-After", "1");
          SendErrors(res, 503, Unlocated("", "too many requests at once; retry"));
          return httplib::Server::HandlerResponse::Handled;
        }
        if (!token_digest.empty() && req.path != "/healthz" && req.path != "/") {
          const std::string auth = req.get_header_value("Authorization");
          constexpr std::string_view kBearer = "Bearer ";
          if (auth.compare(0, kBearer.size(), kBearer) != 0 ||
              !TokenMatches(token_digest, std::string_view(auth).substr(kBearer.size()))) {
            res.set_header("WWW-Authenticate", "Bearer");
            SendErrors(res, 401, Unlocated("", "a bearer token is required "
                                               "(Authorization: Bearer TOKEN)"));
            return httplib::Server::HandlerResponse::Handled;
          }
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  // After each response: count it and time it.
  server.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
    Connection* c = Connection::Current();
    double seconds = 0;
    if (c != nullptr && c->counted_in_flight) {
      c->counted_in_flight = false;
      --ctx.metrics.in_flight();
      seconds = std::chrono::duration<double>(Clock::now() - c->request_start).count();
    }
    ctx.metrics.Request(RouteLabel(req.path), res.status, seconds);
    if (c != nullptr &&
        (c->in_headers || res.get_header_value("Connection") == "close")) {
      c->close_after_response = true;
    }
  });
  // httplib's own refusals (a malformed request line, a header over 8 KiB,
  // an unknown route) get the errors body too.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty() && !res.has_header("Content-Type")) {
      std::string message = absl::StrCat("HTTP ", res.status, ": ",
                                         res.status == 404 ? "no such route: " : "",
                                         res.status == 404 ? req.method + " " + req.path : "");
      if (res.status != 404) message += "the request is malformed or too large";
      res.set_content(ErrorsJson(Unlocated("request", message)), "application/json");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendErrors(res, 503, Unlocated("", "the server could not handle the "
                                           "request (out of resources); retry"));
      });
  AddAssessRoute(server, ctx);
  AddBatchRoute(server, ctx);
  AddInfoRoutes(server, ctx);
}

void Service::Run() { server_->listen_after_bind(); }

void Service::Stop() { server_->stop(); }

absl::Status Service::Reload() { return ctx_->ReloadRules(); }

}  // namespace divrisk::service
