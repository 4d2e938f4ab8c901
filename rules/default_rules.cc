#include "rules/default_rules.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace divrisk {

namespace fs = std::filesystem;

std::string BundledRulesDir() {
  // An installed binary finds its rule sets relative to itself, so that a
  // packaged divrisk works wherever the prefix is (and away from the
  // source tree it was built from).
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path installed =
        exe.parent_path() / DIVRISK_INSTALLED_RULES_FROM_BIN;
    if (fs::is_directory(installed, error)) {
      return installed.lexically_normal().string();
    }
  }
  return DIVRISK_SOURCE_RULES_DIR;
}

std::string DefaultRulesDir() {
  const char* env = std::getenv("DIVRISK_RULES");
  if (env != nullptr && *env != '\0') return env;
  return (fs::path(BundledRulesDir()) / "att-default").string();
}

}  // namespace divrisk
