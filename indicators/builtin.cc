// The kernel families shipped with divrisk.

#include "indicators/goods_kernels.h"
#include "indicators/registry.h"

namespace divrisk {

void RegisterBuiltinKernels(KernelRegistry& registry) {
  RegisterGoodsKernels(registry);
}

}  // namespace divrisk
