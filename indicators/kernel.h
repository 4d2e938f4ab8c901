// Kernel: computes one indicator column over a batch of cases.
//
// A kernel family (one file here, e.g. euc_kernels.cc) registers one or more
// kernels by name. The rule set names a kernel and its parameters for each
// indicator; the compiler binds them once (the factory checks parameters and
// resolves reference data), and the bound kernel is then immutable and
// thread-safe.
//
// A kernel's value for a case is in [0, 1] (0: no concern, 1: the full
// concern), or kUnknown when the facts it needs are absent. Kernels write
// their logic once, in `Eval(const Case&, Evidence*)`, or in
// `Eval(const CaseContext&, Evidence*)` when they use what other kernels
// derive from the case too (case_context.h); KernelBase turns it into the
// batch loop (no evidence, no virtual call per case) and the explanation
// call (with evidence), so scores and reasons cannot disagree.

#ifndef DIVRISK_INDICATORS_KERNEL_H_
#define DIVRISK_INDICATORS_KERNEL_H_

#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "engine/model/case.h"
#include "indicators/case_context.h"

namespace divrisk {

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool IsUnknown(double v) { return std::isnan(v); }

// One fact behind an indicator's value: the field path in the case file
// (`parties[2].country`) or in the reference data (`ref.embargoes[UN-LY]`)
// and what it says, in plain words.
struct Fact {
  std::string path;
  std::string value;
  friend bool operator==(const Fact&, const Fact&) = default;
};

// What a kernel found: the facts that triggered it, and the facts it needed
// but the case does not give (what to ask next).
struct Evidence {
  std::vector<Fact> facts;
  std::vector<std::string> unknown_facts;  // field paths

  void Add(std::string path, std::string value) {
    facts.push_back({std::move(path), std::move(value)});
  }
  void Unknown(std::string path) { unknown_facts.push_back(std::move(path)); }
};

class Kernel {
 public:
  virtual ~Kernel() = default;

  // out[i] = value for cases[i].c(). REQUIRES: out.size() == cases.size().
  virtual void EvaluateBatch(std::span<const CaseContext> cases,
                             std::span<double> out) const = 0;

  // The value for one case, and the evidence for it in *evidence.
  virtual double Explain(const CaseContext& c, Evidence* evidence) const = 0;
  // The same for a case without a context of its own.
  double Explain(const Case& c, Evidence* evidence) const {
    return Explain(CaseContext(c), evidence);
  }
};

// Derived provides `double Eval(const Case&, Evidence* ev) const` or
// `double Eval(const CaseContext&, Evidence* ev) const`, where ev may be
// null (batch path): guard evidence building with `if (ev)`.
template <typename Derived>
class KernelBase : public Kernel {
 public:
  using Kernel::Explain;
  void EvaluateBatch(std::span<const CaseContext> cases,
                     std::span<double> out) const final {
    const Derived& self = static_cast<const Derived&>(*this);
    for (size_t i = 0; i < cases.size(); ++i) {
      out[i] = Run(self, cases[i], nullptr);
    }
  }
  double Explain(const CaseContext& c, Evidence* evidence) const final {
    return Run(static_cast<const Derived&>(*this), c, evidence);
  }

 private:
  static double Run(const Derived& self, const CaseContext& x, Evidence* ev) {
    if constexpr (requires { self.Eval(x, ev); }) {
      return self.Eval(x, ev);
    } else {
      return self.Eval(x.c(), ev);
    }
  }
};

}  // namespace divrisk

#endif  // DIVRISK_INDICATORS_KERNEL_H_
