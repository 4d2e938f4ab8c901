// divrisk: the command line. Parses flags and calls the commands; no logic.

#include "CLI/CLI.hpp"
#include "engine/cli/commands.h"

int main(int argc, char** argv) {
  using namespace divrisk::cli;
  CLI::App app{"divrisk: arms-export diversion risk assessment (ATT Art. 6, 7, "
               "9, 11)"};
  app.require_subcommand(1);

  AssessOptions assess;
  assess.rules_dir = DefaultRulesDir();
  CLI::App* assess_cmd =
      app.add_subcommand("assess", "Score one licence application, explained");
  assess_cmd->add_option("--rules", assess.rules_dir, "Rule-set directory")
      ->check(CLI::ExistingDirectory);
  assess_cmd->add_option("--format", assess.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  assess_cmd->add_option("file", assess.file, "Case file (.yaml or .json)")
      ->required();

  ValidateOptions validate;
  validate.rules_dir = DefaultRulesDir();
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check case files without scoring");
  validate_cmd->add_option("--rules", validate.rules_dir, "Rule-set directory")
      ->check(CLI::ExistingDirectory);
  validate_cmd->add_option("files", validate.files, "Case files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (assess_cmd->parsed()) return RunAssess(assess);
  if (validate_cmd->parsed()) return RunValidate(validate);
  return kExitUsage;
}
