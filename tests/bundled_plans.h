// The bundled rule sets (rules/<name>), each compiled once per test process.
// A rule set that does not compile fails the test that asked for it.

#ifndef DIVRISK_TESTS_BUNDLED_PLANS_H_
#define DIVRISK_TESTS_BUNDLED_PLANS_H_

#include <string>

#include "rules/plan.h"

namespace divrisk {

const Plan& BundledPlan(const std::string& name);

// The rule set the bundled examples are written for: it holds the invented
// registers, EUC templates and flagged numbers they are judged against.
inline const Plan& ExamplePlan() { return BundledPlan("att-example-authority"); }
inline const Plan& DefaultPlan() { return BundledPlan("att-default"); }

}  // namespace divrisk

#endif  // DIVRISK_TESTS_BUNDLED_PLANS_H_
