// Goods family (catalogue GC-1, GC-2, WA-MANPADS): what is exported.
//
// Kernels:
//   goods_portable_attractive  any line in `categories` (portable, attractive)
//   goods_manpads              any MANPADS line
//   goods_unmarked             any line in `categories` not marked for tracing
//   goods_condition            any line whose condition is in `conditions`

#include "indicators/goods_kernels.h"

#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

const std::vector<GoodsCategory> kPortable = {
    GoodsCategory::kSmallArms, GoodsCategory::kLightWeapons,
    GoodsCategory::kAmmunition, GoodsCategory::kMissilesAndLaunchers};

class PortableAttractive : public KernelBase<PortableAttractive> {
 public:
  PortableAttractive(KernelParams& p, const ReferenceData&)
      : categories_(p.Enums<GoodsCategory>("categories", kPortable)) {}

  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.goods.size(); ++i) {
      if (!Contains(categories_, c.goods[i].category)) continue;
      value = 1;
      if (!ev) break;
      ev->Add(ItemPath("goods", i) + ".category",
              std::string(EnumWord(c.goods[i].category)));
    }
    return value;
  }

 private:
  std::vector<GoodsCategory> categories_;
};

class Manpads : public KernelBase<Manpads> {
 public:
  Manpads(KernelParams&, const ReferenceData&) {}

  // Only light weapons and missiles can be MANPADS: an unstated flag on
  // other lines is not an unknown.
  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (size_t i = 0; i < c.goods.size(); ++i) {
      const GoodsLine& g = c.goods[i];
      if (g.manpads == true) {
        any.AddTrue();
        if (ev) ev->Add(ItemPath("goods", i) + ".manpads", "true");
      } else if (!g.manpads && (g.category == GoodsCategory::kLightWeapons ||
                                g.category ==
                                    GoodsCategory::kMissilesAndLaunchers)) {
        any.Add(std::nullopt);
        if (ev) ev->Unknown(ItemPath("goods", i) + ".manpads");
      }
    }
    return any.Value();
  }
};

class Unmarked : public KernelBase<Unmarked> {
 public:
  Unmarked(KernelParams& p, const ReferenceData&)
      : categories_(p.Enums<GoodsCategory>("categories", kPortable)) {}

  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (size_t i = 0; i < c.goods.size(); ++i) {
      const GoodsLine& g = c.goods[i];
      if (!Contains(categories_, g.category)) continue;
      any.Add(g.marked, /*concern=*/false);
      if (ev) {
        BoolEvidence(*ev, g.marked, false, ItemPath("goods", i) + ".marked",
                     "false");
      }
    }
    return any.Value();
  }

 private:
  std::vector<GoodsCategory> categories_;
};

class Condition : public KernelBase<Condition> {
 public:
  Condition(KernelParams& p, const ReferenceData&)
      : conditions_(p.Enums<GoodsCondition>("conditions")) {}

  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (size_t i = 0; i < c.goods.size(); ++i) {
      const GoodsLine& g = c.goods[i];
      if (!g.condition) {
        any.Add(std::nullopt);
        if (ev) ev->Unknown(ItemPath("goods", i) + ".condition");
      } else if (Contains(conditions_, *g.condition)) {
        any.AddTrue();
        if (ev) {
          ev->Add(ItemPath("goods", i) + ".condition",
                  std::string(EnumWord(*g.condition)));
        }
      }
    }
    return any.Value();
  }

 private:
  std::vector<GoodsCondition> conditions_;
};

}  // namespace

void RegisterGoodsKernels(KernelRegistry& registry) {
  RegisterKernel<PortableAttractive>(registry, "goods_portable_attractive");
  RegisterKernel<Manpads>(registry, "goods_manpads");
  RegisterKernel<Unmarked>(registry, "goods_unmarked");
  RegisterKernel<Condition>(registry, "goods_condition");
}

}  // namespace divrisk
