// The keys an intermediary, carrier or vehicle of a case is known by, so
// that the same one is found again across an archive: its name and each
// alias normalised (NormalizeName, the kernels' exact-after-normalisation
// key: case, punctuation, legal forms and word order do not matter), its
// register id and identifiers (IMO numbers, aircraft registrations, LEI,
// ...), and each leg's carrier and vehicle id.

#ifndef DIVRISK_ENGINE_LEARN_PARTY_KEYS_H_
#define DIVRISK_ENGINE_LEARN_PARTY_KEYS_H_

#include <string>
#include <vector>

#include "engine/model/case.h"

namespace divrisk::learn {

struct PartyKey {
  std::string key;    // "name:<normalised>", "imo:9321483", "vehicle:5y-abc", ...
  std::string path;   // where in the case: parties[1].identifiers.imo
  std::string shown;  // the text as the case writes it
};

// Every key of the case's intermediaries (parties[]), carriers and vehicles
// (transport.legs[]), each once per case (the first path that gives it).
std::vector<PartyKey> IntermediaryKeys(const Case& c);

// The normalised-name key of a principal (exporter or end user).
std::string PrincipalKey(const Party& p);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_PARTY_KEYS_H_
