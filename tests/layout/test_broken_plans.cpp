// The corpus of broken plans (tests/data/plans/broken, written by make_broken.py): each must be
// refused with an InputError that names the file, the exact JSON pointer and what is wrong.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"

namespace fs = std::filesystem;
namespace hl = hallsim::layout;

namespace {

const fs::path k_broken = fs::path(HALLSIM_TEST_DATA_DIR) / "plans" / "broken";

struct Case {
  const char* file;
  std::string pointer;  // exact RFC 6901 pointer of the expected diagnostic
  const char* phrase;   // must appear in its message
};

std::string deep_pointer() {
  std::string p = "/outline";
  for (int i = 0; i < 31; ++i) {
    p += "/0";  // the outline array and 30 arrays inside it
  }
  return p;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> k_cases = {
      // Not JSON, or not UTF-8.
      {"empty.json", "", "the file is empty"},
      {"whitespace-only.json", "", "the file is empty"},
      {"truncated.json", "/counters/0", "before the JSON is complete"},
      {"nan-coordinate.json", "/outline/1/0", "NaN and Infinity are not numbers in JSON"},
      {"infinity-width.json", "/openings/0/width", "NaN and Infinity are not numbers in JSON"},
      {"number-overflow.json", "/site/served_population", "too large"},
      {"trailing-comma.json", "/site", "not valid JSON at line 7, column 23"},
      {"invalid-utf8.json", "", "not valid UTF-8: byte 0xB2 at line 4, column 14"},
      {"utf16.json", "", "UTF-16"},
      {"duplicate-key.json", "/site/level", "appears twice"},
      {"deep-nesting.json", deep_pointer(), "more than 32 levels deep"},
      // Against the schema.
      {"root-is-array.json", "", "expected an object {...}, found a list"},
      {"missing-site.json", "", "the required field \"site\" is missing"},
      {"site-is-array.json", "/site", "expected an object {...}, found a list"},
      {"wrong-type-width.json", "/openings/0/width", "expected a number, found the text \"1.2\""},
      {"negative-width.json", "/openings/1/width", "-0.9 is below the minimum 0.3"},
      {"huge-coordinate.json", "/outline/2/0", "1e+300 is above the maximum 10000"},
      {"unknown-zone-kind.json", "/zones/2/kind",
       R"("lobbby" is not a zone kind (did you mean "lobby"?))"},
      {"misspelled-field.json", "/zones/1/polgon",
       R"(unknown field "polgon" (did you mean "polygon"?))"},
      {"wrong-format-version.json", "/format_version", "expected the number 1, found the number 2"},
      {"bad-time.json", "/site/opening_hours/0/open", "\"8:30\" is not in the expected form"},
      {"point-with-three-numbers.json", "/signs/1/position", "3 items, more than the 2 allowed"},
      {"seats-not-whole.json", "/seat_rows/0/seats",
       "expected a whole number, found the number 5.5"},
      {"bad-id.json", "/amenities/0/id", "\"water dispenser\" is not in the expected form"},
      // Meaning.
      {"polygon-not-closed.json", "/zones/0/polygon/3", "is not closed"},
      {"self-crossing-zone.json", "/zones/2/polygon/2", "zone 'z-guide' crosses itself"},
      {"self-crossing-outline.json", "/outline/3", "the building outline crosses itself"},
      {"repeated-point.json", "/obstacles/0/footprint/2", "repeats the point [7.4, 1]"},
      {"zone-outside-building.json", "/zones/3/polygon/1", "reaches outside the building"},
      {"overlapping-zones.json", "/zones/1/polygon",
       "overlaps zone 'z-waiting' (/zones/0) by 10 m²"},
      {"door-off-every-wall.json", "/openings/0/position",
       "is not on any wall: the nearest is the outline, 2 m away"},
      {"door-off-its-wall.json", "/openings/2/position",
       "is not on its wall, wall 'w-back-side', 2 m away"},
      {"door-wider-than-wall.json", "/openings/2/width", "runs 0.5 m past its end"},
      {"doors-overlap.json", "/openings/3/position",
       "overlaps opening 'd-exit' (/openings/1) by 0.3 m"},
      {"no-main-entrance.json", "/openings", "no main entrance"},
      {"two-main-entrances.json", "/openings/1/category", "second main entrance"},
      {"interior-emergency-exit.json", "/openings/2/emergency_exit",
       "emergency exit but is in interior wall 'w-back'"},
      {"swing-on-sliding-door.json", "/openings/0/swing", "not a swinging door"},
      {"duplicate-id.json", "/zones/3/id", "the id 'z-guide' is already used by /zones/2"},
      {"duplicate-window-number.json", "/counters/1/number",
       "window number '1' is already used by /counters/0"},
      {"unresolved-zone.json", "/counters/0/zone", "no zone has the id 'z-window'"},
      {"zone-reference-to-counter.json", "/seat_rows/0/zone", "'c1' is a counter, not a zone"},
      {"unresolved-sign-reference.json", "/signs/0/refers_to", "nothing has the id 'd-exit-2'"},
      {"counter-outside-zone.json", "/counters/1/footprint/0",
       "reaches outside its zone 'z-guide'"},
      {"overlapping-counters.json", "/counters/1/footprint",
       "overlaps counter 'c1' (/counters/0/footprint) by 0.18 m²"},
      {"counter-sides-same-side.json", "/counters/0/staff_side", "on the same side of the desk"},
      {"seat-row-on-column.json", "/obstacles/0/footprint", "overlaps seat row 'seats-1'"},
      {"priority-seats-exceed-seats.json", "/seat_rows/0/priority_seats",
       "8 priority seats out of 6"},
      {"facing-nowhere.json", "/signs/1/facing", "points nowhere"},
      {"sign-far-away.json", "/signs/1/position", "is 50 m from the building"},
      {"amenity-outside.json", "/amenities/0/position",
       "is outside the building (1 m from the outline)"},
      {"close-before-open.json", "/site/opening_hours/0/close", "closes at or before it opens"},
      {"impossible-date.json", "/attestations/0/date", "\"2024-02-30\" is not a calendar date"},
      {"ramp-without-width.json", "/level_changes/0", "ramp 'lc-ramp' has no clear width"},
      {"theme-on-plain-zone.json", "/zones/0/theme", "not a featured zone"},
  };
  return k_cases;
}

// Loads `path`, which must fail; returns the diagnostics.
std::vector<hl::Diagnostic> refusal(const fs::path& path, std::string* what = nullptr) {
  try {
    (void)hl::load_plan(path);
  } catch (const hl::InputError& e) {
    if (what != nullptr) {
      *what = e.what();
    }
    return e.diagnostics();
  }
  ADD_FAILURE() << path << " loaded although it is broken";
  return {};
}

std::string listing(const std::vector<hl::Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    text += "  " + hl::format_diagnostic(d) + "\n";
  }
  return text;
}

// A temporary directory of this test's own, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "hallsim-plans-XXXXXX").string();
    const char* made = mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

TEST(BrokenPlans, EachIsRefusedAtItsPointerWithItsReason) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.file);
    const fs::path path = k_broken / c.file;
    std::string what;
    const auto diagnostics = refusal(path, &what);
    ASSERT_FALSE(diagnostics.empty());
    const auto hit =
        std::find_if(diagnostics.begin(), diagnostics.end(), [&](const hl::Diagnostic& d) {
          return d.pointer == c.pointer && d.message.find(c.phrase) != std::string::npos;
        });
    EXPECT_NE(hit, diagnostics.end())
        << "expected at '" << c.pointer << "': " << c.phrase << "\ngot:\n"
        << listing(diagnostics);
    for (const auto& d : diagnostics) {
      EXPECT_EQ(d.file, path.string());
      EXPECT_FALSE(d.message.empty());
      EXPECT_FALSE(d.hint.empty()) << "every problem says what to change: " << d.message;
    }
    // what() carries the same list, one FILE:POINTER: error: MESSAGE; HINT line each.
    const std::string head = c.pointer.empty() ? path.string() + ": error: "
                                               : path.string() + ":" + c.pointer + ": error: ";
    EXPECT_NE(what.find(head), std::string::npos) << what;
  }
}

TEST(BrokenPlans, CorpusHoldsAtLeastThirtyFilesAndTheTableCoversEveryOne) {
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(k_broken)) {
    on_disk.insert(entry.path().filename().string());
  }
  std::set<std::string> in_table;
  for (const Case& c : cases()) {
    in_table.insert(c.file);
  }
  in_table.insert("schema-many-mistakes.json");  // checked by the tests below
  in_table.insert("meaning-many-mistakes.json");
  EXPECT_GE(on_disk.size(), 30u);
  EXPECT_EQ(on_disk, in_table);
}

TEST(BrokenPlans, SchemaMistakesAreAllReportedInOnePass) {
  const auto diagnostics = refusal(k_broken / "schema-many-mistakes.json");
  std::set<std::string> pointers;
  for (const auto& d : diagnostics) {
    pointers.insert(d.pointer);
  }
  EXPECT_EQ(pointers, (std::set<std::string>{"/site/sprinklers", "/counters/1/type", "/cameras/0"}))
      << listing(diagnostics);
  EXPECT_EQ(diagnostics.size(), 3u) << listing(diagnostics);
}

TEST(BrokenPlans, MeaningMistakesAreAllReportedInOnePass) {
  const auto diagnostics = refusal(k_broken / "meaning-many-mistakes.json");
  std::set<std::string> pointers;
  for (const auto& d : diagnostics) {
    pointers.insert(d.pointer);
  }
  EXPECT_EQ(pointers,
            (std::set<std::string>{"/zones/3/id", "/openings/1/position", "/counters/1/zone"}))
      << listing(diagnostics);
  EXPECT_EQ(diagnostics.size(), 3u) << listing(diagnostics);
}

TEST(BrokenPlans, UnknownFieldHintListsTheFieldsAllowedThere) {
  const auto diagnostics = refusal(k_broken / "misspelled-field.json");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].pointer, "/zones/1/polgon");
  EXPECT_EQ(diagnostics[0].hint,
            "remove it or correct its spelling; the fields here are: id, kind, name, polygon, "
            "public, theme");
}

TEST(BrokenPlans, HugeFileIsRefusedBeforeItIsRead) {
  TempDir dir;
  const fs::path big = dir.path() / "huge.json";
  const int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  // A sparse file: 200 MiB long, no disk blocks, so the test costs nothing to set up.
  ASSERT_EQ(::ftruncate(fd, off_t{200} * 1024 * 1024), 0);
  ::close(fd);
  const auto diagnostics = refusal(big);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].pointer, "");
  EXPECT_EQ(diagnostics[0].message,
            "the file is 200 MiB, larger than the limit of 20 MiB for a floor plan (not read)");
}

TEST(BrokenPlans, SizeLimitIsASetting) {
  const fs::path minimal = fs::path(HALLSIM_TEST_DATA_DIR) / "plans" / "valid" / "minimal.json";
  const auto size = fs::file_size(minimal);
  EXPECT_NO_THROW((void)hl::load_plan(minimal, hl::LoadOptions{.max_file_bytes = size}));
  EXPECT_THROW((void)hl::load_plan(minimal, hl::LoadOptions{.max_file_bytes = size - 1}),
               hl::InputError);
}

TEST(BrokenPlans, MissingFileAndDirectoryAreRefusedWithTheirReason) {
  TempDir dir;
  const auto missing = refusal(dir.path() / "no-such-plan.json");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].message.find("does not exist"), std::string::npos);
  const auto directory = refusal(dir.path());
  ASSERT_EQ(directory.size(), 1u);
  EXPECT_NE(directory[0].message.find("not a regular file"), std::string::npos);
}

TEST(BrokenPlans, TextInMemoryIsCheckedLikeAFile) {
  try {
    (void)hl::parse_plan("{\"format_version\": 1}", "inline.json");
    FAIL() << "an incomplete plan loaded";
  } catch (const hl::InputError& e) {
    const std::string expected =
        "inline.json: error: the required field \"outline\" is missing; add \"outline\": the "
        "building outline: a closed ring of [x, y] points on the inner face of the exterior "
        "walls, the first point repeated at the end\n"
        "inline.json: error: the required field \"site\" is missing; add \"site\": the site: "
        "name, level, served population, enterprises, opening hours, sprinklers";
    EXPECT_EQ(std::string(e.what()), expected);
  }
}

TEST(BrokenPlans, AVeryBrokenFileListsAHundredProblemsAndSaysThereAreMore) {
  std::string text = "{\"format_version\": 1";
  for (int i = 0; i < 150; ++i) {
    text += ", \"x" + std::to_string(i) + "\": 0";
  }
  text += "}";
  try {
    (void)hl::parse_plan(text, "many.json");
    FAIL() << "loaded";
  } catch (const hl::InputError& e) {
    // 150 unknown fields and 2 missing ones: the first 99 are listed, then the note.
    ASSERT_EQ(e.diagnostics().size(), hl::kMaxDiagnostics);
    EXPECT_EQ(e.diagnostics().back().message, "more problems than the 99 listed above");
    EXPECT_EQ(e.diagnostics().back().pointer, "");
  }
}

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Loads `text`; anything but a plan or an InputError (another exception, a crash under the
// sanitizers) fails the test.
void load_or_refuse(const std::string& text, const std::string& what) {
  try {
    (void)hl::parse_plan(text, "damaged.json");
  } catch (const hl::InputError& e) {
    EXPECT_FALSE(e.diagnostics().empty()) << what;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": " << e.what();
  }
}

// Replaces one value, chosen by `pick`, with `replacement`; returns false if the document
// has fewer values.
bool replace_value(nlohmann::json& node, std::uint64_t& pick, const nlohmann::json& replacement) {
  if (pick == 0) {
    node = replacement;
    return true;
  }
  --pick;
  if (node.is_object() || node.is_array()) {
    for (auto& child : node) {
      if (replace_value(child, pick, replacement)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// Damage valid plans at random (fixed seed, so a failure can be replayed): cut them short, flip
// bytes, and put values of the wrong kind or size anywhere in the tree. Each must be loaded or
// refused with an InputError, never crash.
TEST(BrokenPlans, RandomlyDamagedPlansAreLoadedOrRefusedNeverCrash) {
  const std::string minimal =
      read_text(fs::path(HALLSIM_TEST_DATA_DIR) / "plans" / "valid" / "minimal.json");
  const nlohmann::json doc = nlohmann::json::parse(minimal);
  std::mt19937_64 rng(20240506);  // the engine's output is fixed by the standard
  const std::vector<nlohmann::json> odd_values = {
      nullptr,
      true,
      0,
      -1,
      0.5,
      1e300,
      -1e300,
      4e-320,
      "",
      "x",
      "z-waiting",
      nlohmann::json::array(),
      nlohmann::json::object(),
      nlohmann::json::array({0, 0}),
      nlohmann::json::array({nlohmann::json::array({0, 0}), nlohmann::json::array({1, 0}),
                             nlohmann::json::array({0, 0})}),
      18446744073709551615ULL,
      -9223372036854775807LL};
  for (int i = 0; i < 200; ++i) {
    load_or_refuse(minimal.substr(0, rng() % minimal.size()), "cut " + std::to_string(i));
    std::string flipped = minimal;
    for (int k = 0; k < 3; ++k) {
      flipped[rng() % flipped.size()] = static_cast<char>(rng() % 256);
    }
    load_or_refuse(flipped, "flipped " + std::to_string(i));
  }
  for (int i = 0; i < 600; ++i) {
    nlohmann::json damaged = doc;
    std::uint64_t pick = rng() % 400;
    replace_value(damaged, pick, odd_values[rng() % odd_values.size()]);
    load_or_refuse(damaged.dump(), "value " + std::to_string(i));
  }
}

// std::regex matches recursively: megabytes of text under a schema pattern would overflow the
// stack, so such text is refused before the schema is applied.
TEST(BrokenPlans, MegabytesOfTextInAFieldAreRefusedNotMatched) {
  nlohmann::json doc = nlohmann::json::parse(
      read_text(fs::path(HALLSIM_TEST_DATA_DIR) / "plans" / "valid" / "minimal.json"));
  std::string clause;
  for (int i = 0; i < 1000000; ++i) {
    clause += "1.";
  }
  clause += "1";
  doc["attestations"][0]["clause"] = clause;
  try {
    (void)hl::parse_plan(doc.dump(), "long.json");
    FAIL() << "loaded";
  } catch (const hl::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].pointer, "/attestations/0/clause");
    EXPECT_EQ(e.diagnostics()[0].message,
              "the text is 2000001 bytes long, more than the 65536 any field may hold");
  }
}
