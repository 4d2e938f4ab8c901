// Tests for AppendVisible and Excerpt (issue 13 items 10 and 11): what a
// file holds cannot act on a terminal or forge a line, and errors quote
// short excerpts.

#include "engine/doc/visible_text.h"

#include <string>

#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(Visible, PrintableTextAndOtherScriptsAreKept) {
  EXPECT_EQ(Visible("GB-2026-00187 Société Générale Москва 東京 ☃"),
            "GB-2026-00187 Société Générale Москва 東京 ☃");
  EXPECT_EQ(Visible(""), "");
}

TEST(Visible, ControlsAndNewlinesAreEscaped) {
  EXPECT_EQ(Visible("\x1b[2J\x1b[H\nChanged: score 0"),
            "\\x1B[2J\\x1B[H\\nChanged: score 0");
  EXPECT_EQ(Visible("a\rb\tc\x7f\x01"), "a\\rb\\tc\\x7F\\x01");
  EXPECT_EQ(Visible(std::string("a\0b", 3)), "a\\x00b");
  // The backslash itself, so that every escape reads one way.
  EXPECT_EQ(Visible("a\\nb"), "a\\\\nb");
}

TEST(Visible, BidiFormatAndC1CharactersAreEscaped) {
  EXPECT_EQ(Visible("abc\u202Edef"), "abc\\u{202E}def");         // RLO
  EXPECT_EQ(Visible("\u2066x\u2069"), "\\u{2066}x\\u{2069}");     // isolates
  EXPECT_EQ(Visible("a\u200Bb\u200Dc\uFEFF"),
            "a\\u{200B}b\\u{200D}c\\u{FEFF}");                    // zero width
  EXPECT_EQ(Visible("\u061C\u200E\u200F"), "\\u{061C}\\u{200E}\\u{200F}");
  EXPECT_EQ(Visible("x\u2028y\u2029"), "x\\u{2028}y\\u{2029}");
  EXPECT_EQ(Visible("\u0085\u009B"), "\\u{0085}\\u{009B}");       // C1, CSI
  EXPECT_EQ(Visible("\U000E0041"), "\\u{E0041}");                 // tag char
  EXPECT_EQ(Visible("soft\u00ADhyphen"), "soft\\u{00AD}hyphen");
}

TEST(Visible, IllFormedBytesAreEscaped) {
  EXPECT_EQ(Visible("a\xC0\xAF b\xFF"), "a\\xC0\\xAF b\\xFF");
  EXPECT_EQ(Visible("cut \xE2\x82"), "cut \\xE2\\x82");
}

TEST(Excerpt, ShortTextIsWholeLongTextIsCut) {
  EXPECT_EQ(Excerpt("short"), "short");
  const std::string line(500, 'x');
  EXPECT_EQ(Excerpt(line), std::string(kExcerptBytes, 'x') + "...");
  // Never inside a character.
  EXPECT_EQ(Excerpt("aé", 2), "a...");
  EXPECT_EQ(VisibleExcerpt("root:x:0:0\nbin:x:1:1", 12), "root:x:0:0\\nb...");
}

}  // namespace
}  // namespace divrisk
