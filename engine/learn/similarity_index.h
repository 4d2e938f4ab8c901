// SimilarityIndex: the k past cases most similar to a case, exactly
// (`divrisk similar`, `assess --archive`; bench/similar_latency measures it).
//
// Distance between two cases (a metric):
//   d^2 = sum_i w_i (x_i - y_i)^2             indicator values, unknowns at
//                                             their unknown_value
//       + kDestinationWeight [destinations differ]
//       + kGoodsWeight    J(goods categories)^2
//       + kPartiesWeight  J(intermediary keys)^2
// where w_i = max(|indicator weight|, 20 for a gate) / 10, at least 0.1, and
// J is the Jaccard distance (1 - shared / all; 0 between two empty sets).
// A sum of squared metrics under a square root is a metric, so the triangle
// inequality holds and pruning by it loses nothing.
//
// Index: the scaled values are rotated onto their principal axes (an
// orthonormal rotation: distances do not change). The cases that share a
// rare intermediary key with the query are measured first (an inverted
// index); every other case shares at most the query's common keys, which
// bounds its parties term from below. The rest are grouped by destination and whether they
// name intermediaries (within a group those terms are one constant, bounded
// below), and each group is a k-d tree (split on the widest axis,
// a box over every axis in each node). A query opens the groups' tree
// nodes best first by the group's constant plus the distance to the
// node's box and the least goods term of its cases, and stops when the
// best bound left exceeds the k-th best distance so far; a case is skipped
// when the constant, its goods term and its leading axes exceed it, and a
// distance is abandoned as soon as its partial sum does. The features (and
// goods) are stored in tree order, so a leaf's cases are read in one sweep.
// Every skip is by a lower bound, so the result is the same as a scan of
// every case (ties by archive order); tests check this against Scan().

#ifndef DIVRISK_ENGINE_LEARN_SIMILARITY_INDEX_H_
#define DIVRISK_ENGINE_LEARN_SIMILARITY_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/learn/archive.h"
#include "engine/model/case.h"
#include "rules/plan.h"

namespace divrisk::learn {

inline constexpr double kDestinationWeight = 4.0;
inline constexpr double kGoodsWeight = 2.0;
inline constexpr double kPartiesWeight = 2.0;

struct SimilarQuery {
  std::vector<float> features;  // scaled, rotated indicator values
  CountryCode destination;
  uint64_t goods = 0;
  std::vector<uint32_t> keys;   // the archive's ids of its keys, sorted
  uint32_t unknown_keys = 0;    // keys the archive never saw
  int64_t exclude_row = -1;     // the archive's row of the same case id
};

struct Neighbour {
  uint32_t row = 0;
  double distance = 0;
};

class SimilarityIndex {
 public:
  // REQUIRES: `archive` outlives the index, built with keep_keys.
  SimilarityIndex(const Plan& plan, const Archive& archive);

  // The query for a case scored as row `row` of `scores` (values(row, *)).
  SimilarQuery QueryFor(const Case& c, const Eigen::MatrixXd& values,
                        int row) const;
  // The query of archive row `row` itself (excluding that row).
  SimilarQuery QueryOfRow(uint32_t row) const;

  // The k nearest, nearest first (ties: earlier archive row first).
  std::vector<Neighbour> Nearest(const SimilarQuery& q, size_t k) const;
  // The same by a scan of every case (for tests and the bench).
  std::vector<Neighbour> Scan(const SimilarQuery& q, size_t k) const;

  double Distance(const SimilarQuery& q, uint32_t row) const;
  // Distances computed by the last Nearest (work done, for the bench).
  uint64_t last_distances() const { return last_distances_; }

 private:
  // d^2 of the query's parts to `row`, or any value above `limit2` once the
  // partial sum passes it.
  double Squared(const float* f, CountryCode dest, uint64_t goods,
                 const uint32_t* keys, size_t n_keys, uint32_t unknown_keys,
                 uint32_t row, double limit2) const;
  // The same from the row's features `g`, destination and goods.
  double SquaredTo(const float* f, CountryCode dest, uint64_t goods,
                   const uint32_t* keys, size_t n_keys, uint32_t unknown_keys,
                   const float* g, CountryCode row_dest, uint64_t row_goods,
                   uint32_t row, double limit2) const;
  // The scaled, rotated features of `values` row `row` (NaN: unknown).
  template <typename Get>
  void Rotate(Get value, float* out) const;

  const Archive& archive_;
  size_t dims_ = 0;
  std::vector<float> scale_;          // sqrt(w_i) per indicator
  std::vector<float> unknown_;        // unknown_value per indicator
  std::vector<float> mean_;           // of the scaled values
  Eigen::MatrixXf axes_;              // dims x dims, principal axes by column
  // positions x dims, scaled and rotated: while the index is built, by row;
  // then by position in order_ (tree order).
  std::vector<float> features_;
  std::vector<uint32_t> position_of_row_;  // row -> position in order_
  std::vector<uint64_t> goods_;            // per position: goods mask
  std::vector<uint32_t> key_begin_;   // rows + 1 offsets into keys_
  std::vector<uint32_t> keys_;        // sorted, unique per row
  struct Group {
    CountryCode destination;
    bool has_keys = false;        // its cases name intermediaries
    uint32_t begin = 0, end = 0;  // positions in order_
    uint32_t root = 0;            // its tree in nodes_
  };
  static constexpr uint32_t kNoNode = UINT32_MAX;
  // Leading axes of a leaf case's cheap lower bound (16: at 100,000 cases
  // CPU mean 0.48 ms against 0.58 with 8 and 0.74 with 32).
  static constexpr size_t kLead = 16;
  // A k-d tree node over positions [begin, end) of order_; its cases' box
  // is boxes_[box, box + dims) (low) and the next dims (high).
  struct Node {
    uint32_t begin = 0, end = 0;
    uint32_t left = kNoNode, right = kNoNode;
    uint32_t box = 0;
    uint64_t goods_any = 0;   // goods of some case below
    uint64_t goods_all = ~uint64_t{0};  // goods of every case below
  };
  uint32_t BuildNode(uint32_t begin, uint32_t end);
  // The squared distance from `f` to the node's box, or any value above
  // `limit` once it passes it.
  double BoxBound(const Node& node, const float* f, uint64_t goods,
                  double limit) const;
  std::vector<Node> nodes_;
  std::vector<float> boxes_;
  std::vector<Group> groups_;
  std::vector<uint32_t> order_;       // rows by group, then by tree leaf
  std::vector<uint32_t> rows_begin_;  // per key id + 1: offsets into rows_
  std::vector<uint32_t> rows_;        // the rows naming each key
  absl::flat_hash_map<std::string, uint32_t> row_of_id_;
  mutable uint64_t last_distances_ = 0;
};

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_SIMILARITY_INDEX_H_
