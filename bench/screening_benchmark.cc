// Screening throughput: 1 million generated party names against all the
// lists of shared/data/screening loaded together, and the time to build the
// candidate index.
//
//   screening_benchmark [--benchmark_filter=...]
//
// The lists are read from $DIVRISK_SCREENING_DATA, else from the shared
// directory next to the repository (../shared/data/screening); without them
// the benchmarks are skipped with an error.
//
// The party names are generated (fixed seed): 44% persons (given names,
// sometimes a middle name, surnames from many languages), 44% companies (a
// coined brand word or a surname, trade words, a legal form), 10% names
// taken from the lists with a typo, a reordering or a dropped token (so that
// the matching path is exercised), 2% in Cyrillic, Arabic or Chinese script.
// BM_Screen reports names per second in total and per thread, on wall time
// and on each thread's CPU time.

#include <benchmark/benchmark.h>

#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "indicators/screening/eval/shared_data.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {
namespace {

constexpr size_t kNames = 1'000'000;

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::string DataDir() {
  if (const char* env = std::getenv("DIVRISK_SCREENING_DATA")) return env;
  return std::string(DIVRISK_SHARED_DIR) + "/data/screening";
}

// All lists, loaded once; null when the data is absent.
const ListSet* Lists() {
  static const ListSet* lists = []() -> const ListSet* {
    const std::string dir = DataDir();
    if (!std::filesystem::exists(dir)) return nullptr;
    auto* set = new ListSet();
    for (const ListSpec& spec : SharedDataLists(dir)) {
      if (!LoadList(spec, set).ok()) return nullptr;
    }
    return set;
  }();
  return lists;
}

const Screener* SharedScreener() {
  static const Screener* screener = []() -> const Screener* {
    const ListSet* lists = Lists();
    return lists == nullptr ? nullptr : new Screener(*lists);
  }();
  return screener;
}

constexpr const char* kGiven[] = {
    "James", "Maria", "Mohammed", "Fatima", "Wei", "Olga", "Ivan", "Aisha",
    "Carlos", "Ana", "Hiroshi", "Yuki", "Pierre", "Chloe", "Hans", "Greta",
    "Ahmed", "Leila", "Dmitri", "Svetlana", "Kwame", "Amara", "Raj", "Priya",
    "Jorge", "Lucia", "Omar", "Nadia", "Li", "Mei", "Tomasz", "Agnieszka",
    "Emeka", "Ngozi", "Sven", "Ingrid", "Mehmet", "Elif", "Andrei", "Irina",
    "Juan", "Sofia", "Kofi", "Zainab", "Arjun", "Ananya", "Thabo", "Naledi",
    "Lars", "Freya", "Yusuf", "Mariam", "Pedro", "Camila", "Sergei", "Natalia"};
constexpr const char* kSurnames[] = {
    "Smith", "Garcia", "Khan", "Ivanov", "Wang", "Muller", "Rossi", "Haddad",
    "Nguyen", "Kowalski", "Petrov", "Silva", "Tanaka", "Okafor", "Jensen",
    "Novak", "Rahman", "Lopez", "Dubois", "Schmidt", "Yilmaz", "Mensah",
    "Patel", "Sharma", "Kim", "Santos", "Moreau", "Andersson", "Nowak",
    "Horvat", "Popescu", "Kuznetsov", "Abdullah", "Osei", "Mbeki", "Ferrari",
    "Costa", "Fischer", "Weber", "Chen", "Zhang", "Singh", "Gonzalez",
    "Hernandez", "Almeida", "Papadopoulos", "Nielsen", "Virtanen", "Novotny",
    "Szabo", "Balogun", "Eze", "Kariuki", "Odhiambo", "Mahlangu", "Dlamini",
    "Vasquez", "Romero", "Takahashi", "Suzuki", "Park", "Choi", "Tran"};
constexpr const char* kSyllables[] = {
    "ka", "ro", "vel", "tan", "mir", "sol", "dex", "lin", "tor", "ba", "zen",
    "qua", "ri", "mo", "ster", "na", "lux", "fer", "gal", "vo", "tek", "sa",
    "nor", "ix", "ar", "do", "pel", "cor", "ven", "tri", "al", "mar"};
constexpr const char* kTradeWords[] = {
    "Trading", "Logistics", "Shipping", "Industries", "Holdings", "Aviation",
    "Defence", "Systems", "Marine", "Export", "Technical", "Services",
    "International", "Supply", "Engineering", "Security", "Solutions",
    "Group", "Global", "Freight", "Cargo", "Import", "Technologies",
    "Electronics", "Precision", "Components", "Energy", "Resources",
    "Consulting", "Investments", "Partners", "Enterprises", "Maritime"};
constexpr const char* kLegalForms[] = {
    "LLC", "Ltd", "Limited", "FZE", "FZCO", "GmbH", "SA", "S.A.", "Co., Ltd",
    "JSC", "OOO", "Inc.", "Corp.", "BV", "SARL", "Pte Ltd", "PLC", "AG", "",
    ""};
constexpr const char* kOtherScripts[] = {
    "Иван Петров", "ООО Восток Логистик", "Сергей Кузнецов",
    "Ольга Смирнова", "محمد الحسن", "شركة النور للتجارة", "علي رضا",
    "李伟", "王芳", "张伟贸易有限公司", "Αλέξανδρος Παπαδόπουλος"};

template <size_t N>
const char* Pick(const char* const (&pool)[N], std::mt19937_64& rng) {
  return pool[rng() % N];
}

std::string Brand(std::mt19937_64& rng) {
  std::string word;
  const int syllables = 2 + static_cast<int>(rng() % 2);
  for (int i = 0; i < syllables; ++i) word += Pick(kSyllables, rng);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// A listed name, changed the way a party's paperwork changes it.
std::string Variant(const std::string& name, std::mt19937_64& rng) {
  std::string out = name;
  switch (rng() % 3) {
    case 0:  // a typo
      if (out.size() > 4) {
        const size_t i = 1 + rng() % (out.size() - 2);
        out[i] = static_cast<char>('a' + rng() % 26);
      }
      break;
    case 1: {  // first word last
      const size_t space = out.find(' ');
      if (space != std::string::npos) {
        out = out.substr(space + 1) + " " + out.substr(0, space);
      }
      break;
    }
    default: {  // last word dropped
      const size_t space = out.rfind(' ');
      if (space != std::string::npos && space > 3) out.resize(space);
      break;
    }
  }
  return out;
}

const std::vector<std::string>& GeneratedNames() {
  static const std::vector<std::string>* names = [] {
    auto* out = new std::vector<std::string>();
    out->reserve(kNames);
    std::mt19937_64 rng(20261127);
    const ListSet* lists = Lists();
    for (size_t i = 0; i < kNames; ++i) {
      const uint64_t r = rng() % 100;
      std::string name;
      if (r < 44) {
        name = Pick(kGiven, rng);
        if (rng() % 4 == 0) name += std::string(" ") + Pick(kGiven, rng);
        name += std::string(" ") + Pick(kSurnames, rng);
        if (rng() % 5 == 0) name += std::string("-") + Pick(kSurnames, rng);
      } else if (r < 88) {
        name = rng() % 3 == 0 ? Pick(kSurnames, rng) : Brand(rng);
        const int words = 1 + static_cast<int>(rng() % 2);
        for (int w = 0; w < words; ++w) {
          name += std::string(" ") + Pick(kTradeWords, rng);
        }
        const char* form = Pick(kLegalForms, rng);
        if (*form) name += std::string(" ") + form;
      } else if (r < 98 && lists != nullptr && !lists->entries.empty()) {
        const ListEntry& e = lists->entries[rng() % lists->entries.size()];
        name = Variant(e.names[rng() % e.names.size()].text, rng);
      } else {
        name = Pick(kOtherScripts, rng);
      }
      out->push_back(std::move(name));
    }
    return out;
  }();
  return *names;
}

void BM_BuildIndex(benchmark::State& state) {
  const ListSet* lists = Lists();
  if (lists == nullptr) {
    state.SkipWithError(("screening data not found in " + DataDir()).c_str());
    return;
  }
  size_t names = 0;
  for (auto _ : state) {
    Screener screener(*lists);  // copies the lists, then indexes them
    names = screener.indexed_names();
    benchmark::DoNotOptimize(names);
  }
  state.counters["entries"] = static_cast<double>(lists->entries.size());
  state.counters["indexed_names"] = static_cast<double>(names);
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

// Each thread screens its share of the million names, one party at a time.
void BM_Screen(benchmark::State& state) {
  const Screener* screener = SharedScreener();
  if (screener == nullptr) {
    state.SkipWithError(("screening data not found in " + DataDir()).c_str());
    return;
  }
  const std::vector<std::string>& names = GeneratedNames();
  const size_t threads = static_cast<size_t>(state.threads());
  const size_t me = static_cast<size_t>(state.thread_index());
  size_t screened = 0, matched = 0;
  ScreeningQuery query;
  query.names.resize(1);
  const double cpu_start = ThreadCpuSeconds();
  for (auto _ : state) {
    for (size_t i = me; i < names.size(); i += threads) {
      query.names[0] = names[i];
      matched += screener->ScreenUncached(query).empty() ? 0 : 1;
      ++screened;
    }
  }
  const double cpu = ThreadCpuSeconds() - cpu_start;
  state.SetItemsProcessed(static_cast<int64_t>(screened));
  // Per thread, on the thread's own CPU time: what one core screens, even
  // on a machine busy with other work.
  state.counters["names_per_cpu_second_per_thread"] = benchmark::Counter(
      static_cast<double>(screened) / cpu, benchmark::Counter::kAvgThreads);
  state.counters["names_per_second_per_thread"] = benchmark::Counter(
      static_cast<double>(screened),
      benchmark::Counter::kIsRate | benchmark::Counter::kAvgThreads);
  state.counters["matched_fraction"] = benchmark::Counter(
      static_cast<double>(matched) / static_cast<double>(screened),
      benchmark::Counter::kAvgThreads);
}
BENCHMARK(BM_Screen)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// The largest legal case file's names (16 MiB: 256 strings of 64 KiB, the
// shapes of tests/indicators/screening/linear_cost_test.cc) screened as the
// aliases of 8 parties; reports the counted work per byte beside the time.
void BM_LargestCase(benchmark::State& state) {
  const Screener* screener = SharedScreener();
  if (screener == nullptr) {
    state.SkipWithError(("screening data not found in " + DataDir()).c_str());
    return;
  }
  constexpr size_t kString = 64 * 1024, kStrings = 256;
  std::mt19937_64 rng(14);
  std::vector<ScreeningQuery> parties(8);
  size_t bytes = 0;
  for (size_t i = 0; i < kStrings; ++i) {
    std::string s;
    const int shape = static_cast<int>(i % 8);
    while (s.size() + 24 <= kString) {
      const char letter = static_cast<char>('a' + rng() % 26);
      switch (shape) {
        case 0: s.push_back(letter); break;
        case 1: s += "ab"; s.push_back(letter); s += ' '; break;
        case 2: s.push_back(letter); s.push_back('7'); break;
        case 3: s += "\u91d1"; break;
        case 4: s += "\u0430"; s.push_back(letter); break;
        case 5: s.push_back(letter); s += "\u200b"; break;
        case 6: s += "mohammed "; break;
        default: s += "Leader International "; break;
      }
    }
    bytes += s.size();
    parties[i % 8].names.push_back(std::move(s));
  }
  uint64_t work = 0;
  for (auto _ : state) {
    const uint64_t before = ScreeningWork();
    for (const ScreeningQuery& q : parties) {
      benchmark::DoNotOptimize(screener->ScreenUncached(q));
    }
    work = ScreeningWork() - before;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["work_per_byte"] =
      static_cast<double>(work) / static_cast<double>(bytes);
}
BENCHMARK(BM_LargestCase)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace divrisk::screening

BENCHMARK_MAIN();
