// A declared list read from its files and parsed by the loader of its
// format (one file per format: un_xml_loader.cc, ofac_loader.cc,
// bis_dpl_loader.cc, us_csl_loader.cc), and the rule set's own listed
// parties.

#include "indicators/screening/loaders.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "indicators/screening/loader_util.h"

namespace divrisk::screening {
namespace {

using loader_internal::AddName;

}  // namespace

void AddListedParties(const std::vector<ListedParty>& parties, ListSet* set) {
  absl::flat_hash_map<std::pair<std::string, int>, uint16_t> sources;
  for (const ListedParty& p : parties) {
    const auto key = std::pair{
        p.list, static_cast<int>(p.effect) * 2 + (p.illustrative ? 1 : 0)};
    auto it = sources.find(key);
    if (it == sources.end()) {
      ListSource s;
      s.id = p.list;
      s.title = p.list;
      s.format = ListFormat::kListedParties;
      s.effect = p.effect;
      s.origin = p.source;
      s.illustrative = p.illustrative;
      it = sources.emplace(key, set->AddSource(std::move(s))).first;
    }
    ListEntry e;
    e.source = it->second;
    e.reference = p.id;
    AddName(p.name, NameStrength::kPrimary, &e);
    for (const std::string& a : p.aliases) AddName(a, NameStrength::kStrong, &e);
    if (p.country) e.countries.push_back(*p.country);
    e.program = p.reference;  // the list's own number, shown as such
    e.listed_on = p.listed_on;
    if (!e.names.empty()) set->entries.push_back(std::move(e));
  }
}

absl::Status ParseList(const ListSpec& spec,
                       const std::vector<std::string>& texts, ListSet* set) {
  ListSource source;
  source.id = spec.id;
  source.title = spec.title;
  source.format = spec.format;
  source.effect = spec.effect;
  source.as_of = spec.as_of;
  for (const std::string& p : spec.paths) {
    if (p.empty()) continue;
    if (!source.origin.empty()) source.origin += ", ";
    source.origin += p;
  }
  const uint16_t index = set->AddSource(std::move(source));
  auto text = [&](size_t i) -> std::string_view {
    return i < texts.size() ? std::string_view(texts[i]) : std::string_view();
  };
  absl::Status status;
  switch (spec.format) {
    case ListFormat::kUnXml:
      status = ParseUnConsolidatedXml(text(0), index, set);
      break;
    case ListFormat::kOfacCsv:
      status = ParseOfacCsv(text(0), text(1), text(2), index, set);
      break;
    case ListFormat::kBisDpl:
      status = ParseBisDpl(text(0), index, set);
      break;
    case ListFormat::kUsCsl:
      status = ParseUsCsl(text(0), index, set);
      break;
    case ListFormat::kListedParties:
      status = absl::InvalidArgumentError(
          "listed parties come from the rule set, not a file");
      break;
  }
  if (!status.ok() && !spec.paths.empty()) {
    return absl::Status(status.code(), absl::StrCat(spec.paths[0], ": ",
                                                    status.message()));
  }
  return status;
}

absl::Status LoadList(const ListSpec& spec, ListSet* set) {
  if (spec.paths.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(spec.id, ": no file"));
  }
  std::vector<std::string> texts(spec.paths.size());
  for (size_t i = 0; i < spec.paths.size(); ++i) {
    if (spec.paths[i].empty()) continue;
    absl::StatusOr<std::string> text =
        ReadFileToString(spec.paths[i], kMaxListFileBytes);
    if (!text.ok()) return text.status();
    texts[i] = *std::move(text);
  }
  return ParseList(spec, texts, set);
}

}  // namespace divrisk::screening
