// Tests of rules/compile_wording.cc: the `citations:` table, each
// indicator's `question:` template, and the check that every ref is cited
// or an internal catalogue id. Helpers: compiler_test_util.h.

#include "rules/compiler.h"

#include "tests/rules/compiler_test_util.h"

namespace divrisk {
namespace {

using namespace ::divrisk::test_util;  // NOLINT: the shared helpers

constexpr const char* kEvidence =
    "    evidence: \"No end-user certificate was supplied\"\n";

Files WithQuestion(const std::string& question) {
  return WithRuleSet(kEvidence, absl::StrCat(kEvidence, "    question: ",
                                             question, "\n"));
}

TEST(CompileWording, QuestionTemplateCompiledIntoThePlan) {
  auto plan = Compile(WithQuestion(
      "{to: embassy, text: \"Did {destination} issue it to {end_user}?\"}"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  const IndicatorSpec& spec =
      (*plan)->indicators[(*plan)->IndicatorIndex("EUC-1.absent")];
  ASSERT_TRUE(spec.question.has_value());
  EXPECT_EQ(spec.question->to, Addressee::kEmbassy);
  EXPECT_EQ(spec.question->text, "Did {destination} issue it to {end_user}?");
  // Without one: the documented fallback (engine/explain/questions.h).
  EXPECT_FALSE((*plan)->indicators[(*plan)->IndicatorIndex("GC-1.portable")]
                   .question.has_value());
}

TEST(CompileWording, QuestionErrorsAreLocated) {
  Files f = WithQuestion("{to: consul, text: \"Q?\"}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "consul"), "indicators[0].question.to: ")));
  f = WithQuestion("{to: applicant, text: \"Q?\", tone: polite}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "tone"),
                             "indicators[0].question.tone: unknown key")));
  f = WithQuestion("{to: applicant}");
  EXPECT_THAT(Errors(f), HasSubstr("indicators[0].question.text: missing "
                                   "required field"));
  f = WithQuestion("{to: applicant, text: \"Is {end_user_name} known?\"}");
  EXPECT_THAT(Errors(f),
              HasSubstr("indicators[0].question.text: unknown placeholder "
                        "'{end_user_name}'; known: {end_user}, {exporter}, "
                        "{destination}"));
  f = WithQuestion("{to: applicant, text: \"Is {end_user known?\"}");
  EXPECT_THAT(Errors(f), HasSubstr("a '{' without its '}'"));
}

TEST(CompileWording, CitationsTableLongestCodeFirst) {
  auto plan = Compile(WithRuleSet(
      "categories:\n",
      "citations:\n  ATT: \"ATT Art.\"\n  ATT Annex: \"ATT Annex\"\n"
      "categories:\n"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ((*plan)->citations.size(), 2u);
  EXPECT_EQ((*plan)->citations[0].code, "ATT Annex");
  EXPECT_EQ((*plan)->FindCitation("ATT Annex 2")->title, "ATT Annex");
  EXPECT_EQ((*plan)->FindCitation("ATT 11(2)")->title, "ATT Art.");
  EXPECT_EQ((*plan)->FindCitation("EUC-1"), nullptr);
}

// With a table, a ref that is neither one of its codes nor a catalogue id
// is a typo or a source the letter could not cite: an error at the ref.
TEST(CompileWording, UncitedRefRefusedWhenATableIsGiven) {
  Files f = WithRuleSet("categories:\n",
                        "citations:\n  ATT: \"ATT Art.\"\ncategories:\n");
  f["ruleset.yaml"] =
      Replace(f["ruleset.yaml"], "refs: [\"MIT-3\"]", "refs: [\"MIT-3\", \"WA-XYZ\"]");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "\"WA-XYZ\""),
                             "mitigations[0].refs[1]: 'WA-XYZ' is neither a "
                             "code of `citations:` nor a catalogue id (such "
                             "as EUC-3)")));
  f["ruleset.yaml"] = Replace(f["ruleset.yaml"], ", \"WA-XYZ\"", "");
  EXPECT_TRUE(Compile(f).ok());
  // Without a table, refs are shown as written (no check).
  EXPECT_TRUE(Compile(TinyFiles()).ok());
}

TEST(CompileWording, CitationTitleMustBeAString) {
  Files f = WithRuleSet("categories:\n",
                        "citations:\n  ATT: [a, b]\ncategories:\n");
  EXPECT_THAT(Errors(f), HasSubstr("citations.ATT: expected"));
  f = WithRuleSet("categories:\n", "citations: [ATT]\ncategories:\n");
  EXPECT_THAT(Errors(f), HasSubstr("citations: expected"));
}

}  // namespace
}  // namespace divrisk
