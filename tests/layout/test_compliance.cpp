// The compliance report as a whole: every clause in the standard's order, applicability by
// level, statuses from evidence, attestations, simulation parts, the three output formats.
// Rule-by-rule plans that pass and fail are in test_compliance_rules.cpp.

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "hallsim/layout/diagnostics.hpp"
#include "test_compliance_support.hpp"

namespace hallsim::layout {
namespace {

using testing::check;
using testing::clause;
using testing::evidence;
using testing::has;
using testing::kCenter;
using testing::kStation;
using testing::kUnit;
using testing::plan_data;

// Every clause of the standard (4.1 … 6.3) in its order; lettered items split a clause whose
// parts differ in obligation, level or how they are decided.
const std::vector<std::string> kAllIds{
    "4.1",       "4.2.1",     "4.2.2",   "4.3.1",   "4.3.2",   "4.3.3",   "4.3.4",     "4.3.5",
    "4.3.6",     "4.3.7",     "4.3.8",   "4.3.9",   "4.3.10",  "4.4.1.1", "4.4.1.2 a", "4.4.1.2 b",
    "4.4.1.2 c", "4.4.1.2 d", "4.4.1.3", "4.4.1.4", "4.4.2.1", "4.4.2.2", "4.4.2.3",   "4.4.3 a",
    "4.4.3 b",   "4.4.3 c",   "4.4.3 d", "4.4.4 a", "4.4.4 b", "4.4.4 c", "4.4.4 d",   "4.4.5 a",
    "4.4.5 b",   "4.4.5 c",   "4.4.5 d", "4.4.5 e", "4.4.5 f", "4.4.6.1", "4.4.6.2",   "5.1",
    "5.2.1",     "5.2.2",     "5.2.3",   "5.2.4",   "5.2.5",   "5.2.6",   "5.2.7",     "5.2.8",
    "5.3.1",     "5.3.2",     "5.3.3",   "5.3.4",   "5.3.5",   "5.3.6",   "5.3.7",     "5.3.8",
    "5.4.1",     "5.4.2",     "5.4.3",   "5.4.4",   "5.4.5",   "5.4.6",   "5.5.1",     "5.5.2",
    "5.5.3",     "5.6",       "5.7.1",   "5.7.2",   "5.8.1",   "5.8.2",   "5.8.3",     "5.8.4",
    "6.1.1",     "6.1.2",     "6.2",     "6.3"};

std::vector<std::string> ids_with_status(const ComplianceReport& report, Status status) {
  std::vector<std::string> ids;
  for (const ClauseResult& c : report.clauses) {
    if (c.status == status) {
      ids.push_back(c.id);
    }
  }
  return ids;
}

TEST(ComplianceReport, ListsEveryClauseOfTheStandardInItsOrder) {
  const ComplianceReport report = check(plan_data(kCenter));
  std::vector<std::string> ids;
  for (const ClauseResult& c : report.clauses) {
    ids.push_back(c.id);
  }
  EXPECT_EQ(ids, kAllIds);
  for (const ClauseResult& c : report.clauses) {
    EXPECT_FALSE(c.title_zh.empty()) << c.id;
    EXPECT_FALSE(c.title_en.empty()) << c.id;
    EXPECT_FALSE(c.text_zh.empty()) << c.id;
  }
}

TEST(ComplianceReport, QuotesTheStandardsWordsForEachClause) {
  const ComplianceReport report = check(plan_data(kCenter));
  EXPECT_EQ(clause(report, "4.4.2.1").text_zh, "应设置在主要出入口显著位置。");
  EXPECT_EQ(clause(report, "4.3.6").text_zh, "应在出入口醒目位置设置服务时间牌。");
  EXPECT_EQ(clause(report, "4.4.2.1").title_zh, "咨询导服区：主要出入口显著位置");
}

TEST(ComplianceReport, ObligationAndLevelsFollowTheStandardsTable) {
  const ComplianceReport report = check(plan_data(kCenter));
  const std::vector<SiteLevel> all{SiteLevel::center, SiteLevel::station, SiteLevel::unit};
  EXPECT_EQ(clause(report, "4.1").obligation, Obligation::should);
  EXPECT_EQ(clause(report, "4.3.1").obligation, Obligation::shall);
  EXPECT_EQ(clause(report, "4.3.1").levels, all);
  EXPECT_EQ(clause(report, "4.4.5 d").obligation, Obligation::shall);
  EXPECT_EQ(clause(report, "4.4.5 d").levels, std::vector<SiteLevel>{SiteLevel::center});
  EXPECT_EQ(clause(report, "4.4.5 e").obligation, Obligation::should);
  EXPECT_EQ(clause(report, "4.4.5 f").levels, std::vector<SiteLevel>{SiteLevel::station});
  EXPECT_EQ(clause(report, "4.4.2.3").obligation, Obligation::may);
  EXPECT_EQ(clause(report, "4.4.1.4").levels, std::vector<SiteLevel>{SiteLevel::unit});
  EXPECT_EQ(clause(report, "5.5.3").obligation, Obligation::should);
}

TEST(ComplianceReport, CenterSkipsOnlyStationAndUnitClauses) {
  const ComplianceReport report = check(plan_data(kCenter));
  EXPECT_EQ(ids_with_status(report, Status::not_applicable),
            (std::vector<std::string>{"4.4.1.4", "4.4.2.3", "4.4.5 f", "5.2.7", "5.2.8", "5.4.6"}));
  EXPECT_EQ(clause(report, "5.2.7").note, "Applies to station; this site is a center.");
  EXPECT_TRUE(clause(report, "5.2.7").evidence.empty());
}

TEST(ComplianceReport, StationSkipsCenterAndUnitClauses) {
  const ComplianceReport report = check(plan_data(kStation));
  EXPECT_EQ(ids_with_status(report, Status::not_applicable),
            (std::vector<std::string>{"4.3.9", "4.3.10", "4.4.1.2 a", "4.4.1.3", "4.4.1.4",
                                      "4.4.3 d", "4.4.5 d", "4.4.5 e", "5.2.4", "5.2.5", "5.2.6",
                                      "5.2.8", "5.4.5"}));
}

TEST(ComplianceReport, UnitSkipsCenterAndStationClauses) {
  const ComplianceReport report = check(plan_data(kUnit));
  EXPECT_EQ(report.counts.not_applicable, 15);
  EXPECT_EQ(clause(report, "4.4.1.4").status, Status::pass);
  EXPECT_EQ(clause(report, "4.4.5 f").status, Status::not_applicable);
  EXPECT_EQ(clause(report, "4.3.10").status, Status::not_applicable);
}

TEST(ComplianceReport, CountsAddUpToTheClausesAndMatchTheirStatuses) {
  for (const char* name : {kCenter, kStation, kUnit}) {
    const ComplianceReport report = check(plan_data(name));
    const StatusCounts& n = report.counts;
    EXPECT_EQ(n.pass + n.fail + n.warn + n.manual + n.not_applicable,
              static_cast<int>(kAllIds.size()))
        << name;
    EXPECT_EQ(n.pass, static_cast<int>(ids_with_status(report, Status::pass).size())) << name;
    EXPECT_EQ(n.manual, static_cast<int>(ids_with_status(report, Status::manual).size())) << name;
    // The test plans are built to meet every plan-decided clause.
    EXPECT_EQ(n.fail, 0) << name;
    EXPECT_EQ(n.warn, 0) << name;
    EXPECT_FALSE(report.shall_failed()) << name;
  }
}

TEST(ComplianceReport, AShallThatFailsIsAFailAndSetsTheExitCondition) {
  PlanData data = plan_data(kCenter);
  data.signs.erase(std::remove_if(data.signs.begin(), data.signs.end(),
                                  [](const Sign& s) { return s.kind == SignKind::brand; }),
                   data.signs.end());
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "4.3.2").status, Status::fail);
  EXPECT_EQ(report.counts.fail, 1);
  EXPECT_TRUE(report.shall_failed());
}

TEST(ComplianceReport, AShouldThatFailsIsAWarningAndDoesNotFailTheReport) {
  PlanData data = plan_data(kCenter);
  testing::by_id(data.zones, "party").kind = ZoneKind::room;
  testing::by_id(data.zones, "party").theme = FeaturedTheme::none;
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "4.4.1.3").status, Status::warn);
  EXPECT_EQ(report.counts.warn, 1);
  EXPECT_FALSE(report.shall_failed());
}

TEST(ComplianceReport, SimulatedClausesAreManualWithTheCommandThatWillDecideThem) {
  const ComplianceReport report = check(plan_data(kCenter));
  for (const char* id : {"4.4.3 b", "5.3.1", "6.2"}) {
    const ClauseResult& c = clause(report, id);
    EXPECT_EQ(c.status, Status::manual) << id;
    const Evidence& e = evidence(c, "simulation");
    EXPECT_EQ(e.outcome, Outcome::not_evaluated) << id;
    EXPECT_TRUE(has(e.required, "`hallsim tune`") || has(e.required, "`hallsim simulate`")) << id;
    EXPECT_TRUE(has(c.note, "simulation")) << id;
  }
  EXPECT_TRUE(has(evidence(clause(report, "4.4.3 b"), "simulation").required, "`hallsim tune`"));
}

TEST(ComplianceReport, AttestOnlyClausesAreManualChecklistItemsWithoutAnAttestation) {
  const ComplianceReport report = check(plan_data(kCenter));
  const ClauseResult& c = clause(report, "4.3.4");
  EXPECT_EQ(c.status, Status::manual);
  ASSERT_EQ(c.evidence.size(), 1u);
  EXPECT_EQ(c.evidence[0].outcome, Outcome::not_evaluated);
  EXPECT_EQ(c.evidence[0].measured, "none");
  EXPECT_TRUE(has(c.evidence[0].required, "name, post, photo and enquiry phone"));
}

Attestation attestation(std::string clause_id, bool attested) {
  Attestation a;
  a.clause = std::move(clause_id);
  a.attested = attested;
  a.by = "李明 (中心主任)";
  a.date = "2024-06-01";
  return a;
}

TEST(ComplianceReport, AnAttestationDecidesAnAttestOnlyClause) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("4.3.4", true));
  data.attestations.push_back(attestation("5.1", false));
  data.attestations.push_back(attestation("4.3.8", false));
  const ComplianceReport report = check(std::move(data));
  const ClauseResult& met = clause(report, "4.3.4");
  EXPECT_EQ(met.status, Status::pass);
  EXPECT_EQ(met.evidence[0].measured, "attested met by 李明 (中心主任) on 2024-06-01");
  EXPECT_EQ(clause(report, "5.1").status, Status::fail);    // shall, attested not met
  EXPECT_EQ(clause(report, "4.3.8").status, Status::warn);  // should, attested not met
  EXPECT_EQ(clause(report, "5.1").evidence[0].outcome, Outcome::not_met);
}

TEST(ComplianceReport, AnAttestationCompletesAClauseWhosePlanPartIsMet) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("5.7.2", true));
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "5.7.2").status, Status::pass);
}

TEST(ComplianceReport, AnAttestationCannotHideAPlanPartThatFails) {
  PlanData data = plan_data(kCenter);
  data.amenities.erase(
      std::remove_if(data.amenities.begin(), data.amenities.end(),
                     [](const Amenity& a) { return a.kind == AmenityKind::fireextinguisher; }),
      data.amenities.end());
  data.attestations.push_back(attestation("5.7.2", true));
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "5.7.2").status, Status::fail);
}

TEST(ComplianceReport, AttestationIdsWithoutTheSpaceBeforeTheLetterAreAccepted) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("4.4.5c", true));
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "4.4.5 c").status, Status::pass);
}

TEST(ComplianceReport, AnAttestationOfASectionCoversItsClausesUnlessTheyHaveTheirOwn) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("5.5", true));
  data.attestations.push_back(attestation("5.5.3", false));
  data.attestations.push_back(attestation("4.4.5", true));
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "5.5.1").status, Status::pass);
  EXPECT_EQ(clause(report, "5.5.2").status, Status::pass);
  EXPECT_EQ(clause(report, "5.5.1").evidence[0].measured,
            "attested met by 李明 (中心主任) on 2024-06-01 for all of 5.5");
  EXPECT_EQ(clause(report, "5.5.3").status, Status::warn);  // its own attestation says not met
  EXPECT_EQ(clause(report, "4.4.5 c").status, Status::pass);
  // A section attestation reaches only the clauses people decide.
  EXPECT_EQ(clause(report, "4.4.5 d").status, Status::manual);
  EXPECT_THROW((void)evidence(clause(report, "4.4.5 a"), "attestation"), std::runtime_error);
}

TEST(ComplianceReport, AnAttestationOfAPlanDecidedClauseIsShownButNotUsed) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("4.3.1", false));
  data.attestations.push_back(attestation("6.2", true));
  const ComplianceReport report = check(std::move(data));
  EXPECT_EQ(clause(report, "4.3.1").status, Status::pass);
  const Evidence& e = evidence(clause(report, "4.3.1"), "attestation");
  EXPECT_EQ(e.outcome, Outcome::info);
  EXPECT_TRUE(has(e.measured, "not used: the plan decides this clause"));
  EXPECT_EQ(clause(report, "6.2").status, Status::manual);
  EXPECT_TRUE(has(evidence(clause(report, "6.2"), "attestation").measured,
                  "not used: the simulation decides this clause"));
}

TEST(ComplianceReport, AttestationsOfUnknownClausesAreBadInputListedTogether) {
  PlanData data = plan_data(kCenter);
  data.attestations.push_back(attestation("4.3.4", true));
  data.attestations.push_back(attestation("4.3.11", true));
  data.attestations.push_back(attestation("5.9", true));
  const Plan plan = Plan::build(std::move(data), "hall.json");
  try {
    (void)check_compliance(plan, "hall.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].file, "hall.json");
    EXPECT_EQ(e.diagnostics()[0].pointer, "/attestations/1/clause");
    EXPECT_TRUE(has(e.diagnostics()[0].message, "\"4.3.11\""));
    EXPECT_TRUE(has(e.diagnostics()[0].hint, "\"4.4.5 c\""));
    EXPECT_EQ(e.diagnostics()[1].pointer, "/attestations/2/clause");
  }
}

TEST(ComplianceReport, ARuleCanBeAddedWithoutTouchingTheOthers) {
  Rule extra;
  extra.id = "9.9";
  extra.title_zh = "测试";
  extra.title_en = "Test";
  extra.text_zh = "应有至少 40 个座位。";
  extra.levels = {SiteLevel::center};
  extra.methods = {Method::plan};
  extra.check = [](const RuleContext& context) {
    RuleResult r;
    Evidence e;
    e.subject = "seats";
    e.value = context.plan.seat_count();
    e.outcome = context.plan.seat_count() >= 40 ? Outcome::met : Outcome::not_met;
    r.evidence.push_back(e);
    return r;
  };
  std::vector<Rule> rules = standard_rules();
  rules.push_back(extra);
  const Plan plan = Plan::build(plan_data(kCenter), "hall.json");
  const ComplianceReport report = run_rules(rules, plan, "hall.json");
  ASSERT_EQ(report.clauses.size(), kAllIds.size() + 1);
  EXPECT_EQ(report.clauses.back().status, Status::fail);  // 30 seats < 40
  EXPECT_EQ(*report.clauses.back().evidence[0].value, 30.0);
  EXPECT_EQ(report.counts.fail, 1);
}

TEST(ComplianceReport, IsTheSameOnEveryRun) {
  const ComplianceReport a = check(plan_data(kCenter));
  const ComplianceReport b = check(plan_data(kCenter));
  EXPECT_EQ(format_json(a), format_json(b));
  EXPECT_EQ(format_text(a), format_text(b));
}

TEST(ComplianceReport, APlanBuiltToFailFailsExactlyThoseClauses) {
  // center-fails.json: the desk moved 11 m in, the brand sign gone, the screen turned away.
  const Plan plan = load_plan(testing::compliance_plan_path("center-fails.json"));
  const ComplianceReport report = check_compliance(plan, "center-fails.json");
  EXPECT_EQ(ids_with_status(report, Status::fail), (std::vector<std::string>{"4.3.2", "4.4.2.1"}));
  EXPECT_EQ(ids_with_status(report, Status::warn), std::vector<std::string>{"4.3.5"});
  EXPECT_DOUBLE_EQ(*evidence(clause(report, "4.4.2.1"), "main entrance to guidance desk").value,
                   11.0);
  EXPECT_TRUE(report.shall_failed());
}

// ---- formats ------------------------------------------------------------------------------

TEST(ComplianceText, OneLinePerClauseStatusFirstGroupedByChapter) {
  const ComplianceReport report = check(plan_data(kCenter));
  const std::string text = format_text(report);
  EXPECT_TRUE(has(text,
                  "\nPASS    4.4.2.1   shall  all            咨询导服区：主要出入口显著位置 / "
                  "Guidance zone: conspicuous, at the main entrance\n"));
  EXPECT_TRUE(has(text,
                  "\n         [met] guide-desk: main entrance to guidance desk: 3.4 m, in "
                  "sight; required: at the main entrance: ≤ 10 m from it and in sight from "
                  "1.5 m inside\n"));
  EXPECT_TRUE(has(text, "\nN/A     5.2.7     shall  station"));
  const auto chapter5 = text.find("\n5 管理要求 / Management\n");
  const auto chapter6 =
      text.find("\n6 监督、评价与改进 / Supervision, evaluation and improvement\n");
  ASSERT_NE(chapter5, std::string::npos);
  ASSERT_NE(chapter6, std::string::npos);
  EXPECT_LT(text.find(" 4.4.6.2 "), chapter5);
  EXPECT_GT(text.find(" 5.1 "), chapter5);
  EXPECT_LT(text.find(" 5.8.4 "), chapter6);
  EXPECT_GT(text.find(" 6.3 "), chapter6);
}

TEST(ComplianceText, EndsWithTheSummaryAndTheResult) {
  PlanData data = plan_data(kCenter);
  testing::by_id(data.counters, "c1").type = CounterType::other;
  testing::by_id(data.counters, "c2").type = CounterType::other;
  const ComplianceReport report = check(std::move(data));
  const StatusCounts& n = report.counts;
  const std::string summary = "Summary: " + std::to_string(n.pass) + " pass, 1 fail, 0 warn, " +
                              std::to_string(n.manual) + " manual, 6 n/a\n";
  const std::string text = format_text(report);
  EXPECT_TRUE(has(text, summary)) << text.substr(text.size() - 300);
  EXPECT_TRUE(has(text, "Result: 1 \"shall\" clause fail: 4.4.3 a\n"));
}

TEST(ComplianceMarkdown, OneTableRowPerClause) {
  const ComplianceReport report = check(plan_data(kStation));
  const std::string md = format_markdown(report);
  int rows = 0;
  for (const std::string& id : kAllIds) {
    if (has(md, " | " + id + " | ")) {
      ++rows;
    }
  }
  EXPECT_EQ(rows, static_cast<int>(kAllIds.size()));
  EXPECT_TRUE(has(md, "| status | clause | obligation | levels | title | evidence |\n"));
  EXPECT_TRUE(has(md,
                  "| N/A | 4.3.9 | shall | center | 标识标牌：功能区分布图<br>Signs: floor map "
                  "of the functional zones | *Applies to center; this site is a station.* |\n"));
  EXPECT_TRUE(has(md, "## 5 管理要求 / Management\n"));
}

TEST(ComplianceMarkdown, EscapesPipesInsideCells) {
  PlanData data = plan_data(kCenter);
  testing::by_id(data.signs, "s-brand").text = "苏服办|省";
  const std::string md = format_markdown(check(std::move(data)));
  EXPECT_TRUE(has(md, "text \"苏服办\\|省\""));
}

TEST(ComplianceJson, FollowsTheDocumentedSchema) {
  const ComplianceReport report = check(plan_data(kCenter));
  const nlohmann::json doc = nlohmann::json::parse(format_json(report));
  EXPECT_EQ(doc["format"], "hallsim-compliance");
  EXPECT_EQ(doc["format_version"], 1);
  EXPECT_EQ(doc["plan"]["file"], "test-plan.json");
  EXPECT_EQ(doc["plan"]["site"], "青山镇便民服务中心");
  EXPECT_EQ(doc["plan"]["level"], "center");
  EXPECT_EQ(doc["summary"]["pass"], report.counts.pass);
  EXPECT_EQ(doc["summary"]["not_applicable"], 6);
  EXPECT_EQ(doc["summary"]["shall_failed"], false);
  EXPECT_TRUE(doc["summary"]["failing"].empty());
  ASSERT_EQ(doc["clauses"].size(), kAllIds.size());
  for (std::size_t i = 0; i < kAllIds.size(); ++i) {
    EXPECT_EQ(doc["clauses"][i]["id"], kAllIds[i]);
  }
  const auto& guidance = doc["clauses"][20];
  EXPECT_EQ(guidance["id"], "4.4.2.1");
  EXPECT_EQ(guidance["chapter"], "4");
  EXPECT_EQ(guidance["obligation"], "shall");
  EXPECT_EQ(guidance["levels"], nlohmann::json::array({"center", "station", "unit"}));
  EXPECT_EQ(guidance["decided_by"], nlohmann::json::array({"plan"}));
  EXPECT_EQ(guidance["status"], "pass");
  const auto& line = guidance["evidence"][0];
  EXPECT_EQ(line["element"], "guide-desk");
  EXPECT_EQ(line["subject"], "main entrance to guidance desk");
  EXPECT_EQ(line["measured"], "3.4 m, in sight");
  EXPECT_DOUBLE_EQ(line["value"].get<double>(), 3.4);
  EXPECT_EQ(line["unit"], "m");
  EXPECT_EQ(line["outcome"], "met");
  const auto& checklist = doc["clauses"][6];
  EXPECT_EQ(checklist["id"], "4.3.4");
  EXPECT_TRUE(checklist["evidence"][0]["value"].is_null());
  EXPECT_EQ(checklist["evidence"][0]["outcome"], "not_evaluated");
}

TEST(ComplianceJson, NamesTheFailingClauses) {
  PlanData data = plan_data(kCenter);
  testing::by_id(data.zones, "mother-baby").kind = ZoneKind::room;
  const nlohmann::json doc = nlohmann::json::parse(format_json(check(std::move(data))));
  EXPECT_EQ(doc["summary"]["shall_failed"], true);
  EXPECT_EQ(doc["summary"]["failing"], nlohmann::json::array({"4.4.1.2 a"}));
}

TEST(ComplianceJson, RoundsValuesToMillimetres) {
  PlanData data = plan_data(kCenter);
  // Desk centre at (15.1, 3.4): its distance to the entrance (15, 0) is √11.57 = 3.40147...
  testing::by_id(data.desks, "guide-desk").footprint = testing::rect(14, 3, 16.2, 3.8);
  const ComplianceReport report = check(std::move(data));
  const double exact = *evidence(clause(report, "4.4.2.1"), "main entrance to").value;
  const nlohmann::json doc = nlohmann::json::parse(format_json(report));
  EXPECT_DOUBLE_EQ(doc["clauses"][20]["evidence"][0]["value"].get<double>(),
                   std::round(exact * 1000.0) / 1000.0);
}

TEST(ComplianceReportFormats, DispatchOnTheFormat) {
  const ComplianceReport report = check(plan_data(kUnit));
  EXPECT_EQ(format_report(report, ReportFormat::text), format_text(report));
  EXPECT_EQ(format_report(report, ReportFormat::json), format_json(report));
  EXPECT_EQ(format_report(report, ReportFormat::markdown), format_markdown(report));
}

// ---- the sample plans ------------------------------------------------------------------------

TEST(SamplePlans, MeetEveryShallTheirPlanCanShow) {
  int samples = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(HALLSIM_SOURCE_DIR) + "/floorplans")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    ++samples;
    const Plan plan = load_plan(entry.path());
    const ComplianceReport report = check_compliance(plan, entry.path().filename().string());
    std::string failing;
    for (const ClauseResult& c : report.clauses) {
      if (c.status != Status::fail) {
        continue;
      }
      failing += c.id + ":";
      for (const Evidence& e : c.evidence) {
        if (e.outcome == Outcome::not_met) {
          failing += " [" + e.element + " " + e.subject + ": " + e.measured + "]";
        }
      }
      failing += "\n";
    }
    EXPECT_FALSE(report.shall_failed()) << entry.path().filename() << "\n" << failing;
  }
  EXPECT_GE(samples, 1);
}

}  // namespace
}  // namespace hallsim::layout
