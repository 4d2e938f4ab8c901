// History family (catalogue EU-5, PL-1; CP Art. 4; ATT Art. 6(3), 11.5):
// what the authority's records and other states' information say.
//
// Kernels (params, defaults):
//   history_count               history.`field` (prior_refusals_to_end_user,
//                               denial_notifications or condition_breaches;
//                               required) divided by `saturation` (1),
//                               capped at 1
//   post_shipment_check_failed  an earlier on-site check found the goods
//                               missing or moved
//   intelligence                the strongest report with a finding in
//                               `findings` (required), a subject in
//                               `subjects` (end_user, exporter, euc, route,
//                               party; default all), a source in `sources`
//                               (default all) and a confidence of at
//                               least `min_confidence` (unverified):
//                               confirmed 1, credible `credible_value` 0.8,
//                               unverified `unverified_value` 0.4
//
// No `history` is unknown (the records were not consulted); no
// `intelligence` is nothing reported, so 0.

#include "indicators/history_kernels.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

enum class HistoryField : uint8_t {
  kPriorRefusalsToEndUser,
  kDenialNotifications,
  kConditionBreaches
};

// What a report is about: one of the format's words, or a party's name.
enum class IntelSubject : uint8_t { kEndUser, kExporter, kEuc, kRoute, kParty };

}  // namespace

template <>
inline constexpr auto kEnumWords<HistoryField> =
    std::to_array<const char*>({"prior_refusals_to_end_user",
                                "denial_notifications", "condition_breaches"});

template <>
inline constexpr auto kEnumWords<IntelSubject> = std::to_array<const char*>(
    {"end_user", "exporter", "euc", "route", "party"});

namespace {

constexpr std::optional<int64_t> History::*kHistoryFields[] = {
    &History::prior_refusals_to_end_user, &History::denial_notifications,
    &History::condition_breaches};

// EU-5 and PL-1: refusals, other states' denials (CP Art. 4) and broken
// licence conditions are each a record of the risk materialising.
class HistoryCount : public KernelBase<HistoryCount> {
 public:
  HistoryCount(KernelParams& p, const ReferenceData&)
      : field_(OneEnum<HistoryField>(p, "field")),
        path_(absl::StrCat("history.", EnumWord(field_))),
        saturation_(p.Number("saturation", 1)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const auto member = kHistoryFields[static_cast<size_t>(field_)];
    const std::optional<int64_t>* count =
        c.history ? &((*c.history).*member) : nullptr;
    if (!count || !*count) {
      if (ev) ev->Unknown(path_);
      return kUnknown;
    }
    if (**count <= 0) return 0;
    if (ev) ev->Add(path_, absl::StrCat(**count));
    return Saturate(**count, saturation_);
  }

 private:
  HistoryField field_;
  std::string path_;
  double saturation_;
};

class PostShipmentCheckFailed : public KernelBase<PostShipmentCheckFailed> {
 public:
  PostShipmentCheckFailed(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    return BoolFact(c.history ? c.history->post_shipment_check_failed
                              : std::optional<bool>(),
                    true, "history.post_shipment_check_failed", ev);
  }
};

// Information from other states, agencies and civil society (ATT 11.5,
// WGETI-11). Only what was known at the time of authorisation counts
// (Art. 6(3)): a report dated after assessed_on never does, and the
// evidence says so, so that a re-scored archive case is not judged by
// hindsight.
class Intelligence : public KernelBase<Intelligence> {
 public:
  Intelligence(KernelParams& p, const ReferenceData&)
      : findings_(p.Enums<IntelFinding>("findings")),
        subjects_(p.Enums<IntelSubject>("subjects", AllOf<IntelSubject>())),
        sources_(p.Enums<IntelSource>("sources", AllOf<IntelSource>())),
        min_confidence_(
            OneEnum<Confidence>(p, "min_confidence", Confidence::kUnverified)),
        credible_value_(p.Fraction("credible_value", 0.8)),
        unverified_value_(p.Fraction("unverified_value", 0.4)) {}

  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.intelligence.size() && (ev || value < 1); ++i) {
      const IntelReport& r = c.intelligence[i];
      // Confidence words are ordered confirmed, credible, unverified.
      if (!Contains(findings_, r.finding) || !Contains(subjects_, Subject(r)) ||
          !Contains(sources_, r.source) || r.confidence > min_confidence_) {
        continue;
      }
      if (!KnownBy(r.reported_on, c.assessed_on)) {
        if (ev) {
          ev->Add(ItemPath("intelligence", i) + ".reported_on",
                  absl::StrCat("reported on ", FormatDate(*r.reported_on),
                               ", after the assessment date: not counted"));
        }
        continue;
      }
      // An undated report counts: the record holds it, so the authority
      // had it when the case was assessed.
      value = std::max(value, Weight(r.confidence));
      if (ev) {
        ev->Add(ItemPath("intelligence", i) + ".finding",
                absl::StrCat(EnumWord(r.finding), ": ", r.subject, ", ",
                             EnumWord(r.confidence), ", ", EnumWord(r.source),
                             r.reported_on ? ", reported on " : "",
                             r.reported_on ? FormatDate(*r.reported_on)
                                           : std::string()));
      }
    }
    return value;
  }

 private:
  // Any subject but the format's four words names a party.
  static IntelSubject Subject(const IntelReport& r) {
    std::optional<IntelSubject> s = ParseEnumWord<IntelSubject>(r.subject);
    return s && *s != IntelSubject::kParty ? *s : IntelSubject::kParty;
  }

  double Weight(Confidence confidence) const {
    switch (confidence) {
      case Confidence::kConfirmed:
        return 1;
      case Confidence::kCredible:
        return credible_value_;
      case Confidence::kUnverified:
        return unverified_value_;
    }
    return unverified_value_;
  }

  std::vector<IntelFinding> findings_;
  std::vector<IntelSubject> subjects_;
  std::vector<IntelSource> sources_;
  Confidence min_confidence_;
  double credible_value_;
  double unverified_value_;
};

}  // namespace

void RegisterHistoryKernels(KernelRegistry& registry) {
  RegisterKernel<HistoryCount>(registry, "history_count");
  RegisterKernel<PostShipmentCheckFailed>(registry,
                                          "post_shipment_check_failed");
  RegisterKernel<Intelligence>(registry, "intelligence");
}

}  // namespace divrisk
