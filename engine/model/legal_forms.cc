// The legal-form, title and filler tables (legal_forms.h).

#include "engine/model/legal_forms.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace divrisk {
namespace {

// Legal forms, as tokens after steps 1-4 (so "S.A." is "sa", "ООО" is
// "ooo", "Sp. z o.o." is "sp z oo"). Documented in
// indicators/screening/README.md (step 5); keep in step.
constexpr std::string_view kLegalForms[] = {
    // English-speaking and international
    "co", "company", "corp", "corporation", "inc", "incorporated", "llc",
    "llp", "lllp", "lp", "ltd", "limited", "plc", "pte", "pty", "pvt",
    // Gulf free zones and others
    "fz", "fze", "fzc", "fzco", "fzllc", "wll", "spc", "sae", "sal",
    // German, Dutch, Nordic, Central Europe
    "ag", "gmbh", "mbh", "kg", "ohg", "se", "bv", "nv", "bvba", "cvba", "ab",
    "as", "asa", "aps", "oy", "oyj", "kft", "zrt", "nyrt", "sro", "doo",
    "ood", "eood", "aktiengesellschaft",
    // Romance languages, Latin America
    "sa", "sas", "sasu", "sarl", "eurl", "snc", "spa", "srl", "sl", "slu",
    "lda", "ltda", "cia", "cie", "sac", "saa", "sab", "sapi", "cv",
    // Russian and other post-Soviet (after transliteration)
    "ooo", "oao", "zao", "pao", "jsc", "ojsc", "cjsc", "pjsc", "tov", "pat",
    "prat",
    // South-East Asia
    "pt", "tbk", "bhd", "sdn",
};

constexpr std::string_view kLegalPhrases[] = {
    "limited liability company", "limited liability partnership",
    "limited partnership", "public limited company", "private limited company",
    "joint stock company", "open joint stock company",
    "closed joint stock company", "public joint stock company",
    "private joint stock company", "company limited", "co ltd", "pte ltd",
    "pvt ltd", "sdn bhd", "w l l", "a s", "sp z oo",
    "spolka z ograniczona odpowiedzialnoscia", "sa de cv", "s de rl de cv",
    "s de rl", "sociedad anonima", "sociedad limitada",
    "sociedad de responsabilidad limitada", "societe anonyme",
    "societe a responsabilite limitee", "sociedade anonima",
    "societa per azioni", "societa a responsabilita limitata",
    "gesellschaft mit beschrankter haftung",
    "societatea cu raspundere limitata",
    "obshchestvo s ogranichennoy otvetstvennostyu",
    "obshchestvo s ogranichennoi otvetstvennostiu",
    "aktsionernoe obshchestvo", "aktsionernoye obshchestvo",
    "otkrytoe aktsionernoe obshchestvo", "otkrytoye aktsionernoye obshchestvo",
    "zakrytoe aktsionernoe obshchestvo", "zakrytoye aktsionernoye obshchestvo",
    "publichnoe aktsionernoe obshchestvo",
    "publichnoye aktsionernoye obshchestvo",
    "tovarystvo z obmezhenoyu vidpovidalnistyu",
};

// Titles, honorifics, generational suffixes and filler words.
constexpr std::string_view kTitlesAndFillers[] = {
    "mr", "mrs", "ms", "mme", "mlle", "dr", "prof", "sir", "dame", "hon",
    "rev", "president", "praesident", "prasident", "jr", "sr", "the", "and",
    "of", "und", "et",
};

struct Tables {
  absl::flat_hash_set<std::string> words;   // legal forms, titles, fillers
  absl::flat_hash_set<std::string> titles;  // titles and fillers only
  std::vector<std::vector<std::string>> phrases;  // longest first
  // First word of a phrase -> indices into `phrases`, longest first.
  absl::flat_hash_map<std::string, std::vector<int>> by_first_word;
  Tables() {
    for (std::string_view w : kLegalForms) words.emplace(w);
    for (std::string_view w : kTitlesAndFillers) {
      words.emplace(w);
      titles.emplace(w);
    }
    for (std::string_view p : kLegalPhrases) {
      std::vector<std::string> words;
      for (size_t start = 0;;) {
        const size_t space = p.find(' ', start);
        words.emplace_back(p.substr(start, space == p.npos ? p.npos
                                                           : space - start));
        if (space == p.npos) break;
        start = space + 1;
      }
      phrases.push_back(std::move(words));
    }
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& a, const auto& b) {
                       return a.size() > b.size();
                     });
    for (int i = 0; i < static_cast<int>(phrases.size()); ++i) {
      by_first_word[phrases[i][0]].push_back(i);
    }
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

}  // namespace

bool IsLegalFormOrTitle(std::string_view token) {
  return GetTables().words.contains(std::string(token));
}

int StripLegalForms(std::vector<std::string>* tokens, bool titles_only) {
  const Tables& tables = GetTables();
  const auto& words = titles_only ? tables.titles : tables.words;
  std::vector<bool> drop(tokens->size(), false);
  size_t dropped = 0;
  for (size_t i = 0; i < tokens->size();) {
    size_t matched = 0;
    auto first = titles_only ? tables.by_first_word.end()
                             : tables.by_first_word.find((*tokens)[i]);
    if (first != tables.by_first_word.end()) {
      for (int index : first->second) {
        const auto& phrase = tables.phrases[static_cast<size_t>(index)];
        if (i + phrase.size() > tokens->size()) continue;
        bool ok = true;
        for (size_t k = 1; k < phrase.size() && ok; ++k) {
          ok = (*tokens)[i + k] == phrase[k];
        }
        if (ok) {
          matched = phrase.size();
          break;
        }
      }
    }
    if (matched == 0 && words.contains((*tokens)[i])) matched = 1;
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) drop[i + k] = true;
    dropped += matched;
    i += matched;
  }
  if (dropped == 0 || dropped == tokens->size()) return 0;
  std::vector<std::string> kept;
  kept.reserve(tokens->size() - dropped);
  for (size_t i = 0; i < tokens->size(); ++i) {
    if (!drop[i]) kept.push_back(std::move((*tokens)[i]));
  }
  *tokens = std::move(kept);
  return static_cast<int>(dropped);
}

}  // namespace divrisk
