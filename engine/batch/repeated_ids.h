// FindRepeatedIds: the case ids that occur on more than one line of a JSON
// Lines file, found in a first pass with bounded memory.
//
// The batch's duplicate check must remember every id it has scored. For an
// archive of ten million cases that is ten million ids; knowing beforehand
// which ids occur more than once, it remembers only those, and its memory
// no longer grows with the archive. The pass hashes each line's case id
// (CaseIdHash), decoded by the batch's own parser and CaseIdOf (numeric ids
// and escaped keys count as the batch counts them), one line at a time,
// sorts the hashes in runs of bounded size, spills full runs to anonymous
// temporary files and merges them. A line without an id the decoder
// accepts cannot become a scored case, so it adds nothing; the result may
// hold more ids than the batch will reject (ids
// repeated on lines that turn out invalid), never fewer.

#ifndef DIVRISK_ENGINE_BATCH_REPEATED_IDS_H_
#define DIVRISK_ENGINE_BATCH_REPEATED_IDS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace divrisk {

// Hashes held in memory before a sorted run is spilled to disk (4 MiB).
inline constexpr size_t kRepeatedIdsRunHashes = size_t{1} << 19;

// The CaseIdHash of every id found on two or more lines of `path`.
absl::StatusOr<absl::flat_hash_set<uint64_t>> FindRepeatedIds(
    const std::string& path, size_t max_line_bytes,
    size_t run_hashes = kRepeatedIdsRunHashes);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_REPEATED_IDS_H_
