// divrisk network: the intermediaries, carriers and vehicles of an archive
// that connect the most applicants and end users (engine/learn/party_network.h).

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/cli/commands.h"
#include "engine/doc/json_writer.h"
#include "engine/doc/visible_text.h"
#include "engine/learn/party_network.h"

namespace divrisk::cli {

int RunNetwork(const NetworkCommandOptions& o) {
  std::unique_ptr<const Plan> plan = CompileOrReport(o.rules_dir, o.lists_dir);
  if (plan == nullptr) return kExitInvalid;
  learn::ArchiveOptions ao;
  ao.threads = o.threads;
  absl::StatusOr<learn::Archive> archive = learn::LoadArchive(*plan, o.archive, ao);
  if (!archive.ok()) {
    std::cerr << archive.status().message() << "\n";
    return kExitInvalid;
  }
  for (const std::string& e : archive->first_errors) std::cerr << e << "\n";
  const learn::PartyIndex index(*archive);
  const std::vector<learn::NetworkNode> nodes = learn::Network(*archive, index, o.top);
  std::string out;
  if (o.format == "json") {
    JsonWriter j(&out);
    j.Open('{').Key("archive").Str(o.archive).Key("cases").Int(archive->rows.size());
    j.Key("rejected").Int(archive->rejected).Key("intermediaries").Open('[');
    for (const learn::NetworkNode& n : nodes) {
      j.Open('{').Key("key").Str(archive->names[n.key]).Key("name").Str(n.shown);
      j.Key("applicants").Int(n.applicants).Key("end_users").Int(n.end_users);
      j.Key("cases").Int(n.cases).Key("refused_or_diverted").Int(n.adverse);
      j.Key("example_cases").Open('[');
      for (const std::string& id : n.example_cases) j.Str(id);
      j.Close(']').Close('}');
    }
    j.Close(']').Close('}').Put('\n');
  } else {
    absl::StrAppend(&out, "Intermediaries, carriers and vehicles connecting the most applicants and end users\n",
                    "Archive: ", Visible(o.archive), ": ", archive->rows.size(),
                    " cases, ", archive->rejected, " lines rejected\n\n",
                    "  applicants  end users  cases  refused/diverted  intermediary (key)\n");
    for (const learn::NetworkNode& n : nodes) {
      absl::StrAppend(&out, absl::StrFormat("  %10d %10d %6d %17d  ", n.applicants,
                                            n.end_users, n.cases, n.adverse),
                      Visible(n.shown), " (", Visible(archive->names[n.key]),
                      "); e.g. ");
      for (size_t i = 0; i < n.example_cases.size(); ++i) {
        absl::StrAppend(&out, i ? ", " : "", Visible(n.example_cases[i]));
      }
      absl::StrAppend(&out, "\n");
    }
  }
  std::cout << out;
  return ExitAfterFlushingStdout(kExitOk);
}

}  // namespace divrisk::cli
