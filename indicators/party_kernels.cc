// Party family (catalogue PL-1..PL-5; ATT Art. 10, 11): who is involved.
//
// A party is the exporter, the end user or an entry of `parties` (evidence
// paths `exporter`, `end_user`, `parties[i]`).
//
// Kernels (params, defaults):
//   party_listed                 a party's name, alias or vehicle is on a
//                                list whose effect is in `effects` [sanction,
//                                denial]: 1 for a hit, 0.5 for a possible
//                                match an officer must review
//   party_name_disguised         a party's name, alias or carrier is written
//                                to slip past screening: invisible
//                                characters, look-alike letters of another
//                                script, digits for letters (1, whether or
//                                not the name is listed)
//   party_unregistered           the exporter (the applicant broker, for
//                                brokering) or a broker/agent company is not
//                                validly in the register for `roles`
//                                [exporter, broker]; unknown where the rule
//                                set holds no such register; state bodies
//                                are not checked
//   party_no_icp                 a party in `roles` [exporter, broker,
//                                freight_forwarder] has no audited ICP
//   party_recently_incorporated  a company incorporated fewer than
//                                `min_age_days` [365] days before assessed_on
//   party_prior_violations       most violations on record of one party,
//                                divided by `saturation` [2], at most 1
//   party_intermediaries         a party in `roles` [intermediate_consignee,
//                                broker, agent] is involved
//   party_foreign_intermediary   a consignee or intermediate consignee outside
//                                both the end user's and the exporter's country

#include "indicators/party_kernels.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/name_normalizer.h"
#include "indicators/kernel_util.h"
#include "indicators/screening/case_screening.h"
#include "indicators/screening/listing_check.h"

namespace divrisk {
namespace {

// Parameter words for types that have none in the case format.
enum class EffectWord : uint8_t { kSanction, kDenial };
enum class RegisterRoleWord : uint8_t { kExporter, kBroker };
// party_no_icp roles: the roles of `parties`, plus the exporter.
enum class IcpRole : uint8_t {
  kBroker,
  kFreightForwarder,
  kCarrier,
  kIntermediateConsignee,
  kConsignee,
  kAgent,
  kFinancier,
  kExporter
};

}  // namespace

template <>
inline constexpr auto kEnumWords<EffectWord> =
    std::to_array<const char*>({"sanction", "denial"});
template <>
inline constexpr auto kEnumWords<RegisterRoleWord> =
    std::to_array<const char*>({"exporter", "broker"});
template <>
inline constexpr auto kEnumWords<IcpRole> = std::to_array<const char*>(
    {"broker", "freight_forwarder", "carrier", "intermediate_consignee",
     "consignee", "agent", "financier", "exporter"});

namespace {

static_assert(static_cast<int>(ListingEffect::kSanction) ==
                  static_cast<int>(EffectWord::kSanction) &&
              static_cast<int>(ListingEffect::kDenial) ==
                  static_cast<int>(EffectWord::kDenial));
static_assert(static_cast<int>(RegisterRole::kExporter) ==
                  static_cast<int>(RegisterRoleWord::kExporter) &&
              static_cast<int>(RegisterRole::kBroker) ==
                  static_cast<int>(RegisterRoleWord::kBroker));

// IcpRole's first words are PartyRole's, so that it casts to PartyRole.
constexpr bool IcpRoleExtendsPartyRole() {
  const auto& roles = kEnumWords<PartyRole>;
  if (kEnumWords<IcpRole>.size() != roles.size() + 1) return false;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (std::string_view(roles[i]) != kEnumWords<IcpRole>[i]) return false;
  }
  return true;
}
static_assert(IcpRoleExtendsPartyRole());

// A party of the case by position (case_context.h).
constexpr int kExporter = kExporterParty;
constexpr int kEndUser = kEndUserParty;

const Party& PartyAt(const Case& c, int who) {
  if (who == kExporter) return c.exporter;
  if (who == kEndUser) return c.end_user;
  return c.parties[static_cast<size_t>(who)];
}

std::string PartyPath(int who) {
  if (who == kExporter) return "exporter";
  if (who == kEndUser) return "end_user";
  return ItemPath("parties", static_cast<size_t>(who));
}

int PartyCount(const Case& c) { return static_cast<int>(c.parties.size()); }

class Listed : public KernelBase<Listed> {
 public:
  // A ReferenceData built by hand (tests, embedders) comes with no
  // screener: one over its listed parties is built here.
  Listed(KernelParams& p, const BindContext& context)
      : screener_(context.screener != nullptr
                      ? context.screener
                      : screening::BuildReferenceScreener(
                            context.ref.listed_parties)) {
    for (EffectWord e : p.Enums<EffectWord>(
             "effects",
             std::vector{EffectWord::kSanction, EffectWord::kDenial})) {
      effects_.push_back(static_cast<ListingEffect>(e));
    }
  }

  // Every party, carrier and vehicle is screened (screening/case_screening.h)
  // by name, alias and identifier. A hit on the name alone counts even when
  // the listed entry's country differs from the party's: listed companies
  // re-register abroad and fronts borrow addresses, so the name carries the
  // identity; a false hit is for the officer to clear, not for the engine
  // to drop.
  // The case is screened once for all party_listed indicators (the
  // context keeps the findings).
  double Eval(const CaseContext& x, Evidence* ev) const {
    screening::ListingResult r = screening::CheckListing(
        *screener_, x.c(), x.Findings(*screener_), effects_, ev != nullptr);
    if (ev != nullptr) {
      for (auto& [path, text] : r.facts) {
        ev->Add(std::move(path), std::move(text));
      }
    }
    return r.value;
  }

 private:
  std::shared_ptr<const screening::Screener> screener_;
  std::vector<ListingEffect> effects_;
};

class NameDisguised : public KernelBase<NameDisguised> {
 public:
  NameDisguised(KernelParams&, const BindContext&) {}

  // Nobody writes a zero-width space into a company name, or a Cyrillic
  // "а" among Latin letters, by accident: the name was made to slip past
  // screening (screening/normalize.h, Disguise). Screening sees through it;
  // this scores the attempt.
  double Eval(const Case& c, Evidence* ev) const {
    const std::vector<screening::DisguisedName> found =
        screening::FindDisguisedNames(c);
    if (found.empty()) return 0;
    if (ev != nullptr) {
      for (const screening::DisguisedName& d : found) {
        ev->Add(d.field_path,
                absl::StrCat(Quoted(screening::ShowInvisible(d.name)),
                             ": written to slip past screening (",
                             screening::DisguiseText(d.disguise), ")"));
      }
    }
    return 1;
  }
};

class Unregistered : public KernelBase<Unregistered> {
 public:
  Unregistered(KernelParams& p, const ReferenceData& ref) : ref_(ref) {
    for (RegisterRoleWord r : p.Enums<RegisterRoleWord>(
             "roles", std::vector{RegisterRoleWord::kExporter,
                                  RegisterRoleWord::kBroker})) {
      roles_.push_back(static_cast<RegisterRole>(r));
    }
  }

  // The applicant (`exporter`) answers to the register of what it applies
  // for: an exporter (export, re-export) to the exporters' register, the
  // applicant of a brokering licence, who is the broker, to the brokers'
  // register. The consignor of a transit or transshipment is a foreign
  // company that the transit state does not register, so it is not
  // checked. Brokers and agents among the parties answer to the brokers'
  // register of their own country.
  double Eval(const CaseContext& x, Evidence* ev) const {
    const Case& c = x.c();
    AnyOf any;
    if (std::optional<RegisterRole> role = ApplicantRole(c.transaction);
        role && Contains(roles_, *role)) {
      Check(x, kExporter, *role, any, ev);
    }
    if (Contains(roles_, RegisterRole::kBroker)) {
      for (int i = 0; i < PartyCount(c); ++i) {
        const std::optional<PartyRole>& role = PartyAt(c, i).role;
        if (role == PartyRole::kBroker || role == PartyRole::kAgent) {
          Check(x, i, RegisterRole::kBroker, any, ev);
        }
      }
    }
    return any.Value();
  }

 private:
  static std::optional<RegisterRole> ApplicantRole(Transaction t) {
    switch (t) {
      case Transaction::kExport:
      case Transaction::kReExport:
        return RegisterRole::kExporter;
      case Transaction::kBrokering:
        return RegisterRole::kBroker;
      case Transaction::kTransit:
      case Transaction::kTransshipment:
        return std::nullopt;
    }
    return RegisterRole::kExporter;
  }

  void Check(const CaseContext& x, int who, RegisterRole role, AnyOf& any,
             Evidence* ev) const {
    const Case& c = x.c();
    const Party& party = PartyAt(c, who);
    // Registers list companies and individuals; a state body (armed forces,
    // police, a ministry or state agency) or an international organisation
    // is not entered in one, so it is not checked. A party of no stated kind
    // is taken for a company.
    if (party.kind && *party.kind != PartyKind::kCompany &&
        *party.kind != PartyKind::kIndividual) {
      return;
    }
    // A register the rule set does not hold says nothing either way: the
    // fact is unknown, whatever the party's register_id.
    if (!ref_.HoldsRegister(party.country, role)) {
      any.Add(std::nullopt);
      if (ev) {
        ev->Unknown(absl::StrCat("ref.registers[",
                                 RegisterName(party.country, role), "]"));
      }
      return;
    }
    // The format: an absent register_id means not registered.
    if (!party.register_id) {
      any.AddTrue();
      if (ev) ev->Add(PartyPath(who) + ".register_id", "none: not registered");
      return;
    }
    const RegisterEntry* entry = nullptr;
    for (const RegisterEntry& e : ref_.register_entries) {
      if (e.country == party.country && e.role == role &&
          SameIdentifier(e.register_id, *party.register_id)) {
        entry = &e;
        break;
      }
    }
    if (entry == nullptr) {
      const std::string reg = absl::StrCat(
          "ref.registers[", RegisterName(party.country, role), "]");
      any.AddTrue();
      if (ev) {
        ev->Add(PartyPath(who) + ".register_id", *party.register_id);
        ev->Add(reg, ref_.KindIllustrative("registers")
                         ? "no such entry (illustrative register)"
                         : "no such entry");
      }
      return;
    }
    // The registered name must be the party's own name, not an alias: a
    // shell that lists a registered firm's name as an alias would otherwise
    // borrow its registration.
    std::vector<std::string> problems;
    if (NormalizeName(entry->name) != x.NormalizedName(who, -1)) {
      problems.push_back(absl::StrCat("registered to ", Quoted(entry->name)));
    }
    if (!entry->ValidOn(c.assessed_on)) {
      problems.push_back(NotValidBecause(*entry, c.assessed_on));
    }
    if (problems.empty()) {
      any.Add(false);
      return;
    }
    any.AddTrue();
    if (ev) {
      ev->Add(PartyPath(who) + ".register_id", *party.register_id);
      std::string value = problems[0];
      if (problems.size() > 1) absl::StrAppend(&value, "; ", problems[1]);
      if (entry->illustrative)
        absl::StrAppend(&value, " (illustrative record)");
      ev->Add(absl::StrCat("ref.registers[", entry->register_name, "]"), value);
    }
  }

  // The held register's own name, or "GB-exporters" / "GB-brokers".
  std::string RegisterName(CountryCode country, RegisterRole role) const {
    for (const RegisterEntry& e : ref_.register_entries) {
      if (e.country == country && e.role == role) return e.register_name;
    }
    return absl::StrCat(Cc(country), role == RegisterRole::kExporter
                                         ? "-exporters"
                                         : "-brokers");
  }

  static std::string NotValidBecause(const RegisterEntry& e, Date on) {
    if (e.suspended_on && *e.suspended_on <= on) {
      return absl::StrCat("suspended on ", FormatDate(*e.suspended_on));
    }
    if (e.valid_until && *e.valid_until < on) {
      return absl::StrCat("expired on ", FormatDate(*e.valid_until));
    }
    return absl::StrCat("registered only from ", FormatDate(*e.registered_on));
  }

  const ReferenceData& ref_;
  std::vector<RegisterRole> roles_;
};

class NoIcp : public KernelBase<NoIcp> {
 public:
  NoIcp(KernelParams& p, const ReferenceData&) {
    for (IcpRole r : p.Enums<IcpRole>(
             "roles", std::vector{IcpRole::kExporter, IcpRole::kBroker,
                                  IcpRole::kFreightForwarder})) {
      if (r == IcpRole::kExporter) {
        exporter_ = true;
      } else {
        roles_.push_back(static_cast<PartyRole>(r));
      }
    }
  }

  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (int who = kExporter; who < PartyCount(c); ++who) {
      if (who == kEndUser) continue;
      const Party& party = PartyAt(c, who);
      const bool covered = who == kExporter
                               ? exporter_
                               : party.role && Contains(roles_, *party.role);
      if (!covered) continue;
      const std::optional<bool>& icp = party.internal_compliance_programme;
      any.Add(icp, /*concern=*/false);
      if (ev) {
        BoolEvidence(*ev, icp, false,
                     PartyPath(who) + ".internal_compliance_programme",
                     "false");
      }
    }
    return any.Value();
  }

 private:
  bool exporter_ = false;
  std::vector<PartyRole> roles_;
};

class RecentlyIncorporated : public KernelBase<RecentlyIncorporated> {
 public:
  RecentlyIncorporated(KernelParams& p, const ReferenceData&)
      : min_age_days_(p.Number("min_age_days", 365)) {}

  // Companies only; a party of no stated kind may be one, so it counts.
  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (int who = kExporter; who < PartyCount(c); ++who) {
      if (who == kEndUser) continue;
      const Party& party = PartyAt(c, who);
      if (party.kind && *party.kind != PartyKind::kCompany) continue;
      const std::string path = ev ? PartyPath(who) + ".incorporated_on" : "";
      if (!party.incorporated_on) {
        any.Add(std::nullopt);
        if (ev) ev->Unknown(path);
        continue;
      }
      const int age = c.assessed_on.days - party.incorporated_on->days;
      if (age >= min_age_days_) {
        any.Add(false);
        continue;
      }
      any.AddTrue();
      if (ev) {
        ev->Add(path, absl::StrCat(FormatDate(*party.incorporated_on), ", ",
                                   age < 0 ? absl::StrCat(-age, " days after")
                                           : absl::StrCat(age, " days before"),
                                   " the assessment date"));
      }
    }
    return any.Value();
  }

 private:
  double min_age_days_;
};

class PriorViolations : public KernelBase<PriorViolations> {
 public:
  PriorViolations(KernelParams& p, const ReferenceData&)
      : saturation_(p.Number("saturation", 2)) {}

  // The worst known record decides; only when no party's record is known is
  // the value unknown.
  double Eval(const Case& c, Evidence* ev) const {
    std::optional<int64_t> worst;
    for (int who = kExporter; who < PartyCount(c); ++who) {
      if (who == kEndUser) continue;
      const std::optional<int64_t>& n = PartyAt(c, who).prior_violations;
      if (n) worst = std::max(worst.value_or(0), std::max<int64_t>(*n, 0));
    }
    if (!worst) {
      if (ev) {
        for (int who = kExporter; who < PartyCount(c); ++who) {
          if (who == kEndUser) continue;
          ev->Unknown(PartyPath(who) + ".prior_violations");
        }
      }
      return kUnknown;
    }
    if (ev) {
      for (int who = kExporter; who < PartyCount(c); ++who) {
        if (who == kEndUser) continue;
        const std::optional<int64_t>& n = PartyAt(c, who).prior_violations;
        if (n && *n > 0) {
          ev->Add(PartyPath(who) + ".prior_violations", absl::StrCat(*n));
        }
      }
    }
    return Saturate(*worst, saturation_);
  }

 private:
  double saturation_;
};

class Intermediaries : public KernelBase<Intermediaries> {
 public:
  Intermediaries(KernelParams& p, const ReferenceData&)
      : roles_(p.Enums<PartyRole>(
            "roles", std::vector{PartyRole::kIntermediateConsignee,
                                 PartyRole::kBroker, PartyRole::kAgent})) {}

  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.parties.size(); ++i) {
      const Party& party = c.parties[i];
      if (!party.role || !Contains(roles_, *party.role)) continue;
      value = 1;
      if (!ev) break;
      ev->Add(ItemPath("parties", i) + ".role",
              absl::StrCat(EnumWord(*party.role), ": ", party.name));
    }
    return value;
  }

 private:
  std::vector<PartyRole> roles_;
};

class ForeignIntermediary : public KernelBase<ForeignIntermediary> {
 public:
  ForeignIntermediary(KernelParams&, const ReferenceData&) {}

  // A consignee in a third country is where goods leave the declared path.
  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.parties.size(); ++i) {
      const Party& party = c.parties[i];
      if (party.role != PartyRole::kConsignee &&
          party.role != PartyRole::kIntermediateConsignee) {
        continue;
      }
      if (party.country == c.end_user.country ||
          party.country == c.exporter.country) {
        continue;
      }
      value = 1;
      if (!ev) break;
      ev->Add(ItemPath("parties", i) + ".country",
              absl::StrCat(Cc(party.country), ": ", EnumWord(*party.role), " ",
                           Quoted(party.name), ", end user in ",
                           Cc(c.end_user.country), ", exporter in ",
                           Cc(c.exporter.country)));
    }
    return value;
  }
};

}  // namespace

void RegisterPartyKernels(KernelRegistry& registry) {
  RegisterKernel<Listed>(registry, "party_listed");
  RegisterKernel<NameDisguised>(registry, "party_name_disguised");
  RegisterKernel<Unregistered>(registry, "party_unregistered");
  RegisterKernel<NoIcp>(registry, "party_no_icp");
  RegisterKernel<RecentlyIncorporated>(registry, "party_recently_incorporated");
  RegisterKernel<PriorViolations>(registry, "party_prior_violations");
  RegisterKernel<Intermediaries>(registry, "party_intermediaries");
  RegisterKernel<ForeignIntermediary>(registry, "party_foreign_intermediary");
}

}  // namespace divrisk
