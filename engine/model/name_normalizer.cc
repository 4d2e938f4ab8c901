#include "engine/model/name_normalizer.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace divrisk {
namespace {

// Legal-form and filler words that distinguish no party from another.
constexpr std::string_view kLegalForms[] = {
    "ag",      "as",     "bv",      "co",      "company", "corp",
    "corporation", "fze", "fzco",   "fzc",     "fzllc",   "gmbh",
    "inc",     "incorporated", "jsc", "limited", "llc",   "llp",
    "ltd",     "nv",     "oao",     "ojsc",    "ooo",     "oy",
    "plc",     "pjsc",   "pte",     "pty",     "sa",      "sarl",
    "sas",     "spa",    "srl",     "the",     "zao",     "and"};

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string folded(name);
  for (char& c : folded) {
    c = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                static_cast<unsigned char>(c) >= 0x80
            ? absl::ascii_tolower(static_cast<unsigned char>(c))
            : ' ';
  }
  std::vector<absl::string_view> tokens =
      absl::StrSplit(folded, ' ', absl::SkipEmpty());
  std::erase_if(tokens, [](absl::string_view t) {
    return std::find(std::begin(kLegalForms), std::end(kLegalForms),
                     std::string_view(t.data(), t.size())) !=
           std::end(kLegalForms);
  });
  std::sort(tokens.begin(), tokens.end());
  return absl::StrJoin(tokens, " ");
}

}  // namespace divrisk
