// Loaders for sanctions and denial lists in the formats their publishers
// use, into the list model (list_model.h).
//
//  - UN Security Council consolidated list, XML (expat): INDIVIDUAL and
//    ENTITY records; names FIRST..FOURTH_NAME, NAME_ORIGINAL_SCRIPT, aliases
//    with their QUALITY (Good, a.k.a. -> strong; Low -> weak; f.k.a. ->
//    strong), NATIONALITY and address countries, documents (passport,
//    national id), IMO numbers in the comments, UN_LIST_TYPE as program and
//    LISTED_ON. An entity's FIRST_NAME may hold several names split by ';'.
//  - OFAC SDN and consolidated non-SDN, CSV without a header: the primary
//    file (sdn.csv / cons_prim.csv: ent_num, name, type, programs, title,
//    call sign, vessel type, tonnage, GRT, flag, owner, remarks), add.csv
//    (ent_num, add_num, address, city, country, remarks) and alt.csv
//    (ent_num, alt_num, alt_type, alt_name, remarks). "-0-" (with or without
//    a trailing space) is empty; LF or CRLF; a trailing 0x1A is ignored.
//    Remarks give weak aliases (a.k.a. 'X'), nationality and citizenship,
//    IMO numbers, passports, national ids and aircraft tail numbers.
//  - BIS Denied Persons List, tab-separated with a header and quoted fields:
//    Name (with A/K/A aliases inside), Country, Effective_Date (listed on,
//    MM/DD/YYYY) and Expiration_Date (not in force after).
//  - US Consolidated Screening List, CSV with a header (2019 and 2025
//    layouts): source, type, programs, name, alt_names, addresses,
//    citizenships, nationalities, ids, call_sign, start_date, end_date.
//  - The rule set's own listed parties (ReferenceData::listed_parties: our
//    denial notifications and hand-kept sanctions entries), one source per
//    list name and effect.
//
// One file per format: un_xml_loader.cc, ofac_loader.cc, bis_dpl_loader.cc,
// us_csl_loader.cc; shared helpers in loader_util.h; ParseList, LoadList and
// AddListedParties in loaders.cc.

#ifndef DIVRISK_INDICATORS_SCREENING_LOADERS_H_
#define DIVRISK_INDICATORS_SCREENING_LOADERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "engine/model/reference_data.h"
#include "indicators/screening/list_model.h"

namespace divrisk::screening {

// Each parser appends the entries of one published file (or file set) to
// `set->entries`, with `source` as their source index. A malformed file is
// an error naming the line; an unusable row is skipped.
absl::Status ParseUnConsolidatedXml(std::string_view xml, uint16_t source,
                                    ListSet* set);
absl::Status ParseOfacCsv(std::string_view primary, std::string_view add,
                          std::string_view alt, uint16_t source, ListSet* set);
absl::Status ParseBisDpl(std::string_view tsv, uint16_t source, ListSet* set);
absl::Status ParseUsCsl(std::string_view csv, uint16_t source, ListSet* set);

// Adds the rule set's listed parties, one source per (list, effect).
void AddListedParties(const std::vector<ListedParty>& parties, ListSet* set);

// Facts in an OFAC remarks field (exposed for tests).
struct RemarkFacts {
  std::vector<std::string> weak_aliases;   // a.k.a. / f.k.a. / n.k.a. 'X'
  std::vector<std::string> countries;      // nationality X; citizen X
  std::vector<Identifier> identifiers;
};
RemarkFacts ParseOfacRemarks(std::string_view remarks);

// "FUYI SUN A/K/A FRANK SUN" -> "FUYI SUN" and alias "FRANK SUN";
// "PEARL (A.K.A. NEI-CHIEN CHU) LI" -> "PEARL LI" and "NEI-CHIEN CHU".
std::string SplitAliasMarkers(std::string_view name,
                              std::vector<std::string>* aliases);

// The largest list file LoadList reads: far above the published lists
// (the UN XML is about 2 MB, the OFAC SDN files together about 10 MB), so
// that a wrong path (a device, an endless pipe) cannot exhaust memory.
inline constexpr size_t kMaxListFileBytes = size_t{256} << 20;

// A declared list: which loader, which files, what it is.
struct ListSpec {
  std::string id;
  std::string title;
  ListFormat format = ListFormat::kUnXml;
  // kOfacCsv: primary, then add and alt (either may be ""); others: one.
  std::vector<std::string> paths;
  ListingEffect effect = ListingEffect::kSanction;
  std::optional<Date> as_of;
};

// Appends the entries of `spec`'s files, already read (`texts` in the
// order of spec.paths), as a new source.
absl::Status ParseList(const ListSpec& spec,
                       const std::vector<std::string>& texts, ListSet* set);

// Reads the files of `spec` and appends its entries as a new source.
absl::Status LoadList(const ListSpec& spec, ListSet* set);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_LOADERS_H_
