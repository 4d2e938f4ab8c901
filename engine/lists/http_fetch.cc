#include "engine/lists/http_fetch.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "absl/strings/str_cat.h"

namespace divrisk::lists {
namespace {

struct Sink {
  std::string* body;
  uint64_t max_bytes;
  bool too_large = false;
};

size_t Write(char* data, size_t size, size_t n, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const size_t bytes = size * n;
  if (sink->body->size() + bytes > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  sink->body->append(data, bytes);
  return bytes;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

absl::StatusOr<FetchResult> HttpGet(const std::string& url,
                                    const FetchLimits& limits) {
  GlobalInit();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                          &curl_easy_cleanup);
  if (!curl) return absl::InternalError("libcurl: cannot start a transfer");
  FetchResult result;
  Sink sink{&result.body, limits.max_bytes};
  char error[CURL_ERROR_SIZE] = "";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &Write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_USERAGENT, "divrisk-lists-update/1");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, limits.stall_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, limits.total_timeout_s);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(c, CURLOPT_FILETIME, 1L);
  // Compressed transfer when the server offers it; the body is decoded.
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  const CURLcode code = curl_easy_perform(c);
  if (sink.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return absl::ResourceExhaustedError(absl::StrCat(
        url, ": larger than the limit of ", limits.max_bytes, " bytes"));
  }
  if (code == CURLE_PARTIAL_FILE) {
    curl_off_t expected = -1;
    curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
    return absl::DataLossError(absl::StrCat(
        url, ": download truncated: received ", result.body.size(),
        expected >= 0 ? absl::StrCat(" of ", expected) : std::string(),
        " bytes"));
  }
  if (code != CURLE_OK) {
    return absl::UnavailableError(absl::StrCat(
        url, ": ", *error ? error : curl_easy_strerror(code)));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    return absl::UnavailableError(
        absl::StrCat(url, ": HTTP status ", status));
  }
  // A body shorter than the announced length is refused above; check it
  // again here, whatever libcurl decided about it.
  curl_off_t length = -1;
  curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  if (length >= 0 && static_cast<uint64_t>(length) != result.body.size() &&
      !sink.too_large) {
    // With Content-Encoding the length is of the encoded body; only a
    // shorter body than announced is sure to be cut.
    curl_off_t raw = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &raw);
    if (raw < length) {
      return absl::DataLossError(absl::StrCat(
          url, ": download truncated: received ", raw, " of ", length,
          " bytes"));
    }
  }
  const char* type = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr) result.content_type = type;
  curl_off_t filetime = -1;
  curl_easy_getinfo(c, CURLINFO_FILETIME_T, &filetime);
  if (filetime >= 0) result.last_modified = static_cast<int64_t>(filetime);
  return result;
}

}  // namespace divrisk::lists
