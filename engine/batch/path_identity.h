// PathIdentity: which file a path names, to tell whether two paths of a
// batch (its input, its outputs and their temporaries) are the same file
// however they are spelled: "in.jsonl", "./in.jsonl", a symlink to it, a
// hard link, or standard input redirected from it.
//
// An existing file is known by its device and inode (symlinks followed); a
// name that does not exist yet by its folder's device and inode and its
// last component (after following the symlinks of the name itself). Two
// paths are the same when either matches.

#ifndef DIVRISK_ENGINE_BATCH_PATH_IDENTITY_H_
#define DIVRISK_ENGINE_BATCH_PATH_IDENTITY_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>

namespace divrisk {

struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};

struct PathIdentity {
  std::optional<FileId> file;  // the existing file
  // The folder the name is in, and the name in it.
  std::optional<std::pair<FileId, std::string>> name;
  bool is_directory = false;  // the existing file is a folder
  bool is_char_device = false;  // /dev/null, /dev/full, a terminal
};

// The identity of `path`.
PathIdentity IdentifyPath(const std::string& path);
// The identity of an open file descriptor (standard input).
PathIdentity IdentifyFd(int fd);

// The same file, or the same name in the same folder.
bool SameFile(const PathIdentity& a, const PathIdentity& b);
// `inner` is a name directly inside the folder `dir`.
bool Inside(const PathIdentity& inner, const PathIdentity& dir);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_PATH_IDENTITY_H_
