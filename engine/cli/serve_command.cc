// divrisk serve: the engine as an HTTP service (engine/service). Parses the
// address and the token file, then serves until SIGTERM or SIGINT; SIGHUP
// reloads the rule set.

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <thread>

#include "engine/cli/commands.h"
#include "engine/doc/file_reader.h"
#include "engine/service/service.h"

namespace divrisk::cli {

namespace {

// "HOST:PORT" or "[IPV6]:PORT" into host and port; false when malformed.
bool ParseListen(const std::string& listen, std::string* host, int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  *host = listen.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  const std::string digits = listen.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *port);
  return ec == std::errc() && end == digits.data() + digits.size() &&
         *port >= 0 && *port <= 65535;
}

// The token: the file's text without trailing white space.
absl::StatusOr<std::string> ReadToken(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileToString(path, 4096);
  if (!text.ok()) return text.status();
  while (!text->empty() && std::isspace(static_cast<unsigned char>(text->back()))) {
    text->pop_back();
  }
  if (text->size() < 16) {
    return absl::InvalidArgumentError(
        path + ": the token must be at least 16 characters");
  }
  return text;
}

}  // namespace

int RunServe(const ServeOptions& o) {
  service::ServiceOptions options;
  if (!ParseListen(o.listen, &options.host, &options.port)) {
    std::cerr << "--listen: expected HOST:PORT, such as 127.0.0.1:8080, found '"
              << o.listen << "'\n";
    return kExitUsage;
  }
  if (!o.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadToken(o.token_file);
    if (!token.ok()) {
      std::cerr << token.status().message() << "\n";
      return kExitUsage;
    }
    options.token = *std::move(token);
  }
  options.rules_dir = o.rules_dir;
  options.lists_dir = o.lists_dir;
  options.access = o.access;
  options.threads = o.threads;
  options.audit_db = o.audit_db;
  options.audit_inputs = o.audit_inputs;
  options.limits = o.limits;
  options.on_listening = [](const std::string& host, int port) {
    const bool v6 = host.find(':') != std::string::npos;
    std::printf("divrisk serve: listening on http://%s%s%s:%d/\n",
                v6 ? "[" : "", host.c_str(), v6 ? "]" : "", port);
    std::fflush(stdout);
  };
  // The signals are taken by this thread alone (sigwait), so they are
  // blocked before any thread starts; a broken connection or pipe is an
  // error to report, never a signal.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);

  service::Service server(options);
  if (absl::Status s = server.Start(); !s.ok()) {
    std::cerr << s.message() << "\n";
    return absl::IsFailedPrecondition(s) && o.token_file.empty() ? kExitUsage
                                                                 : kExitInvalid;
  }
  std::thread serving([&server] {
    server.Run();
    // Serving ended by itself (the socket failed): wake the signal loop.
    ::kill(::getpid(), SIGTERM);
  });
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      const absl::Status s = server.Reload();
      std::cerr << (s.ok() ? "divrisk serve: rule set reloaded"
                           : "divrisk serve: reload refused, the rule set in "
                             "use stays:\n" + std::string(s.message()))
                << std::endl;
      continue;
    }
    break;
  }
  server.Stop();
  serving.join();
  std::cerr << "divrisk serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace divrisk::cli
