// Tests of the canonical form and SHA-256 identity (rules/canonical.h).

#include <string>

#include "engine/doc/yaml_parser.h"
#include "gtest/gtest.h"
#include "rules/canonical.h"

namespace divrisk {
namespace {

std::string Canonical(const std::string& yaml) {
  absl::StatusOr<DocNode> root = ParseYaml(yaml);
  if (!root.ok()) {
    ADD_FAILURE() << root.status();
    return "";
  }
  std::string out;
  AppendCanonical(*root, &out);
  return out;
}

TEST(AppendCanonical, SortsKeysAndTagsScalarsByType) {
  EXPECT_EQ(Canonical("b: 1\na: x\nc: true\nd: [1, two]\ne: ~\n"),
            R"({"a":"s:x","b":"n:1","c":"b:true","d":["n:1","s:two"],)"
            R"("e":null})");
}

TEST(AppendCanonical, SortsNestedKeysAndKeepsListOrder) {
  EXPECT_EQ(Canonical("z: {y: 1, x: [c, a, b]}\n"),
            R"({"z":{"x":["s:c","s:a","s:b"],"y":"n:1"}})");
}

TEST(AppendCanonical, SortsKeysByBytes) {
  EXPECT_EQ(Canonical("a: 1\nB: 2\n_: 3\n"),
            R"({"B":"n:2","_":"n:3","a":"n:1"})");
}

TEST(AppendCanonical, LayoutAndCommentsDoNotMatter) {
  const std::string block =
      "# a comment\n"
      "name: tiny   # trailing comment\n"
      "list:\n"
      "  - id: a\n"
      "    w: 2\n"
      "  - id: b\n";
  const std::string flow = "{list: [{w: 2, id: a}, {id: b}], name: \"tiny\"}";
  EXPECT_EQ(Canonical(block), Canonical(flow));
}

TEST(AppendCanonical, BlockScalarsAreStringsLikeQuotedOnes) {
  EXPECT_EQ(Canonical("a: >-\n  folded\n  text\n"),
            Canonical("a: 'folded text'\n"));
  EXPECT_EQ(Canonical("a: |\n  12\n"), Canonical("a: \"12\\n\"\n"));
}

TEST(AppendCanonical, TheScalarsTextAndTypeMatter) {
  // A quoted number is a string; 20 and 20.0 are different texts.
  EXPECT_NE(Canonical("w: 20\n"), Canonical("w: \"20\"\n"));
  EXPECT_NE(Canonical("w: 20\n"), Canonical("w: 20.0\n"));
  EXPECT_NE(Canonical("b: true\n"), Canonical("b: \"true\"\n"));
  // A key with a null value is not the same as no key.
  EXPECT_NE(Canonical("a: 1\nb: ~\n"), Canonical("a: 1\n"));
}

TEST(AppendCanonical, TagsCannotCollide) {
  // The string "n:1" and the number 1 stay apart.
  EXPECT_EQ(Canonical("a: \"n:1\"\n"), R"({"a":"s:n:1"})");
}

TEST(Sha256Hex, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Hex, SameCanonicalFormSameHash) {
  EXPECT_EQ(Sha256Hex(Canonical("{b: 1, a: 2}")),
            Sha256Hex(Canonical("a: 2\nb: 1\n")));
  EXPECT_NE(Sha256Hex(Canonical("{b: 1, a: 2}")),
            Sha256Hex(Canonical("{b: 1, a: 3}")));
}

}  // namespace
}  // namespace divrisk
