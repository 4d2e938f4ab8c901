// FindRepeatedIds: the first pass that lets the duplicate check remember
// only the ids that repeat. It must never miss a repeated id, whether its
// runs stay in memory or spill to disk, and must read ids as the case
// reader does (escapes, byte-order marks, invalid lines).

#include "engine/batch/repeated_ids.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "engine/batch/batch_run.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::UnorderedElementsAre;

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path =
      (fs::path(::testing::TempDir()) / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<uint64_t> Sorted(const absl::flat_hash_set<uint64_t>& set) {
  std::vector<uint64_t> v(set.begin(), set.end());
  std::sort(v.begin(), v.end());
  return v;
}

TEST(RepeatedIds, FindsIdsOnTwoOrMoreLinesAsTheReaderReadsThem) {
  const std::string path = WriteFile(
      "ids.jsonl",
      "{\"id\":\"A\",\"format\":\"divrisk-case/1\"}\n"
      "{\"format\":\"divrisk-case/1\",\"id\":\"B\"}\n"
      "{\"id\":\"\\u0041\"}\n"                   // "A" again, escaped
      "\xEF\xBB\xBF{\"id\":\"C\"}\r\n"           // a mark and CRLF: "C"
      "{\"id\":\"C\"}\n"
      "{\"id\":\"D\"}\n"
      "{\"id\":\"D\"\n"                          // not JSON: adds nothing
      "{\"id\":7}\n"                             // not a string id
      "[\"E\"]\n"                                // not an object
      "\n"
      "{\"id\":\"F\"}");                         // no final newline
  absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
      FindRepeatedIds(path, 1 << 20);
  ASSERT_TRUE(repeated.ok()) << repeated.status();
  EXPECT_THAT(*repeated,
              UnorderedElementsAre(CaseIdHash("A"), CaseIdHash("C")));
}

TEST(RepeatedIds, TooLongLinesAreSkippedLikeTheBatchSkipsThem) {
  const std::string path = WriteFile(
      "long.jsonl", absl::StrCat("{\"id\":\"X\",\"pad\":\"",
                                 std::string(200, 'p'), "\"}\n{\"id\":\"X\"}\n"));
  absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
      FindRepeatedIds(path, 100);
  ASSERT_TRUE(repeated.ok()) << repeated.status();
  EXPECT_TRUE(repeated->empty());
}

// Ids drawn at random from a pool, with the runs spilled every 97 hashes:
// the merge across spilled runs and the last run in memory must find
// exactly the ids counted twice or more.
TEST(RepeatedIds, SpilledRunsFindExactlyTheRepeatedIds) {
  std::mt19937_64 random(11);
  std::string text;
  absl::flat_hash_map<uint64_t, int> counts;
  for (int line = 0; line < 5000; ++line) {
    const std::string id = absl::StrCat("CASE-", random() % 4000);
    absl::StrAppend(&text, "{\"id\":\"", id, "\"}\n");
    ++counts[CaseIdHash(id)];
  }
  absl::flat_hash_set<uint64_t> expected;
  for (const auto& [hash, n] : counts) {
    if (n > 1) expected.insert(hash);
  }
  ASSERT_GT(expected.size(), 100u);
  ASSERT_LT(expected.size(), counts.size());
  const std::string path = WriteFile("random.jsonl", text);
  for (size_t run : {size_t{97}, size_t{4999}, size_t{5000}, size_t{1} << 19}) {
    absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
        FindRepeatedIds(path, 1 << 20, run);
    ASSERT_TRUE(repeated.ok()) << repeated.status();
    EXPECT_EQ(Sorted(*repeated), Sorted(expected)) << "runs of " << run;
  }
}

TEST(RepeatedIds, AMissingFileIsAnError) {
  absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
      FindRepeatedIds("/nonexistent/archive.jsonl", 1 << 20);
  ASSERT_FALSE(repeated.ok());
  EXPECT_THAT(std::string(repeated.status().message()),
              ::testing::HasSubstr("/nonexistent/archive.jsonl: cannot open"));
}

}  // namespace
}  // namespace divrisk
