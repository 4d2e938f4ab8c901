// State family (catalogue TT-1, TT-2, RS-1; ATT Art. 9, 11.1): how far the
// transit states and the importing state can be relied on to control what
// passes through or arrives.
//
// Kernels (params, defaults):
//   transit_state_controls    the weakest transit state's controls: an ATT
//                             party in force and Wassenaar participant (0),
//                             one of the two (`partial_value` 0.5), neither
//                             (1); the reference's transit_controls strength
//                             (strong 0, moderate `partial_value`, weak 1)
//                             where it states one
//   importing_state_controls  the same for the end user's country, with its
//                             export_controls strength (re-export control)
//   exporting_state_controls  the same for the exporter's country when
//                             another state decides (a transit or
//                             transshipment licence: the consignor's state
//                             licensed the export); 0 when the exporter's
//                             state decides (its controls are the
//                             authority's own)
//   transit_not_authorised    the share of transit states with neither a
//                             transit authorisation nor a transit
//                             consultation answered confirmed/no_objection
//
// Transit states are every leg's `to` but the last (case format), except the
// deciding state (engine/model/deciding_state.h): for a transit or
// transshipment licence the authority is itself on the route, and a state
// is not a transit state of its own decision. No transport, or no legs,
// leaves the transit kernels unknown.
//
// Membership is judged on assessed_on: an ATT party from the treaty's entry
// into force for it, a Wassenaar participant from its joining date. Before
// the ATT entered into force (2014-12-24) no state could be a party, so
// ATT membership says nothing then: a state is judged by Wassenaar alone,
// a participant 0 and any other `partial_value`.

#include "indicators/state_kernels.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/deciding_state.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

using TransitState = TransitStop;

// Each transit state once, in route order, without the deciding state, or
// nullopt with the unknown fact recorded when the route is not given.
std::optional<std::vector<TransitState>> TransitOrUnknown(
    const Case& c, const ReferenceData& ref, Evidence* ev) {
  if (!LegsOrUnknown(c, ev)) return std::nullopt;
  return TransitStops(c, ResolveDecidingState(c, ref).state);
}

std::string LegTo(size_t leg) { return LegPath(leg) + ".to"; }

const char* StrengthWord(ControlStrength s) {
  switch (s) {
    case ControlStrength::kWeak:
      return "weak";
    case ControlStrength::kModerate:
      return "moderate";
    case ControlStrength::kStrong:
      return "strong";
    case ControlStrength::kUnknown:
      break;
  }
  return "unknown";
}

// How little `country`'s controls can be relied on, in [0, 1]. A strength
// the reference states (with its basis) is the authority's own judgment and
// comes first; otherwise ATT membership in force on `on` and Wassenaar
// participation stand in for it (UG Crit 7 "Ad (c)").
double ControlsValue(const ReferenceData& ref, CountryCode country,
                     ControlStrength CountryProfile::*strength,
                     const char* kind, Date on, double partial_value,
                     Evidence* ev) {
  const CountryProfile* p = ref.Country(country);
  if (!p) {
    if (ev) ev->Unknown(RefCountry(country));
    return kUnknown;
  }
  const ControlStrength s = p->*strength;
  if (s != ControlStrength::kUnknown) {
    const double v = s == ControlStrength::kStrong     ? 0
                     : s == ControlStrength::kModerate ? partial_value
                                                       : 1;
    if (ev && v > 0) {
      ev->Add(RefCountry(country),
              absl::StrCat(kind, " controls ", StrengthWord(s),
                           p->controls_basis.empty() ? "" : ": ",
                           p->controls_basis));
    }
    return v;
  }
  const bool wassenaar = WassenaarOn(*p, on);
  const char* wassenaar_text = wassenaar ? "Wassenaar participant"
                               : p->wassenaar
                                   ? "not yet a Wassenaar participant"
                                   : "not a Wassenaar participant";
  if (on < kAttEntryIntoForce) {
    const double v = wassenaar ? 0 : partial_value;
    if (ev && v > 0) {
      ev->Add(RefCountry(country),
              absl::StrCat("the ATT was not yet in force on ", FormatDate(on),
                           " (judged by Wassenaar alone), ", wassenaar_text));
    }
    return v;
  }
  const bool att = AttPartyOn(*p, on);
  const double v = att && wassenaar ? 0 : att || wassenaar ? partial_value : 1;
  if (ev && v > 0) {
    ev->Add(RefCountry(country),
            absl::StrCat(att ? "ATT party" : "not an ATT party", " on ",
                         FormatDate(on), ", ", wassenaar_text));
  }
  return v;
}

class TransitStateControls : public KernelBase<TransitStateControls> {
 public:
  TransitStateControls(KernelParams& p, const ReferenceData& ref)
      : ref_(ref), partial_value_(p.Fraction("partial_value", 0.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    std::optional<std::vector<TransitState>> transit =
        TransitOrUnknown(c, ref_, ev);
    if (!transit) return kUnknown;
    MaxOf max;
    for (const TransitState& s : *transit) {
      const double v =
          ControlsValue(ref_, s.country, &CountryProfile::transit_controls,
                        "transit", c.assessed_on, partial_value_, ev);
      if (ev && v > 0) ev->Add(LegTo(s.leg), Cc(s.country));
      max.Add(v);
      if (!ev && max.Settled()) break;
    }
    return max.Value();
  }

 private:
  const ReferenceData& ref_;
  double partial_value_;
};

class ImportingStateControls : public KernelBase<ImportingStateControls> {
 public:
  ImportingStateControls(KernelParams& p, const ReferenceData& ref)
      : ref_(ref), partial_value_(p.Fraction("partial_value", 0.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const CountryCode country = c.end_user.country;
    const double v =
        ControlsValue(ref_, country, &CountryProfile::export_controls, "export",
                      c.assessed_on, partial_value_, ev);
    if (ev && v > 0) ev->Add("end_user.country", Cc(country));
    return v;
  }

 private:
  const ReferenceData& ref_;
  double partial_value_;
};

// ATT Art. 9, 11(1): a transit or transshipment state relies on the
// exporting state's licence and controls; an exporting state relies on
// its own.
class ExportingStateControls : public KernelBase<ExportingStateControls> {
 public:
  ExportingStateControls(KernelParams& p, const ReferenceData& ref)
      : ref_(ref), partial_value_(p.Fraction("partial_value", 0.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const CountryCode country = c.exporter.country;
    const DecidingState decider = ResolveDecidingState(c, ref_);
    if (!decider.state) {
      if (ev) ev->Unknown("licensing_state");
      return kUnknown;
    }
    if (*decider.state == country) return 0;
    const double v =
        ControlsValue(ref_, country, &CountryProfile::export_controls, "export",
                      c.assessed_on, partial_value_, ev);
    if (ev && v > 0) {
      ev->Add("exporter.country",
              absl::StrCat(Cc(country), ", the exporting state; ",
                           Cc(*decider.state), " decides"));
    }
    return v;
  }

 private:
  const ReferenceData& ref_;
  double partial_value_;
};

// ATT Art. 9 and WA-TT: each transit state should have authorised the
// transit or said it has no objection. Only what was known by assessed_on
// counts (Art. 6(3)); an undated answer counts, since the record holds it.
class TransitNotAuthorised : public KernelBase<TransitNotAuthorised> {
 public:
  TransitNotAuthorised(KernelParams&, const ReferenceData& ref) : ref_(ref) {}

  double Eval(const Case& c, Evidence* ev) const {
    std::optional<std::vector<TransitState>> transit =
        TransitOrUnknown(c, ref_, ev);
    if (!transit) return kUnknown;
    if (transit->empty()) return 0;
    std::vector<TransitState> open;
    for (const TransitState& s : *transit) {
      if (!Consulted(c, s.country)) open.push_back(s);
    }
    // A transit_authorisation document does not say which state issued it
    // (the format has no issuer on documents), so each one is taken to
    // cover one transit state that no consultation covers.
    std::vector<size_t> documents;
    for (size_t i = 0; i < c.documents.size(); ++i) {
      const Document& d = c.documents[i];
      if (d.kind == DocumentKind::kTransitAuthorisation &&
          KnownBy(d.issued_on, c.assessed_on)) {
        documents.push_back(i);
      }
    }
    const size_t missing =
        open.size() > documents.size() ? open.size() - documents.size() : 0;
    if (ev && missing > 0) {
      for (const TransitState& s : open) {
        ev->Add(LegTo(s.leg),
                absl::StrCat(Cc(s.country),
                             ": no transit consultation confirmed or "
                             "without objection"));
      }
      for (size_t i : documents) {
        ev->Add(ItemPath("documents", i) + ".kind",
                "transit_authorisation, issuing state not recorded: "
                "counted for one transit state");
      }
    }
    return static_cast<double>(missing) / transit->size();
  }

 private:
  static bool Consulted(const Case& c, CountryCode country) {
    for (const Consultation& k : c.consultations) {
      if (k.with == country && k.subject == ConsultationSubject::kTransit &&
          (k.result == ConsultationResult::kConfirmed ||
           k.result == ConsultationResult::kNoObjection) &&
          KnownBy(k.date, c.assessed_on)) {
        return true;
      }
    }
    return false;
  }

  const ReferenceData& ref_;
};

}  // namespace

void RegisterStateKernels(KernelRegistry& registry) {
  RegisterKernel<TransitStateControls>(registry, "transit_state_controls");
  RegisterKernel<ImportingStateControls>(registry, "importing_state_controls");
  RegisterKernel<ExportingStateControls>(registry, "exporting_state_controls");
  RegisterKernel<TransitNotAuthorised>(registry, "transit_not_authorised");
}

}  // namespace divrisk
