#include "engine/learn/party_keys.h"

#include <algorithm>
#include <cctype>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/model/name_normalizer.h"

namespace divrisk::learn {

namespace {

// An identifier compared without case, spaces or dashes ("5Y-ABC" = "5y abc").
std::string FoldIdentifier(std::string_view id) {
  std::string out;
  for (char ch : id) {
    if (ch == ' ' || ch == '-' || ch == '.' || ch == '/') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return out;
}

class KeySet {
 public:
  explicit KeySet(std::vector<PartyKey>* out) : out_(out) {}
  void Add(std::string key, std::string path, std::string_view shown) {
    if (key.empty() || key.back() == ':') return;
    if (!seen_.insert(key).second) return;
    out_->push_back({std::move(key), std::move(path), std::string(shown)});
  }
  void Name(std::string_view name, std::string path) {
    Add("name:" + NormalizeName(name), std::move(path), name);
  }
  void Id(std::string_view kind, std::string_view id, std::string path) {
    Add(absl::StrCat(std::string(kind), ":", FoldIdentifier(id)), std::move(path), id);
  }

 private:
  std::vector<PartyKey>* out_;
  absl::flat_hash_set<std::string> seen_;
};

}  // namespace

std::vector<PartyKey> IntermediaryKeys(const Case& c) {
  std::vector<PartyKey> keys;
  KeySet set(&keys);
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    const std::string at = absl::StrCat("parties[", i, "]");
    set.Name(p.name, at + ".name");
    for (size_t a = 0; a < p.aliases.size(); ++a) {
      set.Name(p.aliases[a], absl::StrCat(at, ".aliases[", a, "]"));
    }
    if (p.register_id) set.Id("register", *p.register_id, at + ".register_id");
    for (const auto& [kind, value] : p.identifiers) {
      // An aircraft or vessel is the same whichever party names it.
      const std::string k = kind == "icao" ? "vehicle" : kind;
      set.Id(k, value, absl::StrCat(at, ".identifiers.", kind));
    }
  }
  if (c.transport) {
    for (size_t i = 0; i < c.transport->legs.size(); ++i) {
      const Leg& leg = c.transport->legs[i];
      const std::string at = absl::StrCat("transport.legs[", i, "]");
      if (leg.carrier) set.Name(*leg.carrier, at + ".carrier");
      if (leg.vehicle_id) {
        // A seven-digit vehicle id is an IMO number; anything else a tail
        // number or registration.
        const std::string folded = FoldIdentifier(*leg.vehicle_id);
        const bool imo =
            folded.size() == 7 && std::all_of(folded.begin(), folded.end(),
                                              [](char ch) { return ch >= '0' && ch <= '9'; });
        set.Id(imo ? "imo" : "vehicle", *leg.vehicle_id, at + ".vehicle_id");
      }
    }
  }
  return keys;
}

std::string PrincipalKey(const Party& p) { return NormalizeName(p.name); }

}  // namespace divrisk::learn
