// Recurring intermediaries across an archive: which past cases name the same
// broker, forwarder, consignee, carrier, aircraft or vessel (party_keys.h:
// normalised names, aliases, register ids, IMO numbers, registrations), a
// case whose intermediary appears in earlier refused or diverted cases, and
// the intermediaries that connect the most applicants and end users
// (`divrisk network`).

#ifndef DIVRISK_ENGINE_LEARN_PARTY_NETWORK_H_
#define DIVRISK_ENGINE_LEARN_PARTY_NETWORK_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/learn/archive.h"
#include "engine/model/case.h"

namespace divrisk::learn {

class PartyIndex {
 public:
  // REQUIRES: `archive` outlives the index, built with keep_keys.
  explicit PartyIndex(const Archive& archive);
  // The Archive::key_ids entries of key `key` (ascending: archive order).
  std::span<const uint32_t> Entries(uint32_t key) const;
  // The row an entry belongs to.
  uint32_t RowOf(uint32_t entry) const { return entry_row_[entry]; }

 private:
  std::vector<uint32_t> begin_;      // per key id, + 1
  std::vector<uint32_t> entries_;    // grouped by key
  std::vector<uint32_t> entry_row_;  // per Archive::key_ids entry
};

// One intermediary, carrier or vehicle of a case seen in earlier adverse
// cases: evidence, never a score.
struct RecurringParty {
  std::string path;   // in the case: parties[1].name
  std::string shown;  // as the case writes it
  std::string key;    // name:..., imo:..., vehicle:...
  struct Earlier {
    std::string case_id;
    Date assessed_on;
    bool refused = false;
    bool diverted = false;
    std::string path;  // where that case names it
  };
  std::vector<Earlier> cases;  // earliest first, at most kMaxListed
  uint64_t total = 0;          // all of them
};
inline constexpr size_t kMaxListed = 10;

// The keys of `c` named in archive cases assessed before it that were
// refused or found diverted (the case's own id excluded).
std::vector<RecurringParty> RecurringIntermediaries(const Archive& archive,
                                                    const PartyIndex& index,
                                                    const Case& c);

struct NetworkNode {
  uint32_t key = 0;
  std::string shown;
  uint64_t applicants = 0;  // distinct exporters (applicants)
  uint64_t end_users = 0;   // distinct end users
  uint64_t cases = 0;
  uint64_t adverse = 0;     // refused or found diverted
  std::vector<std::string> example_cases;  // the first few, archive order
};

// The `top` keys connecting the most distinct applicants and end users
// (their sum; ties: more cases, then the key).
std::vector<NetworkNode> Network(const Archive& archive, const PartyIndex& index,
                                 size_t top);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_PARTY_NETWORK_H_
