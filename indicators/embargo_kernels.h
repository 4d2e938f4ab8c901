#ifndef DIVRISK_INDICATORS_EMBARGO_KERNELS_H_
#define DIVRISK_INDICATORS_EMBARGO_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Embargo family: embargo (see embargo_kernels.cc).
void RegisterEmbargoKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_EMBARGO_KERNELS_H_
