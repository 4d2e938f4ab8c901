// Tests for AppendHtml: text from a case is shown in a page as text, never
// as markup, and invisible characters become visible first.

#include "engine/doc/html_text.h"

#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(Html, MarkupCharactersAreEscaped) {
  EXPECT_EQ(Html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(Html("<img src=x onerror=\"alert('x')\">"),
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;");
  EXPECT_EQ(Html("Smith & Sons &amp;"), "Smith &amp; Sons &amp;amp;");
}

TEST(Html, LettersOfEveryScriptAreKept) {
  EXPECT_EQ(Html("Société Générale Москва 東京"), "Société Générale Москва 東京");
}

TEST(Html, InvisibleCharactersAreMadeVisibleBeforeEscaping) {
  EXPECT_EQ(Html("a\nHard stops: none"), "a\\nHard stops: none");
  EXPECT_EQ(Html("abc\u202Edef"), "abc\\u{202E}def");
  EXPECT_EQ(Html("\xff<"), "\\xFF&lt;");
}

}  // namespace
}  // namespace divrisk
