// Records of delimited text (CSV, TSV) as government lists publish them.
//
// RFC 4180 quoting ("a, b" and "" for a quote inside quotes; a quoted field
// may span lines), LF or CRLF line ends, a UTF-8 byte-order mark at the
// start and a DOS end-of-file byte (0x1A) at the end are all accepted; blank
// lines are skipped. Fields are returned unquoted and untrimmed.

#ifndef DIVRISK_INDICATORS_SCREENING_DELIMITED_H_
#define DIVRISK_INDICATORS_SCREENING_DELIMITED_H_

#include <string>
#include <string_view>
#include <vector>

namespace divrisk::screening {

class DelimitedReader {
 public:
  DelimitedReader(std::string_view text, char delimiter);

  // Reads the next record into *fields; false at the end of the text.
  bool Next(std::vector<std::string>* fields);

  // 1-based line on which the record last returned starts.
  int line() const { return record_line_; }

 private:
  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 0;
};

// `field` with ASCII spaces and tabs trimmed; OFAC's "-0-" (empty) as "".
std::string_view OfacField(std::string_view field);

// ASCII whitespace trimmed.
std::string_view TrimAscii(std::string_view s);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_DELIMITED_H_
