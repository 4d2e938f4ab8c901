// Reading a whole file with a size limit: the one way divrisk reads a case
// file, a rule-set file or a declared list into memory.

#ifndef DIVRISK_ENGINE_DOC_FILE_READER_H_
#define DIVRISK_ENGINE_DOC_FILE_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "engine/doc/doc_tree.h"

namespace divrisk {

// Reads a whole regular file; NotFound / InvalidArgument with the path (made
// visible, engine/doc/visible_text.h) on failure. The file is opened without
// blocking and anything but a regular file (a FIFO, a socket, a device such
// as /dev/zero, a directory) is refused: "PATH: not a regular file (a FIFO
// (named pipe)); ...". A file longer than `max_bytes` is refused, from its
// size or after reading max_bytes + 1 bytes when it grows: "PATH: file larger
// than the limit of N bytes".
absl::StatusOr<std::string> ReadFileToString(
    const std::string& path, size_t max_bytes = DocLimits{}.max_bytes);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_FILE_READER_H_
