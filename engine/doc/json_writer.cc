#include "engine/doc/json_writer.h"

#include <cmath>

#include "engine/doc/fixed_point.h"
#include "engine/doc/json_escape.h"

namespace divrisk {

JsonWriter& JsonWriter::Key(std::string_view key) {
  if (!first_) Put(',');
  doc_internal::EscapeJsonString(key, *this);
  Put(':');
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::Str(std::string_view s) {
  Comma();
  doc_internal::EscapeJsonString(s, *this);
  return *this;
}

JsonWriter& JsonWriter::Double(double v) {
  if (!std::isfinite(v)) return Null();  // JSON cannot carry it
  Comma();
  char buf[40];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  Put(buf, static_cast<size_t>(end - buf));
  return *this;
}

JsonWriter& JsonWriter::Fixed(int64_t q) {
  Comma();
  char buf[kMaxFixedChars];
  char* end = buf + sizeof buf;
  const char* begin = WriteFixed(q, end);
  Put(begin, static_cast<size_t>(end - begin));
  return *this;
}

}  // namespace divrisk
