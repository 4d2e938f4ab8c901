// The party_listed check on top of screening: every party of a case
// against the screener's lists, as a kernel value and its evidence.
//
// Value: 1 when a hit counts (a list whose effect is asked for, listed on
// or before assessed_on, not ended); 0.5 when only possible matches count
// (a name close enough to need an officer's review); 0 otherwise. Matches
// that do not count (listed later, ended) are still explained, so that an
// officer sees why a listed name did not fire.
//
// Kept free of the kernel interface (indicators/kernel.h) so that this
// library depends on the case model only: the kernel copies `facts` into
// its Evidence.

#ifndef DIVRISK_INDICATORS_SCREENING_LISTING_CHECK_H_
#define DIVRISK_INDICATORS_SCREENING_LISTING_CHECK_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/case.h"
#include "engine/model/reference_data.h"
#include "indicators/screening/case_screening.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {

struct ListingResult {
  double value = 0;
  // Two facts per finding (FindingFact, EntryFact), in case order; empty
  // unless asked for.
  std::vector<std::pair<std::string, std::string>> facts;
};

ListingResult CheckListing(const Screener& screener, const Case& c,
                           const std::vector<ListingEffect>& effects,
                           bool explain);
// The same from the case's findings with `screener` (ScreenCase), when
// they are at hand.
ListingResult CheckListing(const Screener& screener, const Case& c,
                           const std::vector<PartyFinding>& findings,
                           const std::vector<ListingEffect>& effects,
                           bool explain);

// A screener over `declared` (the rule set's screening lists, already
// parsed) and the rule set's own listed parties. For the bundled rule set
// (a dozen entries) this takes about a millisecond.
std::shared_ptr<const Screener> BuildReferenceScreener(
    const std::vector<ListedParty>& listed_parties, ListSet declared = {},
    const ScreeningParams& params = {});

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_LISTING_CHECK_H_
