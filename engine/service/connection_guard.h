// The limits on connections, below the routes: how many are served at once
// (a thread each) or wait, how many header bytes a request may send, and
// how long a request may take from its first byte to its last.
//
// httplib's own connection loop is replaced (GuardedServer) so that every
// read and write goes through ConnectionStream, which polls the socket with
// the request's deadline: a slow sender (slowloris headers or body) fails
// its read when the time is up and cannot hold a thread; the handler
// answers 408 where it still can. A connection beyond the limits is
// answered 503 at once without being read.

#ifndef DIVRISK_ENGINE_SERVICE_CONNECTION_GUARD_H_
#define DIVRISK_ENGINE_SERVICE_CONNECTION_GUARD_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/service/httplib_include.h"

namespace divrisk::service {

using Clock = std::chrono::steady_clock;

// One connection being served; the handlers on its thread reach it with
// Current().
struct Connection {
  int sock = -1;
  std::atomic<int64_t> deadline_ns{0};  // Clock ns: the request's end
  std::atomic<bool> expired{false};     // a read or write ran out of time
  bool in_headers = true;  // until the route sees the request
  size_t header_bytes = 0;
  Clock::time_point request_start;
  bool counted_in_flight = false;
  // The stream's position is unknown (a request cut short, malformed or
  // never routed): the connection ends after the response.
  bool close_after_response = false;

  // The connection served by the calling thread, or null.
  static Connection* Current();
  // The deadline is now + `time`.
  void SetDeadline(std::chrono::nanoseconds time);
};

struct ConnectionLimits {
  std::chrono::seconds request_time{30};
  std::chrono::seconds keep_alive{5};
  size_t max_header_bytes = 64 << 10;  // request line and headers
  size_t keep_alive_requests = 1000;
};

// A task queue of `threads` threads and at most `waiting` connections
// waiting for one; a connection beyond runs on the accepting thread with
// Refusing() true, to be answered 503 without blocking.
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool(size_t threads, size_t waiting);
  ~BoundedPool() override;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;
  static bool Refusing();

 private:
  const size_t waiting_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

// httplib's server with its connection loop replaced by one whose stream
// enforces ConnectionLimits.
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits) : limits_(limits) {}
  const ConnectionLimits& limits() const { return limits_; }

 private:
  bool process_and_close_socket(socket_t sock) override;

  const ConnectionLimits limits_;
};

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_CONNECTION_GUARD_H_
