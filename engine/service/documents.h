// The fixed documents the service serves: its OpenAPI 3 description
// (openapi.cc) and the officer's page (page.cc).

#ifndef DIVRISK_ENGINE_SERVICE_DOCUMENTS_H_
#define DIVRISK_ENGINE_SERVICE_DOCUMENTS_H_

#include <string_view>

namespace divrisk::service {

// GET /v1/openapi.json: every route, its parameters, bodies and responses.
std::string_view OpenApiJson();

// GET /: one self-contained page (no external script, font or request but
// to this service) where an officer chooses or drops a case file and reads
// the HTML report; usable with the keyboard alone.
std::string_view PageHtml();

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_DOCUMENTS_H_
