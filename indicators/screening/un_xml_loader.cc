// The UN Security Council consolidated list, XML (expat): INDIVIDUAL and
// ENTITY records, their names, aliases, countries, documents, IMO numbers,
// program and listing date (loaders.h, README.md "Lists").

#include <expat.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/screening/loader_util.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

using loader_internal::AddCountry;
using loader_internal::AddIdentifier;
using loader_internal::AddName;
using loader_internal::FindNoCase;

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

}  // namespace

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


}  // namespace divrisk::screening
