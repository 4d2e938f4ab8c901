// Builder steps for what is known from before and after: history with the
// end user, intelligence reports and the outcome of the decision.

#include "engine/generate/generator_parts.h"

#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace divrisk::gen {

void Builder::MakeHistory() {
  if (archive_ ? !Chance(0.5) : !Chance(P(0.97, 0.95, 0.9))) return;
  History& h = c_.history.emplace();
  auto field = [&](std::optional<int64_t>* f, int64_t value) {
    if (Rec()) *f = value;
  };
  const int lv = Lv(Area::kHistory);
  field(&h.prior_licences_to_end_user,
        lv == 0 ? (Chance(0.2) ? 0 : Between(1, 15))
        : lv == 1 ? Between(0, 6)
                  : Between(0, 2));
  field(&h.prior_refusals_to_end_user,
        lv == 0 ? (Chance(0.03) ? 1 : 0) : lv == 1 ? Between(0, 1) : Between(0, 3));
  field(&h.denial_notifications,
        lv == 0 ? 0 : lv == 1 ? (Chance(0.3) ? 1 : 0) : Skewed(0, 4));
  if (Chance(Area::kHistory, 0, 0.1, 0.25)) {
    h.post_shipment_check_failed = true;
  } else if (Rec()) {
    h.post_shipment_check_failed = false;
  }
  field(&h.condition_breaches,
        lv == 0 ? 0 : lv == 1 ? (Chance(0.2) ? 1 : 0)
                              : (Chance(0.35) ? Between(1, 2) : 0));
}

// ----------------------------------------------------------- intelligence

void Builder::MakeIntelligence() {
  // Subjects: the format's four words, or a party's name.
  auto subject = [&](bool party_ok) -> std::string {
    if (party_ok && !c_.parties.empty() && Chance(0.3)) {
      return Pick(c_.parties).name;
    }
    static constexpr const char* kWords[] = {"end_user", "exporter", "euc",
                                             "route"};
    return kWords[Weighted({55, 15, 15, 15})];
  };
  auto report = [&](IntelFinding finding, Confidence confidence,
                    std::string subj, bool before) {
    IntelReport& r = c_.intelligence.emplace_back();
    r.source = static_cast<IntelSource>(r_.Below(kEnumWords<IntelSource>.size()));
    r.subject = std::move(subj);
    r.finding = finding;
    r.confidence = confidence;
    if (!before) {
      r.reported_on = DaysAfter(c_.assessed_on, 1, 500);
    } else if (Chance(0.95)) {
      r.reported_on = DaysBefore(c_.assessed_on, 1, 900);
    }
  };
  // Findings that are not about Art. 7 (diversion, forgery, fronts).
  static constexpr IntelFinding kDiversion[] = {
      IntelFinding::kDivertedItemsTraced, IntelFinding::kForgedDocuments,
      IntelFinding::kSanctionsViolation, IntelFinding::kFrontCompany,
      IntelFinding::kDocumentInconsistency, IntelFinding::kRouteDeviation,
      IntelFinding::kEndUserMismatch, IntelFinding::kOther};
  static constexpr IntelFinding kArt7[] = {
      IntelFinding::kSeriousIhrlViolations, IntelFinding::kGenderBasedViolence,
      IntelFinding::kTerrorismLinks, IntelFinding::kOrganisedCrimeLinks};

  const int n = ByLevel(Area::kIntel, {90, 10}, {10, 50, 30, 10}, {5, 25, 35, 35});
  bool art7_used = false;
  for (int i = 0; i < n; ++i) {
    const bool before = Chance(0.88);
    if (Lv(Area::kIntel) == 0) {
      // Old, unverified or irrelevant chatter.
      report(Chance(0.6) ? IntelFinding::kOther
                         : kDiversion[r_.Below(std::size(kDiversion))],
             Confidence::kUnverified, subject(false), Chance(0.5));
      continue;
    }
    if (!art7_used && Chance(Area::kIntel, 0.0, 0.2, 0.25)) {
      // At most one Art. 7 report counts, so a case that is not a hard stop
      // never reaches the overriding-risk threshold on intelligence alone.
      art7_used = true;
      report(kArt7[r_.Below(std::size(kArt7))],
             Chance(0.5) ? Confidence::kCredible : Confidence::kUnverified,
             subject(true), before);
      continue;
    }
    if (Lv(Area::kIntel) == 2 && Chance(0.04)) {
      // A credible IHL report on the end user: Art. 7 refers it.
      art7_used = true;
      report(IntelFinding::kSeriousIhlViolations, Confidence::kCredible,
             "end_user", true);
      continue;
    }
    const int conf = ByLevel(Area::kIntel, {0, 0, 1}, {10, 45, 45}, {25, 50, 25});
    report(kDiversion[r_.Below(std::size(kDiversion))],
           static_cast<Confidence>(conf), subject(true), before);
  }
  // Reports learned only after the decision, kept by archives.
  if (Chance(Area::kIntel, 0.02, 0.05, 0.1)) {
    report(static_cast<IntelFinding>(r_.Below(kEnumWords<IntelFinding>.size())),
           Confidence::kConfirmed, "end_user", false);
  }
  switch (hard_) {
    case HardStopKind::kIhlKnowledge: {
      // ATT Art. 6(3): knowledge of what the arms would be used for.
      static constexpr IntelFinding kArt6_3[] = {
          IntelFinding::kWarCrimes, IntelFinding::kAttacksOnCivilians,
          IntelFinding::kGraveBreaches, IntelFinding::kCrimesAgainstHumanity,
          IntelFinding::kGenocide};
      report(kArt6_3[r_.Below(std::size(kArt6_3))], Confidence::kConfirmed,
             "end_user", true);
      c_.intelligence.back().reported_on =
          DaysBefore(c_.assessed_on, 10, 700);
      c_.intelligence.back().source =
          Chance(0.5) ? IntelSource::kUnPanel : IntelSource::kPartnerState;
      break;
    }
    case HardStopKind::kOverridingRisk:
      if (Chance(0.6)) {
        report(kArt7[r_.Below(std::size(kArt7))], Confidence::kConfirmed,
               subject(true), true);
      } else {
        report(IntelFinding::kTerrorismLinks, Confidence::kCredible,
               subject(true), true);
        report(IntelFinding::kSeriousIhrlViolations, Confidence::kCredible,
               "end_user", true);
        c_.intelligence[c_.intelligence.size() - 2].reported_on =
            DaysBefore(c_.assessed_on, 10, 700);
      }
      c_.intelligence.back().reported_on = DaysBefore(c_.assessed_on, 10, 700);
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------- outcome

void Builder::MakeOutcome() {
  const Date cutoff = DateFromCivil(2026, 6, 1);
  if (!archive_ && !(c_.assessed_on < cutoff && Chance(0.45))) return;
  Outcome& o = c_.outcome.emplace();
  int decision;
  if (profile_ == RiskProfile::kHardStop) {
    decision = Weighted({4, 2, 80, 14});
  } else {
    decision = ByLevel({68, 27, 3, 2}, {30, 45, 15, 10}, {10, 20, 50, 20});
  }
  if (Chance(0.97)) o.decision = static_cast<Decision>(decision);
  if (Chance(0.9)) o.decided_on = DaysAfter(c_.assessed_on, 0, 30);
  const bool delivered = decision <= 1;
  if (delivered) {
    const int k = ByLevel({60, 2, 38}, {45, 10, 45}, {25, 30, 45});
    o.diversion_found = k == 0 ? DiversionFound::kNo
                        : k == 1 ? DiversionFound::kYes
                                 : DiversionFound::kUnknown;
  } else if (Chance(0.7)) {
    o.diversion_found = DiversionFound::kUnknown;
  }
}

}  // namespace divrisk::gen
