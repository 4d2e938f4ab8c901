// Helpers shared by the list loaders (loader_util.h), and the alias
// markers inside a name that the BIS DPL and the US CSL share
// (SplitAliasMarkers, loaders.h).

#include "indicators/screening/loader_util.h"

#include <algorithm>
#include <cctype>

#include "indicators/screening/country_names.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace loader_internal {

void AddCountry(std::string_view text, ListEntry* e) {
  if (std::optional<CountryCode> c = CountryFromText(text)) {
    if (std::find(e->countries.begin(), e->countries.end(), *c) ==
        e->countries.end()) {
      e->countries.push_back(*c);
    }
  }
}

void AddIdentifier(IdKind kind, std::string_view raw, std::string label,
                   ListEntry* e) {
  std::string value = CanonicalId(raw);
  if (kind == IdKind::kImo && value.rfind("IMO", 0) == 0) {
    value = value.substr(3);
  }
  if (value.empty()) return;
  for (const Identifier& id : e->identifiers) {
    if (id.kind == kind && id.value == value) return;
  }
  e->identifiers.push_back({kind, std::move(value), std::move(label)});
}

void AddName(std::string_view text, NameStrength strength, ListEntry* e,
             bool original_script) {
  text = TrimAscii(text);
  if (text.empty()) return;
  for (const ListedName& n : e->names) {
    if (n.text == text) return;
  }
  e->names.push_back({std::string(text), strength, original_script});
}

size_t FindNoCase(std::string_view hay, std::string_view needle,
                  size_t pos) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = pos; i + needle.size() <= hay.size(); ++i) {
    if (EqualsNoCase(hay.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view UpTo(std::string_view s, size_t pos, std::string_view stops) {
  if (pos >= s.size()) return {};
  const size_t end = s.find_first_of(stops, pos);
  return TrimAscii(s.substr(pos, end == std::string_view::npos ? s.npos
                                                               : end - pos));
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace loader_internal

using loader_internal::FindNoCase;

std::string SplitAliasMarkers(std::string_view name,
                              std::vector<std::string>* aliases) {
  static constexpr std::string_view kMarkers[] = {
      "a/k/a", "a.k.a.", "f/k/a", "f.k.a.", "d/b/a", "d.b.a.", "aka"};
  std::string rest(name);
  // Parenthesised: "PEARL (A.K.A. NEI-CHIEN CHU) LI".
  for (size_t open = rest.find('('); open != std::string::npos;
       open = rest.find('(', open + 1)) {
    const size_t close = rest.find(')', open);
    if (close == std::string::npos) break;
    std::string_view inside =
        TrimAscii(std::string_view(rest).substr(open + 1, close - open - 1));
    for (std::string_view m : kMarkers) {
      if (FindNoCase(inside, m) == 0 &&
          (inside.size() == m.size() || inside[m.size()] == ' ')) {
        aliases->emplace_back(TrimAscii(inside.substr(m.size())));
        rest.erase(open, close - open + 1);
        open = open == 0 ? 0 : open - 1;
        break;
      }
    }
  }
  // Inline: "FUYI SUN A/K/A FRANK SUN".
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i > 0 && rest[i - 1] != ' ') continue;
    for (std::string_view m : kMarkers) {
      if (i + m.size() <= rest.size() &&
          EqualsNoCase(std::string_view(rest).substr(i, m.size()), m) &&
          (i + m.size() == rest.size() || rest[i + m.size()] == ' ')) {
        parts.emplace_back(TrimAscii(std::string_view(rest).substr(from, i - from)));
        from = i + m.size();
        i = from;
        break;
      }
    }
  }
  parts.emplace_back(TrimAscii(std::string_view(rest).substr(from)));
  std::string primary;
  for (std::string& p : parts) {
    // Collapse the double spaces left by a removed parenthesis.
    std::string clean;
    for (char c : p) {
      if (c == ' ' && (clean.empty() || clean.back() == ' ')) continue;
      clean.push_back(c);
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (clean.empty()) continue;
    if (primary.empty()) {
      primary = std::move(clean);
    } else {
      aliases->push_back(std::move(clean));
    }
  }
  return primary;
}

}  // namespace divrisk::screening
