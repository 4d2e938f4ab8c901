#include "indicators/screening/listing_check.h"

#include <algorithm>

#include "indicators/screening/case_screening.h"
#include "indicators/screening/loaders.h"

namespace divrisk::screening {

ListingResult CheckListing(const Screener& screener, const Case& c,
                           const std::vector<ListingEffect>& effects,
                           bool explain) {
  return CheckListing(screener, c, ScreenCase(screener, c), effects, explain);
}

ListingResult CheckListing(const Screener& screener, const Case& c,
                           const std::vector<PartyFinding>& findings,
                           const std::vector<ListingEffect>& effects,
                           bool explain) {
  ListingResult result;
  for (const PartyFinding& f : findings) {
    const ListEntry& e = screener.lists().entries[f.match.entry];
    const ListingEffect effect = screener.lists().sources[e.source].effect;
    if (std::find(effects.begin(), effects.end(), effect) == effects.end()) {
      continue;
    }
    if (f.Counts()) {
      result.value = std::max(
          result.value, f.match.level == MatchLevel::kHit ? 1.0 : 0.5);
    }
    if (!explain) {
      if (result.value == 1) return result;
      continue;
    }
    result.facts.push_back(FindingFact(screener, f));
    result.facts.push_back(EntryFact(screener, f, c.assessed_on));
  }
  return result;
}

std::shared_ptr<const Screener> BuildReferenceScreener(
    const std::vector<ListedParty>& listed_parties, ListSet declared,
    const ScreeningParams& params) {
  AddListedParties(listed_parties, &declared);
  return std::make_shared<const Screener>(std::move(declared), params);
}

}  // namespace divrisk::screening
