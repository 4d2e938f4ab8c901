#include "engine/generate/broken_lines.h"

#include <optional>
#include <vector>

#include "engine/doc/json_text.h"
#include "engine/generate/case_generator.h"
#include "engine/output/case_json_writer.h"

namespace divrisk {
namespace {

// ---- a scanner for the compact JSON AppendCaseJson writes (no blanks,
// keys without escapes): enough to find a member and its value's bounds.

// One past the closing quote of the string starting at s[i] == '"'.
size_t StringEnd(const std::string& s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// One past the end of the value starting at s[i].
size_t ValueEnd(const std::string& s, size_t i) {
  if (i >= s.size()) return s.size();
  if (s[i] == '"') return StringEnd(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '"') {
        i = StringEnd(s, i) - 1;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']') ++i;
  return i;
}

struct Span {
  size_t key = 0;    // the key's opening quote
  size_t value = 0;  // the value's first byte
  size_t end = 0;    // one past the value
};

// Member `key` of the object whose '{' is at s[open].
std::optional<Span> Member(const std::string& s, size_t open,
                           std::string_view key) {
  if (open >= s.size() || s[open] != '{') return std::nullopt;
  size_t i = open + 1;
  while (i < s.size() && s[i] != '}') {
    if (s[i] == ',') ++i;
    if (i >= s.size() || s[i] != '"') return std::nullopt;
    const size_t key_end = StringEnd(s, i);
    const std::string_view k(s.data() + i + 1, key_end - i - 2);
    const size_t value = key_end + 1;  // after ':'
    const size_t end = ValueEnd(s, value);
    if (k == key) return Span{i, value, end};
    i = end;
  }
  return std::nullopt;
}

// The value's first byte of top-level member `key`, or npos.
size_t Object(const std::string& s, std::string_view key) {
  auto m = Member(s, 0, key);
  return m && s[m->value] == '{' ? m->value : std::string::npos;
}

// The '{' of goods[0].
size_t FirstGoods(const std::string& s) {
  auto m = Member(s, 0, "goods");
  if (!m || s[m->value] != '[' || s[m->value + 1] != '{') return std::string::npos;
  return m->value + 1;
}

// Removes a member with its comma.
void Remove(std::string* s, const Span& m) {
  if ((*s)[m.key - 1] == ',') {
    s->erase(m.key - 1, m.end - m.key + 1);
  } else if (m.end < s->size() && (*s)[m.end] == ',') {
    s->erase(m.key, m.end - m.key + 1);
  } else {
    s->erase(m.key, m.end - m.key);
  }
}

void ReplaceValue(std::string* s, const Span& m, std::string_view value) {
  s->replace(m.value, m.end - m.value, value);
}

// Inserts `"key":value` as the first member of the object at s[open].
void InsertFirst(std::string* s, size_t open, std::string_view member) {
  std::string text(member);
  if ((*s)[open + 1] != '}') text.push_back(',');
  s->insert(open + 1, text);
}

// Appends a member to the top-level object.
void AppendTop(std::string* s, std::string_view member) {
  std::string text = s->size() > 2 ? "," : "";
  text.append(member);
  s->insert(s->size() - 1, text);
}

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

// The string value of member `key` of the object at s[open], unquoted.
std::string StringValue(const std::string& s, size_t open, std::string_view key) {
  auto m = Member(s, open, key);
  if (!m || s[m->value] != '"') return std::string();
  return s.substr(m->value + 1, m->end - m->value - 2);
}

template <size_t N>
const char* PickOf(Prng& r, const char* const (&options)[N]) {
  return options[r.Below(N)];
}

// A position inside the first string value of a named party (exporter or
// end user), for inserting bad bytes where a name would carry them.
size_t InsideName(const std::string& s, Prng& r) {
  size_t open = Object(s, r.Chance(0.5) ? "exporter" : "end_user");
  if (open == std::string::npos) open = Object(s, "exporter");
  if (open != std::string::npos) {
    if (auto m = Member(s, open, "name")) {
      const size_t len = m->end - m->value - 2;
      return m->value + 1 + r.Below(len + 1);
    }
  }
  // No name found: inside the id.
  auto id = Member(s, 0, "id");
  return id ? id->value + 1 : 1;
}

std::string Truncated(const std::string& s, Prng& r) {
  if (s.size() < 3) return "{";
  return s.substr(0, 1 + r.Below(s.size() - 2));
}

std::string TrailingGarbage(std::string s, Prng& r) {
  static constexpr const char* kTails[] = {
      "}", ",", " x", "{\"id\":\"next\"}", "\x1a", " // exported by the archive",
      ";", "]", "\"", "0"};
  s += PickOf(r, kTails);
  return s;
}

std::string InvalidUtf8(std::string s, Prng& r) {
  static constexpr const char* kBytes[] = {"\xC3\x28", "\xFF", "\xE2\x82",
                                           "\xED\xA0\x80", "\xC0\xAF", "\x80",
                                           "\xF5\x80\x80\x80"};
  s.insert(InsideName(s, r), PickOf(r, kBytes));
  return s;
}

std::string NulByte(std::string s, Prng& r) {
  s.insert(InsideName(s, r), 1, '\0');
  return s;
}

std::string OverLong(std::string s, Prng& r) {
  // A scanned document pasted into the record: valid JSON, too long a line.
  const size_t n = (size_t{1} << 20) + 1 + r.Below(64 * 1024);
  std::string member = "\"scan\":\"";
  member.reserve(n + 16);
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint64_t x = r.Next();
  for (size_t i = 0; i < n; ++i) {
    if ((i & 7) == 0) x = r.Next();
    member.push_back(kAlphabet[x & 63]);
    x >>= 6;
  }
  member.push_back('"');
  const size_t open = Object(s, "extensions");
  if (open != std::string::npos) {
    InsertFirst(&s, open, member);
  } else {
    AppendTop(&s, "\"extensions\":{" + member + "}");
  }
  return s;
}

std::string MissingRequired(std::string s, Prng& r) {
  struct Where {
    const char* object;  // nullptr: top level; "goods": goods[0]
    const char* key;
  };
  static constexpr Where kFields[] = {
      {nullptr, "format"},   {nullptr, "id"},         {nullptr, "assessed_on"},
      {nullptr, "exporter"}, {nullptr, "goods"},      {nullptr, "end_user"},
      {"exporter", "name"},  {"exporter", "country"}, {"end_user", "name"},
      {"end_user", "country"}, {"goods", "category"}, {"goods", "description"},
      {"goods", "quantity"}};
  for (int attempt = 0; attempt < 8; ++attempt) {
    const Where& w = kFields[r.Below(std::size(kFields))];
    size_t open = 0;
    if (w.object != nullptr) {
      open = std::string_view(w.object) == "goods" ? FirstGoods(s)
                                                   : Object(s, w.object);
      if (open == std::string::npos) continue;
    }
    if (auto m = Member(s, open, w.key)) {
      Remove(&s, *m);
      return s;
    }
  }
  if (auto m = Member(s, 0, "id")) Remove(&s, *m);
  return s;
}

std::string UnknownKey(std::string s, Prng& r) {
  struct Typo {
    const char* object;
    const char* member;
  };
  static constexpr Typo kTypos[] = {
      {nullptr, "\"assesment_officer\":\"J. Smith\""},
      {nullptr, "\"licence_type\":\"SIEL\""},
      {nullptr, "\"assesed_on\":\"2024-01-31\""},
      {"exporter", "\"adress\":\"Unit 4, Riverside Park\""},
      {"exporter", "\"registration\":\"REG-0412\""},
      {"end_user", "\"stockpile_securty\":\"weak\""},
      {"end_user", "\"end_use\":\"Border security\""},
      {"goods", "\"calibre\":\"9 mm\""},
      {"goods", "\"qty\":10"},
      {"euc", "\"authenticted\":true"},
      {"euc", "\"expiry\":\"2027-01-01\""},
      {"transport", "\"routing\":\"direct\""}};
  for (int attempt = 0; attempt < 8; ++attempt) {
    const Typo& t = kTypos[r.Below(std::size(kTypos))];
    size_t open = 0;
    if (t.object != nullptr) {
      open = std::string_view(t.object) == "goods" ? FirstGoods(s)
                                                   : Object(s, t.object);
      if (open == std::string::npos) continue;
    }
    InsertFirst(&s, open, t.member);
    return s;
  }
  InsertFirst(&s, 0, kTypos[0].member);
  return s;
}

std::string BadEnumWord(std::string s, Prng& r) {
  struct Bad {
    const char* object;
    const char* key;
    const char* word;
  };
  static constexpr Bad kBad[] = {
      {nullptr, "transaction", "\"sale\""},
      {nullptr, "transaction", "\"Export\""},
      {nullptr, "transaction", "\"re-export\""},
      {"goods", "category", "\"rifles\""},
      {"goods", "category", "\"Small Arms\""},
      {"goods", "category", "\"ammo\""},
      {"goods", "quantity_unit", "\"pieces\""},
      {"goods", "quantity_unit", "\"pcs\""},
      {"end_user", "kind", "\"military\""},
      {"end_user", "stockpile_security", "\"poor\""},
      {"euc", "authentication", "\"verified\""},
      {"euc", "kind", "\"euc\""},
      {"transport", "route_disclosure", "\"complete\""}};
  for (int attempt = 0; attempt < 12; ++attempt) {
    const Bad& b = kBad[r.Below(std::size(kBad))];
    size_t open = 0;
    if (b.object != nullptr) {
      open = std::string_view(b.object) == "goods" ? FirstGoods(s)
                                                   : Object(s, b.object);
      if (open == std::string::npos) continue;
    }
    if (auto m = Member(s, open, b.key)) {
      ReplaceValue(&s, *m, b.word);
      return s;
    }
  }
  if (auto m = Member(s, 0, "transaction")) {
    ReplaceValue(&s, *m, "\"sale\"");
  } else {
    InsertFirst(&s, 0, "\"transaction\":\"sale\"");
  }
  return s;
}

std::string BadCountry(std::string s, Prng& r) {
  static constexpr const char* kCodes[] = {"\"UK\"",  "\"XX\"", "\"gb\"",
                                           "\"USA\"", "\"EU\"", "\"ZZ\"",
                                           "\"Deutschland\"", "\"\""};
  const size_t open = Object(s, r.Chance(0.6) ? "exporter" : "end_user");
  if (open != std::string::npos) {
    if (auto m = Member(s, open, "country")) {
      ReplaceValue(&s, *m, PickOf(r, kCodes));
      return s;
    }
  }
  InsertFirst(&s, 0, "\"transaction\":\"sale\"");
  return s;
}

std::string ImpossibleDate(std::string s, Prng& r) {
  static constexpr const char* kDates[] = {
      "\"2026-02-30\"", "\"2023-02-29\"", "\"2025-13-01\"", "\"2024-04-31\"",
      "\"2025-00-10\"", "\"2019-06-31\"", "\"2021-09-31\"", "\"2022-11-00\""};
  if (auto m = Member(s, 0, "assessed_on")) {
    ReplaceValue(&s, *m, PickOf(r, kDates));
  } else {
    InsertFirst(&s, 0, std::string("\"assessed_on\":") + PickOf(r, kDates));
  }
  return s;
}

std::string BooleanAsYes(std::string s, Prng& r) {
  static constexpr const char* kWords[] = {"\"yes\"", "\"no\"", "\"Y\"",
                                           "\"on\"",  "\"TRUE\"", "\"false\""};
  // Booleans of the case proper (not of `extensions`, which is untyped).
  const auto ext = Member(s, 0, "extensions");
  const size_t limit = ext ? ext->key : s.size();
  std::vector<std::pair<size_t, size_t>> found;  // value begin, end
  for (size_t i = 0; i < limit; ++i) {
    if (s[i] == '"') {
      const size_t end = StringEnd(s, i);
      if (end < limit && s[end] == ':') {
        const size_t v = end + 1;
        if (s.compare(v, 4, "true") == 0) found.emplace_back(v, v + 4);
        if (s.compare(v, 5, "false") == 0) found.emplace_back(v, v + 5);
      }
      i = end - 1;
    }
  }
  if (!found.empty()) {
    const auto [b, e] = found[r.Below(found.size())];
    s.replace(b, e - b, PickOf(r, kWords));
    return s;
  }
  const size_t goods = FirstGoods(s);
  InsertFirst(&s, goods == std::string::npos ? 0 : goods, "\"marked\":\"yes\"");
  return s;
}

std::string BrokenLegChain(std::string s, Prng& r) {
  const size_t exp = Object(s, "exporter");
  const size_t eu = Object(s, "end_user");
  const std::string from =
      exp == std::string::npos ? "GB" : StringValue(s, exp, "country");
  const std::string to =
      eu == std::string::npos ? "NG" : StringValue(s, eu, "country");
  static constexpr const char* kHubs[] = {"NL", "BE", "AE", "SG",
                                          "TR", "CY", "MT", "PA"};
  std::vector<const char*> hubs;
  for (const char* h : kHubs) {
    if (from != h && to != h) hubs.push_back(h);
  }
  const size_t a = r.Below(hubs.size());
  size_t b = r.Below(hubs.size() - 1);
  if (b >= a) ++b;
  if (auto m = Member(s, 0, "transport")) Remove(&s, *m);
  std::string t = "\"transport\":{\"legs\":[{\"from\":" + Quoted(from) +
                  ",\"to\":\"" + hubs[a] + "\",\"mode\":\"sea\"},{\"from\":\"" +
                  hubs[b] + "\",\"to\":" + Quoted(to) + ",\"mode\":\"" +
                  (r.Chance(0.5) ? "sea" : "air") +
                  "\"}],\"route_disclosure\":\"full\"}";
  AppendTop(&s, t);
  return s;
}

std::string BadImo(std::string s, Prng& r) {
  const std::string needle = "\"imo\":\"";
  std::vector<size_t> at;
  for (size_t p = s.find(needle); p != std::string::npos;
       p = s.find(needle, p + 1)) {
    const size_t v = p + needle.size();
    if (v + 8 <= s.size() && s[v + 7] == '"') at.push_back(v);
  }
  if (!at.empty()) {
    const size_t v = at[r.Below(at.size())];
    const int digit = s[v + 6] - '0';
    s[v + 6] = static_cast<char>('0' + (digit + 1 + r.Below(9)) % 10);
    return s;
  }
  // No ship in the case: add a carrier whose number is wrong.
  std::string six = "9";
  for (int i = 0; i < 5; ++i) six.push_back(static_cast<char>('0' + r.Below(10)));
  const int check = ImoCheckDigit(six);
  six.push_back(static_cast<char>('0' + (check + 1 + r.Below(9)) % 10));
  const std::string party =
      "{\"name\":\"Baltic Wave Shipping Ltd\",\"country\":\"PA\",\"role\":"
      "\"carrier\",\"kind\":\"company\",\"identifiers\":{\"imo\":\"" +
      six + "\"}}";
  if (auto m = Member(s, 0, "parties"); m && s[m->value] == '[') {
    s.insert(m->value + 1, s[m->value + 1] == ']' ? party : party + ",");
  } else {
    AppendTop(&s, "\"parties\":[" + party + "]");
  }
  return s;
}

std::string DuplicateKey(std::string s, Prng& r) {
  static constexpr const char* kKeys[] = {"id", "assessed_on", "transaction",
                                          "end_user", "goods"};
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (auto m = Member(s, 0, PickOf(r, kKeys))) {
      const std::string member = s.substr(m->key, m->end - m->key);
      s.insert(m->end, "," + member);
      return s;
    }
  }
  if (auto m = Member(s, 0, "format")) {
    s.insert(m->end, "," + s.substr(m->key, m->end - m->key));
  }
  return s;
}

std::string DuplicateCaseId(std::string s, std::string_view earlier_id) {
  const std::string id = Quoted(earlier_id);
  if (auto m = Member(s, 0, "id")) {
    ReplaceValue(&s, *m, id);
  } else {
    InsertFirst(&s, 0, "\"id\":" + id);
  }
  return s;
}

std::string WrongType(std::string s, Prng& r) {
  const int k = static_cast<int>(r.Below(10));
  if (k < 6) {
    // The quantity as a string, as spreadsheets export it.
    const size_t goods = FirstGoods(s);
    if (goods != std::string::npos) {
      if (auto m = Member(s, goods, "quantity")) {
        std::string q(1, '"');
        q.append(s, m->value, m->end - m->value);
        q.push_back('"');
        if (r.Chance(0.3)) q.insert(1, "about ");
        ReplaceValue(&s, *m, q);
        return s;
      }
    }
  }
  if (k < 8) {
    if (auto m = Member(s, 0, "assessed_on")) {
      std::string v = s.substr(m->value + 1, m->end - m->value - 2);
      std::erase(v, '-');
      ReplaceValue(&s, *m, v);  // 20240131: a number, not a date string
      return s;
    }
  }
  if (auto m = Member(s, 0, "goods"); m && s[m->value] == '[') {
    // A single goods line where a list belongs.
    const size_t first = m->value + 1;
    const size_t end = ValueEnd(s, first);
    ReplaceValue(&s, *m, s.substr(first, end - first));
    return s;
  }
  InsertFirst(&s, 0, "\"assessed_on\":20240131");
  return s;
}

std::string EmptyLine(Prng& r) {
  static constexpr const char* kBlank[] = {"", " ", "\t", "  \t ", "\r"};
  return PickOf(r, kBlank);
}

}  // namespace

std::string BreakLineAs(BreakKind kind, const std::string& good_json,
                        uint64_t rnd, std::string_view earlier_id) {
  Prng r(rnd);
  switch (kind) {
    case BreakKind::kTruncated:
      return Truncated(good_json, r);
    case BreakKind::kTrailingGarbage:
      return TrailingGarbage(good_json, r);
    case BreakKind::kInvalidUtf8:
      return InvalidUtf8(good_json, r);
    case BreakKind::kNulByte:
      return NulByte(good_json, r);
    case BreakKind::kOverLong:
      return OverLong(good_json, r);
    case BreakKind::kMissingRequired:
      return MissingRequired(good_json, r);
    case BreakKind::kUnknownKey:
      return UnknownKey(good_json, r);
    case BreakKind::kBadEnumWord:
      return BadEnumWord(good_json, r);
    case BreakKind::kBadCountry:
      return BadCountry(good_json, r);
    case BreakKind::kImpossibleDate:
      return ImpossibleDate(good_json, r);
    case BreakKind::kBooleanAsYes:
      return BooleanAsYes(good_json, r);
    case BreakKind::kBrokenLegChain:
      return BrokenLegChain(good_json, r);
    case BreakKind::kBadImoCheckDigit:
      return BadImo(good_json, r);
    case BreakKind::kDuplicateKey:
      return DuplicateKey(good_json, r);
    case BreakKind::kDuplicateCaseId:
      return DuplicateCaseId(good_json, earlier_id);
    case BreakKind::kWrongType:
      return WrongType(good_json, r);
    case BreakKind::kArrayNotObject:
      return "[" + good_json + "]";
    case BreakKind::kEmptyLine:
      return EmptyLine(r);
  }
  return std::string();
}

std::string BreakLine(const std::string& good_json, uint64_t rnd,
                      std::string_view earlier_id, BreakKind* kind) {
  Prng r(rnd);
  uint32_t total = 0;
  for (size_t i = 0; i < kBreakWeights.size(); ++i) {
    if (static_cast<BreakKind>(i) == BreakKind::kDuplicateCaseId &&
        earlier_id.empty()) {
      continue;
    }
    total += kBreakWeights[i];
  }
  uint64_t x = r.Below(total);
  BreakKind chosen = BreakKind::kTruncated;
  for (size_t i = 0; i < kBreakWeights.size(); ++i) {
    if (static_cast<BreakKind>(i) == BreakKind::kDuplicateCaseId &&
        earlier_id.empty()) {
      continue;
    }
    if (x < kBreakWeights[i]) {
      chosen = static_cast<BreakKind>(i);
      break;
    }
    x -= kBreakWeights[i];
  }
  if (kind != nullptr) *kind = chosen;
  return BreakLineAs(chosen, good_json, r.Next(), earlier_id);
}

// Stream tag for MixSeed, apart from the cases' own streams (1, 2, ...).
constexpr uint64_t kBadStream = 0xbad0000000000000ULL;

GeneratedLines::GeneratedLines(const ReferenceData& ref, uint64_t seed,
                               double bad_fraction)
    : cases_(std::make_unique<CaseGenerator>(ref, seed)),
      seed_(seed),
      bad_fraction_(bad_fraction) {}

GeneratedLines::~GeneratedLines() = default;

void GeneratedLines::set_outcome_model(bool on) {
  cases_->set_outcome_model(on);
}

std::optional<BreakKind> GeneratedLines::Next(std::string* line) {
  ++index_;
  const Case c = cases_->At(index_);
  line->clear();
  AppendCaseJson(c, line);
  if (bad_fraction_ > 0) {
    Prng bad(MixSeed(seed_, kBadStream + index_));
    if (bad.Chance(bad_fraction_)) {
      BreakKind kind;
      *line = BreakLine(*line, bad.Next(), earlier_id_, &kind);
      return kind;
    }
  }
  earlier_id_ = c.id;
  return std::nullopt;
}

}  // namespace divrisk
