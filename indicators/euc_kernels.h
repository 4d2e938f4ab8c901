#ifndef DIVRISK_INDICATORS_EUC_KERNELS_H_
#define DIVRISK_INDICATORS_EUC_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// EUC family: euc_absent, euc_kind, euc_not_valid, euc_original_not_seen,
// euc_not_authenticated, euc_template_mismatch, euc_flagged_number,
// euc_end_user_mismatch, euc_goods_mismatch, euc_missing_clauses,
// euc_reissued (see euc_kernels.cc).
void RegisterEucKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_EUC_KERNELS_H_
