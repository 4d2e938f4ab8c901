// Screening lists declared in a rule set (rules/screening_lists.h): how
// they are read, pinned by SHA-256 and hashed into the plan, and how a
// listed party then fires party_listed and the sanctions gate, on a small
// fixture and on the real UN list of ../shared/data/screening (skipped when
// the folder is absent).

#include <filesystem>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/kernel.h"
#include "indicators/screening/screener.h"
#include "rules/canonical.h"
#include "rules/compiler.h"
#include "rules/screening_lists.h"
#include "tests/shared_data.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using Files = std::map<std::string, std::string>;

constexpr const char* kCountries = R"yaml(source: {title: t, as_of: "2026-01-01"}
countries:
  - {code: "GB", name: "United Kingdom"}
  - {code: "AE", name: "United Arab Emirates"}
  - {code: "KP", name: "North Korea"}
)yaml";

// A BIS Denied Persons List with one denial, effective 2020-08-04.
constexpr const char* kDpl =
    "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t"
    "\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t"
    "\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n"
    "\"GULF STAR AVIATION SERVICES FZE\"\t\"\"\t\"\"\t\"\"\t\"AE\"\t\"\"\t"
    "\"08/04/2020\"\t\"\"\t\"Y\"\t\"\"\t\"\"\t\"\"\n";

std::string RuleSet(const std::string& lists) {
  return absl::StrCat(R"yaml(format: divrisk-rules/1
name: lists
version: "1"
reference:
  countries: countries.yaml
)yaml",
                      lists, R"yaml(
categories:
  - {id: parties, name: "Parties", cap: 20}
bands:
  - {id: low, below: 10, recommendation: approve}
  - {id: high, recommendation: refer}
indicators:
  - id: PL-1.denied
    kernel: party_listed
    params: {effects: [denial]}
    weights: {parties: 14}
    unknown_value: 0
    refs: ["PL-1"]
    evidence: "A party is on a denial list"
)yaml");
}

constexpr const char* kDplList = R"yaml(  screening_lists:
    - id: BIS-DPL
      title: "BIS Denied Persons List"
      format: bis_dpl
      effect: denial
      as_of: 2022-09-07
      files: [{path: dpl.txt}])yaml";

absl::StatusOr<std::unique_ptr<const Plan>> Compile(const Files& files) {
  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) {
      return absl::NotFoundError(absl::StrCat(rel, ": cannot open"));
    }
    return it->second;
  };
  return CompileRuleSet(read, "mem");
}

Files WithList(const std::string& lists, const std::string& dpl = kDpl) {
  return {{"ruleset.yaml", RuleSet(lists)},
          {"countries.yaml", kCountries},
          {"dpl.txt", dpl}};
}

Case WithBroker(const std::string& name, Date assessed_on) {
  Case c;
  c.assessed_on = assessed_on;
  c.exporter.name = "Solent Naval Engineering Ltd";
  c.end_user.name = "Ministry of Defence";
  Party p;
  p.name = name;
  p.role = PartyRole::kBroker;
  c.parties.push_back(p);
  return c;
}

double Listed(const Plan& plan, const Case& c, Evidence* ev) {
  return plan.indicators[0].kernel->Explain(c, ev);
}

TEST(ScreeningLists, DeclaredListFeedsPartyListed) {
  auto plan = Compile(WithList(kDplList));
  ASSERT_TRUE(plan.ok()) << plan.status();
  Evidence ev;
  const Case c = WithBroker("Gulf Star Aviation Services", DateFromCivil(2024, 1, 1));
  EXPECT_EQ(Listed(**plan, c, &ev), 1);
  ASSERT_EQ(ev.facts.size(), 2u);
  EXPECT_EQ(ev.facts[0].path, "parties[0].name");
  EXPECT_THAT(ev.facts[1].path, HasSubstr("ref.lists[BIS-DPL:"));
  EXPECT_THAT(ev.facts[1].value, HasSubstr("BIS Denied Persons List"));
  EXPECT_THAT(ev.facts[1].value, HasSubstr("listed on 2020-08-04"));
}

TEST(ScreeningLists, ListedAfterTheAssessmentDoesNotCount) {
  auto plan = Compile(WithList(kDplList));
  ASSERT_TRUE(plan.ok()) << plan.status();
  Evidence ev;
  const Case c = WithBroker("Gulf Star Aviation Services", DateFromCivil(2019, 5, 1));
  EXPECT_EQ(Listed(**plan, c, &ev), 0);
  ASSERT_EQ(ev.facts.size(), 2u);
  EXPECT_THAT(ev.facts[1].value, HasSubstr("not known at the time"));
}

TEST(ScreeningLists, FileDigestIsPartOfThePlanIdentity) {
  auto a = Compile(WithList(kDplList));
  std::string other = kDpl;
  other.replace(other.find("GULF STAR"), 4, "GOLF");
  auto b = Compile(WithList(kDplList, other));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)->sha256, (*b)->sha256);
}

TEST(ScreeningLists, PinnedDigestMustMatch) {
  const std::string good = Sha256Hex(kDpl);
  std::string lists = kDplList;
  lists.replace(lists.find("{path: dpl.txt}"), 15,
                absl::StrCat("{path: dpl.txt, sha256: \"", good, "\"}"));
  EXPECT_TRUE(Compile(WithList(lists)).ok());
  const std::string bad(64, 'a');
  lists.replace(lists.find(good), 64, bad);
  auto plan = Compile(WithList(lists));
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(),
              HasSubstr(absl::StrCat(
                  "reference.screening_lists[0].files[0]: the file's SHA-256 "
                  "is ", good, ", not the pinned ", bad)));
}

TEST(ScreeningLists, MissingFileAndBadDeclarationsAreErrors) {
  Files files = WithList(kDplList);
  files.erase("dpl.txt");
  auto plan = Compile(files);
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(), HasSubstr("dpl.txt: cannot open"));

  std::string lists = kDplList;
  lists.replace(lists.find("bis_dpl"), 7, "pdf");
  plan = Compile(WithList(lists));
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(),
              HasSubstr("reference.screening_lists[0].format: expected one of "
                        "un_xml, ofac_csv, bis_dpl, us_csl; found 'pdf'"));

  lists = kDplList;
  lists.replace(lists.find("files: [{path: dpl.txt}]"), 24,
                "files: [{path: dpl.txt}, {path: dpl.txt}]");
  plan = Compile(WithList(lists));
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(),
              HasSubstr("expected 1 to 1 files for format bis_dpl, found 2"));

  lists = std::string(kDplList) + "\n      colour: red";
  plan = Compile(WithList(lists));
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(),
              HasSubstr("reference.screening_lists[0].colour: unknown key"));
}

// The published UN list, read in place: a UN-listed entity that the bundled
// rule set's own entries do not name is found by a variant of its name.
TEST(ScreeningLists, RealUnListThroughTheDefaultRuleSet) {
  const std::string un = divrisk::testing::SharedPath(
      "data/screening/un_sc_consolidated_2026-02-27.xml");
  DIVRISK_REQUIRE_SHARED(un);
  const std::string dir = std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";
  RuleFileReader read = [&](const std::string& rel) {
    absl::StatusOr<std::string> text =
        ReadFileToString(rel.starts_with('/') ? rel : dir + "/" + rel);
    if (text.ok() && rel == "ruleset.yaml") {
      const std::string at = "  listed_parties: reference/denied_parties.yaml\n";
      text->replace(text->find(at), at.size(),
                    absl::StrCat(at, "  screening_lists:\n"
                                     "    - {id: UN-SC, title: \"UN SC\", "
                                     "format: un_xml, effect: sanction, "
                                     "as_of: 2026-02-27, files: [{path: ",
                                 un, "}]}\n"));
    }
    return text;
  };
  auto plan = CompileRuleSet(read, dir);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_GT((*plan)->screener->indexed_names(), 1000u);
  const int index = (*plan)->IndicatorIndex("PL-1.sanctioned_party");
  ASSERT_GE(index, 0);
  const Kernel& listed = *(*plan)->indicators[static_cast<size_t>(index)].kernel;
  // KPe.003 (Tanchon Commercial Bank), listed 2009; not in denied_parties.
  // The end user, Malaysia's armed forces' "Ministry of Defence", is not
  // the DPRK body listed under that alias (KPe.054).
  Case c = WithBroker("Tanchon Comercial Bank", DateFromCivil(2020, 1, 1));
  c.end_user.country = *CountryCode::FromText("MY");
  c.end_user.kind = PartyKind::kArmedForces;
  Evidence ev;
  EXPECT_EQ(listed.Explain(c, &ev), 1);
  ASSERT_EQ(ev.facts.size(), 2u);
  EXPECT_EQ(ev.facts[0].path, "parties[0].name");
  EXPECT_EQ(ev.facts[1].path, "ref.lists[UN-SC:KPe.003]");
  // Whatever its kind, a party of unknown country is screened by name.
  c.end_user.kind.reset();
  c.end_user.country = CountryCode();
  c.parties.clear();
  ev = Evidence();
  EXPECT_EQ(listed.Explain(c, &ev), 1);
  ASSERT_EQ(ev.facts.size(), 2u);
  EXPECT_EQ(ev.facts[1].path, "ref.lists[UN-SC:KPe.054]");
}

}  // namespace
}  // namespace divrisk
