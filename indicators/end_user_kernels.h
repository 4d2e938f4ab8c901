#ifndef DIVRISK_INDICATORS_END_USER_KERNELS_H_
#define DIVRISK_INDICATORS_END_USER_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// End-user family: end_user_kind, quantity_vs_force, stockpile_security,
// stocks_leakage, surplus_disposal, redistribution, end_use_vague (see
// end_user_kernels.cc).
void RegisterEndUserKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_END_USER_KERNELS_H_
