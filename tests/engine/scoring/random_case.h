// Random valid cases for property tests: every optional fact is present or
// absent by chance, so properties are checked across known and unknown
// facts alike. Deterministic for a seed.

#ifndef DIVRISK_TESTS_ENGINE_SCORING_RANDOM_CASE_H_
#define DIVRISK_TESTS_ENGINE_SCORING_RANDOM_CASE_H_

#include <random>

#include "engine/model/case.h"

namespace divrisk::testing {

Case RandomCase(std::mt19937& rng, int index);

}  // namespace divrisk::testing

#endif  // DIVRISK_TESTS_ENGINE_SCORING_RANDOM_CASE_H_
