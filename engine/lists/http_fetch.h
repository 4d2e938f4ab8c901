// One HTTP(S) GET into memory with libcurl: the whole body or an error.
// A body shorter than its Content-Length (a connection cut mid-transfer),
// an HTTP status other than 200, a body beyond the size limit, a transfer
// that stalls and a redirect to anything but http(s) are errors, never a
// partial body.

#ifndef DIVRISK_ENGINE_LISTS_HTTP_FETCH_H_
#define DIVRISK_ENGINE_LISTS_HTTP_FETCH_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"

namespace divrisk::lists {

struct FetchLimits {
  uint64_t max_bytes = uint64_t{256} << 20;
  long connect_timeout_s = 30;
  long stall_timeout_s = 60;    // less than 1 byte/s for this long: abort
  long total_timeout_s = 1800;
};

struct FetchResult {
  std::string body;
  std::string content_type;            // as the server sent it, or ""
  std::optional<int64_t> last_modified;  // seconds since the epoch
};

absl::StatusOr<FetchResult> HttpGet(const std::string& url,
                                    const FetchLimits& limits = {});

}  // namespace divrisk::lists

#endif  // DIVRISK_ENGINE_LISTS_HTTP_FETCH_H_
