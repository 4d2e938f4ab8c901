// Screening work grows linearly with the input (issue 14): the largest
// legal case file (16 MiB, strings of at most 64 KiB: README "Limits")
// screens within a bound on the counted work (ScreeningWork(), scorer.h:
// bytes normalised and hashed, character comparisons, postings walked,
// token pairs scored), never on time. The timing is in
// bench/screening_benchmark.cc (BM_LargestCase).

#include <filesystem>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "indicators/screening/case_screening.h"
#include "indicators/screening/eval/shared_data.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/scorer.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {
namespace {

constexpr size_t kString = 64 * 1024;       // the longest legal string
constexpr size_t kFile = 16 * 1024 * 1024;  // the largest legal file

const Screener& AllLists() {
  static const Screener* s = [] {
    ListSet set;
    const std::string dir = std::string(DIVRISK_SHARED_DIR) + "/data/screening";
    if (std::filesystem::exists(dir)) {
      for (const ListSpec& spec : SharedDataLists(dir)) {
        EXPECT_TRUE(LoadList(spec, &set).ok());
      }
    }
    return new Screener(std::move(set));
  }();
  return *s;
}

// A string of about `bytes` bytes in one of the shapes an attacker might
// choose.
std::string Shape(int shape, size_t bytes, std::mt19937_64& rng) {
  std::string s;
  auto letter = [&] { return static_cast<char>('a' + rng() % 26); };
  while (s.size() + 4 <= bytes) {
    switch (shape) {
      case 0:
        s.push_back(letter());
        break;  // one word
      case 1:
        s += "ab";
        s.push_back(letter());
        s += ' ';
        break;  // tokens
      case 2:
        s.push_back(letter());
        s.push_back('7');
        break;  // digits
      case 3:
        s += "金";
        break;  // Han
      case 4:
        s += "а";
        s.push_back(letter());
        break;  // mixed script
      case 5:
        s.push_back(letter());
        s += "\u200B";
        break;  // invisible
      case 6:
        s += "mohammed ";
        break;  // common token
      default:
        s += "Leader International ";
        break;  // listed words
    }
  }
  return s;
}

Case LargestCase(int shapes_from, int shapes_to) {
  std::mt19937_64 rng(14);
  Case c;
  c.assessed_on = *ParseIsoDate("2026-09-02");
  const size_t strings = kFile / kString;  // 256 strings of 64 KiB
  size_t made = 0;
  while (made < strings) {
    Party p;
    p.kind = PartyKind::kCompany;
    p.name =
        Shape(shapes_from + static_cast<int>(made) % (shapes_to - shapes_from),
              kString, rng);
    ++made;
    for (int a = 0; a < 31 && made < strings; ++a, ++made) {
      p.aliases.push_back(Shape(
          shapes_from + static_cast<int>(made) % (shapes_to - shapes_from),
          kString, rng));
    }
    c.parties.push_back(std::move(p));
  }
  return c;
}

uint64_t WorkOf(const Case& c) {
  const uint64_t before = ScreeningWork();
  ScreenCase(AllLists(), c);
  FindDisguisedNames(c);
  return ScreeningWork() - before;
}

size_t Bytes(const Case& c) {
  size_t n = 0;
  for (const Party& p : c.parties) {
    n += p.name.size();
    for (const std::string& a : p.aliases) n += a.size();
  }
  return n;
}

// Per byte of names, the work stays under a constant, whatever the shape.
// (Before issue 14 a one-word 64 KiB name alone cost about 2 * 10^9
// character comparisons in Jaro-Winkler and the deletion neighbourhood.)
constexpr uint64_t kWorkPerByte = 64;
constexpr uint64_t kWorkPerName = 4'000'000;  // postings of common tokens

TEST(LinearCostTest, LargestLegalCaseFileScreensWithinBoundedWork) {
  const Case c = LargestCase(0, 8);
  ASSERT_GE(Bytes(c), kFile - kString);
  const uint64_t work = WorkOf(c);
  const uint64_t names = kFile / kString;
  EXPECT_LE(work, kWorkPerByte * Bytes(c) + kWorkPerName * names)
      << "work " << work << " for " << Bytes(c) << " bytes";
  RecordProperty("work", std::to_string(work));
}

// Each shape alone: 64 times the length costs at most about 64 times the
// work (linear, not quadratic).
TEST(LinearCostTest, LongerNamesCostProportionallyMore) {
  for (int shape = 0; shape < 8; ++shape) {
    std::mt19937_64 rng(shape);
    Case small, large;
    small.assessed_on = large.assessed_on = *ParseIsoDate("2026-09-02");
    Party p;
    p.kind = PartyKind::kCompany;
    p.name = Shape(shape, kString / 64, rng);
    small.parties.push_back(p);
    p.name = Shape(shape, kString, rng);
    large.parties.push_back(p);
    const uint64_t ws = WorkOf(small), wl = WorkOf(large);
    EXPECT_LE(wl, 70 * ws + kWorkPerName) << "shape " << shape;
    EXPECT_LE(wl, kWorkPerByte * kString + kWorkPerName) << "shape " << shape;
  }
}

}  // namespace
}  // namespace divrisk::screening
