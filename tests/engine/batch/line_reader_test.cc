#include "engine/batch/line_reader.h"

#include <cstdio>

#include "gtest/gtest.h"

namespace divrisk {
namespace {

std::vector<InputLine> ReadAll(const std::string& text, size_t max_line,
                               size_t chunk = 2) {
  std::FILE* in =
      text.empty() ? std::fopen("/dev/null", "rb")
                   : fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  LineReader reader(in, max_line);
  std::vector<InputLine> all, lines;
  while (size_t n = reader.ReadChunk(chunk, &lines)) {
    all.insert(all.end(), lines.begin(), lines.begin() + n);
  }
  EXPECT_FALSE(reader.failed());
  std::fclose(in);
  return all;
}

TEST(LineReader, CountsEveryLineIncludingEmptyAndUnterminatedOnes) {
  auto lines = ReadAll("a\n\nb\r\nc", 100);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_EQ(lines[1].text, "");
  EXPECT_EQ(lines[2].text, "b");  // CRLF
  EXPECT_EQ(lines[3].text, "c");  // no final newline
  EXPECT_EQ(lines[3].number, 4u);
}

TEST(LineReader, EmptyInputHasNoLines) {
  EXPECT_TRUE(ReadAll("", 100).empty());
  EXPECT_EQ(ReadAll("\n", 100).size(), 1u);
}

TEST(LineReader, DropsAByteOrderMarkOnTheFirstLineOnly) {
  auto lines = ReadAll("\xEF\xBB\xBFx\n\xEF\xBB\xBFy\n", 100);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "x");
  EXPECT_EQ(lines[1].text, "\xEF\xBB\xBFy");
}

TEST(LineReader, MarksOverLongLinesAndKeepsCounting) {
  const std::string big(3 << 20, 'x');  // longer than the 1 MiB buffer
  auto lines = ReadAll("a\n" + big + "\nb\n", 1000);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_TRUE(lines[1].text.empty());
  EXPECT_FALSE(lines[2].too_long);
  EXPECT_EQ(lines[2].text, "b");
  EXPECT_EQ(lines[2].number, 3u);
}

TEST(LineReader, LongLinesWithinTheLimitSurviveBufferRefills) {
  const std::string big(3 << 20, 'y');
  auto lines = ReadAll(big + "\nz", 4 << 20);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, big);
  EXPECT_EQ(lines[1].text, "z");
}

}  // namespace
}  // namespace divrisk
