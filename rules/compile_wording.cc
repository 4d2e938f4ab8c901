// The wording a letter and a questionnaire need: the `citations:` table
// (reference codes to the titles a letter cites them by), each indicator's
// `question:` template, and the check that every ref in the rule set is
// either cited by the table or an internal catalogue id.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rules/compilation.h"

namespace divrisk::rules_internal {

namespace {

// The case strings a question may name (engine/explain fills them in).
constexpr std::array<const char*, 3> kQuestionFields = {
    "end_user", "exporter", "destination"};

// A catalogue id from shared/domain/indicators.md (EUC-3, A6-1, MIT-4):
// capitals and digits, a hyphen, digits. Internal: not cited in letters.
bool IsCatalogueId(std::string_view ref) {
  const size_t dash = ref.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash + 1 == ref.size()) {
    return false;
  }
  if (!(ref[0] >= 'A' && ref[0] <= 'Z')) return false;
  for (size_t i = 0; i < ref.size(); ++i) {
    const char ch = ref[i];
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool digit = ch >= '0' && ch <= '9';
    if (i < dash ? !(upper || digit) : i > dash && !digit) return false;
  }
  return true;
}

// The placeholder error in question text `text`, or "".
std::string PlaceholderError(std::string_view text) {
  for (size_t at = text.find_first_of("{}"); at != std::string_view::npos;
       at = text.find_first_of("{}", at + 1)) {
    if (text[at] == '}') return "a '}' without its '{'";
    const size_t end = text.find('}', at);
    if (end == std::string_view::npos) return "a '{' without its '}'";
    const std::string_view name = text.substr(at + 1, end - at - 1);
    if (std::find(kQuestionFields.begin(), kQuestionFields.end(), name) ==
        kQuestionFields.end()) {
      return absl::StrCat("unknown placeholder '{", std::string(name),
                          "}'; known: {",
                          absl::StrJoin(kQuestionFields, "}, {"), "}");
    }
    at = end;
  }
  return "";
}

}  // namespace

void Compilation::ReadCitations(MapReader& top) {
  const DocNode* table = top.Optional("citations");
  if (table == nullptr) return;
  MapReader m(*table, "citations", &doc_errors_);
  if (!m.ok()) return;
  if (table->fields.size() > limits_.refs * 8) {
    doc_errors_.Add(*table, "citations",
                    absl::StrCat("expected at most ", limits_.refs * 8,
                                 " codes"));
    return;
  }
  for (const auto& [key, value] : table->fields) {
    const std::string path = m.PathOf(key.text);
    std::optional<std::string> title = ReadString(value, path, &doc_errors_);
    m.Optional(key.text);  // every key is known: it is a code
    if (!title) continue;
    if (key.text.empty() || title->empty()) {
      doc_errors_.Add(value, path, "expected a code and a non-empty title");
      continue;
    }
    plan_->citations.push_back({key.text, *title});
  }
  m.Finish();
  std::stable_sort(plan_->citations.begin(), plan_->citations.end(),
                   [](const CitationTitle& a, const CitationTitle& b) {
                     return a.code.size() > b.code.size();
                   });
}

std::optional<QuestionTemplate> Compilation::ReadQuestion(MapReader& indicator) {
  const DocNode* n = indicator.Optional("question");
  if (n == nullptr) return std::nullopt;
  MapReader m(*n, indicator.PathOf("question"), &doc_errors_);
  if (!m.ok()) return std::nullopt;
  QuestionTemplate q;
  if (const DocNode* to = m.Required("to")) {
    q.to = ReadEnum<Addressee>(*to, m.PathOf("to"), &doc_errors_)
               .value_or(Addressee::kApplicant);
  }
  if (const DocNode* text = m.Required("text")) {
    q.text = ReadString(*text, m.PathOf("text"), &doc_errors_).value_or("");
    if (q.text.empty()) {
      doc_errors_.Add(*text, m.PathOf("text"), "expected a question");
    } else if (std::string e = PlaceholderError(q.text); !e.empty()) {
      doc_errors_.Add(*text, m.PathOf("text"), std::move(e));
    }
  }
  m.Finish();
  return q;
}

void Compilation::CheckCitedRefs(const DocNode& root) {
  if (plan_->citations.empty()) return;  // no table: every ref is shown as is
  auto check = [&](const DocNode& owner, const std::string& path) {
    const DocNode* refs = owner.Find("refs");
    if (refs == nullptr || refs->kind != DocNode::Kind::kSequence) return;
    for (size_t i = 0; i < refs->items.size(); ++i) {
      const DocNode& ref = refs->items[i];
      if (!ref.IsScalar() || plan_->FindCitation(ref.text) != nullptr ||
          IsCatalogueId(ref.text)) {
        continue;
      }
      doc_errors_.Add(ref, IndexPath(JoinPath(path, "refs"), i),
                      absl::StrCat("'", ref.text,
                                   "' is neither a code of `citations:` nor "
                                   "a catalogue id (such as EUC-3)"));
    }
  };
  for (const char* section : {"indicators", "gates", "mitigations"}) {
    const DocNode* list = root.Find(section);
    if (list == nullptr || list->kind != DocNode::Kind::kSequence) continue;
    for (size_t i = 0; i < list->items.size(); ++i) {
      check(list->items[i], IndexPath(section, i));
    }
  }
  if (const DocNode* o = root.Find("overriding_risk")) {
    check(*o, "overriding_risk");
  }
}

}  // namespace divrisk::rules_internal
