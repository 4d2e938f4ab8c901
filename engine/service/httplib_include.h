// cpp-httplib, as every file of the service includes it: its <resolv.h>
// defines the macro `_res`, which Eigen uses as a parameter name, so the
// macro is dropped (the service never uses the resolver state).

#ifndef DIVRISK_ENGINE_SERVICE_HTTPLIB_INCLUDE_H_
#define DIVRISK_ENGINE_SERVICE_HTTPLIB_INCLUDE_H_

#include <httplib.h>

#ifdef _res
#undef _res
#endif

#endif  // DIVRISK_ENGINE_SERVICE_HTTPLIB_INCLUDE_H_
