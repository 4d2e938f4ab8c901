#include "engine/batch/path_identity.h"

#include <sys/stat.h>
#include <unistd.h>

#include <string>

namespace divrisk {
namespace {

std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

FileId IdOf(const struct stat& st) { return FileId{st.st_dev, st.st_ino}; }

}  // namespace

PathIdentity IdentifyPath(const std::string& path) {
  PathIdentity id;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    id.file = IdOf(st);
    id.is_directory = S_ISDIR(st.st_mode);
    id.is_char_device = S_ISCHR(st.st_mode);
  }
  // The name: the path's own symlinks followed to their last target.
  std::string name = path;
  while (!name.empty() && name.size() > 1 && name.back() == '/') name.pop_back();
  for (int hops = 0; hops < 40; ++hops) {
    if (::lstat(name.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) break;
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(name.c_str(), target.data(), target.size());
    if (n <= 0 || static_cast<size_t>(n) >= target.size()) break;
    target.resize(static_cast<size_t>(n));
    name = target.front() == '/' ? target : DirOf(name) + "/" + target;
  }
  const std::string base = BaseOf(name);
  if (base.empty() || base == "." || base == "..") return id;
  if (::stat(DirOf(name).c_str(), &st) == 0) {
    id.name = std::make_pair(IdOf(st), base);
  }
  return id;
}

PathIdentity IdentifyFd(int fd) {
  PathIdentity id;
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    id.file = IdOf(st);
    id.is_directory = S_ISDIR(st.st_mode);
    id.is_char_device = S_ISCHR(st.st_mode);
  }
  return id;
}

bool SameFile(const PathIdentity& a, const PathIdentity& b) {
  return (a.file && b.file && *a.file == *b.file) ||
         (a.name && b.name && *a.name == *b.name);
}

bool Inside(const PathIdentity& inner, const PathIdentity& dir) {
  return dir.is_directory && dir.file && inner.name &&
         inner.name->first == *dir.file;
}

}  // namespace divrisk
