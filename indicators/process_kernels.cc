// Process family (catalogue TR-4, PL-4, MIT-4; ATT Art. 11.3): how the
// application behaved while it was assessed, and what other states said.
//
// Kernels (params, defaults):
//   amendments           amendments to a field under one of `paths`
//                        [end_user, parties, transport, documents, euc,
//                        goods], divided by `saturation` (1), capped at 1
//   conduct              conduct words set (those in `words`, default all),
//                        divided by `saturation` (2), capped at 1
//   consultation_result  any consultation whose result is in `results`
//                        [objection] and subject in `subjects` (default all)
//
// An absent list is an empty one here: the format records what happened,
// and nothing recorded is nothing to count (not an unknown).

#include "indicators/process_kernels.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

// `path` is `prefix` or a field inside it: "end_user" covers "end_user.name"
// and "parties" covers "parties[2].name", but not "end_users".
bool UnderPrefix(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return false;
  if (path.size() == prefix.size()) return true;
  const char next = path[prefix.size()];
  return next == '.' || next == '[' || prefix.ends_with('.') ||
         prefix.ends_with(']');
}

// TR-4 (WA-AQI): a late change of consignee, end user, route or goods is
// how a cleared application is turned towards another destination.
class Amendments : public KernelBase<Amendments> {
 public:
  Amendments(KernelParams& p, const ReferenceData&)
      : paths_(
            p.Words("paths",
                    std::vector<std::string>{"end_user", "parties", "transport",
                                             "documents", "euc", "goods"})),
        saturation_(p.Number("saturation", 1)) {}

  double Eval(const Case& c, Evidence* ev) const {
    int64_t count = 0;
    for (size_t i = 0; i < c.amendments.size(); ++i) {
      const Amendment& a = c.amendments[i];
      if (std::none_of(paths_.begin(), paths_.end(),
                       [&](const std::string& prefix) {
                         return UnderPrefix(a.path, prefix);
                       })) {
        continue;
      }
      ++count;
      if (ev) {
        ev->Add(ItemPath("amendments", i) + ".path",
                absl::StrCat(a.path, ": \"", a.old_value.value_or(""),
                             "\" -> \"", a.new_value, "\""));
      }
    }
    return Saturate(count, saturation_);
  }

 private:
  std::vector<std::string> paths_;
  double saturation_;
};

// PL-4 (WA-AQI): payment and delivery behaviour that a legitimate buyer has
// no reason for. The evidence path is `conduct`: the set keeps no indices.
class ConductKernel : public KernelBase<ConductKernel> {
 public:
  ConductKernel(KernelParams& p, const ReferenceData&)
      : words_(p.Enums<Conduct>("words", AllOf<Conduct>())),
        saturation_(p.Number("saturation", 2)) {}

  double Eval(const Case& c, Evidence* ev) const {
    int64_t count = 0;
    for (Conduct word : words_) {
      if (!c.conduct.Has(word)) continue;
      ++count;
      if (ev) ev->Add("conduct", EnumWord(word));
    }
    return Saturate(count, saturation_);
  }

 private:
  std::vector<Conduct> words_;
  double saturation_;
};

// MIT-4, ATT 11.3 and CP Art. 4: another state's objection, or a denial it
// confirms, is a fact the authority must weigh. An answer dated after
// assessed_on was not known at the time (Art. 6(3)); an undated one counts,
// since the record holds it.
class ConsultationResultKernel : public KernelBase<ConsultationResultKernel> {
 public:
  ConsultationResultKernel(KernelParams& p, const ReferenceData&)
      : results_(p.Enums<ConsultationResult>(
            "results",
            std::vector<ConsultationResult>{ConsultationResult::kObjection})),
        subjects_(p.Enums<ConsultationSubject>("subjects",
                                               AllOf<ConsultationSubject>())) {}

  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.consultations.size() && (ev || value < 1); ++i) {
      const Consultation& k = c.consultations[i];
      if (!Contains(results_, k.result) || !Contains(subjects_, k.subject) ||
          !KnownBy(k.date, c.assessed_on)) {
        continue;
      }
      value = 1;
      if (ev) {
        ev->Add(ItemPath("consultations", i) + ".result",
                absl::StrCat(EnumWord(k.result), " (", EnumWord(k.subject),
                             ", with ", Cc(k.with), ")"));
      }
    }
    return value;
  }

 private:
  std::vector<ConsultationResult> results_;
  std::vector<ConsultationSubject> subjects_;
};

}  // namespace

void RegisterProcessKernels(KernelRegistry& registry) {
  RegisterKernel<Amendments>(registry, "amendments");
  RegisterKernel<ConductKernel>(registry, "conduct");
  RegisterKernel<ConsultationResultKernel>(registry, "consultation_result");
}

}  // namespace divrisk
