// `hallsim check`, `hallsim egress` and `hallsim render` run as a user runs them: the real
// program in a shell, its standard output and error read apart, its exit code and the files it
// leaves behind.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kSource = HALLSIM_SOURCE_DIR;
const std::string kTownCenter = kSource + "/floorplans/town-center.json";
// Built to fail: the waiting room's only way out is a corridor 1.00 m clear (GB 50016 5.5.18
// asks 1.10 m); valid as a plan.
const std::string kNarrow =
    std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/corridor-narrow.json";
// Broken: an amenity's id has a space in it.
const std::string kBroken = std::string(HALLSIM_TEST_DATA_DIR) + "/plans/broken/bad-id.json";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Ran {
  int code = -1;
  std::string out;
  std::string err;
};

class AnalysisCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hallsim-analysis-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `hallsim <args>` through the shell, stdout and stderr to files of their own.
  Ran run(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = std::string("'") + HALLSIM_EXE + "' " + args + " >'" + out.string() +
                            "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Ran r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read(out);
    r.err = read(err);
    return r;
  }

  static std::string quoted(const std::string& path) { return "'" + path + "'"; }

  fs::path dir_;
};

// The one-decimal figure the text prints for a JSON number.
std::string one_decimal(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << v;
  return s.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---- hallsim check -------------------------------------------------------------------------

TEST_F(AnalysisCli, CheckPassesTheSampleTownCenterWithExitZero) {
  const Ran r = run("check " + quoted(kTownCenter));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(has(r.out, "Result: no \"shall\" clause fails")) << r.out;
  // The egress item is decided by the route analysis, with the town center's four exits.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("PASS +4\\.4\\.1\\.2 c ")));
  EXPECT_TRUE(has(r.out, "narrowest way out of an occupied zone")) << r.out;
}

TEST_F(AnalysisCli, CheckFailsAPlanBuiltToFailWithExitOneAndTheNarrowCorridor) {
  const Ran r = run("check " + quoted(kNarrow));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("FAIL +4\\.4\\.1\\.2 c ")));
  EXPECT_TRUE(has(r.out, "[NOT MET] w-store and outline: route_width (GB 50016-2014 5.5.18)"))
      << r.out;
}

TEST_F(AnalysisCli, CheckOfABrokenPlanExitsTwoWithFileAndPointerOnStderr) {
  for (const char* format : {"text", "json", "markdown"}) {
    const Ran r = run("check " + quoted(kBroken) + " --format " + format);
    EXPECT_EQ(r.code, 2) << format;
    EXPECT_TRUE(r.out.empty()) << format << ": " << r.out;
    EXPECT_TRUE(has(r.err, kBroken + ":/amenities/0/id: error:")) << r.err;
  }
}

TEST_F(AnalysisCli, CheckJsonHoldsWhatTheTextShows) {
  const Ran text = run("check " + quoted(kNarrow));
  const Ran json = run("check " + quoted(kNarrow) + " --format json");
  ASSERT_EQ(json.code, 1);
  const nlohmann::json j = nlohmann::json::parse(json.out);
  const nlohmann::json& s = j.at("summary");
  const std::string summary = "Summary: " + std::to_string(s.at("pass").get<int>()) + " pass, " +
                              std::to_string(s.at("fail").get<int>()) + " fail, " +
                              std::to_string(s.at("warn").get<int>()) + " warn, " +
                              std::to_string(s.at("manual").get<int>()) + " manual, " +
                              std::to_string(s.at("not_applicable").get<int>()) + " n/a";
  EXPECT_TRUE(has(text.out, summary)) << summary;
  EXPECT_TRUE(s.at("shall_failed").get<bool>());
  bool found = false;
  for (const nlohmann::json& c : j.at("clauses")) {
    if (c.at("id") != "4.4.1.2 c") continue;
    EXPECT_EQ(c.at("status"), "fail");
    for (const nlohmann::json& e : c.at("evidence")) {
      if (e.at("subject") != "route_width (GB 50016-2014 5.5.18)") continue;
      found = true;
      EXPECT_EQ(e.at("outcome"), "not_met");
      EXPECT_NEAR(e.at("value").get<double>(), 1.00, 1e-6);
      // The text prints the same sentence.
      EXPECT_TRUE(has(text.out, e.at("measured").get<std::string>()));
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(AnalysisCli, CheckTwiceGivesTheSameBytes) {
  const Ran a = run("check " + quoted(kTownCenter) + " --format json");
  const Ran b = run("check " + quoted(kTownCenter) + " --format json");
  ASSERT_EQ(a.code, 0);
  EXPECT_EQ(a.out, b.out);
}

// ---- hallsim egress ------------------------------------------------------------------------

TEST_F(AnalysisCli, EgressPassesTheSampleTownCenterWithAnyOneExitBlocked) {
  const Ran r = run("egress " + quoted(kTownCenter));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(has(r.out, ": egress passes")) << r.out;
  // Four exits, each blocked in turn, none leaving a point beyond 37.5 m (sprinklers).
  const std::regex blocked(R"(  (\S+) blocked: farthest walk ([0-9.]+) m)");
  int count = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), blocked);
       it != std::sregex_iterator(); ++it) {
    ++count;
    EXPECT_LE(std::stod((*it)[2]), 37.5) << (*it)[1];
  }
  EXPECT_EQ(count, 4);
  EXPECT_FALSE(has(r.out, "blocked, the point")) << r.out;  // no blocked-exit warning
}

TEST_F(AnalysisCli, EgressFailsAPlanBuiltToFailWithExitOne) {
  const Ran r = run("egress " + quoted(kNarrow));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(has(r.out, ": egress FAILS")) << r.out;
  EXPECT_TRUE(has(r.out, "failure [GB 50016-2014 5.5.18] the widest way out of zone z-wait"))
      << r.out;
  EXPECT_TRUE(has(r.out, "narrows to 1.00 m")) << r.out;
}

TEST_F(AnalysisCli, EgressOfABrokenPlanExitsTwoWithFileAndPointerOnStderr) {
  for (const char* format : {"text", "json"}) {
    const Ran r = run("egress " + quoted(kBroken) + " --format " + format);
    EXPECT_EQ(r.code, 2) << format;
    EXPECT_TRUE(r.out.empty()) << format << ": " << r.out;
    EXPECT_TRUE(has(r.err, kBroken + ":/amenities/0/id: error:")) << r.err;
  }
}

TEST_F(AnalysisCli, EgressJsonHoldsTheFiguresTheTextShows) {
  for (const std::string& plan : {kTownCenter, kNarrow}) {
    const Ran text = run("egress " + quoted(plan));
    const Ran json = run("egress " + quoted(plan) + " --format json");
    EXPECT_EQ(text.code, json.code) << plan;
    const nlohmann::json j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j.at("passes").get<bool>(), text.code == 0) << plan;
    // The farthest walk: distance, start and exit.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        text.out, m,
        std::regex(
            R"(farthest walk to an exit: ([0-9.]+) m from \(([-0-9.]+), ([-0-9.]+)\) to (\S+))")))
        << text.out;
    const nlohmann::json& far = j.at("farthest");
    EXPECT_EQ(m[1].str(), one_decimal(far.at("distance").get<double>())) << plan;
    EXPECT_NEAR(std::stod(m[2]), far.at("from")[0].get<double>(), 0.005) << plan;
    EXPECT_NEAR(std::stod(m[3]), far.at("from")[1].get<double>(), 0.005) << plan;
    EXPECT_EQ(m[4].str(), far.at("exit").get<std::string>()) << plan;
    // The worst blocked exit and its walk.
    if (!j.at("worst_blocked").is_null()) {
      const std::string worst = j.at("worst_blocked").get<std::string>();
      for (const nlohmann::json& b : j.at("blocked")) {
        if (b.at("exit") != worst) continue;
        EXPECT_TRUE(has(text.out, "  " + worst + " blocked: farthest walk " +
                                      one_decimal(b.at("farthest").at("distance").get<double>()) +
                                      " m"))
            << worst;
      }
      EXPECT_TRUE(
          std::regex_search(text.out, std::regex("  " + worst + " blocked: .*\\(worst case\\)")));
    }
    // The narrowest way out: the smallest width of the routes, its zone and exit. The corridor
    // plan is built with a 1.00 m corridor on its only way out.
    const nlohmann::json* narrowest = nullptr;
    for (const nlohmann::json& w : j.at("routes")) {
      if (narrowest == nullptr ||
          w.at("narrowest_width").get<double>() < narrowest->at("narrowest_width").get<double>()) {
        narrowest = &w;
      }
    }
    ASSERT_NE(narrowest, nullptr) << plan;
    ASSERT_TRUE(std::regex_search(
        text.out, m,
        std::regex(
            R"(narrowest way out: ([0-9.]+) m \(limit ([0-9.]+) m\) from (\S+) to (\S+) at)")))
        << text.out;
    EXPECT_NEAR(std::stod(m[1]), narrowest->at("narrowest_width").get<double>(), 0.005) << plan;
    EXPECT_NEAR(std::stod(m[2]), 1.10, 1e-9) << plan;
    EXPECT_EQ(m[3].str(), narrowest->at("zone").get<std::string>()) << plan;
    EXPECT_EQ(m[4].str(), narrowest->at("exit").get<std::string>()) << plan;
    if (plan == kNarrow) {
      EXPECT_NEAR(narrowest->at("narrowest_width").get<double>(), 1.00, 0.05);
    }
    // Exits are always held to open outward.
    for (const nlohmann::json& d : j.at("doors")) {
      if (d.at("exit").get<bool>()) {
        EXPECT_TRUE(d.at("held").get<bool>()) << d.dump();
      }
    }
    // Every finding, with its severity, clause and sentence.
    for (const nlohmann::json& f : j.at("findings")) {
      const std::string line = "  " + f.at("severity").get<std::string>() + " [" +
                               f.at("clause").get<std::string>() + "] " +
                               f.at("message").get<std::string>() + "\n";
      EXPECT_TRUE(has(text.out, line)) << line;
    }
  }
}

TEST_F(AnalysisCli, EgressTwiceGivesTheSameBytes) {
  for (const char* format : {"text", "json"}) {
    const Ran a = run("egress " + quoted(kTownCenter) + " --format " + format);
    const Ran b = run("egress " + quoted(kTownCenter) + " --format " + format);
    ASSERT_EQ(a.code, 0) << format;
    EXPECT_EQ(a.out, b.out) << format;
  }
}

// ---- hallsim render ------------------------------------------------------------------------

// Drawing needs an X display: run the tests under `xvfb-run -a` (docs/rendering.md).
bool no_display() {
  return std::getenv("DISPLAY") == nullptr;
}
constexpr const char* kNoDisplay = "hallsim render needs an X display; run under xvfb-run -a";

bool is_png(const std::string& bytes) {
  return bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
}

TEST_F(AnalysisCli, RenderDrawsTheSampleTownCenterWithExitZero) {
  if (no_display()) GTEST_SKIP() << kNoDisplay;
  const fs::path png = dir_ / "town-center.png";
  const Ran r = run("render " + quoted(kTownCenter) + " -o " + quoted(png.string()) +
                    " --overlay egress --width 800");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  ASSERT_TRUE(fs::exists(png));
  EXPECT_TRUE(is_png(read(png)));
  // "<file>: 800 x H px, ...": the width asked for.
  EXPECT_TRUE(has(r.out, png.string() + ": 800 x ")) << r.out;
}

TEST_F(AnalysisCli, RenderDrawsAPlanBuiltToFailAndExitsZero) {
  // Drawing judges nothing: a plan that fails its checks is drawn, its failures over it.
  if (no_display()) GTEST_SKIP() << kNoDisplay;
  const fs::path png = dir_ / "narrow.png";
  const Ran r = run("render " + quoted(kNarrow) + " -o " + quoted(png.string()) +
                    " --overlay check --width 600");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(is_png(read(png)));
}

TEST_F(AnalysisCli, RenderOfABrokenPlanExitsTwoAndLeavesNoPicture) {
  if (no_display()) GTEST_SKIP() << kNoDisplay;
  const fs::path png = dir_ / "broken.png";
  const Ran r = run("render " + quoted(kBroken) + " -o " + quoted(png.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(has(r.err, kBroken + ":/amenities/0/id: error:")) << r.err;
  EXPECT_FALSE(fs::exists(png));
}

TEST_F(AnalysisCli, RenderIntoAMissingFolderExitsTwoAndSaysWhichFolder) {
  if (no_display()) GTEST_SKIP() << kNoDisplay;
  const fs::path png = dir_ / "no-such-folder" / "hall.png";
  const Ran r = run("render " + quoted(kTownCenter) + " -o " + quoted(png.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, (dir_ / "no-such-folder").string())) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "no-such-folder"));
}

TEST_F(AnalysisCli, RenderTwiceGivesTheSameBytes) {
  if (no_display()) GTEST_SKIP() << kNoDisplay;
  const fs::path a = dir_ / "a.png";
  const fs::path b = dir_ / "b.png";
  ASSERT_EQ(run("render " + quoted(kTownCenter) + " -o " + quoted(a.string()) +
                " --overlay access --overlay egress --overlay check --width 700")
                .code,
            0);
  ASSERT_EQ(run("render " + quoted(kTownCenter) + " -o " + quoted(b.string()) +
                " --overlay access --overlay egress --overlay check --width 700")
                .code,
            0);
  const std::string first = read(a);
  EXPECT_TRUE(is_png(first));
  EXPECT_EQ(first, read(b));
}

}  // namespace
