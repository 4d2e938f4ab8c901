// Tests of JSON string escaping and plain JSON from a document tree
// (engine/doc/json_text.h).

#include "engine/doc/json_text.h"

#include <string>

#include "absl/strings/str_format.h"
#include "engine/doc/json_writer.h"
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

// Clean runs are found sixteen bytes at a time (SSE2), then eight, then
// one: every byte value at every offset of texts of every length across
// those steps must still be escaped as one byte at a time would, by
// AppendJsonString and by JsonWriter (the one implementation, two sinks).
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
  for (size_t size : {1, 7, 8, 9, 15, 16, 17, 20, 24, 31, 32, 33, 40}) {
    for (int byte = 0; byte < 256; ++byte) {
      for (size_t at = 0; at < size; ++at) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        const std::string expected = simple(text);
        std::string out;
        AppendJsonString(text, &out);
        ASSERT_EQ(out, expected) << "byte " << byte << " at " << at << " of "
                                 << size;
        std::string written;
        JsonWriter(&written).Str(text);
        ASSERT_EQ(written, expected) << "JsonWriter: byte " << byte << " at "
                                     << at << " of " << size;
      }
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
