#include "indicators/screening/eval/evaluation.h"

#include <algorithm>
#include <chrono>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/file_reader.h"
#include "indicators/screening/country_names.h"
#include "indicators/screening/delimited.h"
#include "indicators/screening/eval/shared_data.h"
#include "indicators/screening/loaders.h"

namespace divrisk::screening {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}


// A CSV file with a header, as rows of column -> value.
using Row = absl::flat_hash_map<std::string, std::string>;
absl::StatusOr<std::vector<Row>> ReadCsv(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileToString(path, kMaxListFileBytes);
  if (!text.ok()) return text.status();
  DelimitedReader r(*text, ',');
  std::vector<std::string> header, f;
  if (!r.Next(&header)) return absl::InvalidArgumentError(path + ": empty");
  std::vector<Row> rows;
  while (r.Next(&f)) {
    Row row;
    for (size_t i = 0; i < header.size() && i < f.size(); ++i) {
      row[header[i]] = f[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void Count(bool truth, bool predicted, Confusion* c) {
  if (truth && predicted) ++c->tp;
  if (!truth && predicted) ++c->fp;
  if (truth && !predicted) ++c->fn;
  if (!truth && !predicted) ++c->tn;
}

ScreeningQuery PersonQuery(const Row& row) {
  ScreeningQuery q;
  auto name = row.find("full_name");
  if (name != row.end()) q.names.push_back(name->second);
  q.type = EntityType::kPerson;
  auto nat = row.find("nationality");
  if (nat != row.end()) {
    if (auto c = CountryFromText(nat->second)) q.countries.push_back(*c);
  }
  return q;
}

double Ratio(int a, int b) { return b == 0 ? 0 : static_cast<double>(a) / b; }

}  // namespace

double Confusion::Precision() const { return Ratio(tp, tp + fp); }
double Confusion::Recall() const { return Ratio(tp, tp + fn); }
double Confusion::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

double EvalReport::UnRecallUntreated() const {
  return Ratio(untreated_found, un_total - un_unresolved);
}
double EvalReport::UnRecallTreated() const {
  return Ratio(treated_found, un_total - un_unresolved);
}
double EvalReport::DisguiseCleanRecall() const {
  return Ratio(disguise_clean_found, disguise_names);
}
double EvalReport::DisguisedRecall() const {
  return Ratio(disguise_found, disguise_queries);
}
double EvalReport::FalsePositiveRate() const {
  return Ratio(global_flagged + us_flagged, global_total + us_total);
}

absl::StatusOr<EvalReport> RunScreeningEval(const std::string& dir,
                                            const ScreeningParams& params) {
  const auto start = Clock::now();
  EvalReport r;
  r.dir = dir;
  r.params = params;
  // Lists: all together, and the UN list alone.
  ListSet all, un;
  auto t = Clock::now();
  const std::vector<ListSpec> specs = SharedDataLists(dir);
  for (const ListSpec& spec : specs) {
    absl::Status s = LoadList(spec, &all);
    if (!s.ok()) return s;
  }
  if (absl::Status s = LoadList(specs[0], &un); !s.ok()) return s;
  r.load_seconds = Since(t);
  t = Clock::now();
  const Screener all_screener(std::move(all), params);
  r.all_build_seconds = Since(t);
  t = Clock::now();
  const Screener un_screener(std::move(un), params);
  r.un_build_seconds = Since(t);
  r.all_entries = all_screener.lists().entries.size();
  r.all_names = all_screener.lists().NameCount();
  r.un_entries = un_screener.lists().entries.size();

  const SharedEvalFiles files = SharedEvalFilesIn(dir);
  // Name pairs, ours and logic-v2's.
  {
    auto rows = ReadCsv(files.name_pairs);
    if (!rows.ok()) return rows.status();
    auto v2 = ReadCsv(files.logicv2_scores);
    if (!v2.ok()) return v2.status();
    absl::flat_hash_set<std::string> v2_keys;
    for (const Row& row : *v2) {
      const bool truth = row.at("is_match") == "true";
      Count(truth, row.at("predicted_match") == "true", &r.logicv2);
      v2_keys.insert(absl::StrCat(row.at("schema"), "\x1f", row.at("name1"),
                                  "\x1f", row.at("name2")));
    }
    for (const Row& row : *rows) {
      const bool truth = row.at("is_match") == "true";
      const double s = all_screener.CompareNames(
          row.at("name1"), row.at("name2"), nullptr,
          row.at("schema") == "Person" ? EntityType::kPerson
                                       : EntityType::kUnknown);
      Count(truth, s >= params.possible, &r.pairs);
      if (truth != (s >= params.possible)) {
        r.pairs_wrong.push_back(absl::StrFormat(
            "%s %.3f %s: %s / %s", truth ? "FN" : "FP", s, row.at("schema"),
            row.at("name1"), row.at("name2")));
      }
      Count(truth, s >= params.hit, &r.pairs_hit);
      if (v2_keys.contains(absl::StrCat(row.at("schema"), "\x1f",
                                        row.at("name1"), "\x1f",
                                        row.at("name2")))) {
        Count(truth, s >= params.possible, &r.pairs_on_logicv2);
      }
    }
  }
  // UN positives.
  {
    auto untreated = ReadCsv(files.un_untreated);
    if (!untreated.ok()) return untreated.status();
    auto treated = ReadCsv(files.un_treated);
    if (!treated.ok()) return treated.status();
    if (untreated->size() != treated->size()) {
      return absl::InvalidArgumentError(
          "UN positives: treated and untreated files differ in length");
    }
    // Exact (normalised, order-free) name -> UN entries.
    absl::flat_hash_map<std::string, std::vector<uint32_t>> by_key;
    const auto& entries = un_screener.lists().entries;
    for (uint32_t e = 0; e < entries.size(); ++e) {
      for (const ListedName& n : entries[e].names) {
        by_key[NameKey(Normalize(n.text, entries[e].type ==
                                             EntityType::kPerson))]
            .push_back(e);
      }
    }
    auto found = [&](const ScreeningQuery& q,
                     const std::vector<uint32_t>& expected, bool* hit) {
      *hit = false;
      for (const Match& m : un_screener.Screen(q)) {
        if (std::find(expected.begin(), expected.end(), m.entry) !=
            expected.end()) {
          *hit = m.level == MatchLevel::kHit;
          return true;
        }
      }
      return false;
    };
    r.un_total = static_cast<int>(untreated->size());
    for (size_t i = 0; i < untreated->size(); ++i) {
      const Row& u = (*untreated)[i];
      auto it = by_key.find(NameKey(Normalize(u.at("full_name"), true)));
      if (it == by_key.end()) {
        ++r.un_unresolved;
        continue;
      }
      bool hit = false;
      if (found(PersonQuery(u), it->second, &hit)) ++r.untreated_found;
      if (hit) ++r.untreated_hit;
      const Row& tr = (*treated)[i];
      if (found(PersonQuery(tr), it->second, &hit)) {
        ++r.treated_found;
      } else {
        r.treated_missed.push_back(
            absl::StrCat(tr.at("full_name"), " (", u.at("full_name"), ")"));
      }
      if (hit) ++r.treated_hit;
    }
  }
  // Disguises of every strong Latin-script UN-listed name.
  {
    const auto& entries = un_screener.lists().entries;
    size_t index = 0;
    for (uint32_t e = 0; e < entries.size(); ++e) {
      for (const ListedName& n : entries[e].names) {
        if (n.strength == NameStrength::kWeak || n.original_script) continue;
        if (std::any_of(n.text.begin(), n.text.end(), [](char c) {
              return static_cast<unsigned char>(c) >= 0x80;
            })) {
          continue;
        }
        ScreeningQuery q;
        q.type = entries[e].type;
        auto found = [&](const std::string& text) {
          q.names.assign(1, text);
          for (const Match& m : un_screener.ScreenUncached(q)) {
            if (m.entry == e) return true;
          }
          return false;
        };
        ++r.disguise_names;
        if (found(n.text)) ++r.disguise_clean_found;
        for (int k = 0; k < kDisguiseKinds; ++k) {
          const auto kind = static_cast<DisguiseKind>(k);
          const std::string d = DisguiseName(n.text, kind, index);
          ++r.disguise_queries;
          if (found(d)) {
            ++r.disguise_found;
            ++r.disguise_kind_found[static_cast<size_t>(k)];
          } else {
            r.disguise_missed.push_back(
                absl::StrCat(DisguiseKindName(kind), ": ", n.text));
          }
          if (Normalize(d, q.type == EntityType::kPerson).disguise !=
              kNotDisguised) {
            ++r.disguise_flagged;
          }
        }
        ++index;
      }
    }
  }
  // Negatives against all lists.
  for (const bool global : {true, false}) {
    auto rows = ReadCsv(global ? files.negatives_global
                                : files.negatives_us);
    if (!rows.ok()) return rows.status();
    int& total = global ? r.global_total : r.us_total;
    int& flagged = global ? r.global_flagged : r.us_flagged;
    int& hits = global ? r.global_hit : r.us_hit;
    for (const Row& row : *rows) {
      ++total;
      const ScreeningQuery q = PersonQuery(row);
      const std::vector<Match> matches = all_screener.Screen(q);
      if (matches.empty()) continue;
      ++flagged;
      if (matches[0].level == MatchLevel::kHit) ++hits;
      const ListEntry& e = all_screener.lists().entries[matches[0].entry];
      const std::string listed =
          matches[0].listed_name >= 0
              ? e.names[static_cast<size_t>(matches[0].listed_name)].text
              : e.names[0].text;
      r.negatives_flagged.push_back(absl::StrFormat(
          "%s -> %s (%s, %.2f)", row.at("full_name"), listed,
          all_screener.lists().EntryId(e), matches[0].score));
    }
  }
  // Cross-script pairs.
  {
    auto text = ReadFileToString(files.cross_script_pairs, kMaxListFileBytes);
    if (!text.ok()) return text.status();
    DelimitedReader rd(*text, ',');
    std::vector<std::string> f;
    while (rd.Next(&f)) {
      if (f.empty() || f[0].empty() || f[0][0] == '#' || f.size() < 2) continue;
      ++r.cross_total;
      const double s = all_screener.CompareNames(f[0], f[1], nullptr,
                                                 EntityType::kPerson);
      if (s >= params.possible) {
        ++r.cross_matched;
      } else {
        r.cross_missed.push_back(
            absl::StrFormat("%s / %s (%.2f)", f[0], f[1], s));
      }
    }
  }
  r.seconds = Since(start);
  return r;
}

std::string FormatEvalTable(const EvalReport& r, bool details) {
  std::string out;
  auto line = [&](const std::string& s) { absl::StrAppend(&out, s, "\n"); };
  line(absl::StrFormat(
      "Lists: %d entries, %d names and aliases (all lists); UN list %d "
      "entries. Load %.2f s, index build %.3f s (all), %.3f s (UN).",
      r.all_entries, r.all_names, r.un_entries, r.load_seconds,
      r.all_build_seconds, r.un_build_seconds));
  line(absl::StrFormat("Thresholds: hit >= %.2f, possible match >= %.2f.",
                       r.params.hit, r.params.possible));
  line("");
  line("| measure | data | result | goal |");
  line("|---|---|---|---|");
  auto pr = [&](const char* what, const Confusion& c, const char* goal) {
    line(absl::StrFormat(
        "| %s | %d pairs | P %.3f R %.3f **F1 %.3f** (TP %d FP %d FN %d TN "
        "%d) | %s |",
        what, c.tp + c.fp + c.fn + c.tn, c.Precision(), c.Recall(), c.F1(),
        c.tp, c.fp, c.fn, c.tn, goal));
  };
  pr("name pairs, divrisk (>= possible)", r.pairs, ">= logic-v2 F1");
  pr("name pairs, divrisk (>= hit)", r.pairs_hit, "");
  pr("name pairs, divrisk on logic-v2's pairs", r.pairs_on_logicv2, "");
  pr("name pairs, logic-v2 (reference)", r.logicv2, "");
  const int resolved = r.un_total - r.un_unresolved;
  line(absl::StrFormat(
      "| UN positives, untreated: recall | %d of %d persons (%d not on this "
      "list) | **%.4f** (%d found; %d as hits) | >= 0.98 |",
      resolved, r.un_total, r.un_unresolved, r.UnRecallUntreated(),
      r.untreated_found, r.untreated_hit));
  line(absl::StrFormat(
      "| UN positives, treated: recall | %d persons | **%.4f** (%d found; %d "
      "as hits) | >= 0.90 |",
      resolved, r.UnRecallTreated(), r.treated_found, r.treated_hit));
  line(absl::StrFormat(
      "| negatives, global: false positives | %d persons, all lists | %d "
      "(%.2f%%; %d hits) | |",
      r.global_total, r.global_flagged,
      100 * Ratio(r.global_flagged, r.global_total), r.global_hit));
  line(absl::StrFormat(
      "| negatives, US: false positives | %d persons, all lists | %d (%.2f%%; "
      "%d hits) | |",
      r.us_total, r.us_flagged, 100 * Ratio(r.us_flagged, r.us_total),
      r.us_hit));
  line(absl::StrFormat(
      "| negatives, both: false-positive rate | %d persons | **%.4f** | <= "
      "0.01 |",
      r.global_total + r.us_total, r.FalsePositiveRate()));
  line(absl::StrFormat(
      "| cross-script pairs matched | %d pairs | **%d of %d** | all |",
      r.cross_total, r.cross_matched, r.cross_total));
  line(absl::StrFormat(
      "| UN-listed names disguised: recall | %d names x %d disguises | "
      "**%.4f** (the names as listed: %.4f; %d of %d disguises flagged) | "
      "within 0.01 of as listed |",
      r.disguise_names, kDisguiseKinds, r.DisguisedRecall(),
      r.DisguiseCleanRecall(), r.disguise_flagged, r.disguise_queries));
  std::string kinds;
  for (int k = 0; k < kDisguiseKinds; ++k) {
    absl::StrAppend(&kinds, k ? ", " : "",
                    DisguiseKindName(static_cast<DisguiseKind>(k)), " ",
                    r.disguise_kind_found[static_cast<size_t>(k)]);
  }
  line(absl::StrCat("Disguises found, by kind (of ", r.disguise_names,
                    " each): ", kinds, "."));
  line("");
  if (!details) {
    line(absl::StrFormat("Evaluation took %.2f s.", r.seconds));
    return out;
  }
  if (!r.pairs_wrong.empty()) {
    line(absl::StrFormat("Name pairs wrong at >= possible (%d):",
                         r.pairs_wrong.size()));
    for (const std::string& s : r.pairs_wrong) line("  " + s);
  }
  if (!r.cross_missed.empty()) {
    line("Cross-script pairs missed:");
    for (const std::string& s : r.cross_missed) line("  " + s);
  }
  if (!r.treated_missed.empty()) {
    line(absl::StrFormat("UN treated positives missed (%d):",
                         r.treated_missed.size()));
    for (const std::string& s : r.treated_missed) line("  " + s);
  }
  if (!r.disguise_missed.empty()) {
    line(absl::StrFormat("Disguised names missed (%d):",
                         r.disguise_missed.size()));
    for (const std::string& s : r.disguise_missed) line("  " + s);
  }
  if (!r.negatives_flagged.empty()) {
    line(absl::StrFormat("Negatives flagged (%d):", r.negatives_flagged.size()));
    for (const std::string& s : r.negatives_flagged) line("  " + s);
  }
  line(absl::StrFormat("Evaluation took %.2f s.", r.seconds));
  return out;
}

std::string EvalJson(const EvalReport& r) {
  return absl::StrFormat(
      "{\"pairs_f1\": %.4f, \"logicv2_f1\": %.4f, \"un_recall_untreated\": "
      "%.4f, \"un_recall_treated\": %.4f, \"false_positive_rate\": %.4f, "
      "\"cross_script_matched\": %d, \"cross_script_total\": %d, "
      "\"disguised_recall\": %.4f}",
      r.pairs.F1(), r.logicv2.F1(), r.UnRecallUntreated(), r.UnRecallTreated(),
      r.FalsePositiveRate(), r.cross_matched, r.cross_total,
      r.DisguisedRecall());
}

}  // namespace divrisk::screening
