// Embargo family (catalogue A6-1, A6-2; ATT Art. 6(1), 6(2); CP Crit 1):
// arms embargoes on the states the transfer touches.
//
// Kernels (params, defaults):
//   embargo  an embargo imposed by one of `bodies` (required; e.g. [UN] for
//            Art. 6(1), [EU, OSCE, ECOWAS, LAS] for 6(2)), binding unless
//            `binding_only` ("true") is "false", in force on assessed_on,
//            that targets the end user's country or a transit state (arms
//            to the target) or the exporter's country or a goods line's
//            origin (arms from it). Scope full: 1; non_state_actors: 1 for
//            a company or individual end user in the target, 0 for a
//            government one, unknown when its kind is not given;
//            named_persons, specific_regions, partial, and non-state-actor
//            embargoes the goods only pass through or come from:
//            `partial_scope_value` (0.5, refer: the officer checks the
//            named persons or regions)
//
// Bodies match the reference's imposing_body ignoring case, by full name,
// parenthesised alias or initials ("OSCE" and "CSCE" for "OSCE (CSCE)",
// "LAS" for "League of Arab States").
// An authorisation from the embargo's imposing body, dated on or before
// assessed_on (or undated), exempts the transfer from that embargo.
// Embargoes with no target state (global named-person regimes) can only be
// checked by name, which party screening does.

#include "indicators/embargo_kernels.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

// Whether `word` names the body `imposing_body`, ignoring case: its full
// name, the name before or inside a parenthesis ("OSCE (CSCE)"), or the
// initials of its capitalised words ("League of Arab States": LAS), so that
// rule sets and authorisations may use either form.
// (absl::string_view: the Debian Abseil's is not std::string_view.)
bool BodyMatches(absl::string_view word, absl::string_view imposing_body) {
  if (absl::EqualsIgnoreCase(word, imposing_body)) return true;
  absl::string_view name = imposing_body;
  if (size_t open = imposing_body.find(" ("); open != absl::string_view::npos) {
    name = imposing_body.substr(0, open);
    absl::string_view inner = imposing_body.substr(open + 2);
    if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
    if (absl::EqualsIgnoreCase(word, name) ||
        absl::EqualsIgnoreCase(word, inner)) {
      return true;
    }
  }
  std::string initials;
  for (size_t i = 0; i < name.size(); ++i) {
    if ((i == 0 || name[i - 1] == ' ') && absl::ascii_isupper(name[i])) {
      initials.push_back(name[i]);
    }
  }
  return initials.size() >= 2 && absl::EqualsIgnoreCase(word, initials);
}

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

class EmbargoKernel : public KernelBase<EmbargoKernel> {
 public:
  EmbargoKernel(KernelParams& p, const ReferenceData& ref)
      : binding_only_(Flag(p, "binding_only", true)),
        partial_scope_value_(p.Fraction("partial_scope_value", 0.5)) {
    const std::vector<std::string> bodies = p.Words("bodies");
    // Bound once: which embargoes the rule is about. Whether each is in
    // force depends on the case's date, so that is judged per case.
    for (const Embargo& e : ref.embargoes) {
      if (!e.target || (binding_only_ && !e.binding)) continue;
      if (std::any_of(bodies.begin(), bodies.end(), [&](const std::string& b) {
            return BodyMatches(b, e.imposing_body);
          })) {
        embargoes_.push_back(&e);
      }
    }
  }

  double Eval(const Case& c, Evidence* ev) const {
    MaxOf max;
    for (const Embargo* e : embargoes_) {
      if (!ev && max.Settled()) break;
      if (!e->InForceOn(c.assessed_on)) continue;
      std::vector<Fact> matches;
      const bool to_end_user = Matches(c, *e, &matches);
      if (matches.empty()) continue;
      const std::string ref_path = absl::StrCat("ref.embargoes[", e->id, "]");
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
      const double v = ScopeValue(c, *e, to_end_user, &matches, ev);
      max.Add(v);
      if (!ev || v == 0) continue;
      ev->Add(ref_path, absl::StrCat(e->imposing_body, " arms embargo on ",
                                     e->target_name, " (", e->instrument,
                                     "), in force since ", FormatDate(e->start),
                                     ", scope ", ScopeWord(e->scope), ", ",
                                     DirectionWord(e->direction)));
      for (Fact& f : matches) ev->Add(std::move(f.path), std::move(f.value));
    }
    return max.Value();
  }

 private:
  // Adds to *matches each case field that puts the transfer under `e`, and
  // returns whether the end user's country is the target.
  static bool Matches(const Case& c, const Embargo& e,
                      std::vector<Fact>* matches) {
    const CountryCode target = *e.target;
    bool to_end_user = false;
    if (e.Covers(/*arms_to_target=*/true)) {
      if (c.end_user.country == target) {
        to_end_user = true;
        matches->push_back({"end_user.country", Cc(target)});
      }
      if (c.transport) {
        const std::span<const Leg> transit = TransitLegs(c.transport->legs);
        for (size_t i = 0; i < transit.size(); ++i) {
          if (transit[i].to == target) {
            matches->push_back({LegPath(i) + ".to", Cc(target)});
          }
        }
      }
    }
    if (e.Covers(/*arms_to_target=*/false)) {
      if (c.exporter.country == target) {
        matches->push_back({"exporter.country", Cc(target)});
      }
      for (size_t i = 0; i < c.goods.size(); ++i) {
        if (c.goods[i].origin_country == target) {
          matches->push_back(
              {ItemPath("goods", i) + ".origin_country", Cc(target)});
        }
      }
    }
    return to_end_user;
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

  bool binding_only_;
  double partial_scope_value_;
  std::vector<const Embargo*> embargoes_;
};

}  // namespace

void RegisterEmbargoKernels(KernelRegistry& registry) {
  RegisterKernel<EmbargoKernel>(registry, "embargo");
}

}  // namespace divrisk
