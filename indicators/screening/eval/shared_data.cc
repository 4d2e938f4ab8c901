// File names of the shared screening data set (shared_data.h).

#include "indicators/screening/eval/shared_data.h"

#include "absl/strings/str_cat.h"
#include "engine/model/date.h"

namespace divrisk::screening {

std::vector<ListSpec> SharedDataLists(const std::string& dir) {
  auto p = [&](const char* rel) { return absl::StrCat(dir, "/", rel); };
  return {
      {"UN-SC", "UN Security Council consolidated list", ListFormat::kUnXml,
       {p("un_sc_consolidated_2026-02-27.xml")}, ListingEffect::kSanction,
       DateFromCivil(2026, 2, 27)},
      {"OFAC-SDN-2022", "OFAC SDN list (sdn, add, alt)", ListFormat::kOfacCsv,
       {p("ofac_sdn_2022-01-31/sdn.csv"), p("ofac_sdn_2022-01-31/add.csv"),
        p("ofac_sdn_2022-01-31/alt.csv")},
       ListingEffect::kSanction, DateFromCivil(2022, 1, 31)},
      {"OFAC-SDN-2024", "OFAC SDN list (primary file only)",
       ListFormat::kOfacCsv, {p("ofac_sdn_primary_2024-05-03.csv"), "", ""},
       ListingEffect::kSanction, DateFromCivil(2024, 5, 3)},
      {"OFAC-NONSDN", "OFAC consolidated non-SDN list", ListFormat::kOfacCsv,
       {p("ofac_nonsdn_2025-12-19/cons_prim.csv"),
        p("ofac_nonsdn_2025-12-19/cons_add.csv"),
        p("ofac_nonsdn_2025-12-19/cons_alt.csv")},
       ListingEffect::kSanction, DateFromCivil(2025, 12, 19)},
      {"BIS-DPL", "BIS Denied Persons List", ListFormat::kBisDpl,
       {p("bis_dpl_2022-09.txt")}, ListingEffect::kDenial,
       DateFromCivil(2022, 9, 7)},
      {"US-CSL-2019", "US Consolidated Screening List (sample)",
       ListFormat::kUsCsl, {p("us_csl_sample_2019.csv")},
       ListingEffect::kDenial, DateFromCivil(2019, 12, 3)},
      {"US-CSL-2025", "US Consolidated Screening List (sample)",
       ListFormat::kUsCsl, {p("us_csl_sample_2025.csv")},
       ListingEffect::kDenial, DateFromCivil(2025, 6, 25)},
  };
}

SharedEvalFiles SharedEvalFilesIn(const std::string& dir) {
  const std::string pairs = dir + "/name_pairs";
  SharedEvalFiles f;
  f.name_pairs = pairs + "/nomenklatura_name_bench_cases.csv";
  f.logicv2_scores = pairs + "/nomenklatura_logicv2_frozen_scores.csv";
  f.un_untreated = pairs + "/yente_positives_un_untreated.csv";
  f.un_treated = pairs + "/yente_positives_un_treated.csv";
  f.negatives_global = pairs + "/yente_validation_negatives_global.csv";
  f.negatives_us = pairs + "/yente_validation_negatives_us.csv";
  f.cross_script_pairs = pairs + "/watchman_cross_script_pairs.csv";
  return f;
}

}  // namespace divrisk::screening
