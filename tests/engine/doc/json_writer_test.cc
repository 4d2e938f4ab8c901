// Tests of JsonWriter (engine/doc/json_writer.h): commas, keys, values and
// the buffer between the writer and its string.

#include "engine/doc/json_writer.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/doc/json_text.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(JsonWriter, PlacesCommasBetweenMembersAndElements) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("a").Int(1).Key("b").Open('[');
    j.Str("x").Open('{').Close('}').Open('[').Close(']').Bool(false).Null();
    j.Close(']').Key("c").Open('{').Close('}').Close('}');
  }
  EXPECT_EQ(out, R"({"a":1,"b":["x",{},[],false,null],"c":{}})");
}

TEST(JsonWriter, LiteralKeysAsTheyAreOtherKeysEscaped) {
  std::string out;
  {
    JsonWriter j(&out);
    const std::string key = "tax \"id\"";
    j.Open('{').Key("plain").Word("w").Key(key).Str("v\n").Close('}');
  }
  EXPECT_EQ(out, R"({"plain":"w","tax \"id\"":"v\n"})");
}

TEST(JsonWriter, Numbers) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('[').Int(int64_t{-5}).Int(uint64_t{18446744073709551615u});
    j.Double(0.1 + 0.2).Double(6500000).Double(std::nan(""));
    j.Double(std::numeric_limits<double>::infinity());
    j.Fixed(412500).Fixed(-5).Raw("{\"r\":1}").Close(']');
  }
  EXPECT_EQ(out,
            "[-5,18446744073709551615,0.30000000000000004,6500000,null,null,"
            "41.2500,-0.0005,{\"r\":1}]");
}

TEST(JsonWriter, AppendsToWhatIsThereOnFlushAndPutIsRaw) {
  std::string out = "x";
  JsonWriter j(&out);
  j.Open('{').Close('}');
  j.Put('\n');
  EXPECT_EQ(out, "x");  // still in the buffer
  j.Flush();
  EXPECT_EQ(out, "x{}\n");
}

// Texts longer than the buffer, and many pieces across its edge, arrive
// whole and in order.
TEST(JsonWriter, LongTextsAndManyPiecesCrossTheBuffer) {
  std::string big(10000, 'b');
  big[5000] = '"';
  std::string out;
  std::string expected = "[";
  {
    JsonWriter j(&out);
    j.Open('[');
    for (int i = 0; i < 1000; ++i) {
      j.Str("abcdefg");
      expected += i ? ",\"abcdefg\"" : "\"abcdefg\"";
    }
    j.Str(big);
    expected += ",";
    AppendJsonString(big, &expected);
    j.Close(']');
    expected += "]";
  }
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace divrisk
