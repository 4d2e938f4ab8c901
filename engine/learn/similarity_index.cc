#include "engine/learn/similarity_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <queue>

#include "engine/learn/party_keys.h"

namespace divrisk::learn {

namespace {

// Slack for float rounding in the pivot bounds: a case is skipped only when
// its bound clearly exceeds the k-th best.
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

// Max-heap by (distance, row): the worst of the best k on top.
using Best = std::priority_queue<std::pair<double, uint32_t>>;

void Offer(Best* best, size_t k, double d, uint32_t row) {
  if (best->size() < k) {
    best->emplace(d, row);
  } else if (std::make_pair(d, row) < best->top()) {
    best->pop();
    best->emplace(d, row);
  }
}

std::vector<Neighbour> Drain(Best* best) {
  std::vector<Neighbour> out(best->size());
  for (size_t i = out.size(); i-- > 0;) {
    out[i] = {best->top().second, best->top().first};
    best->pop();
  }
  return out;
}

}  // namespace

SimilarityIndex::SimilarityIndex(const Plan& plan, const Archive& archive,
                                 int pivots)
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
  features_.resize(n * dims_);
  key_begin_.reserve(n + 1);
  key_begin_.push_back(0);
  for (size_t r = 0; r < n; ++r) {
    for (size_t i = 0; i < dims_; ++i) {
      const float v = archive.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(i));
      features_[r * dims_ + i] = (std::isnan(v) ? unknown_[i] : v) * scale_[i];
    }
    const ArchiveRow& row = archive.rows[r];
    const size_t from = keys_.size();
    keys_.insert(keys_.end(), archive.key_ids.begin() + row.keys_begin,
                 archive.key_ids.begin() + row.keys_end);
    std::sort(keys_.begin() + from, keys_.end());
    keys_.erase(std::unique(keys_.begin() + from, keys_.end()), keys_.end());
    key_begin_.push_back(static_cast<uint32_t>(keys_.size()));
    row_of_id_.emplace(row.id, static_cast<uint32_t>(r));
  }
  if (n == 0) return;
  // Pivots: farthest first, over a sample, from the first case.
  const size_t step = std::max<size_t>(1, n / 4096);
  std::vector<double> nearest_pivot(n, INFINITY);
  pivots_.push_back(0);
  while (pivots_.size() < static_cast<size_t>(std::max(1, pivots)) && pivots_.size() < n) {
    uint32_t far = 0;
    double far_d = -1;
    for (size_t r = 0; r < n; r += step) {
      nearest_pivot[r] = std::min(nearest_pivot[r],
                                  RowDistance(static_cast<uint32_t>(r), pivots_.back()));
      if (nearest_pivot[r] > far_d) {
        far_d = nearest_pivot[r];
        far = static_cast<uint32_t>(r);
      }
    }
    if (far_d <= 0) break;  // every sampled case is a pivot's twin
    pivots_.push_back(far);
  }
  const size_t m = pivots_.size();
  std::vector<float> dist(n * m);
  for (size_t r = 0; r < n; ++r) {
    for (size_t j = 0; j < m; ++j) {
      dist[r * m + j] = static_cast<float>(RowDistance(static_cast<uint32_t>(r), pivots_[j]));
    }
  }
  order_.resize(n);
  for (size_t r = 0; r < n; ++r) order_[r] = static_cast<uint32_t>(r);
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return dist[a * m] < dist[b * m];
  });
  pivot_dist_.resize(n * m);
  for (size_t s = 0; s < n; ++s) {
    std::copy_n(&dist[order_[s] * m], m, &pivot_dist_[s * m]);
  }
}

double SimilarityIndex::Core(const float* f, CountryCode dest, uint64_t goods,
                             const uint32_t* keys, size_t n_keys,
                             uint32_t unknown_keys, uint32_t row) const {
  const float* g = &features_[static_cast<size_t>(row) * dims_];
  float sum = 0;
  for (size_t i = 0; i < dims_; ++i) {
    const float d = f[i] - g[i];
    sum += d * d;
  }
  double d2 = sum;
  const ArchiveRow& r = archive_.rows[row];
  if (!(dest == r.destination)) d2 += kDestinationWeight;
  const int shared_goods = std::popcount(goods & r.goods);
  const int all_goods = std::popcount(goods | r.goods);
  const double jg = Jaccard(static_cast<size_t>(shared_goods), static_cast<size_t>(all_goods));
  d2 += kGoodsWeight * jg * jg;
  const uint32_t* rk = &keys_[key_begin_[row]];
  const size_t nr = key_begin_[row + 1] - key_begin_[row];
  const size_t shared = Shared(keys, n_keys, rk, nr);
  const double jp = Jaccard(shared, n_keys + unknown_keys + nr - shared);
  d2 += kPartiesWeight * jp * jp;
  return std::sqrt(d2);
}

double SimilarityIndex::RowDistance(uint32_t a, uint32_t b) const {
  const ArchiveRow& r = archive_.rows[a];
  return Core(&features_[static_cast<size_t>(a) * dims_], r.destination, r.goods,
              &keys_[key_begin_[a]], key_begin_[a + 1] - key_begin_[a], 0, b);
}

double SimilarityIndex::Distance(const SimilarQuery& q, uint32_t row) const {
  return Core(q.features.data(), q.destination, q.goods, q.keys.data(),
              q.keys.size(), q.unknown_keys, row);
}

SimilarQuery SimilarityIndex::QueryFor(const Case& c, const Eigen::MatrixXd& values,
                                       int row) const {
  SimilarQuery q;
  q.features.resize(dims_);
  for (size_t i = 0; i < dims_; ++i) {
    const double v = values(row, static_cast<Eigen::Index>(i));
    q.features[i] = (std::isnan(v) ? unknown_[i] : static_cast<float>(v)) * scale_[i];
  }
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
  q.features.assign(&features_[static_cast<size_t>(row) * dims_],
                    &features_[static_cast<size_t>(row + 1) * dims_]);
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
    Offer(&best, k, Distance(q, r), r);
  }
  return Drain(&best);
}

std::vector<Neighbour> SimilarityIndex::Nearest(const SimilarQuery& q, size_t k) const {
  last_distances_ = 0;
  const size_t n = order_.size();
  const size_t m = pivots_.size();
  if (n == 0 || k == 0) return {};
  std::vector<double> dq(m);
  for (size_t j = 0; j < m; ++j) dq[j] = Distance(q, pivots_[j]);
  // First position whose pivot-0 distance is at least the query's.
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (pivot_dist_[mid * m] < dq[0]) lo = mid + 1; else hi = mid;
  }
  Best best;
  size_t down = lo, up = lo;  // next: down - 1 and up
  auto gap = [&](size_t s) { return std::abs(pivot_dist_[s * m] - dq[0]); };
  while (down > 0 || up < n) {
    size_t s;
    if (up >= n || (down > 0 && gap(down - 1) <= gap(up))) {
      s = --down;
    } else {
      s = up++;
    }
    const double kth = best.size() < k ? INFINITY : best.top().first;
    if (gap(s) > kth + kSlack) break;  // every case left is farther out
    const uint32_t row = order_[s];
    if (static_cast<int64_t>(row) == q.exclude_row) continue;
    double bound = 0;
    for (size_t j = 1; j < m; ++j) {
      bound = std::max(bound, static_cast<double>(std::abs(pivot_dist_[s * m + j] - dq[j])));
    }
    if (bound > kth + kSlack) continue;
    ++last_distances_;
    Offer(&best, k, Distance(q, row), row);
  }
  return Drain(&best);
}

}  // namespace divrisk::learn
