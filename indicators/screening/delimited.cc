#include "indicators/screening/delimited.h"

namespace divrisk::screening {

DelimitedReader::DelimitedReader(std::string_view text, char delimiter)
    : text_(text), delimiter_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  // A DOS end-of-file byte (and anything after it) is not data.
  const size_t eof = text_.find('\x1A');
  if (eof != std::string_view::npos) text_ = text_.substr(0, eof);
}

bool DelimitedReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;      // inside a quoted section
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        quoted = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field.push_back(c);
      ++pos_;
      continue;
    }
    if (c == '"') {
      quoted = true;
      ++pos_;
      continue;
    }
    if (c == delimiter_) {
      fields->push_back(std::move(field));
      field.clear();
      ++pos_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      // End of record: CRLF, LF, or a lone CR.
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        ++pos_;
      }
      ++pos_;
      ++line_;
      break;
    }
    field.push_back(c);
    ++pos_;
  }
  fields->push_back(std::move(field));
  return true;
}

std::string_view TrimAscii(std::string_view s) {
  const char* ws = " \t\r\n";
  const size_t first = s.find_first_not_of(ws);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(ws) - first + 1);
}

std::string_view OfacField(std::string_view field) {
  field = TrimAscii(field);
  return field == "-0-" ? std::string_view() : field;
}

}  // namespace divrisk::screening
