// The divrisk subcommands. Each returns the process exit code:
// 0 success, 1 invalid input (case or rule set), 2 usage error.

#ifndef DIVRISK_ENGINE_CLI_COMMANDS_H_
#define DIVRISK_ENGINE_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace divrisk::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// The bundled default rule set, unless DIVRISK_RULES says otherwise.
std::string DefaultRulesDir();

struct AssessOptions {
  std::string rules_dir;
  std::string format = "text";  // text | json
  std::string file;
};
int RunAssess(const AssessOptions& options);

struct ValidateOptions {
  std::string rules_dir;
  std::vector<std::string> files;
};
int RunValidate(const ValidateOptions& options);

}  // namespace divrisk::cli

#endif  // DIVRISK_ENGINE_CLI_COMMANDS_H_
