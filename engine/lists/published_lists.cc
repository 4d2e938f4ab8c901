#include "engine/lists/published_lists.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace divrisk::lists {
namespace {

using screening::ListFormat;

// OFAC's Sanctions List Service; BIS's list after the bis.gov migration
// (the old www.bis.doc.gov/dpl/dpl.txt now answers with an HTML page).
const std::vector<PublishedList>& Catalogue() {
  static const auto* lists = new std::vector<PublishedList>{
      {"UN-SC", "UN Security Council consolidated list", ListFormat::kUnXml,
       {{"https://scsanctions.un.org/resources/xml/en/consolidated.xml",
         "un/consolidated.xml", "consolidated.xml"}}},
      {"OFAC-SDN", "OFAC Specially Designated Nationals list",
       ListFormat::kOfacCsv,
       {{"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/SDN.CSV",
         "ofac/sdn.csv", "sdn.csv"},
        {"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/ADD.CSV",
         "ofac/add.csv", "add.csv"},
        {"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/ALT.CSV",
         "ofac/alt.csv", "alt.csv"}}},
      {"OFAC-CONS", "OFAC consolidated non-SDN lists", ListFormat::kOfacCsv,
       {{"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/CONS_PRIM.CSV",
         "ofac/cons_prim.csv", "cons_prim.csv"},
        {"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/CONS_ADD.CSV",
         "ofac/cons_add.csv", "cons_add.csv"},
        {"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
         "exports/CONS_ALT.CSV",
         "ofac/cons_alt.csv", "cons_alt.csv"}}},
      {"BIS-DPL", "BIS Denied Persons List", ListFormat::kBisDpl,
       {{"https://media.bis.gov/dpl/dpl.txt", "bis/dpl.txt", "dpl.txt"}}},
      {"US-CSL", "US Consolidated Screening List", ListFormat::kUsCsl,
       {{"https://data.trade.gov/downloadable_consolidated_screening_list/v1/"
         "consolidated.csv",
         "csl/consolidated.csv", "consolidated.csv"}}},
  };
  return *lists;
}

}  // namespace

std::span<const PublishedList> PublishedLists() { return Catalogue(); }

const PublishedList* FindPublishedList(std::string_view id) {
  for (const PublishedList& l : Catalogue()) {
    if (id == l.id) return &l;
  }
  return nullptr;
}

std::string SourceUrl(const PublishedFile& file, const std::string& base_url) {
  if (base_url.empty()) return file.official_url;
  return absl::StrCat(absl::StripSuffix(base_url, "/"), "/", file.mirror_path);
}

bool AcceptableContentType(ListFormat format, std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  absl::AsciiStrToLower(&type);
  type = std::string(absl::StripAsciiWhitespace(type));
  if (type.empty() || type == "text/html" || type == "application/xhtml+xml") {
    return false;
  }
  // Servers label CSV and tab-separated text in many ways; any of these
  // holds the bytes as published.
  static constexpr std::string_view kText[] = {
      "text/plain", "text/csv", "application/csv", "text/tab-separated-values",
      "application/vnd.ms-excel", "application/octet-stream",
      "binary/octet-stream"};
  if (format == ListFormat::kUnXml) {
    return type == "application/xml" || type == "text/xml" ||
           type == "application/octet-stream";
  }
  for (std::string_view t : kText) {
    if (type == t) return true;
  }
  return false;
}

}  // namespace divrisk::lists
