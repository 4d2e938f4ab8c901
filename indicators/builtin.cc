// The kernel families shipped with divrisk.

#include "indicators/document_kernels.h"
#include "indicators/euc_kernels.h"
#include "indicators/goods_kernels.h"
#include "indicators/party_kernels.h"
#include "indicators/registry.h"

namespace divrisk {

void RegisterBuiltinKernels(KernelRegistry& registry) {
  RegisterGoodsKernels(registry);
  RegisterEucKernels(registry);
  RegisterPartyKernels(registry);
  RegisterDocumentKernels(registry);
}

}  // namespace divrisk
