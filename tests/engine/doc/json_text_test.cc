// Tests of JSON string escaping and plain JSON from a document tree
// (engine/doc/json_text.h).

#include "engine/doc/json_text.h"

#include <string>

#include "absl/strings/str_format.h"
#include "engine/doc/yaml_parser.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

std::string Json(const std::string& yaml) {
  absl::StatusOr<DocNode> root = ParseYaml(yaml);
  if (!root.ok()) {
    ADD_FAILURE() << root.status();
    return "";
  }
  std::string out;
  AppendJson(*root, &out);
  return out;
}

TEST(AppendJsonString, EscapesQuotesBackslashesAndControls) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\re\tf\x01g", &out);
  EXPECT_EQ(out, R"("a\"b\\c\nd\re\tf\u0001g")");
}

TEST(AppendJsonString, EscapesAtTheEdgesAndAppends) {
  std::string out = "x";
  AppendJsonString(std::string("\x1f\"mid\"\0", 7), &out);
  AppendJsonString("", &out);
  EXPECT_EQ(out, R"(x"\u001f\"mid\"\u0000""")");
}

// The writer copies clean runs eight bytes at a time; every byte value at
// every offset must still be escaped as one byte at a time would.
TEST(AppendJsonString, EveryByteAtEveryOffsetMatchesTheSimpleRule) {
  auto simple = [](std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20) out += absl::StrFormat("\\u%04x", c);
      else out.push_back(static_cast<char>(c));
    }
    return out + "\"";
  };
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = static_cast<char>(byte);
      std::string out;
      AppendJsonString(text, &out);
      ASSERT_EQ(out, simple(text)) << "byte " << byte << " at " << at;
    }
  }
}

TEST(AppendJsonString, KeepsUtf8AsIs) {
  std::string out;
  AppendJsonString("Côte d'Ivoire", &out);
  EXPECT_EQ(out, "\"Côte d'Ivoire\"");
}

TEST(AppendJson, KeepsDocumentOrderAndJsonTypes) {
  EXPECT_EQ(Json("b: 1.5\na: [true, x, ~]\n"),
            R"({"b":1.5,"a":[true,"x",null]})");
}

TEST(AppendJson, NumbersJsonCannotCarryBecomeStrings) {
  EXPECT_EQ(Json("[-0, 1e3, .5, +1, 0x1F, .inf, 007]"),
            R"([-0,1e3,".5","+1","0x1F",".inf","007"])");
}

TEST(AppendJson, QuotedNumbersStayStrings) {
  EXPECT_EQ(Json("a: \"12\"\n"), R"({"a":"12"})");
}

}  // namespace
}  // namespace divrisk
