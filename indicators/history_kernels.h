#ifndef DIVRISK_INDICATORS_HISTORY_KERNELS_H_
#define DIVRISK_INDICATORS_HISTORY_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// History family: history_count, post_shipment_check_failed, intelligence
// (see history_kernels.cc).
void RegisterHistoryKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_HISTORY_KERNELS_H_
