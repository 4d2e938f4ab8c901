// Small helpers shared by the kernel families (indicators/*_kernels.cc):
// registration, evidence paths and wording, reading parameters, the route,
// and the ways the catalogue combines facts (three-valued any, maximum,
// saturation). Each does one job; what only one family needs stays there.

#ifndef DIVRISK_INDICATORS_KERNEL_UTIL_H_
#define DIVRISK_INDICATORS_KERNEL_UTIL_H_

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/enums.h"
#include "indicators/registry.h"

namespace divrisk {

// Registers kernel type K, constructed as K(params, context) when it needs
// more than the reference data, else as K(params, context.ref).
template <typename K>
void RegisterKernel(KernelRegistry& registry, const std::string& name) {
  registry.Register(name, [](KernelParams& params, const BindContext& context) {
    if constexpr (std::is_constructible_v<K, KernelParams&,
                                          const BindContext&>) {
      return std::make_unique<K>(params, context);
    } else {
      return std::make_unique<K>(params, context.ref);
    }
  });
}

// --- Evidence paths and wording --------------------------------------------

// "goods[3]", "parties[0]": the path of a list element.
inline std::string ItemPath(const char* list, size_t index) {
  return absl::StrCat(list, "[", index, "]");
}

// "transport.legs[2]": the path of a leg.
inline std::string LegPath(size_t index) {
  return ItemPath("transport.legs", index);
}

// "GB": a country code as evidence text.
inline std::string Cc(CountryCode code) { return std::string(code.view()); }

// "ref.countries[GB]": the reference data's profile of a country.
inline std::string RefCountry(CountryCode code) {
  return absl::StrCat("ref.countries[", Cc(code), "]");
}

// "\"text\"": a name or free text quoted in evidence.
// (std::string: the Debian Abseil's StrCat takes no std::string_view.)
inline std::string Quoted(std::string_view text) {
  return absl::StrCat("\"", std::string(text), "\"");
}

// --- Comparisons ------------------------------------------------------------

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Whether two hand-typed numbers (register ids, document numbers) are the
// same, compared trimmed of white space and ignoring ASCII case.
inline bool SameIdentifier(std::string_view a, std::string_view b) {
  auto trim = [](std::string_view s) {
    const char* ws = " \t\r\n";
    const size_t first = s.find_first_not_of(ws);
    if (first == std::string_view::npos) return std::string_view();
    return s.substr(first, s.find_last_not_of(ws) - first + 1);
  };
  a = trim(a);
  b = trim(b);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](unsigned char x, unsigned char y) {
                      return std::tolower(x) == std::tolower(y);
                    });
}

// Whether a record dated `date` was known on `on` (ATT Art. 6(3): only what
// was known when the decision was taken counts). An undated record counts:
// the case or the reference holds it, so it was known.
inline bool KnownBy(const std::optional<Date>& date, Date on) {
  return !date || *date <= on;
}

// Whether the ATT was in force for the country on `on`.
inline bool AttPartyOn(const CountryProfile& country, Date on) {
  return country.att_in_force && *country.att_in_force <= on;
}

// --- Parameters -------------------------------------------------------------

// Every enumerator of E, for a "default all" parameter.
template <typename E>
std::vector<E> AllOf() {
  std::vector<E> all;
  for (size_t i = 0; i < kEnumWords<E>.size(); ++i) {
    all.push_back(static_cast<E>(i));
  }
  return all;
}

// A one-word parameter read as an enumeration, `fallback` absent meaning
// required: Enums checks the word, and Text reports a list where one word was
// expected. E is always named: OneEnum<Confidence>(p, "min_confidence", ...).
template <typename E>
E OneEnum(KernelParams& p, const std::string& key,
          std::type_identity_t<std::optional<E>> fallback = std::nullopt) {
  std::vector<E> v =
      fallback ? p.Enums<E>(key, std::vector<E>{*fallback}) : p.Enums<E>(key);
  if (v.size() != 1) p.Text(key, std::string());
  return v.empty() ? fallback.value_or(E{}) : v.front();
}

// The words of a flag parameter.
enum class FlagWord : uint8_t { kFalse, kTrue };
template <>
inline constexpr auto kEnumWords<FlagWord> =
    std::to_array<const char*>({"false", "true"});

// A flag parameter: the single word "true" or "false".
inline bool Flag(KernelParams& p, const std::string& key, bool fallback) {
  return OneEnum<FlagWord>(p, key,
                           fallback ? FlagWord::kTrue : FlagWord::kFalse) ==
         FlagWord::kTrue;
}

// --- The route --------------------------------------------------------------

// The legs to judge, or nullptr with the unknown fact recorded: no transport
// or no legs (route_disclosure none/unknown) leaves the question open.
inline const std::vector<Leg>* LegsOrUnknown(const Case& c, Evidence* ev) {
  if (!c.transport) {
    if (ev) ev->Unknown("transport");
    return nullptr;
  }
  if (c.transport->legs.empty()) {
    if (ev) ev->Unknown("transport.legs");
    return nullptr;
  }
  return &c.transport->legs;
}

// The legs that end in a transit state: every leg but the last, whose `to`
// is the end user's country (case format). Leg i here is legs[i].
inline std::span<const Leg> TransitLegs(const std::vector<Leg>& legs) {
  return std::span<const Leg>(legs).first(legs.empty() ? 0 : legs.size() - 1);
}

// --- Values -----------------------------------------------------------------

// The evidence for a boolean `fact` at `path` that is a concern when it is
// `concern`: the unknown fact when it is absent, `value` when it is the
// concern, nothing when it is not.
inline void BoolEvidence(Evidence& ev, const std::optional<bool>& fact,
                         bool concern, const std::string& path,
                         std::string value) {
  if (!fact) {
    ev.Unknown(path);
  } else if (*fact == concern) {
    ev.Add(path, std::move(value));
  }
}

// 1 when the boolean at `path` is `concern`, 0 when it is the other value,
// unknown when absent; the evidence says "true" or "false".
inline double BoolFact(const std::optional<bool>& fact, bool concern,
                       const char* path, Evidence* ev) {
  if (ev) BoolEvidence(*ev, fact, concern, path, concern ? "true" : "false");
  if (!fact) return kUnknown;
  return *fact == concern ? 1 : 0;
}

// min(1, count / saturation); a saturation of 0 or less saturates at once.
inline double Saturate(int64_t count, double saturation) {
  if (count <= 0) return 0;
  if (saturation <= 0) return 1;
  return std::min(1.0, static_cast<double>(count) / saturation);
}

// Three-valued "any": 1 if some item is true, 0 if all are known false,
// kUnknown if none is true and some are unknown.
class AnyOf {
 public:
  void Add(std::optional<bool> fact) {
    if (fact.has_value()) {
      any_true_ |= *fact;
    } else {
      any_unknown_ = true;
    }
  }
  // An item that is true when `fact` is `concern` (unknown when absent).
  void Add(const std::optional<bool>& fact, bool concern) {
    Add(fact ? std::optional<bool>(*fact == concern) : std::nullopt);
  }
  void AddTrue() { any_true_ = true; }
  double Value() const {
    return any_true_ ? 1.0 : any_unknown_ ? kUnknown : 0.0;
  }

 private:
  bool any_true_ = false;
  bool any_unknown_ = false;
};

// Maximum of graded values some of which may be unknown: a 1 settles it,
// otherwise an unknown one could be higher than those known, so the maximum
// is unknown too (as AnyOf does for booleans).
class MaxOf {
 public:
  void Add(double v) {
    if (IsUnknown(v)) {
      unknown_ = true;
    } else {
      max_ = std::max(max_, v);
    }
  }
  bool Settled() const { return max_ >= 1; }
  double Value() const { return Settled() || !unknown_ ? max_ : kUnknown; }

 private:
  double max_ = 0;
  bool unknown_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_KERNEL_UTIL_H_
