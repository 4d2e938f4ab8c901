// Recurring intermediaries on constructed chains: a forwarder reused across
// refused and diverted cases is flagged with exactly those case ids (by
// normalised name: legal form, case, punctuation and word order aside), a
// vessel by its IMO number under another name; later and clean cases are
// not evidence. And the network ranks the broker connecting most
// applicants and end users first.

#include "engine/learn/party_network.h"

#include "learn_test_util.h"
#include "rules/compiler.h"

namespace divrisk::learn {
namespace {

Party Intermediary(const std::string& name, PartyRole role) {
  Party p;
  p.name = name;
  p.country = *CountryCode::FromText("AE");
  p.role = role;
  p.kind = PartyKind::kCompany;
  return p;
}

class PartyNetworkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::move(*plan);
    base_ = Generated(*plan_->reference, 21, 12);
  }

  // Base case i as `id`, assessed on `date`, with `parties`, no route, and
  // the decision and outcome given.
  Case Make(size_t i, const std::string& id, const char* date,
            std::vector<Party> parties, Decision d, DiversionFound found) {
    Case c = base_.at(i);
    c.id = id;
    c.assessed_on = *ParseIsoDate(date);
    c.parties = std::move(parties);
    c.transport.reset();
    c.documents.clear();
    c.intelligence.clear();
    c.amendments.clear();
    c.outcome = Outcome{d, std::nullopt, found};
    return c;
  }

  std::unique_ptr<const Plan> plan_;
  std::vector<Case> base_;
};

TEST_F(PartyNetworkTest, FlagsTheForwarderAndTheVesselOfEarlierAdverseCases) {
  const PartyRole fwd = PartyRole::kFreightForwarder;
  Party ship = Intermediary("Other Shipping Ltd", PartyRole::kCarrier);
  ship.identifiers.emplace_back("imo", "9321483");
  std::vector<Case> cases = {
      Make(0, "A-REFUSED", "2020-01-10",
           {Intermediary("Eastgate Global Logistics FZE", fwd)},
           Decision::kRefused, DiversionFound::kUnknown),
      Make(1, "C-CLEAN", "2021-05-01",
           {Intermediary("Eastgate Global Logistics FZE", fwd)},
           Decision::kApproved, DiversionFound::kNo),
      Make(2, "B-DIVERTED", "2021-03-01",
           {Intermediary("EASTGATE LOGISTICS, GLOBAL", fwd)},
           Decision::kApproved, DiversionFound::kYes),
      Make(3, "E-REFUSED-IMO", "2019-06-01", {ship}, Decision::kRefused,
           DiversionFound::kUnknown),
      Make(4, "F-LATER", "2025-01-01",
           {Intermediary("Eastgate Global Logistics FZE", fwd)},
           Decision::kRefused, DiversionFound::kUnknown),
      Make(5, "G-OTHER", "2020-01-01",
           {Intermediary("Westgate Trading LLC", fwd)}, Decision::kRefused,
           DiversionFound::kUnknown),
  };
  const Archive a = LoadOrDie(*plan_, WriteArchive(cases, "chains.jsonl"));
  ASSERT_EQ(a.rows.size(), cases.size()) << (a.first_errors.empty() ? "" : a.first_errors[0]);
  const PartyIndex index(a);

  Party renamed = Intermediary("Sea Renamed Co", PartyRole::kCarrier);
  renamed.identifiers.emplace_back("imo", "9321483");
  const Case query = Make(6, "D-QUERY", "2023-01-01",
                          {Intermediary("Eastgate Global Logistics", fwd), renamed},
                          Decision::kApproved, DiversionFound::kUnknown);
  const std::vector<RecurringParty> r = RecurringIntermediaries(a, index, query);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].path, "parties[0].name");
  ASSERT_EQ(r[0].total, 2u);
  EXPECT_EQ(r[0].cases[0].case_id, "A-REFUSED");
  EXPECT_TRUE(r[0].cases[0].refused);
  EXPECT_EQ(r[0].cases[1].case_id, "B-DIVERTED");
  EXPECT_TRUE(r[0].cases[1].diverted);
  EXPECT_EQ(r[1].path, "parties[1].identifiers.imo");
  EXPECT_EQ(r[1].key, "imo:9321483");
  ASSERT_EQ(r[1].total, 1u);
  EXPECT_EQ(r[1].cases[0].case_id, "E-REFUSED-IMO");

  // A query assessed before every case finds nothing earlier.
  Case early = query;
  early.assessed_on = *ParseIsoDate("2018-01-01");
  EXPECT_TRUE(RecurringIntermediaries(a, index, early).empty());
}

TEST_F(PartyNetworkTest, RanksTheBrokerConnectingMostApplicantsAndEndUsers) {
  const PartyRole broker = PartyRole::kBroker;
  std::vector<Case> cases;
  for (size_t i = 0; i < 4; ++i) {  // four exporters and end users
    cases.push_back(Make(i, "HUB-" + std::to_string(i), "2022-01-01",
                         {Intermediary("Hub Brokers Ltd", broker)},
                         i == 0 ? Decision::kRefused : Decision::kApproved,
                         DiversionFound::kNo));
    cases.back().exporter.name = "Exporter " + std::string(1, static_cast<char>('A' + i));
    cases.back().end_user.name = "End User " + std::string(1, static_cast<char>('A' + i));
  }
  for (size_t i = 0; i < 3; ++i) {  // many cases, one pair
    cases.push_back(Make(4 + i, "SIDE-" + std::to_string(i), "2022-01-01",
                         {Intermediary("Side Agent SARL", PartyRole::kAgent)},
                         Decision::kApproved, DiversionFound::kNo));
    cases.back().exporter.name = "Exporter Z";
    cases.back().end_user.name = "End User Z";
  }
  const Archive a = LoadOrDie(*plan_, WriteArchive(cases, "network.jsonl"));
  ASSERT_EQ(a.rows.size(), cases.size());
  const PartyIndex index(a);
  const std::vector<NetworkNode> top = Network(a, index, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].shown, "Hub Brokers Ltd");
  EXPECT_EQ(top[0].applicants, 4u);
  EXPECT_EQ(top[0].end_users, 4u);
  EXPECT_EQ(top[0].cases, 4u);
  EXPECT_EQ(top[0].adverse, 1u);
  EXPECT_EQ(top[1].shown, "Side Agent SARL");
  EXPECT_EQ(top[1].applicants, 1u);
  EXPECT_EQ(top[1].cases, 3u);
}

}  // namespace
}  // namespace divrisk::learn
