// The sample plans load, their figures are right, and the loader fills what it derives.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "enum_names.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"

namespace hl = hallsim::layout;
using hl::Point;

namespace {

std::string sample(const char* name) {
  return std::string(HALLSIM_SOURCE_DIR) + "/floorplans/" + name;
}

hl::Plan load(const std::string& path) {
  try {
    return hl::load_plan(path);
  } catch (const hl::InputError& e) {
    ADD_FAILURE() << e.what();
    throw;
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <class T, class F>
std::size_t count_if(const std::vector<T>& items, F predicate) {
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), predicate));
}

std::set<hl::ZoneKind> zone_kinds(const hl::Plan& plan) {
  std::set<hl::ZoneKind> kinds;
  for (const auto& z : plan.zones()) {
    kinds.insert(z.kind);
  }
  return kinds;
}

const hl::LevelChange* level_change(const hl::Plan& plan, const std::string& id) {
  const auto ref = plan.find(id);
  if (!ref || ref->type != hl::ElementType::level_change) {
    return nullptr;
  }
  return &plan.level_changes()[ref->index];
}

}  // namespace

TEST(SamplePlans, TownCenterHasTheHandComputedFigures) {
  const hl::Plan plan = load(sample("town-center.json"));
  EXPECT_EQ(plan.site().level, hl::SiteLevel::center);
  // Hall 40 m x 20 m plus back-office wing 14 m x 10 m.
  EXPECT_DOUBLE_EQ(plan.building_area(), 40.0 * 20.0 + 14.0 * 10.0);
  EXPECT_EQ(plan.counters().size(), 16u);
  // Three blocks of four rows: 4.9 m rows hold 9 seats, 6.8 m rows 13 (0.52 m a seat).
  EXPECT_EQ(plan.seat_count(), 4 * (9 + 13 + 13));
  EXPECT_EQ(plan.zones().size(), 16u);
  EXPECT_TRUE(plan.site().sprinklers);
  ASSERT_EQ(plan.site().opening_hours.size(), 3u);
  EXPECT_EQ(plan.site().opening_hours[0].open_minute, 8 * 60 + 30);
  EXPECT_EQ(plan.site().opening_hours[1].close_minute, 17 * 60);
}

TEST(SamplePlans, VillageStationAndServiceUnitHaveTheHandComputedFigures) {
  const hl::Plan station = load(sample("village-station.json"));
  EXPECT_EQ(station.site().level, hl::SiteLevel::station);
  EXPECT_DOUBLE_EQ(station.building_area(), 16.0 * 8.0 + 10.0 * 3.0);
  EXPECT_EQ(station.counters().size(), 3u);
  EXPECT_EQ(station.seat_count(), 16);

  const hl::Plan unit = load(sample("service-unit.json"));
  EXPECT_EQ(unit.site().level, hl::SiteLevel::unit);
  EXPECT_DOUBLE_EQ(unit.building_area(), 8.0 * 6.0 - 2.0 * 1.5);  // a room less its notch
  EXPECT_EQ(unit.counters().size(), 2u);
}

TEST(SamplePlans, SizesFallInTheRangesOfTheirLevel) {
  EXPECT_GE(load(sample("town-center.json")).building_area(), 800.0);
  EXPECT_LE(load(sample("town-center.json")).building_area(), 1200.0);
  EXPECT_GE(load(sample("village-station.json")).building_area(), 100.0);
  EXPECT_LE(load(sample("village-station.json")).building_area(), 200.0);
  EXPECT_GE(load(sample("service-unit.json")).building_area(), 30.0);
  EXPECT_LE(load(sample("service-unit.json")).building_area(), 60.0);
}

TEST(SamplePlans, TownCenterHasEveryWindowTypeAndZoneACenterNeeds) {
  const hl::Plan plan = load(sample("town-center.json"));
  std::set<hl::CounterType> types;
  for (const auto& c : plan.counters()) {
    types.insert(c.type);
  }
  for (const auto t :
       {hl::CounterType::general, hl::CounterType::departmental_composite,
        hl::CounterType::cross_province, hl::CounterType::in_province, hl::CounterType::one_thing,
        hl::CounterType::cannot_get_it_done, hl::CounterType::help_and_agency}) {
    EXPECT_TRUE(types.count(t)) << hl::to_string(t);
  }
  const auto kinds = zone_kinds(plan);
  for (const auto k :
       {hl::ZoneKind::guidance, hl::ZoneKind::window_service, hl::ZoneKind::disclosure,
        hl::ZoneKind::self_service, hl::ZoneKind::self_service_24h, hl::ZoneKind::waiting,
        hl::ZoneKind::mother_baby, hl::ZoneKind::featured, hl::ZoneKind::back_office,
        hl::ZoneKind::restroom_wheelchair}) {
    EXPECT_TRUE(kinds.count(k)) << hl::to_string(k);
  }
}

TEST(SamplePlans, StationAndUnitHaveTheFiveZonesOfClause4411) {
  for (const char* name : {"village-station.json", "service-unit.json"}) {
    SCOPED_TRACE(name);
    const auto kinds = zone_kinds(load(sample(name)));
    for (const auto k :
         {hl::ZoneKind::guidance, hl::ZoneKind::window_service, hl::ZoneKind::disclosure,
          hl::ZoneKind::self_service, hl::ZoneKind::waiting}) {
      EXPECT_TRUE(kinds.count(k)) << hl::to_string(k);
    }
  }
}

// The figures GB 55019 / GB 50016 set for doors, thresholds, ramps and exits, and the signs
// of 4.3.7, hold in all three samples (the full compliance report checks more).
TEST(SamplePlans, DoorsRampsExitsAndSafetySignsMeetTheShalls) {
  for (const char* name : {"town-center.json", "village-station.json", "service-unit.json"}) {
    SCOPED_TRACE(name);
    const hl::Plan plan = load(sample(name));
    const auto signs_for = [&](const std::string& id, hl::SignKind kind) {
      return count_if(plan.signs(),
                      [&](const hl::Sign& s) { return s.refers_to == id && s.kind == kind; });
    };
    for (const auto& o : plan.openings()) {
      EXPECT_GE(o.width, 0.9) << o.id;
      EXPECT_LE(o.threshold_mm, 15.0) << o.id;
      if (o.emergency_exit) {
        EXPECT_EQ(signs_for(o.id, hl::SignKind::safety_exit), 1u) << o.id;
      }
      if (o.glass) {
        EXPECT_GE(signs_for(o.id, hl::SignKind::safety_glass), 1u) << o.id;
      }
    }
    for (const auto& w : plan.walls()) {
      if (w.glass) {
        EXPECT_GE(signs_for(w.id, hl::SignKind::safety_glass), 1u) << w.id;
      }
    }
    for (const auto& c : plan.level_changes()) {
      if (c.kind == hl::LevelChangeKind::ramp) {
        EXPECT_LE(c.rise / c.run(), 1.0 / 12.0) << c.id;
        EXPECT_LE(c.rise, 0.75) << c.id;
        EXPECT_GE(c.width, 1.2) << c.id;
      } else {
        EXPECT_EQ(signs_for(c.id, hl::SignKind::safety_step), 1u) << c.id;
      }
    }
    const std::size_t exits =
        count_if(plan.openings(), [](const hl::Opening& o) { return o.emergency_exit; });
    // GB 50016 5.5.8: one exit only for at most 200 m² and 50 people.
    EXPECT_GE(exits, plan.building_area() > 200.0 ? 2u : 1u);
    EXPECT_GE(count_if(plan.counters(), [](const hl::Counter& c) { return c.low; }), 1u);
    for (const auto& c : plan.counters()) {
      EXPECT_FALSE(c.number.empty());
      EXPECT_FALSE(c.services.empty()) << c.id;
      EXPECT_EQ(signs_for(c.id, hl::SignKind::window_label), 1u) << c.id;
    }
  }
}

TEST(SamplePlans, TwentyFourHourRoomHasItsOwnDoorToTheStreet) {
  const hl::Plan plan = load(sample("town-center.json"));
  const auto room = std::find_if(plan.zones().begin(), plan.zones().end(), [](const hl::Zone& z) {
    return z.kind == hl::ZoneKind::self_service_24h;
  });
  ASSERT_NE(room, plan.zones().end());
  const auto street_doors = count_if(plan.openings(), [&](const hl::Opening& o) {
    return o.exterior && o.open_after_hours && hl::contains(room->polygon, o.position);
  });
  EXPECT_EQ(street_doors, 1u);
}

TEST(PlanLoader, FindsTheWallOfEachOpeningAndItsClearSpan) {
  const hl::Plan plan = load(sample("town-center.json"));
  const hl::Opening& main = plan.main_entrance();
  EXPECT_EQ(main.id, "d-main");
  EXPECT_TRUE(main.exterior);
  EXPECT_EQ(main.wall, hl::kOutlineWallId);
  // 2.4 m wide, centred on (14, 0) in the south wall.
  EXPECT_NEAR(main.span.a.x(), 12.8, 1e-9);
  EXPECT_NEAR(main.span.b.x(), 15.2, 1e-9);
  EXPECT_NEAR(main.span.a.y(), 0.0, 1e-12);
  // The back-office door names no wall; the loader finds it in the wing's wall.
  const hl::Opening* back = plan.find_opening("d-back");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->wall, "w-back-wing");
  EXPECT_FALSE(back->exterior);
  EXPECT_NEAR(back->span.length(), 1.0, 1e-12);
}

TEST(PlanLoader, FillsDefaultsAndDerivedFields) {
  const hl::Plan plan = load(sample("town-center.json"));
  // Zones: back offices are staff-only unless the plan says otherwise.
  EXPECT_FALSE(plan.find_zone("z-back-office")->is_public);
  EXPECT_TRUE(plan.find_zone("z-waiting")->is_public);
  // An "emergencyexit" opening counts as an exit without saying so.
  EXPECT_TRUE(plan.find_opening("d-east-exit")->emergency_exit);
  EXPECT_FALSE(plan.find_opening("d-wc")->emergency_exit);  // "pedestrian", not said
  // A step's width defaults to the length of its edge, (26.1, 20.6)-(27.9, 20.6).
  const hl::LevelChange* step = level_change(plan, "lc-back-step");
  ASSERT_NE(step, nullptr);
  EXPECT_NEAR(step->width, 1.8, 1e-9);
  // The ramp climbs 0.45 m over 6 m.
  const hl::LevelChange* ramp = level_change(plan, "lc-entrance-ramp");
  ASSERT_NE(ramp, nullptr);
  EXPECT_NEAR(ramp->run(), 6.0, 1e-12);
  // Amenities and signs without a zone get the zone they stand in.
  const auto water = plan.find("a-water");
  ASSERT_TRUE(water.has_value());
  EXPECT_EQ(plan.amenities()[water->index].zone, "z-waiting");
  // Facing vectors are made unit length: [1, 1] becomes [1, 1] / sqrt(2).
  const auto camera = plan.find("cam-entrance");
  ASSERT_TRUE(camera.has_value());
  EXPECT_NEAR(plan.cameras()[camera->index].facing.x(), std::sqrt(0.5), 1e-12);
}

TEST(PlanLoader, LooksUpElementsByIdAndZonesByPoint) {
  const hl::Plan plan = load(sample("town-center.json"));
  const auto ref = plan.find("c14");
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->type, hl::ElementType::counter);
  EXPECT_EQ(plan.counters()[ref->index].type, hl::CounterType::cannot_get_it_done);
  EXPECT_FALSE(plan.find("no-such-id").has_value());
  EXPECT_EQ(plan.find_zone("c14"), nullptr);  // an id of a counter, not a zone
  ASSERT_NE(plan.zone_at(Point(20, 9)), nullptr);
  EXPECT_EQ(plan.zone_at(Point(20, 9))->id, "z-waiting");
  EXPECT_EQ(plan.zone_at(Point(10, 25)), nullptr);  // the notch of the L, outside
  ASSERT_NE(plan.attestation("4.3.4"), nullptr);
  EXPECT_TRUE(plan.attestation("4.3.4")->attested);
  EXPECT_EQ(plan.attestation("9.9"), nullptr);
}

TEST(PlanLoader, AcceptsAUtf8ByteOrderMark) {
  const std::string text = read_text(sample("service-unit.json"));
  const hl::Plan plan = hl::parse_plan("\xEF\xBB\xBF" + text, "with-bom.json");
  EXPECT_DOUBLE_EQ(plan.building_area(), 45.0);
}

TEST(PlanLoader, SameFileGivesTheSamePlan) {
  const hl::Plan a = load(sample("town-center.json"));
  const hl::Plan b = load(sample("town-center.json"));
  ASSERT_EQ(a.openings().size(), b.openings().size());
  for (std::size_t i = 0; i < a.openings().size(); ++i) {
    EXPECT_EQ(a.openings()[i].span.a, b.openings()[i].span.a);
    EXPECT_EQ(a.openings()[i].wall, b.openings()[i].wall);
  }
}

TEST(FormatDoc, WorkedExampleLoadsAsWritten) {
  const std::string doc = read_text(std::string(HALLSIM_SOURCE_DIR) + "/docs/floorplan-format.md");
  const auto marker = doc.find("<!-- worked-example -->");
  ASSERT_NE(marker, std::string::npos);
  const auto begin = doc.find("```json\n", marker);
  ASSERT_NE(begin, std::string::npos);
  const auto end = doc.find("```", begin + 8);
  ASSERT_NE(end, std::string::npos);
  const hl::Plan plan =
      hl::parse_plan(doc.substr(begin + 8, end - begin - 8), "floorplan-format.md#worked-example");
  EXPECT_DOUBLE_EQ(plan.building_area(), 9.0 * 6.0);
  EXPECT_EQ(plan.find_opening("d-back")->wall, "w-back");  // found, not named
}

TEST(FormatDoc, ExampleWrittenFromTheDocLoads) {
  const hl::Plan plan = load(sample("example-small.json"));
  EXPECT_DOUBLE_EQ(plan.building_area(), 10.0 * 6.0 + 4.0 * 3.0);
  EXPECT_EQ(plan.counters().size(), 2u);
  EXPECT_EQ(plan.seat_count(), 16);
}

// Every word the format accepts is explained in the doc, as `word` in a table or list.
TEST(FormatDoc, NamesEveryEnumeratedValue) {
  const std::string doc = read_text(std::string(HALLSIM_SOURCE_DIR) + "/docs/floorplan-format.md");
  const auto check = [&](const auto& table, const std::string& unwritten = "") {
    for (const auto& entry : table) {
      if (entry.name == unwritten) {
        continue;
      }
      std::string quoted = "`";  // built by appending: GCC 12 warns falsely on "`" + s
      quoted += entry.name;
      quoted += '`';
      EXPECT_NE(doc.find(quoted), std::string::npos) << entry.name;
    }
  };
  namespace d = hl::detail;
  check(d::kSiteLevelNames);
  check(d::kZoneKindNames);
  check(d::kFeaturedThemeNames, "none");  // no theme is written by leaving the field out
  check(d::kOpeningCategoryNames);
  check(d::kDoorTypeNames);
  check(d::kSwingNames);
  check(d::kLevelChangeKindNames);
  check(d::kCounterTypeNames);
  check(d::kEquipmentNames);
  check(d::kDeskKindNames);
  check(d::kSignKindNames);
  check(d::kAmenityKindNames);
  check(d::kObstacleKindNames);
  check(d::kFireResistanceGradeNames);
}

TEST(PlanLoader, MinimalTestPlanLoads) {
  const hl::Plan plan = load(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/valid/minimal.json");
  EXPECT_DOUBLE_EQ(plan.building_area(), 80.0);
  EXPECT_EQ(plan.counters().size(), 2u);
}

TEST(PlanBuilder, BuildsAPlanMadeInCode) {
  hl::PlanData data;
  data.site.name = "代码中的便民服务点";
  data.site.level = hl::SiteLevel::unit;
  data.site.opening_hours.push_back({{hl::Weekday::mon}, 9 * 60, 17 * 60});
  data.outline = {{0, 0}, {6, 0}, {6, 5}, {0, 5}};
  hl::Opening door;
  door.id = "door";
  door.category = hl::OpeningCategory::pedestrian_principal;
  door.position = Point(3, 0);
  door.width = 1.2;
  data.openings.push_back(door);
  const hl::Plan plan = hl::Plan::build(data, "made-in-code");
  EXPECT_DOUBLE_EQ(plan.building_area(), 30.0);
  EXPECT_EQ(plan.main_entrance().wall, hl::kOutlineWallId);
}

TEST(PlanBuilder, RefusesAPlanMadeInCodeWithTheSamePointersAsAFile) {
  hl::PlanData data;
  data.site.name = "x";
  data.site.opening_hours.push_back({{hl::Weekday::mon}, 9 * 60, 17 * 60});
  data.outline = {{0, 0}, {6, 0}, {6, 5}, {0, 5}};
  hl::Opening door;
  door.id = "door";
  door.category = hl::OpeningCategory::pedestrian_principal;
  door.position = Point(3, 2);  // in the middle of the room
  data.openings.push_back(door);
  hl::Zone zone;
  zone.id = "z";
  zone.polygon = {{0, 0}, {std::nan(""), 0}, {1, 1}};
  data.zones.push_back(zone);
  try {
    (void)hl::Plan::build(data, "made-in-code");
    FAIL() << "built a plan with a NaN corner";
  } catch (const hl::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();  // numbers first: geometry on NaN is noise
    EXPECT_EQ(e.diagnostics()[0].pointer, "/zones/0/polygon/1");
    EXPECT_EQ(e.diagnostics()[0].file, "made-in-code");
  }
  data.zones.clear();
  try {
    (void)hl::Plan::build(data, "made-in-code");
    FAIL() << "built a plan with a door in mid-air";
  } catch (const hl::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].pointer, "/openings/0/position");
  }
}

TEST(Diagnostics, FormatsFilePointerMessageAndHint) {
  const hl::Diagnostic d{"plan.json", "/zones/3/polygon/2", "zone 'a' crosses itself",
                         "order the points"};
  EXPECT_EQ(hl::format_diagnostic(d),
            "plan.json:/zones/3/polygon/2: error: zone 'a' crosses itself; order the points");
  EXPECT_EQ(hl::format_diagnostic({"plan.json", "", "the file is empty", "write a plan"}),
            "plan.json: error: the file is empty; write a plan");
  const hl::InputError e({d, {"plan.json", "/site", "m", "h"}});
  EXPECT_EQ(std::string(e.what()),
            "plan.json:/zones/3/polygon/2: error: zone 'a' crosses itself; order the points\n"
            "plan.json:/site: error: m; h");
}

TEST(Diagnostics, JsonPointerEscapesTildeAndSlash) {
  EXPECT_EQ(hl::json_pointer({"zones", "3", "polygon"}), "/zones/3/polygon");
  EXPECT_EQ(hl::json_pointer({"a/b", "m~n"}), "/a~1b/m~0n");
  EXPECT_EQ(hl::json_pointer({}), "");
}

// The loader's enum tables and the schema's enum lists must name the same values, or a plan
// the schema accepts could not be read (or the other way round).
TEST(FloorplanSchema, EmbeddedSchemaIsTheFileInDocsAndItsEnumsMatchTheTypes) {
  const std::string on_disk =
      read_text(std::string(HALLSIM_SOURCE_DIR) + "/docs/floorplan.schema.json");
  EXPECT_EQ(std::string(hl::floorplan_schema()), on_disk);
  const auto schema = nlohmann::json::parse(hl::floorplan_schema());
  const auto& defs = schema.at("definitions");
  const auto names_in = [](const nlohmann::json& node) {
    std::set<std::string> names;
    for (const auto& e : node.at("enum")) {
      names.insert(e.get<std::string>());
    }
    return names;
  };
  const auto names_of = [](const auto& table) {
    std::set<std::string> names;
    for (const auto& entry : table) {
      names.insert(entry.name);
    }
    return names;
  };
  namespace d = hl::detail;
  EXPECT_EQ(names_in(defs.at("site").at("properties").at("level")), names_of(d::kSiteLevelNames));
  EXPECT_EQ(names_in(defs.at("zone").at("properties").at("kind")), names_of(d::kZoneKindNames));
  auto themes = names_of(d::kFeaturedThemeNames);
  themes.erase("none");  // "no theme" is written by leaving the field out
  EXPECT_EQ(names_in(defs.at("zone").at("properties").at("theme")), themes);
  EXPECT_EQ(names_in(defs.at("opening").at("properties").at("category")),
            names_of(d::kOpeningCategoryNames));
  EXPECT_EQ(names_in(defs.at("opening").at("properties").at("door")), names_of(d::kDoorTypeNames));
  EXPECT_EQ(names_in(defs.at("opening").at("properties").at("swing")), names_of(d::kSwingNames));
  EXPECT_EQ(names_in(defs.at("level_change").at("properties").at("kind")),
            names_of(d::kLevelChangeKindNames));
  EXPECT_EQ(names_in(defs.at("counter").at("properties").at("type")),
            names_of(d::kCounterTypeNames));
  EXPECT_EQ(names_in(defs.at("equipment").at("items")), names_of(d::kEquipmentNames));
  EXPECT_EQ(names_in(defs.at("desk").at("properties").at("kind")), names_of(d::kDeskKindNames));
  EXPECT_EQ(names_in(defs.at("sign").at("properties").at("kind")), names_of(d::kSignKindNames));
  EXPECT_EQ(names_in(defs.at("amenity").at("properties").at("kind")),
            names_of(d::kAmenityKindNames));
  EXPECT_EQ(names_in(defs.at("obstacle").at("properties").at("kind")),
            names_of(d::kObstacleKindNames));
  EXPECT_EQ(names_in(defs.at("opening_period").at("properties").at("days").at("items")),
            names_of(d::kWeekdayNames));
  EXPECT_EQ(names_in(defs.at("site").at("properties").at("fire_resistance_grade")),
            names_of(d::kFireResistanceGradeNames));
}

TEST(FloorplanSchema, ToStringGivesTheJsonSpelling) {
  EXPECT_STREQ(hl::to_string(hl::ZoneKind::self_service_24h), "self_service.24h");
  EXPECT_STREQ(hl::to_string(hl::ZoneKind::waiting), "waitingroom");
  EXPECT_STREQ(hl::to_string(hl::OpeningCategory::pedestrian_principal), "pedestrian.principal");
  EXPECT_STREQ(hl::to_string(hl::SignKind::safety_no_fire), "safety.no_fire");
  EXPECT_STREQ(hl::to_string(hl::FireResistanceGrade::ii), "II");
}
