#include "engine/explain/citation.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace divrisk {

std::string LetterCitationOf(const Plan& plan,
                             const std::vector<std::string>& refs) {
  // Title, then the pinpoints cited under it, in first-seen order.
  std::vector<std::pair<const CitationTitle*, std::vector<std::string>>> cited;
  for (const std::string& ref : refs) {
    const CitationTitle* row = plan.FindCitation(ref);
    if (row == nullptr) continue;  // an internal catalogue id
    std::string pinpoint = ref.substr(row->code.size());
    if (!pinpoint.empty()) pinpoint.erase(0, 1);  // the separating space
    auto it = cited.begin();
    while (it != cited.end() && it->first->title != row->title) ++it;
    if (it == cited.end()) {
      cited.push_back({row, {}});
      it = cited.end() - 1;
    }
    if (!pinpoint.empty() &&
        std::find(it->second.begin(), it->second.end(), pinpoint) ==
            it->second.end()) {
      it->second.push_back(std::move(pinpoint));
    }
  }
  std::vector<std::string> parts;
  for (const auto& [row, pinpoints] : cited) {
    parts.push_back(pinpoints.empty()
                        ? row->title
                        : absl::StrCat(row->title, " ",
                                       absl::StrJoin(pinpoints, ", ")));
  }
  return absl::StrJoin(parts, "; ");
}

std::string LetterCitation(const Plan& plan, int indicator) {
  return LetterCitationOf(plan, plan.indicators[indicator].refs);
}

}  // namespace divrisk
