// JsonWriter: the one way divrisk writes JSON (assessments, cases, rule-set
// diffs). A streaming writer onto a std::string that places the commas, so
// a writer reads like the format's tables:
//
//   std::string out;
//   {
//     JsonWriter j(&out);
//     j.Open('{').Key("case_id").Str(id).Key("score").Fixed(score_q);
//     j.Key("refs").Open('[');
//     for (const std::string& r : refs) j.Str(r);
//     j.Close(']').Close('}');
//   }  // {"case_id":"...","score":41.2500,"refs":[...]}
//
// Bytes gather in a small buffer and reach *out on Flush() or when the
// writer goes: writing a case is many small pieces, and a buffer copy each
// costs less than a string append each. Do not touch *out meanwhile; use
// Put for bytes outside the JSON (a line's newline).
//
// Strings are escaped as AppendJsonString escapes them (engine/doc/
// json_escape.h, one implementation). Numbers: integers as integers,
// doubles in the shortest form that reads back the same (null when not
// finite), fixed point with four decimals (engine/doc/fixed_point.h).

#ifndef DIVRISK_ENGINE_DOC_JSON_WRITER_H_
#define DIVRISK_ENGINE_DOC_JSON_WRITER_H_

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace divrisk {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}
  ~JsonWriter() { Flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Opens an object ('{') or an array ('[') as the next value.
  JsonWriter& Open(char brace) {
    Comma();
    Put(brace);
    first_ = true;
    return *this;
  }
  // Closes what Open opened ('}' or ']').
  JsonWriter& Close(char brace) {
    Put(brace);
    first_ = false;
    return *this;
  }

  // Starts member `key` of the open object; its value follows. A literal
  // key is one of the format's own words and needs no escaping, so the
  // bytes `,"key":` are put at once; any other key is escaped.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    char buf[N + 3];
    buf[0] = ',';
    buf[1] = '"';
    std::memcpy(buf + 2, key, N - 1);
    buf[N + 1] = '"';
    buf[N + 2] = ':';
    if (first_) {
      Put(buf + 1, N + 2);
    } else {
      Put(buf, N + 3);
    }
    first_ = true;
    return *this;
  }
  JsonWriter& Key(std::string_view key);

  // Values. Each is the next element of the open array, or the value of
  // the member whose key came last.
  JsonWriter& Str(std::string_view s);
  // A string known to need no escaping (enumeration words, codes).
  JsonWriter& Word(std::string_view word) {
    Comma();
    Put('"');
    Put(word);
    Put('"');
    return *this;
  }
  // `json` as it is: a value already written as JSON.
  JsonWriter& Raw(std::string_view json) {
    Comma();
    Put(json);
    return *this;
  }
  template <std::integral T>
  JsonWriter& Int(T v) {
    Comma();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    Put(buf, static_cast<size_t>(end - buf));
    return *this;
  }
  JsonWriter& Double(double v);
  // Fixed point, four decimals: 41.2500 for 412500.
  JsonWriter& Fixed(int64_t q);
  JsonWriter& Bool(bool b) { return Raw(b ? "true" : "false"); }
  JsonWriter& Null() { return Raw("null"); }

  // Bytes as they are, outside the JSON structure (no comma).
  void Put(char c) {
    if (len_ == kSize) Flush();
    data_[len_++] = c;
  }
  void Put(const char* p, size_t n) {
    if (n > kSize - len_) {
      Flush();
      if (n > kSize) {
        out_.append(p, n);
        return;
      }
    }
    std::memcpy(data_ + len_, p, n);
    len_ += n;
  }
  void Put(std::string_view s) { Put(s.data(), s.size()); }

  // Moves the buffered bytes onto *out.
  void Flush() {
    out_.append(data_, len_);
    len_ = 0;
  }

 private:
  static constexpr size_t kSize = 4096;

  void Comma() {
    if (!first_) Put(',');
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;  // no comma before the next member or element
  size_t len_ = 0;
  char data_[kSize];
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_JSON_WRITER_H_
