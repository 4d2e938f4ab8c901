#ifndef DIVRISK_INDICATORS_TRANSPORT_KERNELS_H_
#define DIVRISK_INDICATORS_TRANSPORT_KERNELS_H_

#include "indicators/registry.h"

namespace divrisk {

// Transport family: route_not_disclosed, transshipment, free_trade_zone,
// carrier_unidentified, flag_of_concern, delivery_method, charter_service,
// sealed_containers (see transport_kernels.cc).
void RegisterTransportKernels(KernelRegistry& registry);

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_TRANSPORT_KERNELS_H_
