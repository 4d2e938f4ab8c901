// Citations in the form a letter uses, built from the rule set's
// `citations:` table: "ATT Art. 11(2), 11(5); EU Common Position
// 2008/944/CFSP, Criterion 7; Wassenaar Arrangement, Best Practices for
// Effective Legislation on Arms Brokering". Refs that no row of the table
// covers are internal catalogue ids (EUC-3, PL-2) and are left out; they
// stay in JSON `refs` and in the --verbose text view.

#ifndef DIVRISK_ENGINE_EXPLAIN_CITATION_H_
#define DIVRISK_ENGINE_EXPLAIN_CITATION_H_

#include <string>
#include <vector>

#include "rules/plan.h"

namespace divrisk {

// The letter citation of a list of refs (an indicator's, a gate's, a
// measure's): refs with the same title are merged ("ATT Art. 11(2),
// 11(5)"), in the order of their first appearance; titles joined by "; ".
// Empty when every ref is internal.
std::string LetterCitationOf(const Plan& plan,
                             const std::vector<std::string>& refs);

// The letter citation of indicator `indicator` (an index into
// Plan::indicators).
std::string LetterCitation(const Plan& plan, int indicator);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_EXPLAIN_CITATION_H_
