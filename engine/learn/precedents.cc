#include "engine/learn/precedents.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/fixed_point.h"
#include "engine/doc/json_writer.h"
#include "engine/doc/visible_text.h"

namespace divrisk::learn {

namespace {

std::string DecisionWord(const std::optional<Decision>& d) {
  return d ? EnumWord(*d) : "not recorded";
}

std::string Why(const RecurringParty::Earlier& e) {
  if (e.refused && e.diverted) return "refused, found diverted";
  return e.refused ? "refused" : "found diverted";
}

}  // namespace

PrecedentReport FindPrecedents(const Archive& archive,
                               const SimilarityIndex& similar,
                               const PartyIndex& parties, const Case& c,
                               const Eigen::MatrixXd& values, int row,
                               Recommendation recommendation, size_t k) {
  PrecedentReport r;
  const SimilarQuery q = similar.QueryFor(c, values, row);
  for (const Neighbour& n : similar.Nearest(q, k)) {
    const ArchiveRow& a = archive.rows[n.row];
    r.precedents.push_back({a.id, a.line, n.distance, a.assessed_on, a.decision,
                            a.diversion, a.recommendation, a.score_q});
    r.adverse += a.Adverse();
  }
  r.inconsistent = recommendation <= Recommendation::kApproveWithConditions &&
                   !r.precedents.empty() && 2 * r.adverse > r.precedents.size();
  r.recurring = RecurringIntermediaries(archive, parties, c);
  return r;
}

absl::StatusOr<PrecedentReport> PrecedentsFromArchive(
    const Plan& plan, const std::string& archive_path, const Case& c,
    const Eigen::MatrixXd& values, int row, Recommendation recommendation,
    size_t k, int threads) {
  ArchiveOptions o;
  o.threads = threads;
  absl::StatusOr<Archive> archive = LoadArchive(plan, archive_path, o);
  if (!archive.ok()) return archive.status();
  const SimilarityIndex similar(plan, *archive);
  const PartyIndex parties(*archive);
  PrecedentReport r = FindPrecedents(*archive, similar, parties, c, values, row,
                                     recommendation, k);
  r.archive = archive_path;
  return r;
}

void AppendPrecedentsText(const PrecedentReport& r, std::string* out) {
  absl::StrAppend(out, "\nPrecedents (", r.precedents.size(),
                  " most similar past cases in ", Visible(r.archive),
                  "; ATT 7(1): like cases decided alike):\n");
  if (r.precedents.empty()) absl::StrAppend(out, "  none\n");
  for (const Precedent& p : r.precedents) {
    absl::StrAppend(out, "  ", Visible(p.case_id), " (", FormatDate(p.assessed_on),
                    ", line ", p.line, ") distance ",
                    absl::StrFormat("%.4f", p.distance), ": decided ",
                    DecisionWord(p.decision), ", diversion found ",
                    EnumWord(p.diversion), "; the rule set now says ",
                    EnumWord(p.recommendation), " at ", FormatFixed(p.score_q), "\n");
  }
  if (r.inconsistent) {
    absl::StrAppend(out, "  WARNING: this case is recommended for approval, but ",
                    r.adverse, " of its ", r.precedents.size(),
                    " closest precedents were refused or later found diverted "
                    "(ATT 7(1): objective and non-discriminatory): explain the "
                    "difference or reconsider\n");
  }
  absl::StrAppend(out, "\nRecurring intermediaries (in earlier refused or diverted cases):\n");
  if (r.recurring.empty()) absl::StrAppend(out, "  none\n");
  for (const RecurringParty& p : r.recurring) {
    absl::StrAppend(out, "  ", Visible(p.path), ": \"", Visible(p.shown),
                    "\" in ", p.total, " earlier case", p.total == 1 ? "" : "s", ":");
    for (size_t i = 0; i < p.cases.size(); ++i) {
      const RecurringParty::Earlier& e = p.cases[i];
      absl::StrAppend(out, i ? "," : "", " ", Visible(e.case_id), " (",
                      FormatDate(e.assessed_on), ", ", Why(e), ")");
    }
    if (p.total > p.cases.size()) {
      absl::StrAppend(out, " and ", p.total - p.cases.size(), " more");
    }
    absl::StrAppend(out, "\n");
  }
}

std::string PrecedentsJson(const PrecedentReport& r) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("archive").Str(r.archive).Key("cases").Open('[');
    for (const Precedent& p : r.precedents) {
      j.Open('{').Key("case_id").Str(p.case_id).Key("line").Int(p.line);
      j.Key("distance").Raw(absl::StrFormat("%.4f", p.distance));
      j.Key("assessed_on").Word(FormatDate(p.assessed_on)).Key("decision");
      if (p.decision) j.Word(EnumWord(*p.decision)); else j.Null();
      j.Key("diversion_found").Word(EnumWord(p.diversion));
      j.Key("recommendation_now").Word(EnumWord(p.recommendation));
      j.Key("score_now").Fixed(p.score_q).Close('}');
    }
    j.Close(']').Key("refused_or_diverted").Int(r.adverse);
    j.Key("inconsistent_approval").Bool(r.inconsistent);
    j.Key("recurring_intermediaries").Open('[');
    for (const RecurringParty& p : r.recurring) {
      j.Open('{').Key("path").Str(p.path).Key("name").Str(p.shown);
      j.Key("key").Str(p.key).Key("earlier_adverse_cases").Int(p.total);
      j.Key("cases").Open('[');
      for (const RecurringParty::Earlier& e : p.cases) {
        j.Open('{').Key("case_id").Str(e.case_id);
        j.Key("assessed_on").Word(FormatDate(e.assessed_on));
        j.Key("refused").Bool(e.refused).Key("diverted").Bool(e.diverted);
        j.Key("path").Str(e.path).Close('}');
      }
      j.Close(']').Close('}');
    }
    j.Close(']').Close('}');
  }
  return out;
}

}  // namespace divrisk::learn
