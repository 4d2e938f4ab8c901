// A corpus of disguised names: the ways a party writes a listed name so
// that it looks the same to a reader and slips past a matcher. Generated
// from any name (the evaluation uses every UN-listed name), deterministic.
//
// Kinds, each applied alone:
//  - kInvisible: a format or default-ignorable character (every Cf code
//    point and every default-ignorable one in turn, by the name's index) at
//    the start, inside the first long word and at the end;
//  - kSpaces: every space replaced by a space separator (every Zs code
//    point in turn);
//  - kBidi: bidi controls (every Bidi_Control code point in turn) around
//    and inside the name;
//  - kCyrillic, kGreek: Latin letters replaced by Cyrillic or Greek
//    look-alikes of the same case (А В С Е Н ... а с е о р ...; Α Β Ε Η ...
//    ο ν ι υ ...), every other one that has one;
//  - kFullwidth: the name in fullwidth Latin letters (ＬＥＡＤＥＲ);
//  - kLeet: one letter of each word of five or more letters (letters
//    only) as a digit
//    (o 0, i 1, l 1, e 3, a 4, s 5, t 7);
//  - kPunctuation: spaces doubled, a comma and a full stop doubled, a dot
//    after a word;
//  - kReordered: the first word moved to the end.

#ifndef DIVRISK_INDICATORS_SCREENING_EVAL_DISGUISE_H_
#define DIVRISK_INDICATORS_SCREENING_EVAL_DISGUISE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace divrisk::screening {

enum class DisguiseKind : uint8_t {
  kInvisible,
  kSpaces,
  kBidi,
  kCyrillic,
  kGreek,
  kFullwidth,
  kLeet,
  kPunctuation,
  kReordered,
};
inline constexpr int kDisguiseKinds = 9;
const char* DisguiseKindName(DisguiseKind kind);

// Every code point of the kind's set: Cf and default-ignorable (kInvisible),
// Zs (kSpaces), Bidi_Control (kBidi); empty for the other kinds.
const std::vector<char32_t>& DisguiseCodePoints(DisguiseKind kind);

// `name` disguised by `kind`; `index` picks the code point of the kind's set
// (index modulo its size), so that a corpus of names covers all of them.
std::string DisguiseName(std::string_view name, DisguiseKind kind,
                         size_t index);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_EVAL_DISGUISE_H_
