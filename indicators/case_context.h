// CaseContext: what several kernels derive from one case, derived once.
//
// Kernels of different indicators ask the same questions of a case: the
// screening of every party (both party_listed indicators, sanctions and
// denials), the normalised names of the parties (document, EUC, transport
// and register kernels), the words of the goods lines. The executor keeps
// one context per case of a batch and hands it to every kernel, so each
// answer is computed at the first kernel that asks and reused by the
// others. Nothing is keyed by addresses: a context belongs to one case
// until Reset, and its storage is kept for the next case.
//
// Not thread-safe: a context is used by the one thread scoring its case.

#ifndef DIVRISK_INDICATORS_CASE_CONTEXT_H_
#define DIVRISK_INDICATORS_CASE_CONTEXT_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/case.h"

namespace divrisk {

namespace screening {
class Screener;      // indicators/screening/screener.h
struct PartyFinding;  // indicators/screening/case_screening.h
}  // namespace screening

// A party of a case by position, as the party kernels number them: the
// exporter, the end user, or parties[who] for who >= 0.
inline constexpr int kExporterParty = -2;
inline constexpr int kEndUserParty = -1;

class CaseContext {
 public:
  CaseContext();
  explicit CaseContext(const Case& c);
  ~CaseContext();
  CaseContext(CaseContext&&) noexcept;
  CaseContext& operator=(CaseContext&&) noexcept;

  // Starts over for case `c` (which must outlive the use of the context);
  // what was derived from the previous case is forgotten, its storage kept.
  void Reset(const Case& c);

  const Case& c() const { return *case_; }

  // NormalizeName (engine/model/name_normalizer.h) of party `who`'s name
  // (alias -1) or of its alias `alias`.
  const std::string& NormalizedName(int who, int alias) const;
  // The distinct words of NormalizedName(who, alias), sorted (byte order).
  std::span<const std::string_view> NameTokens(int who, int alias) const;

  // The significant words of the goods lines' descriptions and categories:
  // lower case, split on anything not a letter or digit, two characters or
  // fewer dropped, a final plural "s" dropped; sorted and unique.
  const std::vector<std::string>& GoodsWords() const;

  // Every match of every party of the case with `screener`
  // (screening::ScreenCase), screened at the first call.
  const std::vector<screening::PartyFinding>& Findings(
      const screening::Screener& screener) const;

 private:
  struct Derived;
  Derived& derived() const;
  struct PartyNames;
  const PartyNames& NamesOf(int who) const;

  const Case* case_ = nullptr;
  mutable std::unique_ptr<Derived> derived_;  // made at the first question
};

// The significant words of `text` (as CaseContext::GoodsWords), sorted and
// unique.
std::vector<std::string> SignificantWords(std::string_view text);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_CASE_CONTEXT_H_
