#include "indicators/screening/eval/disguise.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace divrisk::screening {
namespace {

std::string Utf8(char32_t c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  return std::string(buf, static_cast<size_t>(n));
}

std::vector<char32_t> Collect(bool (*keep)(UChar32)) {
  std::vector<char32_t> out;
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (keep(c)) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Latin letter -> look-alike of the same case (only the pairs that look
// alike: Cyrillic "в" is no b, its capital "В" is a B).
constexpr std::array<std::pair<char, const char*>, 26> kCyrillic = {
    {{'A', "А"}, {'B', "В"}, {'C', "С"}, {'E', "Е"}, {'H', "Н"}, {'I', "І"},
     {'J', "Ј"}, {'K', "К"}, {'M', "М"}, {'O', "О"}, {'P', "Р"}, {'S', "Ѕ"},
     {'T', "Т"}, {'X', "Х"}, {'Y', "Ү"}, {'a', "а"}, {'c', "с"}, {'e', "е"},
     {'i', "і"}, {'j', "ј"}, {'o', "о"}, {'p', "р"}, {'s', "ѕ"}, {'x', "х"},
     {'y', "у"}, {'h', "һ"}}};
constexpr std::array<std::pair<char, const char*>, 21> kGreek = {
    {{'A', "Α"}, {'B', "Β"}, {'E', "Ε"}, {'H', "Η"}, {'I', "Ι"}, {'K', "Κ"},
     {'M', "Μ"}, {'N', "Ν"}, {'O', "Ο"}, {'P', "Ρ"}, {'T', "Τ"}, {'X', "Χ"},
     {'Y', "Υ"}, {'Z', "Ζ"}, {'o', "ο"}, {'v', "ν"}, {'i', "ι"}, {'u', "υ"},
     {'a', "α"}, {'p', "ρ"}, {'x', "χ"}}};

template <size_t N>
std::string LookAlikes(std::string_view name,
                       const std::array<std::pair<char, const char*>, N>& t) {
  std::string out;
  bool swap = true;
  for (char ch : name) {
    const char* repl = nullptr;
    for (const auto& [l, r] : t) {
      if (l == ch) repl = r;
    }
    if (repl != nullptr && swap) {
      out += repl;
    } else {
      out.push_back(ch);
    }
    if (repl != nullptr) swap = !swap;
  }
  return out;
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  std::string w;
  for (char c : name) {
    if (c == ' ') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

}  // namespace

const char* DisguiseKindName(DisguiseKind kind) {
  switch (kind) {
    case DisguiseKind::kInvisible:
      return "invisible";
    case DisguiseKind::kSpaces:
      return "spaces";
    case DisguiseKind::kBidi:
      return "bidi";
    case DisguiseKind::kCyrillic:
      return "cyrillic";
    case DisguiseKind::kGreek:
      return "greek";
    case DisguiseKind::kFullwidth:
      return "fullwidth";
    case DisguiseKind::kLeet:
      return "leet";
    case DisguiseKind::kPunctuation:
      return "punctuation";
    case DisguiseKind::kReordered:
      return "reordered";
  }
  return "?";
}

const std::vector<char32_t>& DisguiseCodePoints(DisguiseKind kind) {
  static const std::vector<char32_t> invisible = Collect([](UChar32 c) {
    return u_charType(c) == U_FORMAT_CHAR ||
           u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
  });
  static const std::vector<char32_t> spaces =
      Collect([](UChar32 c) { return u_charType(c) == U_SPACE_SEPARATOR; });
  static const std::vector<char32_t> bidi = Collect([](UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) != 0;
  });
  static const std::vector<char32_t> none;
  switch (kind) {
    case DisguiseKind::kInvisible:
      return invisible;
    case DisguiseKind::kSpaces:
      return spaces;
    case DisguiseKind::kBidi:
      return bidi;
    default:
      return none;
  }
}

std::string DisguiseName(std::string_view name, DisguiseKind kind,
                         size_t index) {
  const std::vector<char32_t>& cps = DisguiseCodePoints(kind);
  const std::string cp = cps.empty() ? "" : Utf8(cps[index % cps.size()]);
  std::vector<std::string> words = Words(name);
  auto join = [&](std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += sep;
      out += words[i];
    }
    return out;
  };
  switch (kind) {
    case DisguiseKind::kInvisible: {
      for (std::string& w : words) {
        if (w.size() >= 4) {
          w.insert(w.size() / 2, cp);
          break;
        }
      }
      return cp + join(" ") + cp;
    }
    case DisguiseKind::kSpaces:
      return join(cp);
    case DisguiseKind::kBidi: {
      // An override or isolate around the name, a mark between words.
      return cp + join(cp + " ") + cp;
    }
    case DisguiseKind::kCyrillic:
      return LookAlikes(name, kCyrillic);
    case DisguiseKind::kGreek:
      return LookAlikes(name, kGreek);
    case DisguiseKind::kFullwidth: {
      std::string out;
      for (char c : name) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9')) {
          out += Utf8(static_cast<char32_t>(0xFF01 + (c - '!')));
        } else {
          out.push_back(c);
        }
      }
      return out;
    }
    case DisguiseKind::kLeet: {
      for (std::string& w : words) {
        // In a word of five letters or more, one letter, not the first, as
        // a digit.
        auto letter = [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        };
        if (w.size() < 5 || !std::all_of(w.begin(), w.end(), letter)) {
          continue;
        }
        for (size_t i = 1; i < w.size(); ++i) {
          const char l = static_cast<char>(
              w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
          const char d = l == 'o'               ? '0'
                         : l == 'i' || l == 'l' ? '1'
                         : l == 'e'             ? '3'
                         : l == 'a'             ? '4'
                         : l == 's'             ? '5'
                         : l == 't'             ? '7'
                                                : 0;
          if (d != 0) {
            w[i] = d;
            break;
          }
        }
      }
      return join(" ");
    }
    case DisguiseKind::kPunctuation: {
      std::string out;
      for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i % 2 ? "  " : " ,, ";
        out += words[i];
        if (i == 0) out += ".";
      }
      return out + "..";
    }
    case DisguiseKind::kReordered:
      if (words.size() > 1) {
        std::string first = words.front();
        words.erase(words.begin());
        words.push_back(std::move(first));
      }
      return join(" ");
  }
  return std::string(name);
}

}  // namespace divrisk::screening
