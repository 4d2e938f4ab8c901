// Helpers shared by the routes of the service (service_context.h).

#include <algorithm>
#include <cctype>

#include "absl/strings/str_cat.h"
#include "engine/doc/json_writer.h"
#include "engine/service/service_context.h"

namespace divrisk::service {

void SendErrors(httplib::Response& res, int status,
                const std::vector<ApiError>& errors) {
  res.status = status;
  res.set_content(ErrorsJson(errors), "application/json");
}

std::string MediaType(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) {
    type.pop_back();
  }
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return type;
}

void DrainBody(const httplib::ContentReader& reader) {
  reader([](const char*, size_t) { return true; });
}

bool ReadBody(const httplib::ContentReader& reader, size_t limit,
              std::string* body, bool* too_big) {
  *too_big = false;
  return reader([&](const char* data, size_t n) {
    if (!*too_big && body->size() + n <= limit) {
      body->append(data, n);
    } else if (!*too_big) {
      *too_big = true;
      body->clear();
      body->shrink_to_fit();
    }
    return true;
  });
}

void SendUnreadBody(httplib::Response& res, const ServiceOptions& options) {
  const Connection* c = Connection::Current();
  if (c != nullptr && c->expired) {
    SendErrors(res, 408,
               Unlocated("request", absl::StrCat(
                   "the request took longer than the limit of ",
                   options.limits.request_seconds, " s to arrive")));
  } else {
    SendErrors(res, 400, Unlocated("request",
                                   "the request body was cut short or malformed "
                                   "(length or chunked encoding)"));
  }
  res.set_header("Connection", "close");
}

std::string RuleSetIdentityJson(const Plan& plan) {
  std::string out;
  JsonWriter j(&out);
  j.Open('{').Key("name").Str(plan.name).Key("version").Str(plan.version);
  j.Key("sha256").Str(plan.sha256).Close('}');
  j.Flush();
  return out;
}

}  // namespace divrisk::service
