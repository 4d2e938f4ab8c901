// Builder step for the goods: the main line the end user buys and its
// companions (ammunition, parts).

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace divrisk::gen {

void Builder::MakeGoods() {
  // The main line: something this end user buys, portable items weighted
  // up for the riskier levels.
  SmallVec<int, std::size(gen::kGoods)> candidates;
  for (int i = 0; i < static_cast<int>(std::size(gen::kGoods)); ++i) {
    const gen::GoodsRow& g = gen::kGoods[i];
    if ((g.use & use_) == 0) continue;
    if (g.manpads && !Chance(Area::kEndUser, 0.0, 0.1, 0.25)) continue;  // rare
    candidates.push_back(i);
  }
  if (candidates.empty()) candidates.push_back(0);
  auto portable = [](GoodsCategory cat) {
    return cat == GoodsCategory::kSmallArms ||
           cat == GoodsCategory::kLightWeapons ||
           cat == GoodsCategory::kAmmunition ||
           cat == GoodsCategory::kMissilesAndLaunchers;
  };
  auto add_line = [&](const gen::GoodsRow& row, bool main_line) {
    GoodsLine& g = c_.goods.emplace_back();
    g.category = row.category;
    g.description = row.description;
    if (row.control_entry && !(archive_ && Chance(0.5)) && Chance(0.85)) {
      g.control_entry = row.control_entry;
    }
    int64_t q = Skewed(row.qty_lo, row.qty_hi);
    if (q >= 100000) {
      q = q / 10000 * 10000;
    } else if (q >= 1000) {
      q = q / 100 * 100;
    }
    g.quantity = std::max<int64_t>(q, 1);
    g.quantity_unit = row.unit;
    const int cond = Weighted({80, 10, 10});
    if (cond == 0) {
      g.condition = row.condition;
    } else if (cond == 1) {
      g.condition = static_cast<GoodsCondition>(r_.Below(4));
    }
    if (c_.transaction == Transaction::kReExport ||
        c_.transaction == Transaction::kBrokering || Chance(0.05)) {
      // Made elsewhere: the original exporter's consent may be needed.
      for (int attempt = 0; attempt < 4; ++attempt) {
        const Tables::Exporter& o = Pick(t_.exporters);
        if (o.code != c_.exporter.country &&
            !EmbargoedFrom(o.code, c_.assessed_on)) {
          g.origin_country = o.code;
          break;
        }
      }
      if (c_.transaction == Transaction::kReExport && main_line) {
        g.condition = Chance(0.5) ? GoodsCondition::kSecondHand
                                  : GoodsCondition::kSurplus;
      }
    }
    if (!(archive_ && Chance(0.5)) && Chance(0.92)) {
      // Cents, rounded to a sensible precision; exact in binary64 / 100.
      int64_t cents = row.value_lo + static_cast<int64_t>(r_.Below(
                                         static_cast<uint64_t>(row.value_hi - row.value_lo + 1)));
      if (cents >= 100000000) {
        cents = cents / 100000 * 100000;
      } else if (cents >= 100000) {
        cents = cents / 1000 * 1000;
      } else if (cents >= 1000) {
        cents = cents / 100 * 100;
      }
      g.unit_value = static_cast<double>(cents) / 100.0;
    }
    if (portable(row.category)) {
      switch (ByLevel(Area::kEndUser, {92, 2, 6}, {50, 35, 15}, {30, 50, 20})) {
        case 0:
          g.marked = true;
          break;
        case 1:
          g.marked = false;
          break;
        default:
          break;
      }
    } else if (Chance(0.3)) {
      g.marked = true;
    }
    if (row.manpads) {
      g.manpads = true;
    } else if (portable(row.category) && Chance(0.2)) {
      g.manpads = false;
    }
  };

  uint32_t total = 0;
  SmallVec<uint32_t, std::size(gen::kGoods)> weights;
  for (int i : candidates) {
    const uint32_t w = portable(gen::kGoods[i].category) ? 1u << Lv(Area::kEndUser) : 1u;
    weights.push_back(w);
    total += w;
  }
  uint64_t x = r_.Below(total);
  size_t k = 0;
  while (x >= weights[k]) x -= weights[k++];
  const gen::GoodsRow& main = gen::kGoods[candidates[k]];
  add_line(main, true);

  // Companions: ammunition for weapons, parts for platforms.
  const bool weapon = main.category == GoodsCategory::kSmallArms ||
                      main.category == GoodsCategory::kLightWeapons;
  const int extra = weapon ? Weighted({35, 45, 20}) : Weighted({70, 25, 5});
  for (int n = 0; n < extra; ++n) {
    const GoodsCategory want =
        weapon && n == 0 ? GoodsCategory::kAmmunition
                         : GoodsCategory::kPartsAndComponents;
    SmallVec<int, std::size(gen::kGoods)> fits;
    for (int i = 0; i < static_cast<int>(std::size(gen::kGoods)); ++i) {
      if (gen::kGoods[i].category == want && (gen::kGoods[i].use & use_) != 0 &&
          &gen::kGoods[i] != &main) {
        fits.push_back(i);
      }
    }
    if (fits.empty()) break;
    add_line(gen::kGoods[Pick(fits)], false);
  }
}

}  // namespace divrisk::gen
