// The kernel families shipped with divrisk.

#include "indicators/document_kernels.h"
#include "indicators/embargo_kernels.h"
#include "indicators/end_user_kernels.h"
#include "indicators/euc_kernels.h"
#include "indicators/goods_kernels.h"
#include "indicators/history_kernels.h"
#include "indicators/party_kernels.h"
#include "indicators/process_kernels.h"
#include "indicators/registry.h"
#include "indicators/state_kernels.h"
#include "indicators/transport_kernels.h"

namespace divrisk {

void RegisterBuiltinKernels(KernelRegistry& registry) {
  RegisterGoodsKernels(registry);
  RegisterEucKernels(registry);
  RegisterPartyKernels(registry);
  RegisterDocumentKernels(registry);
  RegisterTransportKernels(registry);
  RegisterStateKernels(registry);
  RegisterEndUserKernels(registry);
  RegisterProcessKernels(registry);
  RegisterHistoryKernels(registry);
  RegisterEmbargoKernels(registry);
}

}  // namespace divrisk
