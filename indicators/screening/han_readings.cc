#include "indicators/screening/han_readings.h"

#include <bzlib.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace divrisk::screening {
namespace {

struct Reading {
  std::string hangul;  // UTF-8, one syllable
  bool hangul_for_names = false;
  std::string kun;  // first kun reading, lower case, long vowels short
  std::string on;   // first on reading, likewise
};

struct Table {
  HanReadingsInfo info;
  absl::flat_hash_map<char32_t, Reading> readings;
};

// "ROU" -> "ro", "CHUU" -> "chu", "OOKI" -> "oki": the lists write
// Japanese long vowels short (Hepburn without macrons).
std::string Romaji(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') continue;
    if (!out.empty() && (c == 'u' || c == 'o') &&
        (out.back() == 'o' || (out.back() == 'u' && c == 'u'))) {
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string_view FirstWord(std::string_view s) {
  const size_t end = s.find(' ');
  return end == std::string_view::npos ? s : s.substr(0, end);
}

void ParseLine(std::string_view line, Table* t) {
  if (line.size() < 4 || line[0] != 'U' || line[1] != '+') return;
  const size_t tab1 = line.find('\t');
  if (tab1 == std::string_view::npos) return;
  const size_t tab2 = line.find('\t', tab1 + 1);
  if (tab2 == std::string_view::npos) return;
  const std::string_view field = line.substr(tab1 + 1, tab2 - tab1 - 1);
  std::string_view value = line.substr(tab2 + 1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) {
    value.remove_suffix(1);
  }
  const bool hangul = field == "kHangul";
  const bool kun = field == "kJapaneseKun";
  const bool on = field == "kJapaneseOn";
  if (!hangul && !kun && !on) return;
  const std::string hex(line.substr(2, tab1 - 2));
  const char32_t cp =
      static_cast<char32_t>(std::strtoul(hex.c_str(), nullptr, 16));
  Reading& r = t->readings[cp];
  if (kun) r.kun = Romaji(FirstWord(value));
  if (on) r.on = Romaji(FirstWord(value));
  if (hangul) {
    // "금:0E 김:0N": the syllable, then its sources; N marks the reading
    // of the table of characters for personal names.
    size_t pos = 0;
    while (pos < value.size()) {
      size_t end = value.find(' ', pos);
      if (end == std::string_view::npos) end = value.size();
      const std::string_view item = value.substr(pos, end - pos);
      const size_t colon = item.find(':');
      const std::string_view syllable = item.substr(0, colon);
      const bool for_names =
          colon != std::string_view::npos &&
          item.substr(colon).find('N') != std::string_view::npos;
      if (r.hangul.empty() || (for_names && !r.hangul_for_names)) {
        r.hangul = std::string(syllable);
        r.hangul_for_names = for_names;
      }
      pos = end + 1;
    }
  }
}

bool ReadBz2(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  int err = BZ_OK;
  BZFILE* bz = BZ2_bzReadOpen(&err, f, 0, 0, nullptr, 0);
  if (err != BZ_OK) {
    std::fclose(f);
    return false;
  }
  char buf[1 << 16];
  while (err == BZ_OK) {
    const int n = BZ2_bzRead(&err, bz, buf, sizeof buf);
    if (n > 0) out->append(buf, static_cast<size_t>(n));
  }
  const bool ok = err == BZ_STREAM_END;
  BZ2_bzReadClose(&err, bz);
  std::fclose(f);
  return ok;
}

const Table& Load() {
  static const Table* table = [] {
    auto* t = new Table();
    const char* env = std::getenv("DIVRISK_UNIHAN_DIR");
    const std::string dir = env != nullptr && *env ? env : "/usr/share/unicode";
    const std::string plain = dir + "/Unihan_Readings.txt";
    std::string text;
    std::error_code ec;
    if (std::filesystem::exists(plain, ec)) {
      std::ifstream in(plain, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      text = std::move(ss).str();
      t->info.path = plain;
    } else {
      t->info.path = plain + ".bz2";
      if (!ReadBz2(t->info.path, &text)) text.clear();
    }
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      ParseLine(std::string_view(text).substr(pos, end - pos), t);
      pos = end + 1;
    }
    t->info.characters = t->readings.size();
    t->info.loaded = !t->readings.empty();
    if (!t->info.loaded) {
      t->info.message = absl::StrCat(
          "Han readings not available (", t->info.path,
          " missing or unreadable): names in Chinese characters are read as "
          "Mandarin pinyin only, so Korean and Japanese readings (金正恩 / Kim "
          "Jong Un, 山田太郎 / Yamada Taro) are missed; install the Debian "
          "package unicode-data or set DIVRISK_UNIHAN_DIR");
      // Once per process, on the first Han name: screening goes on.
      std::fprintf(stderr, "divrisk: warning: %s\n", t->info.message.c_str());
    }
    return t;
  }();
  return *table;
}

bool IsHan(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(c, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

}  // namespace

const HanReadingsInfo& HanReadingsStatus() { return Load().info; }

std::vector<std::string> HanReadings(std::string_view utf8) {
  std::vector<std::string> out;
  // Han characters take three or four bytes in UTF-8, led by 0xE2 or more.
  if (std::none_of(utf8.begin(), utf8.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0xE2;
      })) {
    return out;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  // A quick pass: any Han character, and not too many?
  size_t han = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0x2E80 && IsHan(c) && ++han > kMaxHanReadingChars) return out;
  }
  if (han == 0) return out;
  const Table& t = Load();
  if (!t.info.loaded) return out;
  std::string korean, kun, on;
  bool any_korean = false, any_japanese = false;
  auto sep = [](std::string* r) {
    if (!r->empty() && r->back() != ' ') r->push_back(' ');
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const std::string_view raw =
        utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    const Reading* r = nullptr;
    if (c >= 0x2E80) {
      auto it = t.readings.find(static_cast<char32_t>(c));
      if (it != t.readings.end()) r = &it->second;
    }
    if (r != nullptr && !r->hangul.empty()) {
      korean += r->hangul;
      any_korean = true;
    } else {
      korean.append(raw);
    }
    if (r != nullptr && (!r->kun.empty() || !r->on.empty())) {
      any_japanese = true;
      const std::string& short_kun =
          !r->kun.empty() && (r->kun.size() <= 4 || r->on.empty()) ? r->kun
                                                                   : r->on;
      sep(&kun);
      kun += short_kun;
      kun.push_back(' ');
      sep(&on);
      on += r->on.empty() ? r->kun : r->on;
      on.push_back(' ');
    } else {
      kun.append(raw);
      on.append(raw);
    }
  }
  while (!kun.empty() && kun.back() == ' ') kun.pop_back();
  while (!on.empty() && on.back() == ' ') on.pop_back();
  if (any_korean) out.push_back(std::move(korean));
  if (any_japanese) {
    out.push_back(kun);
    if (on != kun) out.push_back(std::move(on));
  }
  return out;
}

}  // namespace divrisk::screening
