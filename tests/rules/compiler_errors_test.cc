// Tests of the rule-set compiler (rules/compiler.h), second part: the errors
// of gates, bands, mitigations and overriding risk, of the header, references
// and reference files, and the SHA-256 identity. Helpers:
// compiler_test_util.h.

#include "rules/compiler.h"

#include "tests/rules/compiler_test_util.h"

namespace divrisk {
namespace {

using namespace ::divrisk::test_util;  // NOLINT: the shared helpers

// ---- Errors: gates ---------------------------------------------------------

TEST(CompilerErrors, GateNamingAMissingIndicator) {
  Files f = WithRuleSet("indicator: GC-1.portable", "indicator: GC-9.none");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "GC-9.none"),
                             "gates[0].indicator: unknown indicator "
                             "'GC-9.none'\n")));
}

TEST(CompilerErrors, GateWithoutThresholds) {
  Files f = WithRuleSet("    refuse_at: 1\n", "");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "id: G1"),
                             "gates[0]: a gate needs refuse_at, refer_at or "
                             "conditions_at\n")));
}

TEST(CompilerErrors, GateThresholdsOutsideTheIndicatorRangeRefused) {
  // Issue 13 item 12: -1 refused every case, 2 never fired.
  for (const char* bad : {"-1", "0", "2", "1.0001"}) {
    Files f = WithRuleSet("    refuse_at: 1\n",
                          absl::StrCat("    refuse_at: ", bad, "\n"));
    EXPECT_THAT(Errors(f),
                HasSubstr(absl::StrCat(
                    "gates[0].refuse_at: expected a threshold above 0 and at "
                    "most 1 (indicator values lie in [0, 1]), found ",
                    bad, "\n")))
        << bad;
  }
  Files f = WithRuleSet("    refuse_at: 1\n", "    refer_at: 1.5\n");
  EXPECT_THAT(Errors(f), HasSubstr("gates[0].refer_at: expected a threshold "
                                   "above 0 and at most 1"));
  EXPECT_TRUE(Compile(WithRuleSet("    refuse_at: 1\n",
                                  "    refuse_at: 0.01\n"))
                  .ok());
}

TEST(CompilerErrors, GateRefusingBelowItsReferThresholdRefused) {
  Files f = WithRuleSet("    refuse_at: 1\n",
                        "    refuse_at: 0.5\n    refer_at: 0.8\n");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(At(f, "0.5"),
                                     "gates[0].refuse_at: must be above "
                                     "refer_at (0.8): otherwise the gate "
                                     "never refers\n")));
  Files equal = WithRuleSet("    refuse_at: 1\n",
                            "    refuse_at: 0.5\n    refer_at: 0.5\n");
  EXPECT_THAT(Errors(equal), HasSubstr("gates[0].refuse_at: must be above"));
}

TEST(CompilerErrors, DuplicateGateIdsRefused) {
  Files f = WithRuleSet("mitigations:\n",
                        "  - id: G1\n"
                        "    indicator: GC-1.portable\n"
                        "    refer_at: 0.5\n"
                        "    refs: []\n"
                        "    reason: again\n"
                        "mitigations:\n");
  EXPECT_THAT(Errors(f), HasSubstr("gates[1].id: gate defined twice\n"));
}

TEST(CompilerErrors, TaggedScalarsRefused) {
  // Issue 13 item 14: `!!binary` was read as its text.
  Files f = WithRuleSet("name: tiny", "name: !!binary dGlueQ==");
  EXPECT_THAT(Errors(f),
              HasSubstr("mem/ruleset.yaml:3:7: YAML tag '!!binary' is not "
                        "accepted (only !!str is)\n"));
}

TEST(CompilerErrors, ErrorsQuoteShortVisibleExcerpts) {
  // Issue 13 items 10 and 11: a value in an error is cut short and escaped.
  // (yaml-cpp takes implicit keys of up to 1024 characters.)
  const std::string long_value(900, 'x');
  Files f = WithRuleSet("name: tiny", absl::StrCat("name: tiny\nbogus: 1\n\"k\\e[2J\\n",
                                                   long_value, "\": 1"));
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("k\\x1B[2J\\nxxx"));
  EXPECT_THAT(errors, Not(HasSubstr("\x1b")));
  EXPECT_THAT(errors, Not(HasSubstr(long_value.substr(0, 100))));
  Files g = WithRuleSet("    refuse_at: 1\n",
                        absl::StrCat("    refuse_at: \"", long_value, "\"\n"));
  EXPECT_THAT(Errors(g), HasSubstr(absl::StrCat(
                             "expected a finite number, found '",
                             std::string(kExcerptBytes, 'x'), "...'\n")));
}

TEST(CompilerErrors, GateReferIfUnknownMustBeABoolean) {
  Files f = WithRuleSet("    refuse_at: 1\n",
                        "    refuse_at: 1\n    refer_if_unknown: yes\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "yes"),
                             "gates[0].refer_if_unknown: expected true or "
                             "false, found 'yes'\n")));
}

// ---- Errors: bands ---------------------------------------------------------

TEST(CompilerErrors, BandsNotAscending) {
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n",
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: mid, below: 15, recommendation: refer}\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: mid"),
                             "bands[1].below: bands must be in ascending "
                             "order\n")));
}

TEST(CompilerErrors, EqualBandBoundsAreNotAscending) {
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n",
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: mid, below: 20, recommendation: refer}\n");
  EXPECT_THAT(Errors(f),
              HasSubstr("bands[1].below: bands must be in ascending order\n"));
}

TEST(CompilerErrors, TopBandWithBelow) {
  Files f = WithRuleSet("{id: high, recommendation: refuse,",
                        "{id: high, below: 90, recommendation: refuse,");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: high"),
                             "bands[1].below: the top band takes no upper "
                             "bound\n")));
}

TEST(CompilerErrors, LowerBandWithoutBelow) {
  Files f = WithRuleSet("{id: low, below: 20,", "{id: low,");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: low"),
                             "bands[0].below: every band but the top one "
                             "needs `below`\n")));
}

TEST(CompilerErrors, NoBands) {
  // A plan without bands cannot place any score in a band.
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: high, recommendation: refuse, uncertain_recommendation: "
      "refer}\n",
      "");
  f["ruleset.yaml"] = Replace(f["ruleset.yaml"], "bands:\n", "bands: []\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "[]"), "bands: expected at least one "
                                          "band\n")));
}

TEST(CompilerErrors, UnknownRecommendationWord) {
  Files f = WithRuleSet("recommendation: approve}", "recommendation: allow}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "allow"),
                  "bands[0].recommendation: expected one of approve, "
                  "approve_with_conditions, refer, refuse; found 'allow'\n")));
}

TEST(CompilerErrors, UnknownUncertainRecommendationWord) {
  Files f = WithRuleSet("uncertain_recommendation: refer",
                        "uncertain_recommendation: ask");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "ask}"),
                             "bands[1].uncertain_recommendation: expected one "
                             "of approve, approve_with_conditions, refer, "
                             "refuse; found 'ask'\n")));
}

// ---- Errors: mitigations and overriding risk -------------------------------

TEST(CompilerErrors, MitigationMeasureNotAWord) {
  Files f = WithRuleSet("measure: marking_and_record_keeping",
                        "measure: marking");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "marking\n"),
                  "mitigations[0].measure: expected one of "
                  "post_shipment_verification, "
                  "delivery_verification_certificate, "
                  "government_to_government, staged_delivery, "
                  "marking_and_record_keeping, destruction_of_surplus, "
                  "end_user_training, re_export_ban_condition; found "
                  "'marking'\n")));
}

TEST(CompilerErrors, MitigationListedTwice) {
  Files f = WithRuleSet("    condition: \"Mark every item\"\n",
                        "    condition: \"Mark every item\"\n"
                        "  - measure: marking_and_record_keeping\n"
                        "    mitigates: {GC-1.portable: 0.1}\n"
                        "    refs: [\"MIT-3\"]\n"
                        "    condition: \"Again\"\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "marking_and_record_keeping\n    mitigates: "
                                   "{GC-1.portable: 0.1}"),
                             "mitigations[1].measure: measure defined "
                             "twice\n")));
}

TEST(CompilerErrors, MitigationFractionAboveOne) {
  Files f = WithRuleSet("mitigates: {GC-1.portable: 0.4}",
                        "mitigates: {GC-1.portable: 1.2}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "1.2"),
                             "mitigations[0].mitigates.GC-1.portable: "
                             "expected a fraction from 0 to 1\n")));
}

TEST(CompilerErrors, MitigationUnknownIndicator) {
  Files f = WithRuleSet("mitigates: {GC-1.portable: 0.4}",
                        "mitigates: {GC-9.portable: 0.4}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "GC-9.portable"),
                             "mitigations[0].mitigates.GC-9.portable: "
                             "unknown indicator 'GC-9.portable'\n")));
}

TEST(CompilerErrors, MitigationUnknownRequirement) {
  Files f = WithRuleSet("requires: [state_end_user]",
                        "requires: [state_end_users]");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "state_end_users"),
                             "mitigations[0].requires[0]: expected one of "
                             "euc_on_site_inspection, state_end_user, "
                             "verifiable_destruction, customs_delivery; found "
                             "'state_end_users'\n")));
}

TEST(CompilerErrors, OverridingRiskUnknownCategory) {
  Files f = WithRuleSet("category: euc", "category: art7");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "art7"),
                             "overriding_risk.category: unknown category "
                             "'art7'\n")));
}

// ---- Errors: header, references and reference files -----------------------

TEST(CompilerErrors, WrongFormat) {
  Files f = WithRuleSet("format: divrisk-rules/1", "format: divrisk-rules/2");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "divrisk-rules/2"),
                             "format: expected 'divrisk-rules/1', found "
                             "'divrisk-rules/2'\n")));
}

TEST(CompilerErrors, UnknownTopLevelKey) {
  Files f = WithRuleSet("name: tiny\n", "name: tiny\nowner: MoD\n");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(At(f, "owner"), "owner: unknown key\n")));
}

TEST(CompilerErrors, MissingHeaderFields) {
  Files f = WithRuleSet("name: tiny\nversion: \"1.0\"\n", "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(At(f, "format: "),
                                             "name: missing required "
                                             "field\n")));
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(At(f, "format: "),
                                             "version: missing required "
                                             "field\n")));
}

TEST(CompilerErrors, MissingReferenceFileNamesTheFile) {
  Files f = TinyFiles();
  f.erase("embargoes.yaml");
  EXPECT_THAT(Errors(f), HasSubstr("mem/embargoes.yaml: no such file\n"));
}

TEST(CompilerErrors, MissingReferenceFileOnDiskNamesTheFile) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      absl::StrCat("divrisk_compiler_test_", ::getpid());
  std::filesystem::create_directories(dir);
  for (const auto& [rel, text] : TinyFiles()) {
    if (rel == "embargoes.yaml") continue;
    std::ofstream(dir / rel) << text;
  }
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(plan.ok());
  const std::string message(plan.status().message());
  EXPECT_THAT(message, HasSubstr((dir / "embargoes.yaml").string()));
  EXPECT_THAT(message, HasSubstr("cannot open"));
}

// A rule set on disk whose embargoes file is `embargoes`, as written.
class RuleSetOnDisk {
 public:
  RuleSetOnDisk() {
    std::filesystem::create_directories(dir_ / "rules");
    std::filesystem::create_directories(dir_ / "data");
    std::filesystem::create_directories(dir_ / "elsewhere");
    for (const auto& [rel, text] : TinyFiles()) {
      std::ofstream(dir_ / "rules" / rel) << text;
    }
    std::ofstream(dir_ / "data" / "embargoes.yaml")
        << TinyFiles().at("embargoes.yaml");
    std::ofstream(dir_ / "elsewhere" / "secret")
        << "root:$y$j9T$abcdefghijklmnopqrstuv$HASHHASHHASHHASHHASHHASHHASH"
           "HASHHASHHASHHAS:19000:0:99999:7:::\n"
           "daemon:*:19000:0:99999:7:::\n";
  }
  ~RuleSetOnDisk() { std::filesystem::remove_all(dir_); }

  void Embargoes(const std::string& path) {
    std::ofstream(dir_ / "rules" / "ruleset.yaml")
        << Replace(kRuleSet, "embargoes: embargoes.yaml",
                   absl::StrCat("embargoes: ", path));
  }
  absl::StatusOr<std::unique_ptr<const Plan>> Compile(
      const RuleFileAccess& access = {}) {
    CompileOptions options;
    options.access = access;
    return CompileRuleSetDir((dir_ / "rules").string(), options);
  }
  std::string Path(const std::string& rel) const { return (dir_ / rel).string(); }

 private:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               absl::StrCat("divrisk_confined_", ::getpid());
};

TEST(RuleFileAccess, FilesOutsideTheRuleSetDirectoryRefusedUnread) {
  // Issue 13 item 11: `embargoes: /etc/shadow` read the file and echoed it.
  RuleSetOnDisk d;
  for (const std::string& path :
       {d.Path("elsewhere/secret"), std::string("../elsewhere/secret"),
        std::string("/etc/passwd"), std::string("../data/embargoes.yaml")}) {
    d.Embargoes(path);
    auto plan = d.Compile();
    ASSERT_FALSE(plan.ok()) << path;
    const std::string message(plan.status().message());
    EXPECT_THAT(message, HasSubstr(": outside the rule-set directory"))
        << path;
    EXPECT_THAT(message, Not(HasSubstr("root"))) << path;
    EXPECT_THAT(message, Not(HasSubstr("HASH"))) << path;
  }
}

TEST(RuleFileAccess, SymbolicLinkOutOfTheRuleSetDirectoryRefused) {
  RuleSetOnDisk d;
  std::filesystem::create_symlink(d.Path("elsewhere/secret"),
                                  d.Path("rules/link.yaml"));
  d.Embargoes("link.yaml");
  auto plan = d.Compile();
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(std::string(plan.status().message()),
              HasSubstr("link.yaml: outside the rule-set directory"));
}

TEST(RuleFileAccess, DataDirectoryAndTrustedRuleSetsMayNameFilesElsewhere) {
  RuleSetOnDisk d;
  d.Embargoes("../data/embargoes.yaml");
  EXPECT_FALSE(d.Compile().ok());
  RuleFileAccess data;
  data.data_dirs.push_back(d.Path("data"));
  auto plan = d.Compile(data);
  EXPECT_TRUE(plan.ok()) << plan.status();
  RuleFileAccess trusted;
  trusted.trusted = true;
  plan = d.Compile(trusted);
  EXPECT_TRUE(plan.ok()) << plan.status();
}

TEST(RuleFileAccess, TrustedRuleSetNamingAForeignFileQuotesExcerptsOnly) {
  RuleSetOnDisk d;
  d.Embargoes(d.Path("elsewhere/secret"));
  RuleFileAccess trusted;
  trusted.trusted = true;
  auto plan = d.Compile(trusted);
  ASSERT_FALSE(plan.ok());
  const std::string message(plan.status().message());
  // Each error quotes at most kExcerptBytes of a line: not the hash.
  EXPECT_THAT(message, HasSubstr("root:$y$j9T$"));
  EXPECT_THAT(message, Not(HasSubstr("HASHHASHHASH")));
  for (absl::string_view line : absl::StrSplit(message, '\n')) {
    EXPECT_LT(line.size(), 400u) << line;
  }
}

TEST(CompilerErrors, ReferenceKindThatIsNotAWord) {
  Files f = WithRuleSet("  embargoes: embargoes.yaml\n",
                        "  embargoes: embargoes.yaml\n  sanctions: s.yaml\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "sanctions"),
                             "reference.sanctions: unknown key\n")));
}

TEST(CompilerErrors, ReferenceWithoutCountries) {
  Files f = WithRuleSet("  countries: countries.yaml\n", "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("reference.countries: missing required "
                                "field\n"));
  // Every code in the other files is then unknown.
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(
                          "mem/embargoes.yaml:",
                          Pos(f["embargoes.yaml"], "\"LY\""),
                          ": embargoes[0].target: 'LY' is not in the country "
                          "table\n")));
}

TEST(CompilerErrors, MissingReferenceSection) {
  Files f = WithRuleSet(
      "reference:\n  countries: countries.yaml\n  embargoes: "
      "embargoes.yaml\n",
      "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("reference: missing required field\n"));
  // The indicators are still read and checked, not reported as unknown.
  EXPECT_THAT(errors, Not(HasSubstr("indicators: unknown key")));
}

TEST(CompilerErrors, ReferenceFileWithUnknownKey) {
  Files f = TinyFiles();
  f["countries.yaml"] =
      Replace(f["countries.yaml"], "{code: \"NO\", name: \"Norway\"}",
              "{code: \"NO\", name: \"Norway\", capital: \"Oslo\"}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             "mem/countries.yaml:",
                             Pos(f["countries.yaml"], "capital"),
                             ": countries[1].capital: unknown key\n")));
}

TEST(CompilerErrors, ReferenceFileWithCodeNotInTheTable) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "target: \"LY\"", "target: \"SO\"");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             "mem/embargoes.yaml:",
                             Pos(f["embargoes.yaml"], "\"SO\""),
                             ": embargoes[0].target: 'SO' is not in the "
                             "country table\n")));
}

TEST(CompilerErrors, YamlSyntaxErrorInAReferenceFileNamesTheFile) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "target: \"LY\"", "target: [\"LY\"");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("mem/embargoes.yaml:"));
  EXPECT_THAT(errors, Not(HasSubstr("mem/ruleset.yaml")));
}

TEST(CompilerErrors, YamlSyntaxErrorInTheRuleSet) {
  Files f = WithRuleSet("name: tiny\n", "name: [tiny\n");
  EXPECT_THAT(Errors(f), HasSubstr("mem/ruleset.yaml:"));
}

TEST(CompilerErrors, SeveralErrorsReportedTogether) {
  Files f = WithRuleSet("kernel: euc_absent", "kernel: euc_missing");
  std::string& text = f["ruleset.yaml"];
  text = Replace(text, "weights: {goods: 5}", "weights: {gods: 5}");
  text = Replace(text, "recommendation: approve}", "recommendation: allow}");
  text = Replace(text, "name: tiny\n", "name: tiny\nowner: MoD\n");
  f["countries.yaml"] =
      Replace(f["countries.yaml"], "{code: \"NO\", name: \"Norway\"}",
              "{code: \"NO\", name: \"Norway\", capital: \"Oslo\"}");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("invalid rule set:\n"));
  EXPECT_THAT(errors, HasSubstr("owner: unknown key"));
  EXPECT_THAT(errors, HasSubstr("unknown kernel 'euc_missing'"));
  EXPECT_THAT(errors, HasSubstr("unknown category 'gods'"));
  EXPECT_THAT(errors, HasSubstr("found 'allow'"));
  EXPECT_THAT(errors, HasSubstr("countries[1].capital: unknown key"));
  // One line per error, the ruleset's in file order.
  EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 6);
  EXPECT_LT(errors.find("owner: unknown key"), errors.find("found 'allow'"));
  EXPECT_LT(errors.find("found 'allow'"), errors.find("unknown kernel"));
  EXPECT_LT(errors.find("unknown kernel"), errors.find("'gods'"));
}

// ---- Identity --------------------------------------------------------------

constexpr const char* kRuleSetRelaidOut = R"yaml(# Same rule set, other layout.
name: "tiny"    # quoted now
format: "divrisk-rules/1"
version: "1.0"

indicators:
  - kernel: euc_absent
    id: EUC-1.absent
    unknown_value: 0.5
    weights:
      euc: 20
    evidence: No end-user certificate was supplied
    refs:
      - ATT 11(2)
      - EUC-1
  - {id: GC-1.portable, kernel: goods_portable_attractive,
     params: {categories: [small_arms, ammunition]}, weights: {goods: 5},
     unknown_value: 0, refs: [GC-1], evidence: "Portable, attractive items"}

overriding_risk: {category: euc, threshold: 25, refs: ["ATT 7(3)"], reason: Overriding}
mitigations:
  - {measure: marking_and_record_keeping, mitigates: {GC-1.portable: 0.4},
     requires: [state_end_user], refs: [MIT-3], condition: Mark every item}
gates:
  - {id: G1, indicator: GC-1.portable, refuse_at: 1, refs: ["ATT 6(1)"],
     reason: Portable goods}
bands:
  - id: low
    below: 20
    recommendation: approve
  - id: high
    recommendation: refuse
    uncertain_recommendation: refer
categories:
  - id: euc
    name: EUC
    cap: 25
  - id: goods
    name: Goods
    cap: 10
reference:
  embargoes: embargoes.yaml
  countries: countries.yaml
)yaml";

TEST(Identity, CommentsKeyOrderAndLayoutKeepTheHash) {
  Files relaid = TinyFiles();
  relaid["ruleset.yaml"] = kRuleSetRelaidOut;
  relaid["countries.yaml"] = R"yaml(# countries, block style
countries:
  - code: GB
    name: United Kingdom
  - name: Norway
    code: "NO"
  - {name: Libya, code: LY}
source: {as_of: "2026-01-01", title: Test countries}
)yaml";
  EXPECT_EQ(Sha(relaid), Sha(TinyFiles()));
}

TEST(Identity, OneWeightChangesTheHash) {
  EXPECT_NE(Sha(WithRuleSet("weights: {euc: 20}", "weights: {euc: 21}")),
            Sha(TinyFiles()));
}

TEST(Identity, OneReferenceFactChangesTheHash) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "2011-02-26", "2011-02-27");
  EXPECT_NE(Sha(f), Sha(TinyFiles()));
}

TEST(Identity, OneEvidenceStringChangesTheHash) {
  EXPECT_NE(Sha(WithRuleSet("\"Portable, attractive items\"",
                            "\"Portable and attractive items\"")),
            Sha(TinyFiles()));
}

TEST(Identity, DescriptiveTextIsPartOfTheHash) {
  // `description` and reference `notes` are not read, but they are hashed.
  EXPECT_NE(Sha(WithRuleSet("name: tiny\n",
                            "name: tiny\ndescription: a test\n")),
            Sha(TinyFiles()));
}

}  // namespace
}  // namespace divrisk
