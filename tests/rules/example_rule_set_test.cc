// rules/att-example-authority is the default rule set plus an imaginary
// authority's invented records: everything but its identity, its reference
// files and its authority must stay a copy of rules/att-default/ruleset.yaml,
// and it must say what it is.

#include <set>
#include <string>

#include "engine/doc/file_reader.h"
#include "engine/doc/yaml_parser.h"
#include "gtest/gtest.h"
#include "rules/canonical.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

const std::string kRules = std::string(DIVRISK_SOURCE_DIR) + "/rules/";

DocNode Parse(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileToString(path);
  EXPECT_TRUE(text.ok()) << text.status();
  absl::StatusOr<DocNode> root = ParseYaml(text.ok() ? *text : "");
  EXPECT_TRUE(root.ok()) << root.status();
  return root.ok() ? *root : DocNode();
}

TEST(ExampleRuleSet, ScoresExactlyAsTheDefault) {
  const DocNode def = Parse(kRules + "att-default/ruleset.yaml");
  const DocNode ex = Parse(kRules + "att-example-authority/ruleset.yaml");
  const std::set<std::string> own = {"name", "version", "description",
                                     "reference", "authority"};
  std::set<std::string> keys;
  for (const auto& [k, v] : def.fields) keys.insert(k.text);
  for (const auto& [k, v] : ex.fields) keys.insert(k.text);
  for (const std::string& key : keys) {
    if (own.contains(key)) continue;
    const DocNode* a = def.Find(key);
    const DocNode* b = ex.Find(key);
    ASSERT_TRUE(a != nullptr && b != nullptr) << key << " is in one only";
    std::string ca, cb;
    AppendCanonical(*a, &ca);
    AppendCanonical(*b, &cb);
    EXPECT_EQ(ca, cb) << "`" << key
                      << "` of rules/att-example-authority/ruleset.yaml "
                         "differs from rules/att-default/ruleset.yaml: "
                         "copy the default's change";
  }
}

TEST(ExampleRuleSet, SaysItIsIllustrativeAndTheDefaultHoldsNoInventedRecord) {
  auto ex = CompileRuleSetDir(kRules + "att-example-authority");
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_TRUE((*ex)->reference->AnyIllustrative());
  EXPECT_TRUE((*ex)->reference->KindIllustrative("registers"));
  auto def = CompileRuleSetDir(kRules + "att-default");
  ASSERT_TRUE(def.ok()) << def.status();
  const ReferenceData& ref = *(*def)->reference;
  EXPECT_FALSE(ref.AnyIllustrative());
  EXPECT_TRUE(ref.register_entries.empty());
  EXPECT_TRUE(ref.registers_held.empty());
  EXPECT_TRUE(ref.euc_templates.empty());
  EXPECT_TRUE(ref.flagged_euc_numbers.empty());
  for (const ListedParty& p : ref.listed_parties) {
    EXPECT_FALSE(p.illustrative) << p.id;
    EXPECT_EQ(p.effect, ListingEffect::kSanction) << p.id;
  }
  for (const ReferenceFileInfo& f : ref.files) {
    EXPECT_FALSE(f.title.empty()) << f.kind;
    EXPECT_FALSE(f.as_of.empty()) << f.kind;
  }
}

}  // namespace
}  // namespace divrisk
