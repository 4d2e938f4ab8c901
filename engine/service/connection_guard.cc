#include "engine/service/connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "engine/service/api_errors.h"

namespace divrisk::service {

namespace {

thread_local Connection* t_current = nullptr;
thread_local bool t_refusing = false;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             Clock::now().time_since_epoch())
      .count();
}

// A response may still be written this long after the request's time is
// up (the 408 that says so, the end of a batch's last chunk).
constexpr int64_t kWriteGraceNs = int64_t{5} * 1000000000;

// Waits until `sock` is ready for `events` or the connection's deadline
// (for writing, the deadline and the grace); false on timeout (marking the
// connection expired) or error.
bool WaitFor(Connection& c, short events) {
  const int64_t grace = events == POLLOUT ? kWriteGraceNs : 0;
  for (;;) {
    const int64_t left_ms = (c.deadline_ns.load() + grace - NowNs()) / 1000000;
    if (left_ms <= 0) {
      c.expired = true;
      return false;
    }
    pollfd p{c.sock, events, 0};
    const int n = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left_ms, 1000)));
    if (n > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
    if (n < 0 && errno != EINTR) return false;
  }
}

void Address(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

// The socket as httplib's Stream, buffered for reading (httplib reads the
// request line and headers a byte at a time), every wait bounded by the
// request's deadline and the header bytes by the limit.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(Connection& c, size_t max_header_bytes)
      : c_(c), max_header_bytes_(max_header_bytes) {}

  bool is_readable() const override {
    return begin_ < end_ || WaitFor(c_, POLLIN);
  }
  bool is_writable() const override { return WaitFor(c_, POLLOUT); }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!WaitFor(c_, POLLIN)) return -1;
      ssize_t n;
      do {
        n = ::recv(c_.sock, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size = std::min(size, end_ - begin_);
    if (c_.in_headers) {
      c_.header_bytes += size;
      if (c_.header_bytes > max_header_bytes_) return -1;
    }
    std::memcpy(ptr, buffer_ + begin_, size);
    begin_ += size;
    return static_cast<ssize_t>(size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!WaitFor(c_, POLLOUT)) return -1;
    ssize_t n;
    do {
      n = ::send(c_.sock, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(c_.sock, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(c_.sock, false, ip, port);
  }
  socket_t socket() const override { return c_.sock; }

  // Bytes received and not yet read: the start of a next request.
  bool buffered() const { return begin_ < end_; }

 private:
  Connection& c_;
  const size_t max_header_bytes_;
  char buffer_[16 << 10];
  size_t begin_ = 0;
  size_t end_ = 0;
};

// Waits up to `time` for the next request of a kept-alive connection, and
// no longer once `stopping` says the server stops.
template <typename Stopping>
bool NextRequestArrives(int sock, std::chrono::seconds time,
                        const Stopping& stopping) {
  const Clock::time_point end = Clock::now() + time;
  while (!stopping() && Clock::now() < end) {
    pollfd p{sock, POLLIN, 0};
    const int n = ::poll(&p, 1, 100);
    if (n > 0) return (p.revents & POLLIN) != 0;
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

// Closing a socket with unread bytes resets the connection, and the client
// may lose the response it has not read yet (a 408 to a slow sender). So
// the writing side is closed first and what still comes is read and
// dropped for a moment.
void LingeringClose(int sock) {
  ::shutdown(sock, SHUT_WR);
  const Clock::time_point end = Clock::now() + std::chrono::milliseconds(500);
  char sink[16 << 10];
  for (size_t dropped = 0; dropped < (size_t{1} << 20) && Clock::now() < end;) {
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
    if (n <= 0) return;
    dropped += static_cast<size_t>(n);
  }
}

}  // namespace

Connection* Connection::Current() { return t_current; }

void Connection::SetDeadline(std::chrono::nanoseconds time) {
  deadline_ns = NowNs() + time.count();
}

BoundedPool::BoundedPool(size_t threads, size_t waiting) : waiting_(waiting) {
  for (size_t i = 0; i < threads; ++i) {
    threads_.emplace_back([this] {
      for (;;) {
        std::function<void()> task;
        {
          std::unique_lock<std::mutex> lock(mutex_);
          ready_.wait(lock, [this] { return shutdown_ || !tasks_.empty(); });
          if (tasks_.empty()) return;  // shutting down, nothing left
          task = std::move(tasks_.front());
          tasks_.pop_front();
        }
        task();
      }
    });
  }
}

BoundedPool::~BoundedPool() { shutdown(); }

void BoundedPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tasks_.size() < waiting_) {
      tasks_.push_back(std::move(fn));
      ready_.notify_one();
      return;
    }
  }
  t_refusing = true;
  fn();
  t_refusing = false;
}

void BoundedPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutdown_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

bool BoundedPool::Refusing() { return t_refusing; }

bool GuardedServer::process_and_close_socket(socket_t sock) {
  if (BoundedPool::Refusing()) {
    const std::string body = ErrorsJson(Unlocated(
        "", "the server is serving as many connections as it may; retry"));
    const std::string response =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json"
        "\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    // Never blocks the accepting thread: what does not fit is dropped.
    (void)::send(sock, response.data(), response.size(),
                 MSG_DONTWAIT | MSG_NOSIGNAL);
    ::close(sock);
    return false;
  }
  // A response is written in pieces (headers, body, chunks): without
  // TCP_NODELAY each piece after the first waits for the client's delayed
  // acknowledgement, some 40 ms.
  const int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  Connection c;
  c.sock = sock;
  t_current = &c;
  ConnectionStream stream(c, limits_.max_header_bytes);
  bool ret = false;
  for (size_t left = limits_.keep_alive_requests;
       left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!stream.buffered() &&
        !NextRequestArrives(sock, limits_.keep_alive,
                            [this] { return svr_sock_ == INVALID_SOCKET; })) {
      break;
    }
    c.SetDeadline(limits_.request_time);
    c.in_headers = true;
    c.header_bytes = 0;
    bool closed = false;
    ret = process_request(stream, left == 1, closed, nullptr);
    if (!ret || closed || c.expired || c.close_after_response) break;
  }
  t_current = nullptr;
  if (c.close_after_response || c.expired) LingeringClose(sock);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace divrisk::service
