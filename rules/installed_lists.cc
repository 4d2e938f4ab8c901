#include "rules/installed_lists.h"

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/doc/doc_reader.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/json_writer.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;

// A name inside a directory: no separator, not "." or "..", not hidden.
bool IsPlainName(const std::string& s) {
  return !s.empty() && s.find('/') == std::string::npos && s[0] != '.' &&
         s.find('\0') == std::string::npos;
}

std::optional<screening::ListFormat> FormatFromName(std::string_view s) {
  for (auto f : {screening::ListFormat::kUnXml, screening::ListFormat::kOfacCsv,
                 screening::ListFormat::kBisDpl, screening::ListFormat::kUsCsl}) {
    if (s == screening::ListFormatName(f)) return f;
  }
  return std::nullopt;
}

std::string Text(MapReader& m, std::string_view key, bool required) {
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return "";
  return ReadString(*n, m.PathOf(key), m.errors()).value_or("");
}

void ReadFile(const DocNode& node, const std::string& path, DocErrors* errors,
              InstalledList* list) {
  MapReader m(node, path, errors);
  if (!m.ok()) return;
  InstalledFile f;
  f.name = Text(m, "name", true);
  if (!f.name.empty() && !IsPlainName(f.name)) {
    errors->Add(node, m.PathOf("name"), "expected a plain file name");
  }
  f.url = Text(m, "url", false);
  f.sha256 = Text(m, "sha256", true);
  if (const DocNode* b = m.Required("bytes")) {
    f.bytes = static_cast<uint64_t>(
        ReadInt(*b, m.PathOf("bytes"), errors).value_or(0));
  }
  f.content_type = Text(m, "content_type", false);
  m.Finish();
  list->files.push_back(std::move(f));
}

void ReadList(const DocNode& node, const std::string& path, DocErrors* errors,
              ListsManifest* out) {
  MapReader m(node, path, errors);
  if (!m.ok()) return;
  InstalledList list;
  list.id = Text(m, "id", true);
  list.title = Text(m, "title", true);
  if (const DocNode* f = m.Required("format")) {
    const std::string word = ReadString(*f, m.PathOf("format"), errors)
                                 .value_or("");
    if (auto format = FormatFromName(word)) {
      list.format = *format;
    } else {
      errors->Add(*f, m.PathOf("format"),
                  absl::StrCat("unknown list format '", word, "'"));
    }
  }
  list.retrieved_at = Text(m, "retrieved_at", true);
  if (const DocNode* d = m.Optional("as_of")) {
    list.as_of = ReadDate(*d, m.PathOf("as_of"), errors);
  }
  list.as_of_from = Text(m, "as_of_from", false);
  if (const DocNode* e = m.Optional("entries")) {
    list.entries = static_cast<uint64_t>(
        ReadInt(*e, m.PathOf("entries"), errors).value_or(0));
  }
  if (const DocNode* files = m.Required("files")) {
    if (const auto* items = ::divrisk::ReadList(*files, m.PathOf("files"),
                                                errors)) {
      for (size_t i = 0; i < items->size(); ++i) {
        ReadFile((*items)[i], IndexPath(m.PathOf("files"), i), errors, &list);
      }
      if (items->empty()) errors->Add(*files, m.PathOf("files"), "no file");
    }
  }
  m.Finish();
  out->lists.push_back(std::move(list));
}

}  // namespace

const InstalledList* ListsManifest::Find(std::string_view id) const {
  for (const InstalledList& l : lists) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

std::string ListsManifest::PathOf(const std::string& dir,
                                  const InstalledFile& f) const {
  return (fs::path(dir) / directory / f.name).string();
}

std::string DefaultListsDir() {
  if (const char* data = std::getenv("DIVRISK_DATA"); data && *data) {
    return (fs::path(data) / "lists").string();
  }
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "divrisk" / "lists").string();
  }
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" /
          "divrisk" / "lists")
      .string();
}

absl::StatusOr<std::optional<ListsManifest>> ReadListsManifest(
    const std::string& dir) {
  const std::string path = (fs::path(dir) / kListsManifestFile).string();
  std::error_code error;
  if (!fs::exists(path, error)) return std::optional<ListsManifest>();
  absl::StatusOr<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<DocNode> root = ParseJson(*text);
  if (!root.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", root.status().message()));
  }
  DocErrors errors;
  ListsManifest manifest;
  MapReader m(*root, "", &errors);
  if (m.ok()) {
    if (const DocNode* f = m.Required("format")) {
      if (f->text != kListsManifestFormat) {
        errors.Add(*f, "format", absl::StrCat("expected '",
                                              kListsManifestFormat, "'"));
      }
    }
    manifest.updated_at = Text(m, "updated_at", true);
    manifest.directory = Text(m, "directory", true);
    if (!manifest.directory.empty() && !IsPlainName(manifest.directory)) {
      errors.Add(*m.Optional("directory"), "directory",
                 "expected a plain directory name");
    }
    if (const DocNode* lists = m.Required("lists")) {
      if (const auto* items = ::divrisk::ReadList(*lists, "lists", &errors)) {
        for (size_t i = 0; i < items->size(); ++i) {
          ReadList((*items)[i], IndexPath("lists", i), &errors, &manifest);
        }
      }
    }
    m.Finish();
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(errors.Format(path));
  }
  return std::optional<ListsManifest>(std::move(manifest));
}

std::string ListsManifestJson(const ListsManifest& manifest) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("format").Str(kListsManifestFormat);
    j.Key("updated_at").Str(manifest.updated_at);
    j.Key("directory").Str(manifest.directory);
    j.Key("lists").Open('[');
    for (const InstalledList& l : manifest.lists) {
      j.Open('{').Key("id").Str(l.id).Key("title").Str(l.title);
      j.Key("format").Str(screening::ListFormatName(l.format));
      j.Key("retrieved_at").Str(l.retrieved_at);
      if (l.as_of) j.Key("as_of").Str(FormatDate(*l.as_of));
      j.Key("as_of_from").Str(l.as_of_from);
      j.Key("entries").Int(l.entries);
      j.Key("files").Open('[');
      for (const InstalledFile& f : l.files) {
        j.Open('{').Key("name").Str(f.name).Key("url").Str(f.url);
        j.Key("sha256").Str(f.sha256).Key("bytes").Int(f.bytes);
        j.Key("content_type").Str(f.content_type).Close('}');
      }
      j.Close(']').Close('}');
    }
    j.Close(']').Close('}');
    j.Put('\n');
  }
  return out;
}

}  // namespace divrisk
