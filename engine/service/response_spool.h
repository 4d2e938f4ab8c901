// ResponseSpool: a batch's output between the thread that scores it and the
// thread that sends it. Held in an unlinked temporary file, so that a
// client that sends its whole archive before it reads the response (as
// most HTTP clients do) makes the server neither hold the output in memory
// nor stop scoring: the output waits on disk (in the page cache) and is
// sent as the client reads it. A client that reads while it sends gets the
// lines as they are scored.

#ifndef DIVRISK_ENGINE_SERVICE_RESPONSE_SPOOL_H_
#define DIVRISK_ENGINE_SERVICE_RESPONSE_SPOOL_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>

namespace divrisk::service {

class ResponseSpool {
 public:
  ResponseSpool();  // check ok()
  ~ResponseSpool();
  ResponseSpool(const ResponseSpool&) = delete;
  ResponseSpool& operator=(const ResponseSpool&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Appends `bytes` (one writer thread); false when the disk refused them.
  bool Append(std::string_view bytes);
  // No more appends: Send returns once all is sent.
  void Finish();
  // Sends what is appended, in order, through `send` (one sender thread),
  // waiting for more until Finish; false once `send` fails.
  bool Send(const std::function<bool(const char*, size_t)>& send);

 private:
  int fd_ = -1;
  std::mutex mutex_;
  std::condition_variable more_;
  uint64_t appended_ = 0;  // guarded by mutex_
  bool finished_ = false;  // guarded by mutex_
};

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_RESPONSE_SPOOL_H_
