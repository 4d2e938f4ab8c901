#include "engine/learn/similarity_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <queue>

#include <Eigen/Eigenvalues>

#include "engine/learn/party_keys.h"

namespace divrisk::learn {

namespace {

// Cases in a leaf of a group's tree. Large leaves: since a leaf's cases lie
// side by side in memory, checking a few more of them costs less than the
// box bounds and queue work of a deeper tree (bench/similar_latency at
// 100,000 cases: CPU mean 1.3 ms with 16, 0.96 with 32, 0.6 to 0.7 with 64
// to 256).
constexpr uint32_t kLeafSize = 128;
// A key named by more cases than this is not listed per query.
constexpr uint32_t kRareKey = 256;
// Slack (in d^2) for float rounding: a case is skipped only when its bound
// clearly exceeds the k-th best.
constexpr double kSlack = 1e-3;

double Jaccard(size_t shared, size_t all) {
  return all == 0 ? 0.0 : 1.0 - static_cast<double>(shared) / static_cast<double>(all);
}

size_t Shared(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
  size_t i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

double CategoryTerms(CountryCode qd, uint64_t qg, CountryCode rd, uint64_t rg) {
  double d2 = qd == rd ? 0.0 : kDestinationWeight;
  const double jg = Jaccard(static_cast<size_t>(std::popcount(qg & rg)),
                            static_cast<size_t>(std::popcount(qg | rg)));
  return d2 + kGoodsWeight * jg * jg;
}

// Max-heap by (squared distance, row): the worst of the best k on top.
using Best = std::priority_queue<std::pair<double, uint32_t>>;

void Offer(Best* best, size_t k, double d2, uint32_t row) {
  if (best->size() < k) {
    best->emplace(d2, row);
  } else if (std::make_pair(d2, row) < best->top()) {
    best->pop();
    best->emplace(d2, row);
  }
}

std::vector<Neighbour> Drain(Best* best) {
  std::vector<Neighbour> out(best->size());
  for (size_t i = out.size(); i-- > 0;) {
    out[i] = {best->top().second, std::sqrt(best->top().first)};
    best->pop();
  }
  return out;
}

}  // namespace

template <typename Get>
void SimilarityIndex::Rotate(Get value, float* out) const {
  Eigen::VectorXf x(static_cast<Eigen::Index>(dims_));
  for (size_t i = 0; i < dims_; ++i) {
    const float v = value(i);
    x(static_cast<Eigen::Index>(i)) = (std::isnan(v) ? unknown_[i] : v) * scale_[i] - mean_[i];
  }
  Eigen::Map<Eigen::VectorXf>(out, static_cast<Eigen::Index>(dims_)) = axes_.transpose() * x;
}

SimilarityIndex::SimilarityIndex(const Plan& plan, const Archive& archive)
    : archive_(archive), dims_(plan.indicators.size()) {
  std::vector<bool> gate(dims_, false);
  for (const GateSpec& g : plan.gates) gate[g.indicator] = true;
  for (size_t i = 0; i < dims_; ++i) {
    const double w = std::abs(plan.weights.row(static_cast<Eigen::Index>(i)).sum());
    scale_.push_back(static_cast<float>(
        std::sqrt(std::max(0.1, std::max(w, gate[i] ? 20.0 : 0.0) / 10))));
    unknown_.push_back(static_cast<float>(plan.indicators[i].unknown_value));
  }
  const size_t n = archive.rows.size();
  const Eigen::Index p = static_cast<Eigen::Index>(dims_);
  // Principal axes of the scaled values, from a sample of the cases.
  const size_t step = std::max<size_t>(1, n / 100000);
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(p, p);
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(p);
  Eigen::VectorXd x(p);
  size_t sampled = 0;
  for (size_t r = 0; r < n; r += step) {
    for (Eigen::Index i = 0; i < p; ++i) {
      const float v = archive.values(static_cast<Eigen::Index>(r), i);
      x(i) = (std::isnan(v) ? unknown_[i] : v) * scale_[i];
    }
    sum += x;
    cov.selfadjointView<Eigen::Lower>().rankUpdate(x);
    ++sampled;
  }
  mean_.assign(dims_, 0);
  axes_ = Eigen::MatrixXf::Identity(p, p);
  if (sampled > 0) {
    const Eigen::VectorXd mean = sum / static_cast<double>(sampled);
    cov = cov.selfadjointView<Eigen::Lower>();
    cov = cov / static_cast<double>(sampled) - mean * mean.transpose();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    // Eigen sorts ascending; the widest axis first.
    axes_ = eig.eigenvectors().rowwise().reverse().cast<float>();
    for (size_t i = 0; i < dims_; ++i) mean_[i] = static_cast<float>(mean(static_cast<Eigen::Index>(i)));
  }
  features_.resize(n * dims_);
  key_begin_.reserve(n + 1);
  key_begin_.push_back(0);
  for (size_t r = 0; r < n; ++r) {
    Rotate([&](size_t i) { return archive.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(i)); },
           &features_[r * dims_]);
    const ArchiveRow& row = archive.rows[r];
    const size_t from = keys_.size();
    keys_.insert(keys_.end(), archive.key_ids.begin() + row.keys_begin,
                 archive.key_ids.begin() + row.keys_end);
    std::sort(keys_.begin() + static_cast<long>(from), keys_.end());
    keys_.erase(std::unique(keys_.begin() + static_cast<long>(from), keys_.end()), keys_.end());
    key_begin_.push_back(static_cast<uint32_t>(keys_.size()));
    row_of_id_.emplace(row.id, static_cast<uint32_t>(r));
  }
  // Rows by key (each row once per key: keys_ is unique per row).
  rows_begin_.assign(archive.names.size() + 1, 0);
  for (uint32_t key : keys_) ++rows_begin_[key + 1];
  for (size_t k = 0; k < archive.names.size(); ++k) rows_begin_[k + 1] += rows_begin_[k];
  rows_.resize(keys_.size());
  std::vector<uint32_t> next(rows_begin_.begin(), rows_begin_.end() - 1);
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t e = key_begin_[r]; e < key_begin_[r + 1]; ++e) rows_[next[keys_[e]]++] = r;
  }
  order_.resize(n);
  for (size_t r = 0; r < n; ++r) order_[r] = static_cast<uint32_t>(r);
  auto group_of = [&](uint32_t r) {
    return std::make_pair(archive.rows[r].destination, key_begin_[r + 1] > key_begin_[r]);
  };
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    if (group_of(a) != group_of(b)) return group_of(a) < group_of(b);
    return features_[a * dims_] < features_[b * dims_];
  });
  for (size_t s = 0; s < n; ++s) {
    const auto [dest, has_keys] = group_of(order_[s]);
    if (groups_.empty() || groups_.back().destination != dest ||
        groups_.back().has_keys != has_keys) {
      groups_.push_back({dest, has_keys, static_cast<uint32_t>(s),
                         static_cast<uint32_t>(s)});
    }
    groups_.back().end = static_cast<uint32_t>(s + 1);
  }
  for (Group& g : groups_) {
    g.root = static_cast<uint32_t>(nodes_.size());
    BuildNode(g.begin, g.end);
  }
  // The features and goods in tree order: a leaf's cases lie side by side
  // in memory, so a query reads them in one sweep instead of one cache miss
  // per case.
  std::vector<float> by_position(n * dims_);
  position_of_row_.resize(n);
  goods_.resize(n);
  for (size_t s = 0; s < n; ++s) {
    std::copy_n(&features_[static_cast<size_t>(order_[s]) * dims_], dims_,
                &by_position[s * dims_]);
    position_of_row_[order_[s]] = static_cast<uint32_t>(s);
    goods_[s] = archive.rows[order_[s]].goods;
  }
  features_ = std::move(by_position);
}

uint32_t SimilarityIndex::BuildNode(uint32_t begin, uint32_t end) {
  const uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  Node node;
  node.begin = begin;
  node.end = end;
  node.box = static_cast<uint32_t>(boxes_.size());
  boxes_.resize(boxes_.size() + 2 * dims_);
  float* low = &boxes_[node.box];
  float* high = low + dims_;
  std::fill(low, low + dims_, INFINITY);
  std::fill(high, high + dims_, -INFINITY);
  for (uint32_t s = begin; s < end; ++s) {
    node.goods_any |= archive_.rows[order_[s]].goods;
    node.goods_all &= archive_.rows[order_[s]].goods;
    const float* f = &features_[static_cast<size_t>(order_[s]) * dims_];
    for (size_t j = 0; j < dims_; ++j) {
      low[j] = std::min(low[j], f[j]);
      high[j] = std::max(high[j], f[j]);
    }
  }
  if (end - begin > kLeafSize) {
    // Split at the median of the widest axis.
    size_t axis = 0;
    for (size_t j = 1; j < dims_; ++j) {
      if (high[j] - low[j] > high[axis] - low[axis]) axis = j;
    }
    if (high[axis] > low[axis]) {
      const uint32_t mid = begin + (end - begin) / 2;
      std::nth_element(order_.begin() + begin, order_.begin() + mid,
                       order_.begin() + end, [&](uint32_t a, uint32_t b) {
                         const float fa = features_[static_cast<size_t>(a) * dims_ + axis];
                         const float fb = features_[static_cast<size_t>(b) * dims_ + axis];
                         return fa != fb ? fa < fb : a < b;
                       });
      node.left = BuildNode(begin, mid);
      node.right = BuildNode(mid, end);
    }
  }
  nodes_[id] = node;
  return id;
}

double SimilarityIndex::BoxBound(const Node& node, const float* f, uint64_t goods,
                                 double limit) const {
  const float* low = &boxes_[node.box];
  const float* high = low + dims_;
  // The goods term of any case below: at most the goods some case has are
  // shared, at least those every case has are in the union.
  const double jg = Jaccard(static_cast<size_t>(std::popcount(goods & node.goods_any)),
                            static_cast<size_t>(std::popcount(goods | node.goods_all)));
  double b = kGoodsWeight * std::max(0.0, jg) * std::max(0.0, jg);
  for (size_t j = 0; j < dims_;) {
    const size_t end = std::min(dims_, j + 8);
    float part = 0;
    for (; j < end; ++j) {
      const float d = f[j] < low[j] ? low[j] - f[j] : f[j] > high[j] ? f[j] - high[j] : 0.0f;
      part += d * d;
    }
    b += part;
    if (b * (1 - 1e-6) > limit) break;
  }
  return b * (1 - 1e-6);  // rounded down a little: a bound
}

double SimilarityIndex::Squared(const float* f, CountryCode dest, uint64_t goods,
                                const uint32_t* keys, size_t n_keys,
                                uint32_t unknown_keys, uint32_t row,
                                double limit2) const {
  const ArchiveRow& r = archive_.rows[row];
  return SquaredTo(f, dest, goods, keys, n_keys, unknown_keys,
                   &features_[static_cast<size_t>(position_of_row_[row]) * dims_],
                   r.destination, r.goods, row, limit2);
}

double SimilarityIndex::SquaredTo(const float* f, CountryCode dest, uint64_t goods,
                                  const uint32_t* keys, size_t n_keys,
                                  uint32_t unknown_keys, const float* g,
                                  CountryCode row_dest, uint64_t row_goods,
                                  uint32_t row, double limit2) const {
  double d2 = CategoryTerms(dest, goods, row_dest, row_goods);
  // Widest axes first, in blocks of eight: most cases leave early.
  for (size_t i = 0; i < dims_;) {
    const size_t end = std::min(dims_, i + 8);
    float part = 0;
    for (; i < end; ++i) {
      const float d = f[i] - g[i];
      part += d * d;
    }
    d2 += part;
    if (d2 > limit2) return d2;
  }
  const uint32_t* rk = &keys_[key_begin_[row]];
  const size_t nr = key_begin_[row + 1] - key_begin_[row];
  const size_t shared = Shared(keys, n_keys, rk, nr);
  const double jp = Jaccard(shared, n_keys + unknown_keys + nr - shared);
  return d2 + kPartiesWeight * jp * jp;
}

double SimilarityIndex::Distance(const SimilarQuery& q, uint32_t row) const {
  return std::sqrt(Squared(q.features.data(), q.destination, q.goods, q.keys.data(),
                           q.keys.size(), q.unknown_keys, row, INFINITY));
}

SimilarQuery SimilarityIndex::QueryFor(const Case& c, const Eigen::MatrixXd& values,
                                       int row) const {
  SimilarQuery q;
  q.features.resize(dims_);
  Rotate([&](size_t i) {
    return static_cast<float>(values(row, static_cast<Eigen::Index>(i)));
  }, q.features.data());
  q.destination = c.end_user.country;
  q.goods = GoodsMask(c);
  for (const PartyKey& k : IntermediaryKeys(c)) {
    const int64_t id = archive_.Find(k.key);
    if (id < 0) {
      ++q.unknown_keys;
    } else {
      q.keys.push_back(static_cast<uint32_t>(id));
    }
  }
  std::sort(q.keys.begin(), q.keys.end());
  q.keys.erase(std::unique(q.keys.begin(), q.keys.end()), q.keys.end());
  if (auto it = row_of_id_.find(c.id); it != row_of_id_.end()) q.exclude_row = it->second;
  return q;
}

SimilarQuery SimilarityIndex::QueryOfRow(uint32_t row) const {
  SimilarQuery q;
  const size_t at = static_cast<size_t>(position_of_row_[row]) * dims_;
  q.features.assign(&features_[at], &features_[at + dims_]);
  q.destination = archive_.rows[row].destination;
  q.goods = archive_.rows[row].goods;
  q.keys.assign(&keys_[key_begin_[row]], &keys_[key_begin_[row + 1]]);
  q.exclude_row = row;
  return q;
}

std::vector<Neighbour> SimilarityIndex::Scan(const SimilarQuery& q, size_t k) const {
  Best best;
  for (uint32_t r = 0; r < archive_.rows.size(); ++r) {
    if (static_cast<int64_t>(r) == q.exclude_row) continue;
    Offer(&best, k, Squared(q.features.data(), q.destination, q.goods, q.keys.data(),
                            q.keys.size(), q.unknown_keys, r, INFINITY), r);
  }
  return Drain(&best);
}

std::vector<Neighbour> SimilarityIndex::Nearest(const SimilarQuery& q, size_t k) const {
  last_distances_ = 0;
  if (order_.empty() || k == 0) return {};
  Best best;
  auto kth = [&] {
    return best.size() < k ? INFINITY : best.top().first + kSlack;
  };
  auto measure = [&](uint32_t row, double limit) {
    ++last_distances_;
    const double d2 = Squared(q.features.data(), q.destination, q.goods, q.keys.data(),
                              q.keys.size(), q.unknown_keys, row, limit);
    if (d2 <= limit) Offer(&best, k, d2, row);
  };
  // First the cases that share a rare key with the query (a short list in
  // the inverted index). A key named by many cases is left to the walk.
  thread_local std::vector<uint8_t> shares;
  shares.resize(archive_.rows.size(), 0);
  std::vector<uint32_t> marked;
  size_t common = 0;  // query keys too common to list
  for (uint32_t key : q.keys) {
    if (rows_begin_[key + 1] - rows_begin_[key] > kRareKey) {
      ++common;
      continue;
    }
    for (uint32_t i = rows_begin_[key]; i < rows_begin_[key + 1]; ++i) {
      const uint32_t row = rows_[i];
      if (shares[row] || static_cast<int64_t>(row) == q.exclude_row) continue;
      shares[row] = 1;
      marked.push_back(row);
      measure(row, kth());
    }
  }
  // Every other case shares at most the common keys: its parties term is at
  // least kPartiesWeight (1 - common / query keys)^2; with a query naming no
  // key, exactly kPartiesWeight when the case names any, else 0.
  const size_t query_keys = q.keys.size() + q.unknown_keys;
  const double floor_j =
      query_keys == 0 ? 0 : 1.0 - static_cast<double>(common) / static_cast<double>(query_keys);
  std::vector<std::pair<double, uint32_t>> visit(groups_.size());
  std::vector<double> visit_constant(groups_.size());
  for (size_t g = 0; g < groups_.size(); ++g) {
    const double parties = query_keys > 0 ? kPartiesWeight * floor_j * floor_j
                            : groups_[g].has_keys ? kPartiesWeight
                                                  : 0.0;
    // Rounded down a little: a bound, never above the true term.
    visit[g] = {(q.destination == groups_[g].destination ? 0.0 : kDestinationWeight) +
                    parties * (1 - 1e-9),
                static_cast<uint32_t>(g)};
    visit_constant[g] = visit[g].first;
  }
  // Best first over the groups' trees: a node's bound is its group's
  // constant and its box on the leading axes.
  using Item = std::pair<double, std::pair<uint32_t, uint32_t>>;  // bound, node, group
  std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
  std::sort(visit.begin(), visit.end());
  for (const auto& [constant, g] : visit) {
    if (constant > kth()) break;
    open.push({constant + BoxBound(nodes_[groups_[g].root], q.features.data(), q.goods, INFINITY),
               {groups_[g].root, g}});
  }
  const size_t lead = std::min(kLead, dims_);
  while (!open.empty()) {
    const auto [bound, where] = open.top();
    open.pop();
    if (bound > kth()) break;  // every node left is farther
    const Node& node = nodes_[where.first];
    const double constant = visit_constant[where.second];
    if (node.left != kNoNode) {
      for (uint32_t child : {node.left, node.right}) {
        const double b =
            constant + BoxBound(nodes_[child], q.features.data(), q.goods, kth() - constant);
        if (b <= kth()) open.push({b, {child, where.second}});
      }
      continue;
    }
    for (uint32_t s = node.begin; s < node.end; ++s) {
      const uint32_t row = order_[s];
      if (shares[row] || static_cast<int64_t>(row) == q.exclude_row) continue;
      const double limit = kth();
      const uint64_t goods = goods_[s];
      const double jg = Jaccard(static_cast<size_t>(std::popcount(q.goods & goods)),
                                static_cast<size_t>(std::popcount(q.goods | goods)));
      double b = constant + kGoodsWeight * jg * jg;
      for (size_t j = 0; j < lead; ++j) {
        const double d = features_[s * dims_ + j] - q.features[j];
        b += d * d;
      }
      if (b * (1 - 1e-6) > limit) continue;
      // As Squared(row), from the position's own copies (same arithmetic).
      ++last_distances_;
      const double d2 = SquaredTo(q.features.data(), q.destination, q.goods,
                                  q.keys.data(), q.keys.size(), q.unknown_keys,
                                  &features_[s * dims_],
                                  groups_[where.second].destination, goods, row, limit);
      if (d2 <= limit) Offer(&best, k, d2, row);
    }
  }
  for (uint32_t row : marked) shares[row] = 0;
  return Drain(&best);
}

}  // namespace divrisk::learn
