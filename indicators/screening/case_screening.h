// Screening every party of a case: the exporter, the end user and its
// ultimate end users, each entry of `parties`, the carriers of the
// transport legs and their aircraft or vessels (vehicle_id as an IMO number
// or an aircraft registration), by name, alias and identifier.
//
// A match on an entry listed after the case's assessed_on was not known at
// the time (ATT Art. 6(3)): it is reported, and marked listed_later, but it
// does not count. So is an entry whose listing had ended (a DPL denial past
// its expiration date).

#ifndef DIVRISK_INDICATORS_SCREENING_CASE_SCREENING_H_
#define DIVRISK_INDICATORS_SCREENING_CASE_SCREENING_H_

#include <string>
#include <vector>

#include "engine/model/case.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {

struct PartyFinding {
  std::string party_path;  // "exporter", "parties[2]", "transport.legs[0]"
  std::string field_path;  // "parties[2].aliases[0]", "...vehicle_id"
  std::string screened;    // the name, alias or identifier screened
  Match match;
  bool listed_later = false;  // listed after assessed_on
  bool ended = false;         // no longer listed on assessed_on

  bool Counts() const { return !listed_later && !ended; }
};

// A name or alias of a party written to hide from screening (normalize.h,
// Disguise): invisible characters, look-alike letters of another script,
// digits for letters. A red flag whether or not the name is listed.
struct DisguisedName {
  std::string field_path;  // "parties[0].name", "transport.legs[1].carrier"
  std::string name;        // as written
  uint8_t disguise = 0;    // Disguise bits
};

// Every disguised name and alias of the parties ScreenCase screens, in case
// order.
std::vector<DisguisedName> FindDisguisedNames(const Case& c);

// `utf8` with its invisible characters shown as <U+200B>, so that an
// officer sees them in the evidence.
std::string ShowInvisible(std::string_view utf8);

// The query for one party of a case.
ScreeningQuery QueryForParty(const Party& party);

// All matches of all parties of `c`, by party in case order, best first.
std::vector<PartyFinding> ScreenCase(const Screener& screener, const Case& c);

// Evidence for a finding, as two facts: the party's field and what it
// matched ("\"Leadr Internationl Trading\" ~ \"Leader International Trading
// Limited\" (alias), fuzzy, score 1.00: hit": exact when the names are equal
// once normalised; "; name disguised: invisible characters" when the name
// hid, with its invisible characters shown as <U+200B>; "by its Korean or
// Japanese reading" when that matched), and the list entry (path
// "ref.lists[UN-SC:KPe.017]": effect, list, as-of date, program, listing
// date, the reasons of the score, or why it does not count).
std::pair<std::string, std::string> FindingFact(const Screener& screener,
                                                const PartyFinding& f);
std::pair<std::string, std::string> EntryFact(const Screener& screener,
                                              const PartyFinding& f,
                                              Date assessed_on);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_CASE_SCREENING_H_
