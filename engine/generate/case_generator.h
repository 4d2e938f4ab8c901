// Synthetic but realistic divrisk-case/1 cases, for tests, benchmarks and
// users who want to try the engine at scale (`divrisk generate`).
//
//   CaseGenerator gen(*plan->reference, /*seed=*/7);
//   Case c = gen.Next();   // "GEN-7-1", then "GEN-7-2", ...
//
// Each case is drawn from its own stream, seeded from (seed, index), by a
// SplitMix64 generator and integer/double mappings defined here (never the
// standard library's distributions, which differ between implementations;
// never a transcendental function), and reference data is only read through
// its vectors and by key, never by iterating a hash map. So a seed gives the
// same cases, byte for byte, on any platform, and case i can be made without
// making cases 1..i-1 (At).
//
// Each case first draws a risk profile (clean, medium, high, hard_stop)
// and, for medium and high, the areas its concerns lie in (destination,
// EUC, documents, parties, route, end user, history, intelligence,
// conduct): inside those areas the profile's level drives the choices,
// elsewhere the case is drawn as a clean one, so that scores spread over
// all bands. A hard stop adds the one fact that makes it one (an embargoed
// destination, a sanctioned party, confirmed IHL violations, an overriding
// Art. 7 risk). The distributions are documented in
// engine/generate/README.md; keep the two in step. Every case is
// valid: ReadCaseText accepts it with the reference data it was made with.
// The tables (engine/generate/generator_tables.h) are filtered to the
// countries the reference data knows.

#ifndef DIVRISK_ENGINE_GENERATE_CASE_GENERATOR_H_
#define DIVRISK_ENGINE_GENERATE_CASE_GENERATOR_H_

#include <cstdint>
#include <memory>
#include <string>

#include "engine/model/case.h"
#include "engine/model/enums.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// SplitMix64 (Steele, Lea, Flood 2014), with mappings to ranges that use
// only integer arithmetic and exact IEEE operations.
class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0. Rejection sampling: no modulo bias.
  uint64_t Below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do {
      x = Next();
    } while (x >= limit);
    return x % n;
  }
  // Uniform in [lo, hi]; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1), 53 random bits: exact on every IEEE platform.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t state_;
};

// A seed for stream `stream` of `seed` (independent streams per case and per
// purpose).
uint64_t MixSeed(uint64_t seed, uint64_t stream);

enum class RiskProfile : uint8_t { kClean, kMedium, kHigh, kHardStop };
template <>
inline constexpr auto kEnumWords<RiskProfile> = std::to_array<const char*>(
    {"clean", "medium", "high", "hard_stop"});

// What makes a hard-stop case one (kNone for the other profiles).
enum class HardStopKind : uint8_t {
  kNone, kEmbargo, kSanctionedParty, kIhlKnowledge, kOverridingRisk };
template <>
inline constexpr auto kEnumWords<HardStopKind> = std::to_array<const char*>(
    {"none", "embargo", "sanctioned_party", "ihl_knowledge",
     "overriding_risk"});

class CaseGenerator {
 public:
  // `ref` must outlive the generator. Countries, embargoes, registers,
  // templates, flagged EUC numbers and listed parties are taken from it;
  // built-in country tables are filtered to the codes `ref` knows.
  CaseGenerator(const ReferenceData& ref, uint64_t seed);
  ~CaseGenerator();
  CaseGenerator(const CaseGenerator&) = delete;
  CaseGenerator& operator=(const CaseGenerator&) = delete;

  // The next case: index 1, 2, ... ("GEN-<seed>-<index>").
  Case Next();
  // The case with 1-based `index`, independent of what was made before.
  Case At(uint64_t index);

  // Draws driver facts and outcomes from the documented outcome model
  // (outcome_model.h) instead of from the profile.
  void set_outcome_model(bool on) { outcome_model_ = on; }

  // Of the case last returned by Next or At.
  RiskProfile last_profile() const { return last_profile_; }
  HardStopKind last_hard_stop() const { return last_hard_stop_; }
  bool last_archive() const { return last_archive_; }

  uint64_t seed() const { return seed_; }
  // How many cases Next has returned.
  uint64_t count() const { return next_index_ - 1; }

  // "GEN-<seed>-<index>".
  static std::string CaseId(uint64_t seed, uint64_t index);

  // The generator's tables, built once from `ref` (internal).
  struct Tables;

 private:
  const ReferenceData& ref_;
  uint64_t seed_;
  uint64_t next_index_ = 1;
  std::unique_ptr<Tables> tables_;
  RiskProfile last_profile_ = RiskProfile::kClean;
  HardStopKind last_hard_stop_ = HardStopKind::kNone;
  bool last_archive_ = false;
  bool outcome_model_ = false;
};

// The IMO check digit for the first six digits of `six` (IMO Res. A.1078).
int ImoCheckDigit(std::string_view six);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_GENERATE_CASE_GENERATOR_H_
