#include "engine/model/reference_data.h"

#include <string>

namespace divrisk {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

}  // namespace

bool BodyMatches(std::string_view word, std::string_view imposing_body) {
  if (EqualsIgnoreCase(word, imposing_body)) return true;
  std::string_view name = imposing_body;
  if (size_t open = imposing_body.find(" ("); open != std::string_view::npos) {
    name = imposing_body.substr(0, open);
    std::string_view inner = imposing_body.substr(open + 2);
    if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
    if (EqualsIgnoreCase(word, name) || EqualsIgnoreCase(word, inner)) {
      return true;
    }
  }
  std::string initials;
  for (size_t i = 0; i < name.size(); ++i) {
    if ((i == 0 || name[i - 1] == ' ') && name[i] >= 'A' && name[i] <= 'Z') {
      initials.push_back(name[i]);
    }
  }
  return initials.size() >= 2 && EqualsIgnoreCase(word, initials);
}

bool IsUniversalBody(std::string_view imposing_body) {
  return BodyMatches("UN", imposing_body) ||
         BodyMatches("United Nations", imposing_body) ||
         BodyMatches("UNSC", imposing_body);
}

std::string ReferenceData::MembershipOrganisation(std::string_view body) const {
  for (const Membership& m : memberships) {
    if (BodyMatches(m.organisation, body) ||
        BodyMatches(body, m.organisation)) {
      return m.organisation;
    }
  }
  return "";
}

const Membership* ReferenceData::MembershipOn(std::string_view organisation,
                                              CountryCode country,
                                              Date on) const {
  for (const Membership& m : memberships) {
    if (m.country == country && m.organisation == organisation && m.InOn(on)) {
      return &m;
    }
  }
  return nullptr;
}

}  // namespace divrisk
