// divrisk lists update against a local HTTP server on 127.0.0.1 (started by
// the test, no other network) serving copies of the real lists of
// shared/data/screening made in a temporary directory: every list
// installed with its manifest; a truncated download, a wrong content type,
// an HTTP error or a file that does not parse keeps the old lists; an
// update stopped midway leaves the old lists; a reader never sees a
// half-written list; the default rule set screens against the installed
// lists and every assessment says so, with a warning for a stale list.
// Skips when ../shared is absent, unless CI=true.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "engine/explain/assessment.h"
#include "engine/lists/lists_update.h"
#include "engine/lists/published_lists.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/text_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/canonical.h"
#include "rules/compiler.h"
#include "rules/installed_lists.h"

namespace divrisk::lists {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A tiny HTTP/1.1 server: one response per path, connection closed after
// each. A response may announce more bytes than it sends (a cut download).
class LocalServer {
 public:
  struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    size_t send = std::string::npos;  // bytes of the body actually sent
  };

  LocalServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 16) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.1";
      return;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~LocalServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }

  std::string base_url() const {
    return absl::StrCat("http://127.0.0.1:", port_);
  }
  void Set(const std::string& path, Response r) {
    std::lock_guard<std::mutex> lock(mu_);
    responses_[path] = std::move(r);
  }
  Response Get(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return responses_[path];
  }

 private:
  void Serve() {
    while (!stop_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) {
        if (stop_) return;
        continue;
      }
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      const size_t sp = request.find(' ');
      const size_t sp2 = request.find(' ', sp + 1);
      const std::string path = sp == std::string::npos || sp2 == std::string::npos
                                   ? "" : request.substr(sp + 1, sp2 - sp - 1);
      Response r;
      {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = responses_.find(path);
        if (it == responses_.end()) {
          r.status = 404;
          r.content_type = "text/plain";
          r.body = "not found";
        } else {
          r = it->second;
        }
      }
      std::string head = absl::StrCat(
          "HTTP/1.1 ", r.status, r.status == 200 ? " OK" : " Error",
          "\r\nContent-Length: ", r.body.size(), "\r\nConnection: close\r\n");
      if (!r.content_type.empty()) {
        absl::StrAppend(&head, "Content-Type: ", r.content_type, "\r\n");
      }
      head += "\r\n";
      const std::string out =
          head + r.body.substr(0, std::min(r.send, r.body.size()));
      size_t done = 0;
      while (done < out.size()) {
        const ssize_t n = ::send(c, out.data() + done, out.size() - done,
                                 MSG_NOSIGNAL);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
      }
      ::close(c);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::map<std::string, Response> responses_;
  std::thread thread_;
};

// The shared file each mirror path serves, and its content type.
struct Served {
  const char* mirror_path;
  const char* shared_file;
  const char* content_type;
};
constexpr Served kServed[] = {
    {"un/consolidated.xml", "un_sc_consolidated_2026-02-27.xml",
     "application/xml"},
    {"ofac/sdn.csv", "ofac_sdn_2022-01-31/sdn.csv", "text/csv"},
    {"ofac/add.csv", "ofac_sdn_2022-01-31/add.csv", "text/csv"},
    {"ofac/alt.csv", "ofac_sdn_2022-01-31/alt.csv", "text/csv"},
    {"ofac/cons_prim.csv", "ofac_nonsdn_2025-12-19/cons_prim.csv",
     "application/octet-stream"},
    {"ofac/cons_add.csv", "ofac_nonsdn_2025-12-19/cons_add.csv", "text/csv"},
    {"ofac/cons_alt.csv", "ofac_nonsdn_2025-12-19/cons_alt.csv", "text/csv"},
    {"bis/dpl.txt", "bis_dpl_2022-09.txt", "text/plain; charset=utf-8"},
    {"csl/consolidated.csv", "us_csl_sample_2019.csv", "text/csv"},
};
constexpr const char* kUnSha256 =
    "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ListsUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path shared = fs::path(DIVRISK_SHARED_DIR) / "data" / "screening";
    if (!fs::exists(shared / kServed[0].shared_file)) {
      const char* ci = std::getenv("CI");
      if (ci != nullptr && std::string(ci) == "true") {
        FAIL() << shared << " is missing (CI=true)";
      }
      GTEST_SKIP() << shared << " is absent";
    }
    work_ = fs::temp_directory_path() /
            absl::StrCat("divrisk-lists-test-", ::getpid(), "-",
                         ::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->name());
    fs::remove_all(work_);
    // Copies made at test time; the server serves the copies.
    for (const Served& s : kServed) {
      const fs::path copy = work_ / "mirror" / s.mirror_path;
      fs::create_directories(copy.parent_path());
      fs::copy_file(shared / s.shared_file, copy);
      server_.Set(absl::StrCat("/", s.mirror_path),
                  {200, s.content_type, Slurp(copy)});
    }
    dir_ = (work_ / "lists").string();
  }
  void TearDown() override {
    if (!work_.empty()) fs::remove_all(work_);
  }

  UpdateReport Update(std::vector<std::string> only = {},
                      std::function<absl::Status(std::string_view)> hook = {}) {
    UpdateOptions o;
    o.dir = dir_;
    o.base_url = server_.base_url();
    o.only = std::move(only);
    o.test_hook = std::move(hook);
    absl::StatusOr<UpdateReport> r = UpdateLists(o);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : UpdateReport{};
  }
  ListsManifest Manifest() {
    auto m = ReadListsManifest(dir_);
    EXPECT_TRUE(m.ok()) << m.status();
    EXPECT_TRUE(m.ok() && m->has_value());
    return m.ok() && m->has_value() ? **m : ListsManifest{};
  }
  // Every file the manifest names is there with its SHA-256.
  void ExpectIntact(const ListsManifest& m) {
    for (const InstalledList& l : m.lists) {
      for (const InstalledFile& f : l.files) {
        absl::StatusOr<std::string> bytes =
            ReadFileToString(m.PathOf(dir_, f), kMaxInstalledListBytes);
        ASSERT_TRUE(bytes.ok()) << bytes.status();
        EXPECT_EQ(Sha256Hex(*bytes), f.sha256) << f.name;
      }
    }
  }
  // Entries of the DIR other than the manifest, lock and generations.
  std::vector<std::string> Leftovers() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      const std::string n = e.path().filename().string();
      if (n != "manifest.json" && n != ".lock" && !n.starts_with("gen-")) {
        out.push_back(n);
      }
    }
    return out;
  }

  LocalServer server_;
  fs::path work_;
  std::string dir_;
};

TEST_F(ListsUpdateTest, InstallsEveryListWithItsManifest) {
  const UpdateReport r = Update();
  ASSERT_EQ(r.lists.size(), 5u);
  EXPECT_TRUE(r.all_updated());
  EXPECT_TRUE(r.manifest_written);
  const ListsManifest m = Manifest();
  ASSERT_EQ(m.lists.size(), 5u);
  const InstalledList* un = m.Find("UN-SC");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->files[0].sha256, kUnSha256);
  EXPECT_EQ(un->files[0].url, server_.base_url() + "/un/consolidated.xml");
  EXPECT_EQ(un->as_of_from, "file");  // dateGenerated
  EXPECT_EQ(FormatDate(*un->as_of), "2026-02-27");
  EXPECT_EQ(un->entries, 1003u);      // 730 individuals, 273 entities
  EXPECT_THAT(un->retrieved_at, ::testing::EndsWith("Z"));
  const InstalledList* sdn = m.Find("OFAC-SDN");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ(sdn->files.size(), 3u);
  EXPECT_EQ(sdn->entries, 9044u);
  // No date in the file and no Last-Modified from this server.
  EXPECT_EQ(sdn->as_of_from, "retrieved");
  EXPECT_EQ(m.Find("BIS-DPL")->entries, 581u);
  EXPECT_EQ(m.Find("US-CSL")->entries, 115u);
  ExpectIntact(m);
  EXPECT_THAT(Leftovers(), ::testing::IsEmpty());

  const StatusReport status = ListsStatus(dir_, *un->as_of, 7);
  EXPECT_TRUE(status.installed);
  EXPECT_TRUE(status.intact);
  EXPECT_THAT(status.text, HasSubstr("UN-SC"));
  EXPECT_THAT(status.text, HasSubstr("as of 2026-02-27 (from file; 0 days old)"));
  EXPECT_TRUE(ListsStatus(dir_, Date{un->as_of->days + 8}, 7).stale);
}

TEST_F(ListsUpdateTest, StatusSaysWhenNothingIsInstalled) {
  const StatusReport status = ListsStatus(dir_, TodayUtc());
  EXPECT_FALSE(status.installed);
  EXPECT_THAT(status.text, HasSubstr("divrisk lists update"));
}

// Each bad response to the UN list, with the old lists installed.
struct BadResponse {
  const char* name;
  LocalServer::Response (*make)(const std::string& good);
  const char* error;
};

const BadResponse kBad[] = {
    {"truncated",
     [](const std::string& good) {
       return LocalServer::Response{200, "application/xml", good,
                                    good.size() / 2};
     },
     "truncated"},
    {"wrong_content_type",
     [](const std::string& good) {
       return LocalServer::Response{200, "text/html", good};
     },
     "unexpected content type 'text/html'"},
    {"http_error",
     [](const std::string&) {
       return LocalServer::Response{503, "text/plain", "down for maintenance"};
     },
     "HTTP status 503"},
    {"does_not_parse",
     [](const std::string& good) {
       return LocalServer::Response{200, "application/xml",
                                    good.substr(0, good.size() - 100)};
     },
     "does not parse as un_xml"},
    {"not_the_list",
     [](const std::string&) {
       return LocalServer::Response{200, "application/xml",
                                    "<?xml version=\"1.0\"?><html/>"};
     },
     "not a UN consolidated list"},
    {"empty",
     [](const std::string&) {
       return LocalServer::Response{200, "application/xml", ""};
     },
     "empty file"},
};

TEST_F(ListsUpdateTest, ABadDownloadLeavesTheOldListsInPlace) {
  Update();
  const std::string manifest_path = dir_ + "/manifest.json";
  const LocalServer::Response good = server_.Get("/un/consolidated.xml");
  for (const BadResponse& bad : kBad) {
    SCOPED_TRACE(bad.name);
    const std::string before = Slurp(manifest_path);
    server_.Set("/un/consolidated.xml", bad.make(good.body));
    // Only the UN list: it fails, so nothing in DIR changes at all.
    UpdateReport r = Update({"UN-SC"});
    ASSERT_EQ(r.lists.size(), 1u);
    EXPECT_FALSE(r.lists[0].updated);
    EXPECT_TRUE(r.lists[0].kept_previous);
    EXPECT_THAT(r.lists[0].error, HasSubstr(bad.error));
    EXPECT_FALSE(r.manifest_written);
    EXPECT_EQ(Slurp(manifest_path), before);
    ExpectIntact(Manifest());
    EXPECT_THAT(Leftovers(), ::testing::IsEmpty());

    // All lists: the others are updated, the UN list stays as it was.
    r = Update();
    EXPECT_TRUE(r.manifest_written);
    EXPECT_FALSE(r.all_updated());
    const ListsManifest m = Manifest();
    ASSERT_EQ(m.lists.size(), 5u);
    EXPECT_EQ(m.Find("UN-SC")->files[0].sha256, kUnSha256);
    EXPECT_EQ(FormatDate(*m.Find("UN-SC")->as_of), "2026-02-27");
    ExpectIntact(m);
    server_.Set("/un/consolidated.xml", good);
  }
}

TEST_F(ListsUpdateTest, AFirstUpdateThatFailsEverywhereWritesNothing) {
  server_.Set("/bis/dpl.txt", {200, "text/html", "<html>moved</html>"});
  const UpdateReport r = Update({"BIS-DPL"});
  EXPECT_FALSE(r.manifest_written);
  EXPECT_FALSE(r.lists[0].kept_previous);
  EXPECT_FALSE(fs::exists(dir_ + "/manifest.json"));
  EXPECT_THAT(Leftovers(), ::testing::IsEmpty());
  // Nothing installed: the rule set screens against its own parties.
  absl::StatusOr<std::unique_ptr<const Plan>> plan = CompileRuleSetDir(
      std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default",
      CompileOptions{.lists_dir = dir_});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_FALSE((*plan)->screening.published());
}

TEST_F(ListsUpdateTest, AnUpdateStoppedBeforeTheManifestLeavesTheOldLists) {
  Update();
  const std::string before = Slurp(dir_ + "/manifest.json");
  UpdateOptions o;
  o.dir = dir_;
  o.base_url = server_.base_url();
  o.test_hook = [](std::string_view stage) {
    return stage == "staged" ? absl::AbortedError("killed") : absl::OkStatus();
  };
  EXPECT_FALSE(UpdateLists(o).ok());
  EXPECT_EQ(Slurp(dir_ + "/manifest.json"), before);
  ExpectIntact(Manifest());
  // The next update removes the orphaned generation.
  Update();
  size_t generations = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    generations += e.path().filename().string().starts_with("gen-");
  }
  EXPECT_LE(generations, 2u);  // the new one and the one before it
  ExpectIntact(Manifest());
}

TEST_F(ListsUpdateTest, AReaderNeverSeesAHalfWrittenList) {
  Update();
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, failures{0};
  std::thread reader([&] {
    while (!done) {
      auto m = ReadListsManifest(dir_);
      if (!m.ok() || !m->has_value()) {
        ++failures;
        continue;
      }
      for (const InstalledList& l : (*m)->lists) {
        for (const InstalledFile& f : l.files) {
          auto bytes = ReadFileToString((*m)->PathOf(dir_, f),
                                        kMaxInstalledListBytes);
          if (!bytes.ok() || Sha256Hex(*bytes) != f.sha256) ++failures;
        }
      }
      ++reads;
    }
  });
  for (int i = 0; i < 3; ++i) Update();
  done = true;
  reader.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(failures.load(), 0);
}

// The default rule set with the installed lists: a UN-listed entity that
// the rule set's own parties do not name is found, and every assessment
// names the lists, with a warning when one is stale on assessed_on.
TEST_F(ListsUpdateTest, TheDefaultRuleSetScreensAgainstTheInstalledLists) {
  Update();
  const std::string rules =
      std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";
  auto with = CompileRuleSetDir(rules, CompileOptions{.lists_dir = dir_});
  ASSERT_TRUE(with.ok()) << with.status();
  auto without = CompileRuleSetDir(rules);
  ASSERT_TRUE(without.ok()) << without.status();
  const Plan& plan = **with;
  ASSERT_EQ(plan.screening.lists.size(), 5u);
  EXPECT_EQ(plan.screening.lists[0].id, "UN-SC");
  EXPECT_EQ(plan.screening.lists[0].origin, "installed");
  EXPECT_EQ(plan.screening.lists[0].sha256[0], kUnSha256);
  EXPECT_EQ(plan.screening.lists[0].entries, 1003u);
  // The lists are part of the rule set's identity.
  EXPECT_NE(plan.sha256, (*without)->sha256);

  std::string text = Slurp(std::string(DIVRISK_SOURCE_DIR) +
                           "/examples/g2g-artillery-ammunition-estonia.yaml");
  const std::string name = "Baltic Link Ro-Ro AS";
  ASSERT_NE(text.find(name), std::string::npos);
  for (size_t at; (at = text.find(name)) != std::string::npos;) {
    text.replace(at, name.size(), "Al Wasel and Babel General Trading LLC");
  }
  auto assess = [&](const Plan& p, std::string* json, std::string* txt) {
    absl::StatusOr<Case> c =
        ReadCaseText(text, CaseSyntax::kYaml, "case.yaml", *p.reference);
    ASSERT_TRUE(c.ok()) << c.status();
    Executor executor(p);
    BatchScores scores;
    executor.Score(std::span<const Case>(&*c, 1), &scores);
    const Assessment a = Explain(p, *c, scores, 0);
    AppendAssessmentJson(p, a, json);
    AppendAssessmentText(p, a, txt);
  };
  std::string json, txt, json0, txt0;
  assess(plan, &json, &txt);
  assess(**without, &json0, &txt0);
  EXPECT_THAT(json, HasSubstr("\"recommendation\":\"refuse\""));
  EXPECT_THAT(json, HasSubstr("ref.lists[UN-SC:"));
  EXPECT_THAT(json0, ::testing::Not(HasSubstr("\"recommendation\":\"refuse\"")));

  // assessed_on 2026-04-09, the UN list as of 2026-02-27: 41 days old.
  EXPECT_THAT(json, HasSubstr("\"coverage\":\"published_lists\""));
  EXPECT_THAT(json, HasSubstr("{\"id\":\"UN-SC\",\"title\":\"UN Security "
                              "Council consolidated list\",\"origin\":"
                              "\"installed\",\"as_of\":\"2026-02-27\","
                              "\"age_days\":41,\"stale\":true,\"sha256\":[\"" +
                              std::string(kUnSha256) + "\"],\"entries\":1003}"));
  EXPECT_THAT(json, HasSubstr("UN-SC is 41 days old on 2026-04-09"));
  EXPECT_THAT(txt, HasSubstr("Screening: UN-SC as of 2026-02-27 (1003 entries), "));
  EXPECT_THAT(txt, HasSubstr("Warning: UN-SC is 41 days old on 2026-04-09"));

  EXPECT_THAT(json0, HasSubstr("\"coverage\":\"own_parties_only\""));
  EXPECT_THAT(json0, HasSubstr("screening covered only the rule set's own"));
  EXPECT_THAT(txt0, HasSubstr("Screening: covered only the rule set's own"));

  // A file changed after the update is refused, never read.
  const ListsManifest m = Manifest();
  const fs::path un = m.PathOf(dir_, m.Find("UN-SC")->files[0]);
  fs::remove(un);
  std::ofstream(un) << "<CONSOLIDATED_LIST/>";
  auto damaged = CompileRuleSetDir(rules, CompileOptions{.lists_dir = dir_});
  ASSERT_FALSE(damaged.ok());
  EXPECT_THAT(damaged.status().message(), HasSubstr("not the manifest's"));
}

TEST(PublishedListsTest, OfficialUrlsAndMirrorPaths) {
  ASSERT_EQ(PublishedLists().size(), 5u);
  const PublishedList* un = FindPublishedList("UN-SC");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(SourceUrl(un->files[0], ""),
            "https://scsanctions.un.org/resources/xml/en/consolidated.xml");
  EXPECT_EQ(SourceUrl(un->files[0], "http://127.0.0.1:1/m/"),
            "http://127.0.0.1:1/m/un/consolidated.xml");
  for (const PublishedList& l : PublishedLists()) {
    for (const PublishedFile& f : l.files) {
      EXPECT_THAT(f.official_url, ::testing::StartsWith("https://"));
    }
  }
  using screening::ListFormat;
  EXPECT_TRUE(AcceptableContentType(ListFormat::kUnXml, "text/xml; charset=utf-8"));
  EXPECT_FALSE(AcceptableContentType(ListFormat::kUnXml, "text/html"));
  EXPECT_FALSE(AcceptableContentType(ListFormat::kOfacCsv, "TEXT/HTML"));
  EXPECT_FALSE(AcceptableContentType(ListFormat::kBisDpl, ""));
  EXPECT_TRUE(AcceptableContentType(ListFormat::kUsCsl, "text/csv"));
}

}  // namespace
}  // namespace divrisk::lists
