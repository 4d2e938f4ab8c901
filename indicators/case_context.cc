#include "indicators/case_context.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/model/name_normalizer.h"
#include "indicators/screening/case_screening.h"

namespace divrisk {

// One party's names, normalised at the first question about that party:
// names[alias + 1]; the tokens of name k are
// tokens[token_begin[k] .. token_begin[k + 1]).
struct CaseContext::PartyNames {
  bool done = false;
  std::vector<std::string> names;
  std::vector<std::string_view> tokens;
  std::vector<size_t> token_begin;
};

struct CaseContext::Derived {
  bool parties_sized = false;
  std::vector<PartyNames> parties;  // by who + 2

  bool goods_done = false;
  std::vector<std::string> goods_words;

  const screening::Screener* screened_with = nullptr;
  std::vector<screening::PartyFinding> findings;

  void Clear() {
    parties_sized = goods_done = false;
    screened_with = nullptr;
  }
};

CaseContext::CaseContext() = default;
CaseContext::CaseContext(const Case& c) : case_(&c) {}
CaseContext::~CaseContext() = default;
CaseContext::CaseContext(CaseContext&&) noexcept = default;
CaseContext& CaseContext::operator=(CaseContext&&) noexcept = default;

void CaseContext::Reset(const Case& c) {
  case_ = &c;
  if (derived_) derived_->Clear();
}

CaseContext::Derived& CaseContext::derived() const {
  if (!derived_) derived_ = std::make_unique<Derived>();
  return *derived_;
}

namespace {

const Party& PartyAt(const Case& c, int who) {
  if (who == kExporterParty) return c.exporter;
  if (who == kEndUserParty) return c.end_user;
  return c.parties[static_cast<size_t>(who)];
}

// Appends the distinct words of `name`, sorted, to *out.
void SplitTokens(std::string_view name, std::vector<std::string_view>* out) {
  const size_t begin = out->size();
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    out->push_back(name.substr(start, end - start));
    start = end + 1;
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(begin), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(begin),
                         out->end()),
             out->end());
}

}  // namespace

const CaseContext::PartyNames& CaseContext::NamesOf(int who) const {
  Derived& d = derived();
  const Case& c = *case_;
  if (!d.parties_sized) {
    d.parties.resize(c.parties.size() + 2);
    for (PartyNames& p : d.parties) p.done = false;
    d.parties_sized = true;
  }
  PartyNames& p = d.parties[static_cast<size_t>(who + 2)];
  if (!p.done) {
    const Party& party = PartyAt(c, who);
    p.names.resize(party.aliases.size() + 1);
    p.names[0] = NormalizeName(party.name);
    for (size_t k = 0; k < party.aliases.size(); ++k) {
      p.names[k + 1] = NormalizeName(party.aliases[k]);
    }
    // Views into the names, taken once no name moves any more.
    p.tokens.clear();
    p.token_begin.clear();
    for (const std::string& name : p.names) {
      p.token_begin.push_back(p.tokens.size());
      SplitTokens(name, &p.tokens);
    }
    p.token_begin.push_back(p.tokens.size());
    p.done = true;
  }
  return p;
}

const std::string& CaseContext::NormalizedName(int who, int alias) const {
  return NamesOf(who).names[static_cast<size_t>(alias + 1)];
}

std::span<const std::string_view> CaseContext::NameTokens(int who,
                                                          int alias) const {
  const PartyNames& p = NamesOf(who);
  const size_t k = static_cast<size_t>(alias + 1);
  return std::span<const std::string_view>(p.tokens).subspan(
      p.token_begin[k], p.token_begin[k + 1] - p.token_begin[k]);
}

const std::vector<std::string>& CaseContext::GoodsWords() const {
  Derived& d = derived();
  if (!d.goods_done) {
    std::string text;
    for (const GoodsLine& g : case_->goods) {
      absl::StrAppend(&text, g.description, " ", EnumWord(g.category), " ");
    }
    d.goods_words = SignificantWords(text);
    d.goods_done = true;
  }
  return d.goods_words;
}

const std::vector<screening::PartyFinding>& CaseContext::Findings(
    const screening::Screener& screener) const {
  Derived& d = derived();
  if (d.screened_with != &screener) {
    d.findings = screening::ScreenCase(screener, *case_);
    d.screened_with = &screener;
  }
  return d.findings;
}

std::vector<std::string> SignificantWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() > 3 && word.back() == 's') word.pop_back();
    if (word.size() > 2) words.push_back(word);
    word.clear();
  };
  for (char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || u >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace divrisk
