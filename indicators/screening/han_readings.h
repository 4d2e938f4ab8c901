// Korean and Japanese readings of Han characters (hanja, kanji), tried
// alongside the Mandarin pinyin that ICU's transliterator gives.
//
// The readings come from the Unihan database as Debian's unicode-data
// package installs it (/usr/share/unicode/Unihan_Readings.txt.bz2, or the
// same file uncompressed; $DIVRISK_UNIHAN_DIR names another folder): the
// fields kHangul (a hanja's Korean syllable; the reading marked for
// personal names preferred: 金 -> 김, not 금), kJapaneseKun and
// kJapaneseOn. The file is read at run time, once per process, when the
// first name with Han characters is normalised; it is not copied into the
// repository. Without it, Han names are read as pinyin only, and the first
// Han name prints HanReadingsStatus().message once on stderr.

#ifndef DIVRISK_INDICATORS_SCREENING_HAN_READINGS_H_
#define DIVRISK_INDICATORS_SCREENING_HAN_READINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace divrisk::screening {

struct HanReadingsInfo {
  bool loaded = false;
  std::string path;       // the file read, or the one looked for
  size_t characters = 0;  // Han characters with a Korean or Japanese reading
  std::string message;    // why there are none, when !loaded
};

// Loads the readings on first call (thread-safe).
const HanReadingsInfo& HanReadingsStatus();

// Names with Han characters up to this many get readings; a longer "name"
// is no name, and its work stays linear.
inline constexpr size_t kMaxHanReadingChars = 64;

// Other readings of `utf8`, each to be normalised like a name: the Korean
// reading in Hangul (金正恩 -> 김정은, which normalises to "gim jong un"),
// and the Japanese readings in Latin syllables, one token per character
// (山田太郎 -> "yama ta ta ro": the kun reading where it is short, else the
// on reading; and the on readings alone, "san den ta ro"; long vowels
// written short as on the lists: rou -> ro). Characters without a reading
// stay as they are. Empty when the name has no Han character, more than
// kMaxHanReadingChars of them, or the readings are not installed.
std::vector<std::string> HanReadings(std::string_view utf8);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_HAN_READINGS_H_
