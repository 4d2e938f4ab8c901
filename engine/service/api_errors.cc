#include "engine/service/api_errors.h"

#include <algorithm>
#include <charconv>

#include "engine/doc/json_writer.h"

namespace divrisk::service {

std::vector<ApiError> Unlocated(std::string file, std::string message) {
  return {ApiError{std::move(file), 0, 0, "", std::move(message)}};
}

namespace {

// Reads a positive number ending at ':' from `text` at `*at`.
bool ReadNumber(std::string_view text, size_t* at, int* value) {
  const size_t colon = text.find(':', *at);
  if (colon == std::string_view::npos || colon == *at) return false;
  const char* begin = text.data() + *at;
  auto [end, ec] = std::from_chars(begin, text.data() + colon, *value);
  if (ec != std::errc() || end != text.data() + colon || *value <= 0) {
    return false;
  }
  *at = colon + 1;
  return true;
}

// "file:line:column: path: message" (or without "file:"), found from the
// left at the first "<digits>:<digits>: " (a file name may hold colons).
ApiError ParseLine(std::string_view line, const std::string& file) {
  for (size_t colon = 0; colon != std::string_view::npos;
       colon = line.find(':', colon + 1)) {
    size_t at = colon == 0 ? 0 : colon + 1;
    ApiError e;
    if (!ReadNumber(line, &at, &e.line) || !ReadNumber(line, &at, &e.column) ||
        line.substr(at, 1) != " ") {
      continue;
    }
    e.file = colon == 0 ? file : std::string(line.substr(0, colon));
    std::string_view rest = line.substr(at + 1);
    // The path is one word (no spaces) before ": "; a message may lack it.
    const size_t sep = rest.find(": ");
    if (sep != std::string_view::npos &&
        rest.substr(0, sep).find(' ') == std::string_view::npos) {
      e.path = std::string(rest.substr(0, sep));
      rest = rest.substr(sep + 2);
    }
    e.message = std::string(rest);
    return e;
  }
  return ApiError{file, 0, 0, "", std::string(line)};
}

}  // namespace

std::vector<ApiError> FromDocErrors(const std::string& file,
                                    const DocErrors& errors) {
  std::vector<ApiError> out;
  for (const DocError& e : errors.Sorted()) {
    if (e.line == 0 && e.path.empty()) {
      // A parser's error carries its position in its message ("2:8: ...").
      out.push_back(ParseLine(e.message, file));
    } else {
      out.push_back(ApiError{file, e.line, e.column, e.path, e.message});
    }
  }
  return out;
}

std::vector<ApiError> FromErrorLines(std::string_view text,
                                     const std::string& file) {
  std::vector<ApiError> out;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    if (end > 0) out.push_back(ParseLine(text.substr(0, end), file));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

std::vector<ApiError> FromStatus(const absl::Status& status,
                                 const std::string& file) {
  const auto message = status.message();
  return FromErrorLines(std::string_view(message.data(), message.size()), file);
}

std::string ErrorsJson(const std::vector<ApiError>& errors) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("errors").Open('[');
    for (const ApiError& e : errors) {
      j.Open('{').Key("file").Str(e.file).Key("line");
      if (e.line > 0) {
        j.Int(e.line).Key("column").Int(e.column);
      } else {
        j.Null().Key("column").Null();
      }
      j.Key("path").Str(e.path).Key("message").Str(e.message).Close('}');
    }
    j.Close(']').Close('}');
  }
  out.push_back('\n');
  return out;
}

}  // namespace divrisk::service
