#include "engine/model/name_normalizer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "engine/model/legal_forms.h"

namespace divrisk {

std::string NormalizeName(std::string_view name) {
  std::string folded(name);
  for (char& c : folded) {
    c = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                static_cast<unsigned char>(c) >= 0x80
            ? absl::ascii_tolower(static_cast<unsigned char>(c))
            : ' ';
  }
  std::vector<std::string> tokens;
  for (size_t i = 0; i < folded.size();) {
    const size_t end = std::min(folded.find(' ', i), folded.size());
    if (end > i) tokens.push_back(folded.substr(i, end - i));
    i = end + 1;
  }
  StripLegalForms(&tokens);
  std::sort(tokens.begin(), tokens.end());
  return absl::StrJoin(tokens, " ");
}

}  // namespace divrisk
