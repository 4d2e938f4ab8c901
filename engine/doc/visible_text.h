// Text from a file shown on a terminal or in a log: every text output of
// divrisk (assessments, diffs, validation and rule-set errors) passes the
// text it did not write itself (ids, names, values, keys, paths) through
// AppendVisible, so that a case file cannot clear the screen, move the
// cursor, reorder a line or forge a line of its own.
//
// Escaped, each as a visible sequence:
//   \\  a backslash (so that every escape reads one way)
//   \n \r \t  and  \xHH  the other C0 controls and DEL
//   \u{HHHH}  C1 controls (U+0080..U+009F), the line and paragraph
//             separators (U+2028, U+2029) and every format character
//             (Unicode category Cf: the bidi controls U+202A..U+202E,
//             U+2066..U+2069, U+200E, U+200F, U+061C, zero-width
//             characters, U+FEFF, the tag characters, ...)
//   \xHH      a byte that is not part of well-formed UTF-8
// Everything else, letters of every script included, is kept as is.

#ifndef DIVRISK_ENGINE_DOC_VISIBLE_TEXT_H_
#define DIVRISK_ENGINE_DOC_VISIBLE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace divrisk {

void AppendVisible(std::string_view text, std::string* out);
std::string Visible(std::string_view text);

// Whether code point `c` is escaped by AppendVisible.
bool IsInvisibleCodePoint(char32_t c);

// At most `max_bytes` bytes of `text` (cut at a character boundary), with
// "..." when cut: how an error quotes a value, so that no error echoes a
// whole line of a file. Not escaped: the error's writer escapes it.
inline constexpr size_t kExcerptBytes = 40;
std::string Excerpt(std::string_view text, size_t max_bytes = kExcerptBytes);
// Excerpt, escaped.
std::string VisibleExcerpt(std::string_view text,
                           size_t max_bytes = kExcerptBytes);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_VISIBLE_TEXT_H_
