// JSON text: string escaping and a document tree written as plain JSON
// (structured output goes through JsonWriter, engine/doc/json_writer.h).
// Every writer of divrisk (assessments, cases, batch summaries, rejects)
// escapes strings here, so there is one rule for what a JSON string holds.

#ifndef DIVRISK_ENGINE_DOC_JSON_TEXT_H_
#define DIVRISK_ENGINE_DOC_JSON_TEXT_H_

#include <string>
#include <string_view>

#include "engine/doc/doc_tree.h"

namespace divrisk {

// `text` as a JSON string literal, quotes included (UTF-8 kept as is).
void AppendJsonString(std::string_view text, std::string* out);

// Appends `node` as plain JSON, keys in document order: strings as strings,
// numbers that JSON can carry as numbers (others as strings), booleans and
// null as themselves. Used to carry a case's `extensions` through untouched.
void AppendJson(const DocNode& node, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_JSON_TEXT_H_
