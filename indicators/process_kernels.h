#ifndef DIVRISK_INDICATORS_PROCESS_KERNELS_H_
#define DIVRISK_INDICATORS_PROCESS_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Process family: amendments, conduct, consultation_result (see
// process_kernels.cc).
void RegisterProcessKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_PROCESS_KERNELS_H_
