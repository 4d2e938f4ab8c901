#include "engine/output/screening_writer.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/doc/visible_text.h"

namespace divrisk {
namespace {

std::string Note(const ScreeningCoverage& s) {
  if (s.published()) {
    return absl::StrCat("parties screened against ", s.lists.size(),
                        s.lists.size() == 1 ? " published list" :
                                              " published lists",
                        " and the rule set's own ", s.own_entries,
                        " listed parties");
  }
  std::string why = "no published sanctions or denial list is loaded";
  if (s.uses_installed && !s.installed_dir.empty()) {
    why = absl::StrCat("no published list is installed in ", s.installed_dir,
                       " (run divrisk lists update)");
  } else if (s.uses_installed) {
    why = "no lists directory was given";
  }
  return absl::StrCat("screening covered only the rule set's own ",
                      s.own_entries, " listed parties: ", why);
}

std::string Warning(const StaleList& stale, const ScreeningCoverage& s,
                    Date assessed_on) {
  const ScreeningListInfo& l = *stale.list;
  if (!l.as_of) {
    return absl::StrCat(l.id, " has no as-of date: its age on ",
                        FormatDate(assessed_on), " is unknown");
  }
  return absl::StrCat(l.id, " is ", stale.age_days, " days old on ",
                      FormatDate(assessed_on), " (as of ",
                      FormatDate(*l.as_of), "; the rule set allows ",
                      s.stale_after_days,
                      "): listings since then are missed; update the list");
}

}  // namespace

void WriteScreeningJson(const Plan& plan, Date assessed_on, JsonWriter& j) {
  const ScreeningCoverage& s = plan.screening;
  const std::vector<StaleList> stale = StaleLists(s, assessed_on);
  j.Open('{');
  j.Key("coverage").Word(s.published() ? "published_lists"
                                       : "own_parties_only");
  j.Key("note").Str(Note(s));
  j.Key("lists").Open('[');
  for (const ScreeningListInfo& l : s.lists) {
    bool is_stale = false;
    for (const StaleList& st : stale) is_stale |= st.list == &l;
    j.Open('{').Key("id").Str(l.id).Key("title").Str(l.title);
    j.Key("origin").Word(l.origin);
    if (l.as_of) {
      j.Key("as_of").Str(FormatDate(*l.as_of));
      j.Key("age_days").Int(int64_t{assessed_on.days} - l.as_of->days);
    } else {
      j.Key("as_of").Null().Key("age_days").Null();
    }
    j.Key("stale").Bool(is_stale);
    j.Key("sha256").Open('[');
    for (const std::string& h : l.sha256) j.Word(h);
    j.Close(']');
    j.Key("entries").Int(l.entries).Close('}');
  }
  j.Close(']');
  j.Key("own_entries").Int(s.own_entries);
  j.Key("stale_after_days").Int(s.stale_after_days);
  j.Key("warnings").Open('[');
  for (const StaleList& st : stale) j.Str(Warning(st, s, assessed_on));
  j.Close(']').Close('}');
}

void AppendScreeningText(const Plan& plan, Date assessed_on,
                         std::string* out) {
  const ScreeningCoverage& s = plan.screening;
  if (s.published()) {
    absl::StrAppend(out, "Screening: ");
    for (const ScreeningListInfo& l : s.lists) {
      absl::StrAppend(out, Visible(l.id), " as of ",
                      l.as_of ? FormatDate(*l.as_of) : "unknown", " (",
                      l.entries, " entries), ");
    }
    absl::StrAppend(out, "and the rule set's own ", s.own_entries,
                    " listed parties\n");
  } else {
    // "Screening: covered only the rule set's own ..."
    absl::StrAppend(out, "Screening: ", Visible(Note(s).substr(10)), "\n");
  }
  for (const StaleList& st : StaleLists(s, assessed_on)) {
    absl::StrAppend(out, "Warning: ", Visible(Warning(st, s, assessed_on)),
                    "\n");
  }
}

}  // namespace divrisk
