// Embargo family (catalogue A6-1, A6-2; ATT Art. 6(1), 6(2); CP Crit 1):
// arms embargoes on the states the transfer touches, judged for the state
// that decides (engine/model/deciding_state.h).
//
// Kernels (params, defaults):
//   embargo  an embargo imposed by one of `bodies` (required; e.g. [UN] for
//            Art. 6(1), [EU, OSCE, ECOWAS, LAS] for 6(2)), legally binding
//            unless `binding_only` ("true") is "false", in force on
//            assessed_on, that targets the end user's country or a transit
//            state (arms to the target) or the exporter's country or a goods
//            line's origin (arms from it), and covers one of the goods lines
//            when it names categories. `applies` (binding) chooses by whether
//            the embargo binds the deciding state on assessed_on: `binding`
//            those that do (a gate), `not_binding` those that do not (a
//            weighted concern: "EU embargo in force; not binding on CA"),
//            `any` both. A UN embargo binds every state; a regional one
//            binds the members of its body on that day (memberships file),
//            and only while it is legally binding (`binding`,
//            `binding_from`). Scope full: 1; non_state_actors: 1 for a
//            company or individual end user in the target, 0 for a
//            government one, unknown when its kind is not given;
//            named_persons, specific_regions, partial, and non-state-actor
//            embargoes the goods only pass through or come from:
//            `partial_scope_value` (0.5, refer: the officer checks the named
//            persons or regions)
//
// Bodies match the reference's imposing_body ignoring case, by full name,
// parenthesised alias or initials ("OSCE" and "CSCE" for "OSCE (CSCE)",
// "LAS" for "League of Arab States").
// An authorisation from the embargo's imposing body, dated on or before
// assessed_on (or undated), exempts the transfer from that embargo.
// Embargoes with no target state (global named-person regimes) can only be
// checked by name, which party screening does.
// Whether a regional embargo binds is unknown (fact `licensing_state`) when
// the deciding state is undetermined, and (fact `ref.memberships[<body>]`)
// when the rule set holds no memberships of its body.

#include "indicators/embargo_kernels.h"

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

const char* ScopeWord(EmbargoScope s) {
  switch (s) {
    case EmbargoScope::kFull:
      return "full";
    case EmbargoScope::kNonStateActors:
      return "non_state_actors";
    case EmbargoScope::kNamedPersons:
      return "named_persons";
    case EmbargoScope::kSpecificRegions:
      return "specific_regions";
    case EmbargoScope::kPartial:
      return "partial";
  }
  return "partial";
}

const char* DirectionWord(EmbargoDirection d) {
  switch (d) {
    case EmbargoDirection::kTo:
      return "arms to the target";
    case EmbargoDirection::kFrom:
      return "arms from the target";
    case EmbargoDirection::kBoth:
      return "arms to and from the target";
  }
  return "";
}

// Which embargoes an indicator counts, by whether they bind the deciding
// state.
enum class Applies : uint8_t { kBinding, kNotBinding, kAny };

}  // namespace

template <>
inline constexpr auto kEnumWords<Applies> =
    std::to_array<const char*>({"binding", "not_binding", "any"});

namespace {

enum class Binds : uint8_t { kYes, kNo, kUnknown };

// Whether embargo `e` binds the deciding state on the case's date, with the
// reason in plain words (or the unknown fact).
struct Binding {
  Binds binds = Binds::kYes;
  std::string reason;        // "binding on DE: EU member state since ..."
  std::string unknown_fact;  // when kUnknown
};

struct BoundEmbargo {
  const Embargo* embargo;
  std::string organisation;  // the memberships' name of its body, or empty
};

class EmbargoKernel : public KernelBase<EmbargoKernel> {
 public:
  EmbargoKernel(KernelParams& p, const ReferenceData& ref)
      : ref_(ref),
        binding_only_(Flag(p, "binding_only", true)),
        applies_(OneEnum<Applies>(p, "applies", Applies::kBinding)),
        partial_scope_value_(p.Fraction("partial_scope_value", 0.5)) {
    const std::vector<std::string> bodies = p.Words("bodies");
    // Bound once: which embargoes the rule is about. Whether each is in
    // force, and whether it binds the deciding state, depends on the case.
    for (const Embargo& e : ref.embargoes) {
      if (!e.target && e.target_members_of.empty()) continue;
      if (binding_only_ && !e.binding) continue;
      if (std::any_of(bodies.begin(), bodies.end(), [&](const std::string& b) {
            return BodyMatches(b, e.imposing_body);
          })) {
        embargoes_.push_back(
            {&e, IsUniversalBody(e.imposing_body)
                     ? std::string()
                     : ref.MembershipOrganisation(e.imposing_body)});
      }
    }
  }

  double Eval(const Case& c, Evidence* ev) const {
    MaxOf max;
    std::optional<DecidingState> decider;  // resolved when first needed
    for (const BoundEmbargo& bound : embargoes_) {
      const Embargo* e = bound.embargo;
      if (!ev && max.Settled()) break;
      if (!e->InForceOn(c.assessed_on)) continue;
      std::vector<Fact> matches;
      const bool to_end_user = Matches(c, *e, &matches);
      if (matches.empty()) continue;
      if (!CoversGoods(c, *e, &matches)) continue;
      // An exemption settles it, whoever decides.
      if (std::optional<size_t> k = Exemption(c, *e)) {
        if (ev) {
          const Authorisation& a = c.authorisations[*k];
          ev->Add(ItemPath("authorisations", *k),
                  absl::StrCat(a.body, " authorisation", a.reference ? " " : "",
                               a.reference.value_or(""), ": exempts ", e->id,
                               ", not counted"));
        }
        continue;
      }
      if (!decider) decider = ResolveDecidingState(c, ref_);
      const Binding binding = BindsOn(bound, *decider, c.assessed_on);
      if (applies_ != Applies::kAny) {
        if (binding.binds == Binds::kUnknown) {
          max.Add(kUnknown);
          if (ev) ev->Unknown(binding.unknown_fact);
          continue;
        }
        if ((binding.binds == Binds::kYes) != (applies_ == Applies::kBinding)) {
          continue;
        }
      }
      const std::string ref_path = absl::StrCat("ref.embargoes[", e->id, "]");
      const double v = ScopeValue(c, *e, to_end_user, &matches, ev);
      max.Add(v);
      if (!ev || v == 0) continue;
      ev->Add(
          ref_path,
          absl::StrCat(e->imposing_body, " arms embargo on ", e->target_name,
                       " (", e->instrument, "), in force since ",
                       FormatDate(e->start), ", scope ", ScopeWord(e->scope),
                       ", ", DirectionWord(e->direction), "; ", binding.reason,
                       e->illustrative ? " (illustrative record)" : ""));
      for (Fact& f : matches) ev->Add(std::move(f.path), std::move(f.value));
    }
    return max.Value();
  }

 private:
  // Whether `country` is a target of `e` on `on`: the target, or a member
  // of the organisation whose members are targeted.
  bool IsTarget(const Embargo& e, CountryCode country, Date on) const {
    if (e.target) return *e.target == country;
    const Membership* m = ref_.MembershipOn(e.target_members_of, country, on);
    return m != nullptr && m->Member();
  }

  std::string TargetText(const Embargo& e, CountryCode country) const {
    if (e.target) return Cc(country);
    return absl::StrCat(Cc(country), " (", e.target_members_of, " member)");
  }

  // Adds to *matches each case field that puts the transfer under `e`, and
  // returns whether the end user's country is a target.
  bool Matches(const Case& c, const Embargo& e,
               std::vector<Fact>* matches) const {
    const Date on = c.assessed_on;
    bool to_end_user = false;
    if (e.Covers(/*arms_to_target=*/true)) {
      if (IsTarget(e, c.end_user.country, on)) {
        to_end_user = true;
        matches->push_back(
            {"end_user.country", TargetText(e, c.end_user.country)});
      }
      if (c.transport) {
        const std::span<const Leg> transit = TransitLegs(c.transport->legs);
        for (size_t i = 0; i < transit.size(); ++i) {
          if (IsTarget(e, transit[i].to, on)) {
            matches->push_back(
                {LegPath(i) + ".to", TargetText(e, transit[i].to)});
          }
        }
      }
    }
    if (e.Covers(/*arms_to_target=*/false)) {
      if (IsTarget(e, c.exporter.country, on)) {
        matches->push_back(
            {"exporter.country", TargetText(e, c.exporter.country)});
      }
      for (size_t i = 0; i < c.goods.size(); ++i) {
        const std::optional<CountryCode>& origin = c.goods[i].origin_country;
        if (origin && IsTarget(e, *origin, on)) {
          matches->push_back({ItemPath("goods", i) + ".origin_country",
                              TargetText(e, *origin)});
        }
      }
    }
    return to_end_user;
  }

  // Whether the embargo covers one of the goods lines (all goods when it
  // names no categories); the lines it covers are added to *matches.
  static bool CoversGoods(const Case& c, const Embargo& e,
                          std::vector<Fact>* matches) {
    if (e.categories.empty()) return true;
    bool any = false;
    for (size_t i = 0; i < c.goods.size(); ++i) {
      if (Contains(e.categories, c.goods[i].category)) {
        any = true;
        matches->push_back({ItemPath("goods", i) + ".category",
                            EnumWord(c.goods[i].category)});
      }
    }
    return any;
  }

  // UN embargoes bind every state; a regional one binds the states that
  // are members of its body on `on`, while it is legally binding.
  Binding BindsOn(const BoundEmbargo& bound, const DecidingState& decider,
                  Date on) const {
    const Embargo& e = *bound.embargo;
    Binding b;
    if (IsUniversalBody(e.imposing_body)) {
      if (!e.LegallyBindingOn(on)) {
        b.binds = Binds::kNo;
        b.reason = "a political commitment, binding on no state";
      } else {
        b.reason = "binding on every state (UN Security Council)";
      }
      return b;
    }
    const std::string state =
        decider.state ? Cc(*decider.state) : std::string("the deciding state");
    if (!e.binding) {
      b.binds = Binds::kNo;
      b.reason = absl::StrCat("not binding on ", state,
                              ": a political commitment, not legally binding");
      return b;
    }
    if (!e.LegallyBindingOn(on)) {
      b.binds = Binds::kNo;
      b.reason = absl::StrCat("not binding on ", state,
                              ": not legally binding before ",
                              FormatDate(*e.binding_from));
      return b;
    }
    if (bound.organisation.empty()) {
      b.binds = Binds::kUnknown;
      b.unknown_fact = absl::StrCat("ref.memberships[", e.imposing_body, "]");
      return b;
    }
    if (!decider.state) {
      b.binds = Binds::kUnknown;
      b.unknown_fact = "licensing_state";
      return b;
    }
    const Membership* m =
        ref_.MembershipOn(bound.organisation, *decider.state, on);
    if (m != nullptr && m->Member()) {
      b.reason = absl::StrCat("binding on ", state, ": ", bound.organisation,
                              m->role == MembershipRole::kParticipatingState
                                  ? " participating State since "
                                  : " member state since ",
                              FormatDate(m->joined));
      return b;
    }
    b.binds = Binds::kNo;
    b.reason =
        absl::StrCat("not binding on ", state, ": ",
                     m != nullptr ? "suspended from " : "not a member of ",
                     bound.organisation, " on ", FormatDate(on));
    return b;
  }

  // The first authorisation from the embargo's own body known by
  // assessed_on: an exemption or notification under that regime.
  static std::optional<size_t> Exemption(const Case& c, const Embargo& e) {
    for (size_t i = 0; i < c.authorisations.size(); ++i) {
      const Authorisation& a = c.authorisations[i];
      if (BodyMatches(a.body, e.imposing_body) &&
          KnownBy(a.date, c.assessed_on)) {
        return i;
      }
    }
    return std::nullopt;
  }

  // Non-state-actor embargoes exempt government forces (UNSCR 1701, 1807):
  // they bite on a company or individual end user in the target (added to
  // *matches). Where the goods only pass through or come from the target,
  // and for named-person, regional and partial embargoes, the kernel cannot
  // tell from the case whether the transfer is covered, so it refers.
  double ScopeValue(const Case& c, const Embargo& e, bool to_end_user,
                    std::vector<Fact>* matches, Evidence* ev) const {
    switch (e.scope) {
      case EmbargoScope::kFull:
        return 1;
      case EmbargoScope::kNonStateActors: {
        if (!to_end_user) return partial_scope_value_;
        const std::optional<PartyKind>& kind = c.end_user.kind;
        if (!kind) {
          if (ev) ev->Unknown("end_user.kind");
          return kUnknown;
        }
        if (*kind != PartyKind::kCompany && *kind != PartyKind::kIndividual) {
          return 0;
        }
        matches->push_back({"end_user.kind", EnumWord(*kind)});
        return 1;
      }
      case EmbargoScope::kNamedPersons:
      case EmbargoScope::kSpecificRegions:
      case EmbargoScope::kPartial:
        return partial_scope_value_;
    }
    return partial_scope_value_;
  }

  const ReferenceData& ref_;
  bool binding_only_;
  Applies applies_;
  double partial_scope_value_;
  std::vector<BoundEmbargo> embargoes_;
};

}  // namespace

void RegisterEmbargoKernels(KernelRegistry& registry) {
  RegisterKernel<EmbargoKernel>(registry, "embargo");
}

}  // namespace divrisk
