#include "engine/learn/party_network.h"

#include <algorithm>

#include "engine/learn/party_keys.h"

namespace divrisk::learn {

namespace {

constexpr size_t kExamples = 5;

size_t Distinct(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  return static_cast<size_t>(std::unique(v->begin(), v->end()) - v->begin());
}

}  // namespace

PartyIndex::PartyIndex(const Archive& archive) {
  const size_t keys = archive.names.size();
  begin_.assign(keys + 1, 0);
  for (uint32_t k : archive.key_ids) ++begin_[k + 1];
  for (size_t k = 0; k < keys; ++k) begin_[k + 1] += begin_[k];
  entries_.resize(archive.key_ids.size());
  entry_row_.resize(archive.key_ids.size());
  std::vector<uint32_t> next(begin_.begin(), begin_.end() - 1);
  for (uint32_t r = 0; r < archive.rows.size(); ++r) {
    const ArchiveRow& row = archive.rows[r];
    for (uint32_t e = row.keys_begin; e < row.keys_end; ++e) {
      entry_row_[e] = r;
      entries_[next[archive.key_ids[e]]++] = e;
    }
  }
}

std::span<const uint32_t> PartyIndex::Entries(uint32_t key) const {
  if (key + 1 >= begin_.size()) return {};
  return {entries_.data() + begin_[key], begin_[key + 1] - begin_[key]};
}

std::vector<RecurringParty> RecurringIntermediaries(const Archive& archive,
                                                    const PartyIndex& index,
                                                    const Case& c) {
  std::vector<RecurringParty> out;
  for (const PartyKey& k : IntermediaryKeys(c)) {
    const int64_t id = archive.Find(k.key);
    if (id < 0) continue;
    RecurringParty p{k.path, k.shown, k.key, {}, 0};
    std::vector<RecurringParty::Earlier> all;
    for (uint32_t e : index.Entries(static_cast<uint32_t>(id))) {
      const ArchiveRow& row = archive.rows[index.RowOf(e)];
      if (row.id == c.id || !(row.assessed_on < c.assessed_on) || !row.Adverse()) {
        continue;
      }
      all.push_back({row.id, row.assessed_on,
                     row.decision == Decision::kRefused,
                     row.diversion == DiversionFound::kYes, archive.key_path[e]});
    }
    if (all.empty()) continue;
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.assessed_on < b.assessed_on;
    });
    p.total = all.size();
    if (all.size() > kMaxListed) all.resize(kMaxListed);
    p.cases = std::move(all);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<NetworkNode> Network(const Archive& archive, const PartyIndex& index,
                                 size_t top) {
  std::vector<NetworkNode> nodes;
  std::vector<uint32_t> applicants, end_users;
  for (uint32_t k = 0; k < archive.names.size(); ++k) {
    const std::span<const uint32_t> entries = index.Entries(k);
    if (entries.empty()) continue;  // a principal's name, not an intermediary
    NetworkNode n;
    n.key = k;
    n.shown = archive.key_shown[entries[0]];
    applicants.clear();
    end_users.clear();
    for (uint32_t e : entries) {
      const ArchiveRow& row = archive.rows[index.RowOf(e)];
      applicants.push_back(row.exporter);
      end_users.push_back(row.end_user);
      ++n.cases;
      n.adverse += row.Adverse();
      if (n.example_cases.size() < kExamples) n.example_cases.push_back(row.id);
    }
    n.applicants = Distinct(&applicants);
    n.end_users = Distinct(&end_users);
    nodes.push_back(std::move(n));
  }
  auto better = [&](const NetworkNode& a, const NetworkNode& b) {
    const uint64_t sa = a.applicants + a.end_users, sb = b.applicants + b.end_users;
    if (sa != sb) return sa > sb;
    if (a.cases != b.cases) return a.cases > b.cases;
    return archive.names[a.key] < archive.names[b.key];
  };
  const size_t keep = std::min(top, nodes.size());
  std::partial_sort(nodes.begin(), nodes.begin() + static_cast<long>(keep),
                    nodes.end(), better);
  nodes.resize(keep);
  return nodes;
}

}  // namespace divrisk::learn
