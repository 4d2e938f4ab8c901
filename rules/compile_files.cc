// The rule set's files: reading and parsing each one (its canonical form
// goes into the rule set's SHA-256), the reference data it names and the
// screening lists, whose bytes are hashed and checked against their pins.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/doc/visible_text.h"
#include "engine/doc/yaml_parser.h"
#include "indicators/screening/listing_check.h"
#include "rules/canonical.h"
#include "rules/compilation.h"
#include "rules/reference_loader.h"

namespace divrisk::rules_internal {

std::optional<std::string> Compilation::Read(const std::string& rel) {
  absl::StatusOr<std::string> text = read_(rel);
  if (!text.ok()) {
    // ReadFileToString's messages already start with the path.
    const std::string name = Visible(FileName(rel));
    const std::string message(text.status().message());
    if (message.substr(0, name.size() + 1) == name + ":") {
      absl::StrAppend(&errors_, message, "\n");
    } else {
      absl::StrAppend(&errors_, name, ": ", message, "\n");
    }
    return std::nullopt;
  }
  return std::move(*text);
}

std::optional<DocNode> Compilation::Parse(const std::string& rel) {
  std::optional<std::string> text = Read(rel);
  if (!text) return std::nullopt;
  absl::StatusOr<DocNode> root = ParseYaml(*text);
  if (!root.ok()) {
    absl::StrAppend(&errors_, Visible(FileName(rel)), ":",
                    Visible(std::string(root.status().message())), "\n");
    return std::nullopt;
  }
  absl::StrAppend(&canonical_, rel, "=");
  AppendCanonical(*root, &canonical_);
  canonical_.push_back('\n');
  return std::move(*root);
}

void Compilation::ReadReferences(MapReader& top) {
  // Made even when the section is missing, so that the indicators are still
  // read and checked (against no reference data).
  plan_->reference = std::make_unique<ReferenceData>();
  const DocNode* refs = top.Required("reference");
  if (refs == nullptr) return;
  MapReader m(*refs, "reference", &doc_errors_);
  // Countries first: every other file's codes are checked against them.
  std::vector<std::pair<ReferenceKind, std::string>> files;
  for (size_t k = 0; k < kEnumWords<ReferenceKind>.size(); ++k) {
    const char* word = kEnumWords<ReferenceKind>[k];
    const DocNode* n = m.Optional(word);
    if (n == nullptr) {
      if (k == 0) m.Required(word);
      continue;
    }
    if (auto rel = ReadString(*n, m.PathOf(word), &doc_errors_)) {
      files.emplace_back(static_cast<ReferenceKind>(k), *rel);
    }
  }
  std::vector<DeclaredList> lists;
  if (const DocNode* n = m.Optional("screening_lists")) {
    lists = ReadScreeningLists(*n, m.PathOf("screening_lists"), &doc_errors_);
  }
  m.Finish();
  for (const auto& [kind, rel] : files) {
    std::optional<DocNode> root = Parse(rel);
    if (!root) continue;
    DocErrors file_errors;
    LoadReference(kind, *root, plan_->reference.get(), &file_errors, rel);
    absl::StrAppend(&errors_, file_errors.Format(FileName(rel)));
  }
  LoadScreeningLists(lists);
}

void Compilation::LoadScreeningLists(std::vector<DeclaredList>& lists) {
  screening::ListSet set;
  for (size_t i = 0; i < lists.size(); ++i) {
    DeclaredList& list = lists[i];
    const std::string files_path =
        JoinPath(IndexPath("reference.screening_lists", i), "files");
    std::vector<std::string> texts, digests;
    for (size_t j = 0; j < list.files.size(); ++j) {
      const DeclaredList::File& file = list.files[j];
      std::optional<std::string> text = Read(file.path);
      if (!text) break;
      // The list's bytes are part of the rule set's identity.
      const std::string digest = Sha256Hex(*text);
      absl::StrAppend(&canonical_, files_path, "[", j, "]=", digest, "\n");
      if (file.sha256 && *file.sha256 != digest) {
        doc_errors_.Add(*file.node, IndexPath(files_path, j),
                        absl::StrCat("the file's SHA-256 is ", digest,
                                     ", not the pinned ", *file.sha256));
      }
      digests.push_back(digest);
      list.spec.paths[j] = FileName(file.path);
      texts.push_back(std::move(*text));
    }
    if (texts.size() != list.files.size()) continue;
    const size_t before = set.entries.size();
    if (absl::Status s = screening::ParseList(list.spec, texts, &set);
        !s.ok()) {
      // One line per error, whatever the list's bytes were.
      for (absl::string_view line : absl::StrSplit(s.message(), '\n')) {
        if (!line.empty()) {
          absl::StrAppend(&errors_, Visible(std::string(line)), "\n");
        }
      }
      continue;
    }
    ScreeningListInfo info;
    info.id = list.spec.id;
    info.title = list.spec.title;
    info.origin = "declared";
    info.as_of = set.sources.back().as_of;
    info.sha256 = std::move(digests);
    info.entries = set.entries.size() - before;
    plan_->screening.lists.push_back(std::move(info));
  }
  LoadInstalledLists(&set);
  plan_->screening.own_entries = plan_->reference->listed_parties.size();
  plan_->screener = screening::BuildReferenceScreener(
      plan_->reference->listed_parties, std::move(set));
}

}  // namespace divrisk::rules_internal
