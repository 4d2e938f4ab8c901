// Forwarding header, kept only until engine/batch/chunk_scorer.cc (left
// alone while the batch is reworked) includes assessment_json_writer.h;
// then delete this file. New code includes assessment_json_writer.h.

#ifndef DIVRISK_ENGINE_OUTPUT_JSON_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_JSON_WRITER_H_

#include "engine/output/assessment_json_writer.h"

#endif  // DIVRISK_ENGINE_OUTPUT_JSON_WRITER_H_
