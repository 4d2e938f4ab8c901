// The `screening` section of ruleset.yaml and the lists `divrisk lists
// update` installed (rules/installed_lists.h), which a rule set uses by
// naming them:
//
//   screening:
//     installed_lists: {UN-SC: sanction, OFAC-SDN: denial}
//     stale_after_days: 7
//
// An installed list found in the compile's lists directory is read like a
// declared one: each file's SHA-256 must be the manifest's (a file being
// replaced, or changed by hand, is an error, never read), goes into the
// rule set's identity, and the list is parsed by the loader of its format.

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "rules/canonical.h"
#include "rules/compilation.h"
#include "rules/installed_lists.h"
#include "rules/reference_loader.h"  // kEnumWords<ListingEffect>

namespace divrisk::rules_internal {
namespace {

// The limit of stale_after_days: ten years.
constexpr int64_t kMaxStaleDays = 3660;

}  // namespace

void Compilation::ReadScreeningSettings(MapReader& top) {
  const DocNode* n = top.Optional("screening");
  if (n == nullptr) return;
  MapReader m(*n, "screening", &doc_errors_);
  if (!m.ok()) return;
  if (const DocNode* lists = m.Optional("installed_lists")) {
    const std::string path = m.PathOf("installed_lists");
    if (lists->kind != DocNode::Kind::kMap) {
      doc_errors_.Add(*lists, path,
                      "expected a map from list id to effect (sanction or "
                      "denial)");
    } else if (lists->fields.size() > 100) {
      doc_errors_.Add(*lists, path, "more than the limit of 100 entries");
    } else {
      MapReader ids(*lists, path, &doc_errors_);
      for (const auto& [key, value] : lists->fields) {
        const DocNode* v = ids.Required(key.text);
        if (v == nullptr) continue;
        if (auto effect =
                ReadEnum<ListingEffect>(*v, ids.PathOf(key.text), &doc_errors_)) {
          installed_lists_.emplace_back(key.text, *effect);
        }
      }
      ids.Finish();
    }
    plan_->screening.uses_installed = !installed_lists_.empty();
  }
  if (const DocNode* d = m.Optional("stale_after_days")) {
    if (auto days = ReadInt(*d, m.PathOf("stale_after_days"), &doc_errors_, 0,
                            kMaxStaleDays)) {
      plan_->screening.stale_after_days = static_cast<int>(*days);
    }
  }
  m.Finish();
}

void Compilation::LoadInstalledLists(screening::ListSet* set) {
  if (installed_lists_.empty() || options_.lists_dir.empty()) return;
  const std::string& dir = options_.lists_dir;
  plan_->screening.installed_dir = dir;
  absl::StatusOr<std::optional<ListsManifest>> manifest =
      ReadListsManifest(dir);
  if (!manifest.ok()) {
    absl::StrAppend(&errors_, manifest.status().message(), "\n");
    return;
  }
  if (!manifest->has_value()) return;  // nothing installed
  for (const auto& [id, effect] : installed_lists_) {
    const InstalledList* list = (*manifest)->Find(id);
    if (list == nullptr) continue;
    screening::ListSpec spec;
    spec.id = list->id;
    spec.title = list->title;
    spec.format = list->format;
    spec.effect = effect;
    spec.as_of = list->as_of;
    ScreeningListInfo info;
    info.id = list->id;
    info.title = list->title;
    info.origin = "installed";
    info.as_of = list->as_of;
    std::vector<std::string> texts;
    bool ok = true;
    for (size_t j = 0; j < list->files.size(); ++j) {
      const InstalledFile& f = list->files[j];
      const std::string path = (*manifest)->PathOf(dir, f);
      absl::StatusOr<std::string> text =
          ReadFileToString(path, kMaxInstalledListBytes);
      if (!text.ok()) {
        absl::StrAppend(&errors_, text.status().message(),
                        " (run divrisk lists update)\n");
        ok = false;
        break;
      }
      const std::string digest = Sha256Hex(*text);
      if (digest != f.sha256) {
        absl::StrAppend(&errors_, path, ": the file's SHA-256 is ", digest,
                        ", not the manifest's ", f.sha256,
                        " (run divrisk lists update)\n");
        ok = false;
        break;
      }
      absl::StrAppend(&canonical_, "screening.installed_lists[", id,
                      "].files[", j, "]=", digest, "\n");
      spec.paths.push_back(path);
      info.sha256.push_back(digest);
      texts.push_back(std::move(*text));
    }
    if (!ok) continue;
    const size_t before = set->entries.size();
    if (absl::Status s = screening::ParseList(spec, texts, set); !s.ok()) {
      absl::StrAppend(&errors_, s.message(), "\n");
      continue;
    }
    info.entries = set->entries.size() - before;
    plan_->screening.lists.push_back(std::move(info));
  }
}

}  // namespace divrisk::rules_internal
