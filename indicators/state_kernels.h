#ifndef DIVRISK_INDICATORS_STATE_KERNELS_H_
#define DIVRISK_INDICATORS_STATE_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// State family: transit_state_controls, importing_state_controls,
// transit_not_authorised (see state_kernels.cc).
void RegisterStateKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_STATE_KERNELS_H_
