// Where the bundled rule sets are: beside an installed binary, or in the
// source tree of a development build.

#ifndef DIVRISK_RULES_DEFAULT_RULES_H_
#define DIVRISK_RULES_DEFAULT_RULES_H_

#include <string>

namespace divrisk {

// The directory holding the bundled rule sets (att-default, ...): the first
// of <prefix>/share/divrisk/rules beside an installed binary
// (<prefix>/bin/divrisk) and the source tree's rules/ that exists.
std::string BundledRulesDir();

// The rule set used when none is named: $DIVRISK_RULES when set, else the
// bundled att-default.
std::string DefaultRulesDir();

}  // namespace divrisk

#endif  // DIVRISK_RULES_DEFAULT_RULES_H_
