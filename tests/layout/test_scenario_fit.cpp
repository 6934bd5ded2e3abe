// Fitting a scenario to a ticket log: the KS distance and CDFs by hand, then logs drawn from
// known parameters, whose estimates must fall within a few standard errors of the truth
// (the standard errors from the central limit theorem: sigma / sqrt(n) for a mean, the delta
// method for a coefficient of variation, sqrt(count) for a Poisson count).

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/random.hpp"

namespace {

using hallsim::sim::DistributionKind;
using hallsim::sim::Weekday;

constexpr double kHour = 3600.0;

TEST(KsDistance, MatchesAHandComputation) {
  // Sample {1, 2, 3} against the uniform CDF on [0, 4]: F = 1/4, 1/2, 3/4 at the points, the
  // empirical CDF steps 0 -> 1/3 -> 2/3 -> 1; the largest gap is 1 - 3/4 = 1/4 = 1/4 - 0.
  const auto uniform = [](double x) { return std::clamp(x / 4.0, 0.0, 1.0); };
  EXPECT_DOUBLE_EQ(hallsim::sim::ks_distance({3.0, 1.0, 2.0}, uniform), 0.25);
  // Sample {2, 2, 2} against the same: the step of 1 at x = 2 where F = 1/2.
  EXPECT_DOUBLE_EQ(hallsim::sim::ks_distance({2.0, 2.0, 2.0}, uniform), 0.5);
}

TEST(FamilyCdf, LogNormalHasHalfItsMassBelowTheMedianAndGammaWithCvOneIsExponential) {
  // The median of a log-normal with mean m and cv c is m / sqrt(1 + c^2).
  EXPECT_NEAR(hallsim::sim::lognormal_cdf(600.0 / std::sqrt(1.0 + 0.64), 600.0, 0.8), 0.5, 1e-12);
  EXPECT_EQ(hallsim::sim::lognormal_cdf(0.0, 600.0, 0.8), 0.0);
  for (const double x : {10.0, 300.0, 1200.0}) {
    EXPECT_NEAR(hallsim::sim::gamma_cdf(x, 300.0, 1.0), 1.0 - std::exp(-x / 300.0), 1e-12);
  }
}

TEST(ServiceTimeFit, MomentsOfASmallSampleByHand) {
  // Mean 250; deviations -150, -50, 50, 150: variance 50000 / 3.
  const auto fit = hallsim::sim::fit_service_times({100.0, 200.0, 300.0, 400.0}, "x");
  EXPECT_EQ(fit.item, "x");
  EXPECT_EQ(fit.count, 4u);
  EXPECT_DOUBLE_EQ(fit.mean, 250.0);
  EXPECT_NEAR(fit.stddev, std::sqrt(50000.0 / 3.0), 1e-9);
  EXPECT_NEAR(fit.cv, std::sqrt(50000.0 / 3.0) / 250.0, 1e-12);
  EXPECT_NEAR(fit.mean_standard_error, std::sqrt(50000.0 / 3.0) / 2.0, 1e-9);
  EXPECT_TRUE(fit.choice == DistributionKind::lognormal || fit.choice == DistributionKind::gamma);
  const auto one = hallsim::sim::fit_service_times({42.0});
  EXPECT_EQ(one.choice, DistributionKind::deterministic);
  EXPECT_EQ(one.spec().kind, DistributionKind::deterministic);
  EXPECT_EQ(one.spec().mean, 42.0);
  EXPECT_EQ(hallsim::sim::fit_service_times({}).count, 0u);
}

// Raw moments E[X^k], k = 1..4, of the true distribution.
struct RawMoments {
  double m1, m2, m3, m4;
};

RawMoments lognormal_moments(double mean, double cv) {
  const double s2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * s2;
  const auto m = [&](double k) { return std::exp(k * mu + 0.5 * k * k * s2); };
  return {m(1), m(2), m(3), m(4)};
}

RawMoments gamma_moments(double mean, double cv) {
  const double a = 1.0 / (cv * cv);
  const double t = mean * cv * cv;
  return {a * t, a * (a + 1) * t * t, a * (a + 1) * (a + 2) * t * t * t,
          a * (a + 1) * (a + 2) * (a + 3) * t * t * t * t};
}

// Standard error of the sample cv = sqrt(M2 - M1^2) / M1 by the delta method.
double cv_standard_error(const RawMoments& m, double n) {
  const double v = m.m2 - m.m1 * m.m1;
  const double g1 = -1.0 / std::sqrt(v) - std::sqrt(v) / (m.m1 * m.m1);
  const double g2 = 0.5 / (std::sqrt(v) * m.m1);
  const double s11 = v;
  const double s12 = m.m3 - m.m1 * m.m2;
  const double s22 = m.m4 - m.m2 * m.m2;
  return std::sqrt((g1 * g1 * s11 + 2 * g1 * g2 * s12 + g2 * g2 * s22) / n);
}

// The fitted mean and cv of `n` times from a law of `mean`, `cv` and raw moments `m` lie within
// four standard errors: sigma / sqrt(n) for the mean (plus `rounding` when the times were
// rounded), the delta method's for the cv.
void expect_mean_and_cv(const hallsim::sim::ServiceTimeFit& fit, double mean, double cv,
                        const RawMoments& m, double n, double rounding = 0.0) {
  EXPECT_NEAR(fit.mean, mean, 4 * mean * cv / std::sqrt(n) + rounding);
  EXPECT_NEAR(fit.cv, cv, 4 * cv_standard_error(m, n));
}

// The 1% critical value of the KS distance times sqrt(n): sqrt(-ln(0.005) / 2).
constexpr double kKsCritical1Percent = 1.628;

template <class D>
std::vector<double> draw(const D& d, std::size_t n, std::uint64_t seed) {
  const hallsim::sim::RandomSource source(seed);
  auto rng = source.stream("fit-test");
  std::vector<double> x(n);
  for (double& v : x) v = d(rng);
  return x;
}

TEST(ServiceTimeFit, RecoversALogNormalAndPrefersItToAGamma) {
  const double mean = 600.0;
  const double cv = 0.8;
  const std::size_t n = 4000;
  const auto fit =
      hallsim::sim::fit_service_times(draw(hallsim::sim::LogNormal(mean, cv), n, 7), "lognormal");
  expect_mean_and_cv(fit, mean, cv, lognormal_moments(mean, cv), n);
  EXPECT_EQ(fit.choice, DistributionKind::lognormal);
  EXPECT_LT(fit.ks_lognormal, fit.ks_gamma);
  // With the parameters estimated from the same sample the true distance is smaller still.
  EXPECT_LT(fit.ks_lognormal, kKsCritical1Percent / std::sqrt(n));
  EXPECT_EQ(fit.spec().kind, DistributionKind::lognormal);
  EXPECT_EQ(fit.spec().cv, fit.cv);
}

TEST(ServiceTimeFit, RecoversAGammaAndPrefersItToALogNormal) {
  const double mean = 420.0;
  const double cv = 0.8;
  const std::size_t n = 4000;
  const auto fit =
      hallsim::sim::fit_service_times(draw(hallsim::sim::Gamma(mean, cv), n, 8), "gamma");
  expect_mean_and_cv(fit, mean, cv, gamma_moments(mean, cv), n);
  EXPECT_EQ(fit.choice, DistributionKind::gamma);
  EXPECT_LT(fit.ks_gamma, kKsCritical1Percent / std::sqrt(n));
}

// `n` general counters c0, c1, ...
std::vector<hallsim::sim::SyntheticCounter> general_counters(int n) {
  std::vector<hallsim::sim::SyntheticCounter> counters;
  for (int c = 0; c < n; ++c) {
    std::string id = "c";  // appended: GCC 12 warns falsely on "c" + s (PR 105651)
    id += std::to_string(c);
    counters.push_back({id, "general"});
  }
  return counters;
}

// A hall open Monday to Friday 8:30-17:00 without a lunch break; item "a" arrives at 30 an
// hour, item "b" 100 a day spread evenly; enough counters that everyone is served at once.
hallsim::sim::Scenario known_scenario() {
  hallsim::sim::Scenario s;
  for (auto& d : s.calendar.days) d.has_lunch_break = false;
  s.calendar.days[5].open = false;
  hallsim::sim::ServiceItem a;
  a.id = "a";
  a.service_time = hallsim::sim::DistributionSpec::lognormal(300.0, 0.5);
  hallsim::sim::ServiceItem b;
  b.id = "b";
  b.service_time = hallsim::sim::DistributionSpec::gamma(900.0, 0.7);
  s.catalogue.items = {a, b};
  hallsim::sim::ItemDemand da;
  da.item = "a";
  for (int w = 0; w < 5; ++w) {
    for (int h = 8; h < 17; ++h)
      da.hourly_rate[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)] = 30.0;
  }
  hallsim::sim::ItemDemand db;
  db.item = "b";
  db.form = hallsim::sim::RateForm::daily_total;
  db.daily_total = {100, 100, 100, 100, 100, 0, 0};
  s.demand.items = {da, db};
  s.behaviour.renege_enabled = false;
  return s;
}

TEST(TicketLogFit, RecoversServiceTimesAndHourlyRatesFromALogThroughItsCsv) {
  const auto scenario = known_scenario();
  hallsim::sim::SyntheticLogSettings settings;
  settings.days = 40;  // Monday first: six of each weekday Monday to Friday
  settings.seed = 99;
  settings.counters = general_counters(30);
  const auto records = hallsim::sim::synthesize_ticket_log(scenario, settings);
  const auto log = hallsim::layout::parse_ticket_log(
      hallsim::layout::write_ticket_log(records, hallsim::layout::Date{2024, 3, 4}), "known.csv");
  ASSERT_EQ(log.records.size(), records.size());
  EXPECT_EQ(log.first_day, Weekday::mon);

  const auto fit = hallsim::sim::fit_ticket_log(log.records, log.first_day, scenario.calendar);
  EXPECT_EQ(fit.records, records.size());
  EXPECT_EQ(fit.served, records.size());  // 30 counters: nobody is left waiting
  EXPECT_EQ(fit.outside_hours, 0u);
  EXPECT_EQ(fit.days_observed, (std::array<int, 7>{6, 6, 6, 6, 6, 0, 0}));
  ASSERT_EQ(fit.services.size(), 2u);

  // Service times: the log's times are whole seconds, which moves each by at most a second.
  for (const auto& s : fit.services) {
    SCOPED_TRACE(s.item);
    const bool is_a = s.item == "a";
    const double mean = is_a ? 300.0 : 900.0;
    const double cv = is_a ? 0.5 : 0.7;
    const auto n = static_cast<double>(s.count);
    const RawMoments m = is_a ? lognormal_moments(mean, cv) : gamma_moments(mean, cv);
    expect_mean_and_cv(s, mean, cv, m, n, /*rounding=*/1.0);
    EXPECT_EQ(s.choice, is_a ? DistributionKind::lognormal : DistributionKind::gamma);
    EXPECT_NEAR(s.mean_standard_error, s.stddev / std::sqrt(n), 1e-9);
  }

  // Rates: a cell's count over D = 6 days is Poisson with mean rate x open hours x D, so the
  // estimate rate = count / (open hours x D) has standard error sqrt(rate / (open hours x D)).
  for (const auto& a : fit.arrivals) {
    SCOPED_TRACE(a.item);
    const double rate = a.item == "a" ? 30.0 : 100.0 / 8.5;
    for (std::size_t w = 0; w < 5; ++w) {
      for (std::size_t h = 0; h < 24; ++h) {
        const double open = h == 8 ? 0.5 : (h > 8 && h < 17 ? 1.0 : 0.0);
        if (open == 0.0) {
          EXPECT_EQ(a.hourly_rate[w][h], 0.0);
          continue;
        }
        EXPECT_NEAR(a.hourly_rate[w][h], rate, 4 * std::sqrt(rate / (open * 6)))
            << "weekday " << w << " hour " << h;
        EXPECT_NEAR(a.tickets_per_day[w][h], a.hourly_rate[w][h] * open, 1e-9);
      }
    }
    // The whole week's tickets: 30 days, 8.5 open hours each.
    double tickets = 0.0;
    for (std::size_t w = 0; w < 5; ++w) {
      for (const double t : a.tickets_per_day[w]) tickets += t * 6;
    }
    const double expected = rate * 8.5 * 30;
    EXPECT_NEAR(tickets, expected, 4 * std::sqrt(expected));
  }
  for (const auto& a : fit.arrivals) {
    EXPECT_TRUE(a.hourly_rate[5] == (std::array<double, 24>{}));  // Saturday: closed
  }
}

TEST(TicketLogFit, TicketsWhileTheDoorsAreShutStayOutOfTheRates) {
  std::vector<hallsim::sim::TicketRecord> records(4);
  records[0] = {0, 7 * kHour, "a", std::nan(""), std::nan(""), ""};          // before 8:30
  records[1] = {0, 9 * kHour, "a", 9 * kHour, 9 * kHour + 100, "c1"};        // Monday
  records[2] = {7, 9.5 * kHour, "a", 9.5 * kHour, 9.5 * kHour + 300, "c1"};  // next Monday
  records[3] = {6, 10 * kHour, "a", std::nan(""), std::nan(""), ""};         // Sunday: closed
  const auto fit = hallsim::sim::fit_ticket_log(records, Weekday::mon);
  EXPECT_EQ(fit.outside_hours, 2u);
  EXPECT_EQ(fit.days_observed[0], 2);  // day 0 and day 7
  EXPECT_EQ(fit.days_observed[6], 1);
  EXPECT_DOUBLE_EQ(fit.arrivals[0].hourly_rate[0][9], 1.0);  // two tickets over two Mondays
  EXPECT_EQ(fit.arrivals[0].hourly_rate[0][7], 0.0);
  EXPECT_EQ(fit.services[0].tickets, 4u);
  EXPECT_EQ(fit.services[0].count, 2u);
  EXPECT_DOUBLE_EQ(fit.services[0].mean, 200.0);
}

TEST(TicketLogFit, TheShippedSampleLogGivesBackItsScenariosFigures) {
  // scenarios/town-center-tickets.csv was drawn from town-center-weekday.json: two of each
  // day Monday to Saturday. Without walking, finish - call is the drawn service time.
  const std::string dir = std::string(HALLSIM_SOURCE_DIR) + "/scenarios/";
  const auto log = hallsim::layout::load_ticket_log(dir + "town-center-tickets.csv");
  const auto scenario = hallsim::layout::load_scenario(dir + "town-center-weekday.json");
  const auto fit = hallsim::sim::fit_ticket_log(log.records, log.first_day, scenario.calendar);
  EXPECT_EQ(fit.days_observed, (std::array<int, 7>{2, 2, 2, 2, 2, 2, 0}));
  EXPECT_EQ(fit.outside_hours, 0u);
  for (const auto& s : fit.services) {
    SCOPED_TRACE(s.item);
    const hallsim::sim::ServiceItem* item = nullptr;
    for (const auto& i : scenario.catalogue.items) {
      if (i.id == s.item) item = &i;
    }
    ASSERT_NE(item, nullptr);
    const double mean = item->service_time.mean;
    const double cv = item->service_time.cv;
    // Whole seconds in the log move a service time by at most a second.
    EXPECT_NEAR(s.mean, mean, 4 * mean * cv / std::sqrt(static_cast<double>(s.count)) + 1.0);
  }
  // A weekday's tickets are Poisson with mean 715 walk-ins less the kiosk users, 543.5
  // (test_scenario_ticket_log.cpp); the mean of two days has standard error sqrt(543.5 / 2).
  for (std::size_t w = 0; w < 5; ++w) {
    double per_day = 0.0;
    for (const auto& a : fit.arrivals) {
      for (const double t : a.tickets_per_day[w]) per_day += t;
    }
    EXPECT_NEAR(per_day, 543.5, 4 * std::sqrt(543.5 / 2)) << w;
  }
}

TEST(FittedScenario, LoadsAsAScenarioWithTheFittedFigures) {
  const auto scenario = known_scenario();
  hallsim::sim::SyntheticLogSettings settings;
  settings.days = 12;
  settings.seed = 5;
  settings.counters = general_counters(30);
  const auto records = hallsim::sim::synthesize_ticket_log(scenario, settings);
  const auto fit = hallsim::sim::fit_ticket_log(records, Weekday::mon, scenario.calendar);
  const std::string text =
      hallsim::layout::fitted_scenario_json(fit, scenario.calendar, "fitted", Weekday::mon);
  const auto f = hallsim::layout::parse_scenario_file(text, "fitted.json");
  EXPECT_EQ(f.scenario.name, "fitted");
  EXPECT_EQ(*f.first_day, Weekday::mon);
  ASSERT_EQ(f.scenario.catalogue.items.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& item = f.scenario.catalogue.items[i];
    EXPECT_EQ(item.id, fit.services[i].item);
    EXPECT_EQ(item.service_time.kind, fit.services[i].choice);
    EXPECT_NEAR(item.service_time.mean, fit.services[i].mean, 0.05);
    EXPECT_NEAR(item.service_time.cv, fit.services[i].cv, 0.0005);
    const auto& d = f.scenario.demand.items[i];
    EXPECT_EQ(d.form, hallsim::sim::RateForm::hourly);
    for (std::size_t w = 0; w < 7; ++w) {
      for (std::size_t h = 0; h < 24; ++h) {
        EXPECT_NEAR(d.hourly_rate[w][h], fit.arrivals[i].hourly_rate[w][h], 0.0005);
      }
    }
    // The fitted scenario brings, per weekday, the tickets per day the log had.
    double per_day = 0.0;
    for (const double t : fit.arrivals[i].tickets_per_day[1]) per_day += t;
    EXPECT_NEAR(hallsim::layout::expected_walk_ins(f.scenario, i, Weekday::tue), per_day, 0.02);
  }
  EXPECT_FALSE(f.scenario.calendar.days[0].has_lunch_break);
  EXPECT_FALSE(f.scenario.calendar.days[5].open);
}

}  // namespace
