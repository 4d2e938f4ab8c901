#ifndef DIVRISK_INDICATORS_PARTY_KERNELS_H_
#define DIVRISK_INDICATORS_PARTY_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Party family: party_listed, party_unregistered, party_no_icp,
// party_recently_incorporated, party_prior_violations, party_intermediaries,
// party_foreign_intermediary (see party_kernels.cc).
void RegisterPartyKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_PARTY_KERNELS_H_
