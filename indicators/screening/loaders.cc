#include "indicators/screening/loaders.h"

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "indicators/screening/country_names.h"
#include "indicators/screening/delimited.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

void AddCountry(std::string_view text, ListEntry* e) {
  if (std::optional<CountryCode> c = CountryFromText(text)) {
    if (std::find(e->countries.begin(), e->countries.end(), *c) ==
        e->countries.end()) {
      e->countries.push_back(*c);
    }
  }
}

void AddIdentifier(IdKind kind, std::string_view raw, std::string label,
                   ListEntry* e) {
  std::string value = CanonicalId(raw);
  if (kind == IdKind::kImo && value.rfind("IMO", 0) == 0) {
    value = value.substr(3);
  }
  if (value.empty()) return;
  for (const Identifier& id : e->identifiers) {
    if (id.kind == kind && id.value == value) return;
  }
  e->identifiers.push_back({kind, std::move(value), std::move(label)});
}

void AddName(std::string_view text, NameStrength strength, ListEntry* e,
             bool original_script = false) {
  text = TrimAscii(text);
  if (text.empty()) return;
  for (const ListedName& n : e->names) {
    if (n.text == text) return;
  }
  e->names.push_back({std::string(text), strength, original_script});
}

// Case-insensitive find of ASCII `needle` in `hay` from `pos`.
size_t FindNoCase(std::string_view hay, std::string_view needle,
                  size_t pos = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = pos; i + needle.size() <= hay.size(); ++i) {
    if (EqualsNoCase(hay.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// The text from `pos` up to the first of `stops` (or the end), trimmed.
std::string_view UpTo(std::string_view s, size_t pos, std::string_view stops) {
  if (pos >= s.size()) return {};
  const size_t end = s.find_first_of(stops, pos);
  return TrimAscii(s.substr(pos, end == std::string_view::npos ? s.npos
                                                               : end - pos));
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

// "MM/DD/YYYY" (the DPL's dates).
std::optional<Date> ParseUsDate(std::string_view s) {
  s = TrimAscii(s);
  std::vector<std::string_view> parts = SplitAny(s, "/");
  if (parts.size() != 3 || parts[2].size() != 4) return std::nullopt;
  const std::string iso = absl::StrCat(Sv(parts[2]), "-",
                                       parts[0].size() == 1 ? "0" : "",
                                       Sv(parts[0]), "-",
                                       parts[1].size() == 1 ? "0" : "",
                                       Sv(parts[1]));
  return ParseIsoDate(iso);
}

// ---- UN consolidated XML -------------------------------------------------

class UnXmlParser {
 public:
  UnXmlParser(uint16_t source, ListSet* set) : source_(source), set_(set) {}

  absl::Status Parse(std::string_view xml) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &UnXmlParser::OnStart, &UnXmlParser::OnEnd);
    XML_SetCharacterDataHandler(p, &UnXmlParser::OnText);
    absl::Status status;
    if (XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) ==
        XML_STATUS_ERROR) {
      status = absl::InvalidArgumentError(absl::StrCat(
          "line ", XML_GetCurrentLineNumber(p), ": ",
          XML_ErrorString(XML_GetErrorCode(p))));
    } else if (!saw_root_) {
      status = absl::InvalidArgumentError(
          "not a UN consolidated list: no CONSOLIDATED_LIST element");
    }
    XML_ParserFree(p);
    return status;
  }

  const std::string& generated() const { return generated_; }

 private:
  static void OnStart(void* self, const XML_Char* name,
                      const XML_Char** attrs) {
    static_cast<UnXmlParser*>(self)->Start(name, attrs);
  }
  static void OnEnd(void* self, const XML_Char* name) {
    static_cast<UnXmlParser*>(self)->End(name);
  }
  static void OnText(void* self, const XML_Char* s, int len) {
    static_cast<UnXmlParser*>(self)->text_.append(s, static_cast<size_t>(len));
  }

  void Start(std::string_view name, const XML_Char** attrs) {
    path_.emplace_back(name);
    text_.clear();
    if (name == "CONSOLIDATED_LIST") {
      saw_root_ = true;
      for (int i = 0; attrs[i]; i += 2) {
        if (std::string_view(attrs[i]) == "dateGenerated") {
          generated_ = attrs[i + 1];
        }
      }
    } else if ((name == "INDIVIDUAL" || name == "ENTITY") && Parent(1) ==
               (name == "INDIVIDUAL" ? "INDIVIDUALS" : "ENTITIES")) {
      record_ = Record();
      record_.individual = name == "INDIVIDUAL";
      in_record_ = true;
    } else if (name == "INDIVIDUAL_ALIAS" || name == "ENTITY_ALIAS") {
      alias_quality_.clear();
      alias_name_.clear();
    } else if (name == "INDIVIDUAL_DOCUMENT") {
      doc_ = Document();
    }
  }

  // The name of the element `up` levels above the current one.
  std::string_view Parent(size_t up) const {
    return path_.size() > up ? std::string_view(path_[path_.size() - 1 - up])
                             : std::string_view();
  }

  void End(std::string_view name) {
    const std::string text(TrimAscii(text_));
    text_.clear();
    if (in_record_) {
      const std::string_view parent = Parent(1);
      const bool top = parent == "INDIVIDUAL" || parent == "ENTITY";
      if (top && name == "FIRST_NAME") record_.parts[0] = text;
      else if (top && name == "SECOND_NAME") record_.parts[1] = text;
      else if (top && name == "THIRD_NAME") record_.parts[2] = text;
      else if (top && name == "FOURTH_NAME") record_.parts[3] = text;
      else if (top && name == "NAME_ORIGINAL_SCRIPT") record_.original = text;
      else if (top && name == "REFERENCE_NUMBER") record_.reference = text;
      else if (top && name == "DATAID") record_.dataid = text;
      else if (top && name == "UN_LIST_TYPE") record_.program = text;
      else if (top && name == "LISTED_ON") record_.listed_on = text;
      else if (top && name == "COMMENTS1") record_.comments = text;
      else if (name == "QUALITY") alias_quality_ = text;
      else if (name == "ALIAS_NAME") alias_name_ = text;
      else if (name == "INDIVIDUAL_ALIAS" || name == "ENTITY_ALIAS") {
        if (!alias_name_.empty()) {
          record_.aliases.emplace_back(alias_quality_, alias_name_);
        }
      } else if (name == "VALUE" && parent == "NATIONALITY") {
        record_.countries.push_back(text);
      } else if (name == "COUNTRY" &&
                 (parent == "INDIVIDUAL_ADDRESS" ||
                  parent == "ENTITY_ADDRESS" ||
                  parent == "INDIVIDUAL_PLACE_OF_BIRTH")) {
        record_.countries.push_back(text);
      } else if (parent == "INDIVIDUAL_DOCUMENT") {
        if (name == "TYPE_OF_DOCUMENT") doc_.type = text;
        else if (name == "NUMBER") doc_.number = text;
        else if (name == "ISSUING_COUNTRY" || name == "COUNTRY_OF_ISSUE") {
          if (doc_.country.empty()) doc_.country = text;
        }
      } else if (name == "INDIVIDUAL_DOCUMENT") {
        if (!doc_.number.empty()) record_.documents.push_back(doc_);
      } else if (name == "INDIVIDUAL" || name == "ENTITY") {
        Finish();
        in_record_ = false;
      }
    }
    path_.pop_back();
  }

  void Finish() {
    ListEntry e;
    e.source = source_;
    e.reference = record_.reference.empty() ? record_.dataid : record_.reference;
    e.type = record_.individual ? EntityType::kPerson : EntityType::kEntity;
    e.program = record_.program;
    // xs:date, sometimes with a time zone: "2015-04-07-04:00".
    e.listed_on = ParseIsoDate(
        std::string_view(record_.listed_on).substr(0, 10));
    if (record_.individual) {
      std::string full;
      for (const std::string& part : record_.parts) {
        if (part.empty()) continue;
        if (!full.empty()) full.push_back(' ');
        full += part;
      }
      AddName(full, NameStrength::kPrimary, &e);
    } else {
      // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS
      // COMPANY (GLBC)": one entity, two names.
      for (std::string_view n : SplitAny(record_.parts[0], ";")) {
        AddName(n, e.names.empty() ? NameStrength::kPrimary
                                   : NameStrength::kStrong, &e);
      }
    }
    if (!record_.original.empty()) {
      AddName(record_.original, NameStrength::kStrong, &e, true);
    }
    for (const auto& [quality, alias] : record_.aliases) {
      const NameStrength s = EqualsNoCase(quality, "Low")
                                 ? NameStrength::kWeak
                                 : NameStrength::kStrong;
      for (std::string_view n : SplitAny(alias, ";")) AddName(n, s, &e);
    }
    for (const std::string& c : record_.countries) AddCountry(c, &e);
    for (const Document& d : record_.documents) {
      const IdKind kind =
          FindNoCase(d.type, "passport") != std::string_view::npos
              ? IdKind::kPassport
          : FindNoCase(d.type, "national") != std::string_view::npos
              ? IdKind::kNationalId
              : IdKind::kOther;
      AddIdentifier(kind, d.number,
                    d.country.empty() ? d.type
                                      : absl::StrCat(d.type, " (", d.country,
                                                     ")"),
                    &e);
    }
    // IMO numbers of ships and shipping companies are in the comments.
    for (const Identifier& id : ParseOfacRemarks(record_.comments).identifiers) {
      if (id.kind == IdKind::kImo) e.identifiers.push_back(id);
    }
    if (e.names.empty()) return;
    set_->entries.push_back(std::move(e));
  }

  struct Document {
    std::string type, number, country;
  };
  struct Record {
    bool individual = true;
    std::string parts[4];
    std::string original, reference, dataid, program, listed_on, comments;
    std::vector<std::pair<std::string, std::string>> aliases;
    std::vector<std::string> countries;
    std::vector<Document> documents;
  };

  uint16_t source_;
  ListSet* set_;
  std::vector<std::string> path_;
  std::string text_;
  bool saw_root_ = false;
  bool in_record_ = false;
  std::string generated_;
  Record record_;
  Document doc_;
  std::string alias_quality_, alias_name_;
};

EntityType OfacType(std::string_view t) {
  t = OfacField(t);
  if (EqualsNoCase(t, "individual")) return EntityType::kPerson;
  if (EqualsNoCase(t, "vessel")) return EntityType::kVessel;
  if (EqualsNoCase(t, "aircraft")) return EntityType::kAircraft;
  return EntityType::kEntity;
}

// "[SDGT] [IFSR]" or "SDGT; IFSR" -> "SDGT; IFSR".
std::string OfacPrograms(std::string_view p) {
  std::string out;
  for (std::string_view part : SplitAny(p, "[];")) {
    part = TrimAscii(part);
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += std::string(part);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c);
  });
}

// Reads a whole file.
absl::Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return absl::OkStatus();
}

EntityType CslType(std::string_view t) {
  t = TrimAscii(t);
  if (EqualsNoCase(t, "Individual")) return EntityType::kPerson;
  if (EqualsNoCase(t, "Entity")) return EntityType::kEntity;
  if (EqualsNoCase(t, "Vessel")) return EntityType::kVessel;
  if (EqualsNoCase(t, "Aircraft")) return EntityType::kAircraft;
  return EntityType::kUnknown;
}

// One CSL `ids` item, in either layout: "IMO 8898831, Vessel Registration
// Identification" (2019: value, type) or "Passport, U00242309, TR" (2025:
// type, value, country) or "US, 80-0890696, Tax ID No." (country first).
void AddCslIdentifier(std::string_view item, ListEntry* e) {
  for (std::string_view noise : {"Website", "Email", "Directive", "anctions",
                                 "Gender", "Transactions", "Subject to"}) {
    if (FindNoCase(item, noise) != item.npos) return;
  }
  std::vector<std::string_view> parts;
  for (std::string_view p : SplitAny(item, ",")) {
    p = TrimAscii(p);
    if (!p.empty()) parts.push_back(p);
  }
  std::string_view type, value;
  for (std::string_view p : parts) {
    const bool typeish =
        FindNoCase(p, "passport") != p.npos || FindNoCase(p, "national") != p.npos ||
        FindNoCase(p, "registration identification") != p.npos ||
        FindNoCase(p, "tail number") != p.npos ||
        FindNoCase(p, "serial number") != p.npos ||
        FindNoCase(p, " no.") != p.npos || FindNoCase(p, "number") != p.npos ||
        FindNoCase(p, " id") != p.npos;
    if (typeish && type.empty() && !(HasDigit(p) && FindNoCase(p, "IMO ") == 0)) {
      type = p;
    } else if (value.empty() && HasDigit(p) && !(p.size() == 2)) {
      value = p;
    }
  }
  if (value.empty()) return;
  IdKind kind = IdKind::kOther;
  if (FindNoCase(value, "IMO") == 0 ||
      FindNoCase(type, "Vessel Registration") != type.npos) {
    kind = IdKind::kImo;
  } else if (FindNoCase(type, "passport") != type.npos) {
    kind = IdKind::kPassport;
  } else if (FindNoCase(type, "national id") != type.npos) {
    kind = IdKind::kNationalId;
  } else if (FindNoCase(type, "tail number") != type.npos) {
    kind = IdKind::kIcao;
  } else if (FindNoCase(type, "serial number") != type.npos) {
    kind = IdKind::kMsn;
  }
  AddIdentifier(kind, value, std::string(type.empty() ? "id" : type), e);
}

}  // namespace

// ---- Remarks and alias markers -----------------------------------------------

RemarkFacts ParseOfacRemarks(std::string_view remarks) {
  RemarkFacts facts;
  // Weak aliases: a.k.a. 'X'; the closing quote is one followed by
  // punctuation or the end (names may hold apostrophes: 'AL-QA'IDA').
  for (std::string_view marker : {"a.k.a. '", "f.k.a. '", "n.k.a. '"}) {
    for (size_t pos = FindNoCase(remarks, marker); pos != remarks.npos;
         pos = FindNoCase(remarks, marker, pos + 1)) {
      const size_t start = pos + marker.size();
      size_t end = start;
      for (; end < remarks.size(); ++end) {
        if (remarks[end] != '\'') continue;
        const char next = end + 1 < remarks.size() ? remarks[end + 1] : ';';
        if (next == ';' || next == '.' || next == ',' || next == ')') break;
      }
      std::string_view alias = TrimAscii(remarks.substr(start, end - start));
      if (!alias.empty()) facts.weak_aliases.emplace_back(alias);
    }
  }
  for (std::string_view marker : {"nationality ", "citizen "}) {
    for (size_t pos = FindNoCase(remarks, marker); pos != remarks.npos;
         pos = FindNoCase(remarks, marker, pos + 1)) {
      std::string_view c = UpTo(remarks, pos + marker.size(), ";");
      if (!c.empty() && c.back() == '.') c.remove_suffix(1);
      if (!c.empty()) facts.countries.emplace_back(c);
    }
  }
  for (size_t pos = FindNoCase(remarks, "IMO"); pos != remarks.npos;
       pos = FindNoCase(remarks, "IMO", pos + 3)) {
    if (pos > 0 && std::isalnum(static_cast<unsigned char>(remarks[pos - 1]))) {
      continue;
    }
    size_t i = pos + 3;
    while (i < remarks.size() && !std::isdigit(static_cast<unsigned char>(remarks[i])) &&
           i < pos + 16 && remarks[i] != ';') {
      ++i;
    }
    size_t j = i;
    while (j < remarks.size() && std::isdigit(static_cast<unsigned char>(remarks[j]))) ++j;
    if (j - i == 7) {
      facts.identifiers.push_back(
          {IdKind::kImo, std::string(remarks.substr(i, 7)), "IMO"});
    }
  }
  struct Marker {
    std::string_view text;
    IdKind kind;
  };
  for (const Marker& m : {Marker{"Passport ", IdKind::kPassport},
                          Marker{"National ID No. ", IdKind::kNationalId},
                          Marker{"Tail Number ", IdKind::kIcao},
                          Marker{"Serial Number (MSN) ", IdKind::kMsn}}) {
    for (size_t pos = FindNoCase(remarks, m.text); pos != remarks.npos;
         pos = FindNoCase(remarks, m.text, pos + 1)) {
      size_t start = pos + m.text.size();
      if (FindNoCase(remarks.substr(start), "No. ") == 0) start += 4;
      std::string_view value = UpTo(remarks, start, ";(");
      while (!value.empty() && value.back() == '.') value.remove_suffix(1);
      // Numbers hold a digit; a registration mark may not (EP-MMH).
      if (value.empty() || value.size() > 30 ||
          (m.kind != IdKind::kIcao && !HasDigit(value))) {
        continue;
      }
      std::string label(TrimAscii(m.text));
      const size_t open = start + value.size();
      if (open < remarks.size()) {
        const std::string_view rest = remarks.substr(open);
        const size_t l = rest.find('('), r = rest.find(')');
        if (l != rest.npos && r != rest.npos && l < r && l < 3) {
          absl::StrAppend(&label, " ", Sv(rest.substr(l, r - l + 1)));
        }
      }
      std::string canon = CanonicalId(value);
      if (canon.empty()) continue;
      facts.identifiers.push_back({m.kind, std::move(canon), std::move(label)});
    }
  }
  return facts;
}

std::string SplitAliasMarkers(std::string_view name,
                              std::vector<std::string>* aliases) {
  static constexpr std::string_view kMarkers[] = {
      "a/k/a", "a.k.a.", "f/k/a", "f.k.a.", "d/b/a", "d.b.a.", "aka"};
  std::string rest(name);
  // Parenthesised: "PEARL (A.K.A. NEI-CHIEN CHU) LI".
  for (size_t open = rest.find('('); open != std::string::npos;
       open = rest.find('(', open + 1)) {
    const size_t close = rest.find(')', open);
    if (close == std::string::npos) break;
    std::string_view inside =
        TrimAscii(std::string_view(rest).substr(open + 1, close - open - 1));
    for (std::string_view m : kMarkers) {
      if (FindNoCase(inside, m) == 0 &&
          (inside.size() == m.size() || inside[m.size()] == ' ')) {
        aliases->emplace_back(TrimAscii(inside.substr(m.size())));
        rest.erase(open, close - open + 1);
        open = open == 0 ? 0 : open - 1;
        break;
      }
    }
  }
  // Inline: "FUYI SUN A/K/A FRANK SUN".
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i > 0 && rest[i - 1] != ' ') continue;
    for (std::string_view m : kMarkers) {
      if (i + m.size() <= rest.size() &&
          EqualsNoCase(std::string_view(rest).substr(i, m.size()), m) &&
          (i + m.size() == rest.size() || rest[i + m.size()] == ' ')) {
        parts.emplace_back(TrimAscii(std::string_view(rest).substr(from, i - from)));
        from = i + m.size();
        i = from;
        break;
      }
    }
  }
  parts.emplace_back(TrimAscii(std::string_view(rest).substr(from)));
  std::string primary;
  for (std::string& p : parts) {
    // Collapse the double spaces left by a removed parenthesis.
    std::string clean;
    for (char c : p) {
      if (c == ' ' && (clean.empty() || clean.back() == ' ')) continue;
      clean.push_back(c);
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (clean.empty()) continue;
    if (primary.empty()) {
      primary = std::move(clean);
    } else {
      aliases->push_back(std::move(clean));
    }
  }
  return primary;
}

// ---- Parsers ---------------------------------------------------------------

absl::Status ParseUnConsolidatedXml(std::string_view xml, uint16_t source,
                                    ListSet* set) {
  UnXmlParser parser(source, set);
  absl::Status status = parser.Parse(xml);
  if (!status.ok()) return status;
  ListSource& s = set->sources[source];
  if (!s.as_of && parser.generated().size() >= 10) {
    s.as_of = ParseIsoDate(std::string_view(parser.generated()).substr(0, 10));
  }
  return absl::OkStatus();
}

absl::Status ParseOfacCsv(std::string_view primary, std::string_view add,
                          std::string_view alt, uint16_t source, ListSet* set) {
  absl::flat_hash_map<std::string, size_t> by_ent;
  std::vector<std::string> f;
  DelimitedReader prim(primary, ',');
  while (prim.Next(&f)) {
    if (f.size() < 2) continue;
    // A copy: f.resize() below may move f[0]'s characters.
    const std::string ent(OfacField(f[0]));
    if (!AllDigits(ent)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", prim.line(), ": expected an OFAC ent_num, found '", Sv(ent),
          "'"));
    }
    f.resize(12);
    ListEntry e;
    e.source = source;
    e.reference = std::string(ent);
    e.type = OfacType(f[2]);
    e.program = OfacPrograms(OfacField(f[3]));
    AddName(OfacField(f[1]), NameStrength::kPrimary, &e);
    if (e.names.empty()) continue;
    if (!OfacField(f[5]).empty()) {
      AddIdentifier(IdKind::kCallSign, OfacField(f[5]), "Call sign", &e);
    }
    if (!OfacField(f[9]).empty()) AddCountry(OfacField(f[9]), &e);
    if (e.type == EntityType::kAircraft && e.names[0].text.size() <= 12) {
      AddIdentifier(IdKind::kIcao, e.names[0].text, "Aircraft registration",
                    &e);
    }
    const RemarkFacts facts = ParseOfacRemarks(OfacField(f[11]));
    for (const std::string& a : facts.weak_aliases) {
      AddName(a, NameStrength::kWeak, &e);
    }
    for (const std::string& c : facts.countries) AddCountry(c, &e);
    for (const Identifier& id : facts.identifiers) {
      AddIdentifier(id.kind, id.value, id.label, &e);
    }
    by_ent[e.reference] = set->entries.size();
    set->entries.push_back(std::move(e));
  }
  DelimitedReader adds(add, ',');
  while (adds.Next(&f)) {
    if (f.size() < 5) continue;
    auto it = by_ent.find(std::string(OfacField(f[0])));
    if (it == by_ent.end()) continue;  // an address of no listed entry
    AddCountry(OfacField(f[4]), &set->entries[it->second]);
  }
  DelimitedReader alts(alt, ',');
  while (alts.Next(&f)) {
    if (f.size() < 4) continue;
    auto it = by_ent.find(std::string(OfacField(f[0])));
    if (it == by_ent.end()) continue;
    AddName(OfacField(f[3]), NameStrength::kStrong,
            &set->entries[it->second]);
  }
  return absl::OkStatus();
}

// The columns of a delimited file with a header row, by name.
class HeaderColumns {
 public:
  // Reads the header from `r`; an error names the first required column
  // that is missing.
  absl::Status Read(DelimitedReader& r, const char* list,
                    std::initializer_list<const char*> required) {
    std::vector<std::string> header;
    if (!r.Next(&header)) {
      return absl::InvalidArgumentError(absl::StrCat("empty ", list, " file"));
    }
    for (size_t i = 0; i < header.size(); ++i) {
      col_[std::string(TrimAscii(header[i]))] = i;
    }
    for (const char* need : required) {
      if (!col_.contains(need)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "line 1: ", list, " header has no '", need, "' column"));
      }
    }
    return absl::OkStatus();
  }
  // Field `name` of row `f`, trimmed; empty when absent.
  std::string_view Get(const std::vector<std::string>& f,
                       const char* name) const {
    auto it = col_.find(name);
    if (it == col_.end() || it->second >= f.size()) return {};
    return TrimAscii(f[it->second]);
  }

 private:
  absl::flat_hash_map<std::string, size_t> col_;
};

absl::Status ParseBisDpl(std::string_view tsv, uint16_t source, ListSet* set) {
  DelimitedReader r(tsv, '\t');
  HeaderColumns columns;
  if (absl::Status s =
          columns.Read(r, "DPL", {"Name", "Country", "Effective_Date"});
      !s.ok()) {
    return s;
  }
  std::vector<std::string> f;
  auto get = [&](const char* name) { return columns.Get(f, name); };
  while (r.Next(&f)) {
    ListEntry e;
    e.source = source;
    e.reference = absl::StrCat("line ", r.line());
    std::vector<std::string> aliases;
    AddName(SplitAliasMarkers(get("Name"), &aliases), NameStrength::kPrimary,
            &e);
    if (e.names.empty()) continue;
    for (const std::string& a : aliases) AddName(a, NameStrength::kStrong, &e);
    AddCountry(get("Country"), &e);
    e.listed_on = ParseUsDate(get("Effective_Date"));
    e.ends_on = ParseUsDate(get("Expiration_Date"));
    e.program = "Denied Persons List";
    if (!get("FR_Citation").empty()) {
      absl::StrAppend(&e.program, " (", Sv(get("FR_Citation")), ")");
    }
    set->entries.push_back(std::move(e));
  }
  return absl::OkStatus();
}

absl::Status ParseUsCsl(std::string_view csv, uint16_t source, ListSet* set) {
  DelimitedReader r(csv, ',');
  HeaderColumns columns;
  if (absl::Status s = columns.Read(r, "CSL", {"source", "name", "type"});
      !s.ok()) {
    return s;
  }
  std::vector<std::string> f;
  auto get = [&](const char* name) { return columns.Get(f, name); };
  while (r.Next(&f)) {
    ListEntry e;
    e.source = source;
    e.reference = std::string(get("entity_number"));
    if (e.reference.empty()) e.reference = std::string(get("_id"));
    if (e.reference.empty()) e.reference = absl::StrCat("line ", r.line());
    e.type = CslType(get("type"));
    std::vector<std::string> aliases;
    std::string name = SplitAliasMarkers(get("name"), &aliases);
    // "X; and any successor, sub-unit, or subsidiary thereof"
    if (const size_t semi = name.find(';'); semi != std::string::npos) {
      name.resize(semi);
    }
    AddName(name, NameStrength::kPrimary, &e);
    if (e.names.empty()) continue;
    for (const std::string& a : aliases) AddName(a, NameStrength::kStrong, &e);
    for (std::string_view a : SplitAny(get("alt_names"), ";")) {
      AddName(a, NameStrength::kStrong, &e);
    }
    e.program = std::string(get("source"));
    if (!get("programs").empty()) {
      absl::StrAppend(&e.program, ": ", Sv(get("programs")));
    }
    for (const char* c : {"citizenships", "nationalities"}) {
      for (std::string_view v : SplitAny(get(c), ";,")) {
        AddCountry(v, &e);
      }
    }
    // Addresses: "street, city, state, zip, US; ..." -> the last part.
    for (std::string_view a : SplitAny(get("addresses"), ";")) {
      const size_t comma = a.rfind(',');
      AddCountry(comma == a.npos ? a : a.substr(comma + 1), &e);
    }
    if (!get("vessel_flag").empty()) AddCountry(get("vessel_flag"), &e);
    for (std::string_view item : SplitAny(get("ids"), ";")) {
      AddCslIdentifier(item, &e);
    }
    if (!get("call_sign").empty()) {
      AddIdentifier(IdKind::kCallSign, get("call_sign"), "Call sign", &e);
    }
    e.listed_on = ParseIsoDate(get("start_date"));
    e.ends_on = ParseIsoDate(get("end_date"));
    set->entries.push_back(std::move(e));
  }
  return absl::OkStatus();
}

void AddListedParties(const std::vector<ListedParty>& parties, ListSet* set) {
  absl::flat_hash_map<std::pair<std::string, int>, uint16_t> sources;
  for (const ListedParty& p : parties) {
    const auto key = std::pair{p.list, static_cast<int>(p.effect)};
    auto it = sources.find(key);
    if (it == sources.end()) {
      ListSource s;
      s.id = p.list;
      s.title = p.list;
      s.format = ListFormat::kListedParties;
      s.effect = p.effect;
      s.origin = p.source;
      it = sources.emplace(key, set->AddSource(std::move(s))).first;
    }
    ListEntry e;
    e.source = it->second;
    e.reference = p.id;
    AddName(p.name, NameStrength::kPrimary, &e);
    for (const std::string& a : p.aliases) AddName(a, NameStrength::kStrong, &e);
    if (p.country) e.countries.push_back(*p.country);
    e.program = p.reference;  // the list's own number, shown as such
    e.listed_on = p.listed_on;
    if (!e.names.empty()) set->entries.push_back(std::move(e));
  }
}

absl::Status ParseList(const ListSpec& spec,
                       const std::vector<std::string>& texts, ListSet* set) {
  ListSource source;
  source.id = spec.id;
  source.title = spec.title;
  source.format = spec.format;
  source.effect = spec.effect;
  source.as_of = spec.as_of;
  for (const std::string& p : spec.paths) {
    if (p.empty()) continue;
    if (!source.origin.empty()) source.origin += ", ";
    source.origin += p;
  }
  const uint16_t index = set->AddSource(std::move(source));
  auto text = [&](size_t i) -> std::string_view {
    return i < texts.size() ? std::string_view(texts[i]) : std::string_view();
  };
  absl::Status status;
  switch (spec.format) {
    case ListFormat::kUnXml:
      status = ParseUnConsolidatedXml(text(0), index, set);
      break;
    case ListFormat::kOfacCsv:
      status = ParseOfacCsv(text(0), text(1), text(2), index, set);
      break;
    case ListFormat::kBisDpl:
      status = ParseBisDpl(text(0), index, set);
      break;
    case ListFormat::kUsCsl:
      status = ParseUsCsl(text(0), index, set);
      break;
    case ListFormat::kListedParties:
      status = absl::InvalidArgumentError(
          "listed parties come from the rule set, not a file");
      break;
  }
  if (!status.ok() && !spec.paths.empty()) {
    return absl::Status(status.code(), absl::StrCat(spec.paths[0], ": ",
                                                    status.message()));
  }
  return status;
}

absl::Status LoadList(const ListSpec& spec, ListSet* set) {
  if (spec.paths.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(spec.id, ": no file"));
  }
  std::vector<std::string> texts(spec.paths.size());
  for (size_t i = 0; i < spec.paths.size(); ++i) {
    if (spec.paths[i].empty()) continue;
    absl::Status s = ReadFile(spec.paths[i], &texts[i]);
    if (!s.ok()) return s;
  }
  return ParseList(spec, texts, set);
}

}  // namespace divrisk::screening
