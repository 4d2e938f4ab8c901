#ifndef DIVRISK_INDICATORS_GOODS_KERNELS_H_
#define DIVRISK_INDICATORS_GOODS_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Goods family: goods_portable_attractive, goods_manpads, goods_unmarked,
// goods_condition (see goods_kernels.cc).
void RegisterGoodsKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_GOODS_KERNELS_H_
