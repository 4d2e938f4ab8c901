#ifndef DIVRISK_INDICATORS_DOCUMENT_KERNELS_H_
#define DIVRISK_INDICATORS_DOCUMENT_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Document family: document_not_declared_as_arms,
// document_consignee_mismatch, document_end_user_mismatch,
// document_destination_mismatch, document_goods_mismatch (see
// document_kernels.cc).
void RegisterDocumentKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_DOCUMENT_KERNELS_H_
