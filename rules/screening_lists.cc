#include "rules/screening_lists.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "rules/reference_loader.h"

namespace divrisk {
namespace {

// The list formats a file can have (ListFormat without kListedParties,
// which come from the rule set itself).
enum class FileFormat : uint8_t { kUnXml, kOfacCsv, kBisDpl, kUsCsl };
static_assert(static_cast<int>(FileFormat::kUsCsl) ==
              static_cast<int>(screening::ListFormat::kUsCsl));

constexpr size_t kMaxLists = 100;

bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char ch : s) {
    if (!absl::ascii_isdigit(ch) && (ch < 'a' || ch > 'f')) return false;
  }
  return true;
}

void ReadFiles(MapReader& m, DeclaredList* list) {
  const DocNode* files = m.Required("files");
  if (files == nullptr) return;
  const std::string path = m.PathOf("files");
  const std::vector<DocNode>* items = ReadList(*files, path, m.errors());
  if (items == nullptr) return;
  const size_t max = list->spec.format == screening::ListFormat::kOfacCsv ? 3 : 1;
  if (items->empty() || items->size() > max) {
    m.errors()->Add(*files, path,
                    absl::StrCat("expected 1 to ", max, " files for format ",
                                 screening::ListFormatName(list->spec.format),
                                 ", found ", items->size()));
    return;
  }
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader f((*items)[i], IndexPath(path, i), m.errors());
    if (!f.ok()) continue;
    DeclaredList::File file;
    file.node = &(*items)[i];
    if (const DocNode* p = f.Required("path")) {
      file.path = ReadString(*p, f.PathOf("path"), m.errors()).value_or("");
    }
    if (const DocNode* h = f.Optional("sha256")) {
      std::optional<std::string> hex =
          ReadString(*h, f.PathOf("sha256"), m.errors());
      if (hex && !IsLowerHex64(*hex)) {
        m.errors()->Add(*h, f.PathOf("sha256"),
                        "expected 64 lower-case hexadecimal digits");
      } else {
        file.sha256 = hex;
      }
    }
    f.Finish();
    list->spec.paths.push_back(file.path);
    list->files.push_back(std::move(file));
  }
}

}  // namespace

template <>
inline constexpr auto kEnumWords<FileFormat> =
    std::to_array<const char*>({"un_xml", "ofac_csv", "bis_dpl", "us_csl"});

std::vector<DeclaredList> ReadScreeningLists(const DocNode& n,
                                             const std::string& path,
                                             DocErrors* errors) {
  std::vector<DeclaredList> out;
  const std::vector<DocNode>* items = ReadList(n, path, errors);
  if (items == nullptr) return out;
  if (items->size() > kMaxLists) {
    errors->Add(n, path,
                absl::StrCat("more than the limit of ", kMaxLists, " entries"));
    return out;
  }
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath(path, i), errors);
    if (!m.ok()) continue;
    DeclaredList list;
    screening::ListSpec& spec = list.spec;
    if (const DocNode* id = m.Required("id")) {
      spec.id = ReadString(*id, m.PathOf("id"), errors).value_or("");
      for (const DeclaredList& other : out) {
        if (other.spec.id == spec.id) {
          errors->Add(*id, m.PathOf("id"), "list declared twice");
        }
      }
    }
    if (const DocNode* t = m.Required("title")) {
      spec.title = ReadString(*t, m.PathOf("title"), errors).value_or("");
    }
    if (const DocNode* f = m.Required("format")) {
      if (auto format = ReadEnum<FileFormat>(*f, m.PathOf("format"), errors)) {
        spec.format = static_cast<screening::ListFormat>(*format);
      }
    }
    if (const DocNode* e = m.Required("effect")) {
      spec.effect = ReadEnum<ListingEffect>(*e, m.PathOf("effect"), errors)
                        .value_or(ListingEffect::kSanction);
    }
    if (const DocNode* d = m.Required("as_of")) {
      spec.as_of = ReadDate(*d, m.PathOf("as_of"), errors);
    }
    ReadFiles(m, &list);
    m.Optional("notes");
    m.Finish();
    out.push_back(std::move(list));
  }
  return out;
}

}  // namespace divrisk
