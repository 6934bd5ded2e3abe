// Service targets: reading "p90_wait<=15min" and friends, and what each one measures.

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

#include "hallsim/sim/tuning.hpp"

namespace hallsim::sim {

namespace {

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) {
    ++a;
  }
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) {
    --b;
  }
  return std::string(s.substr(a, b - a));
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// A whole string as a finite number, or NaN.
double number(std::string_view s) {
  double x = 0.0;
  const auto* end = s.data() + s.size();
  const auto r = std::from_chars(s.data(), end, x);
  if (s.empty() || r.ec != std::errc() || r.ptr != end || !std::isfinite(x)) {
    return std::nan("");
  }
  return x;
}

/// "15min", "900s", "0.5h" as seconds; NaN if not such a duration.
double duration(std::string_view s) {
  const std::array<std::pair<std::string_view, double>, 4> units{
      {{"min", 60.0}, {"m", 60.0}, {"s", 1.0}, {"h", 3600.0}}};
  for (const auto& [unit, factor] : units) {
    if (s.size() > unit.size() && s.substr(s.size() - unit.size()) == unit) {
      const double x = number(s.substr(0, s.size() - unit.size()));
      return x > 0.0 ? x * factor : std::nan("");
    }
  }
  return std::nan("");
}

/// "10%" or "0.1" as a share in [0, 1]; NaN otherwise.
double share(std::string_view s) {
  double x = 0.0;
  if (!s.empty() && s.back() == '%') {
    x = number(s.substr(0, s.size() - 1)) / 100.0;
  } else {
    x = number(s);
  }
  return x > 0.0 && x <= 1.0 ? x : std::nan("");
}

std::string shortest(double x) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  return {buf.data(), r.ptr};
}

std::string minutes_text(double seconds) {
  return shortest(seconds / 60.0) + "min";
}

std::string percent_text(double s) {
  return shortest(std::round(s * 1e6) / 1e4) + "%";
}

}  // namespace

TargetError::TargetError(const std::string& message) : std::invalid_argument(message) {}

const char* target_forms() {
  return "  pNN_wait<=Tmin             NN% of visitors wait at most T minutes (e.g. "
         "p90_wait<=15min)\n"
         "  mean_wait<=Tmin            the mean wait is at most T minutes\n"
         "  share_wait_over_Tmin<=S    at most S of visitors wait over T minutes (S: 0.1 or 10%)\n"
         "  prob_wait<=S               at most S of visitors wait at all\n"
         "  abandonment<=S             at most S of visitors leave unserved (balk or renege)\n"
         "  prefix day: for a whole-day target (e.g. day:p90_wait<=15min); the default is every "
         "period\n"
         "  durations take min, s or h";
}

ServiceTarget parse_target(std::string_view text) {
  const std::string original(text);
  auto fail = [&original](const std::string& why) -> ServiceTarget {
    throw TargetError("cannot read the target \"" + original + "\": " + why +
                      ". Accepted forms:\n" + target_forms());
  };
  std::string s = trim(text);
  ServiceTarget t;
  if (starts_with(s, "day:")) {
    t.scope = TargetScope::day;
    s = trim(std::string_view(s).substr(4));
  } else if (starts_with(s, "period:")) {
    s = trim(std::string_view(s).substr(7));
  }
  const std::size_t op = s.find("<=");
  if (op == std::string::npos) {
    return fail("it has no \"<=\"");
  }
  const std::string lhs = trim(std::string_view(s).substr(0, op));
  const std::string rhs = trim(std::string_view(s).substr(op + 2));
  if (lhs == "mean_wait") {
    t.kind = TargetKind::mean_wait;
    t.wait = duration(rhs);
    if (std::isnan(t.wait)) {
      return fail("\"" + rhs + "\" is not a duration such as 5min (above zero)");
    }
    t.share = 0.0;
    return t;
  }
  if (lhs == "prob_wait" || lhs == "abandonment") {
    t.kind = lhs == "prob_wait" ? TargetKind::prob_wait : TargetKind::abandonment;
    t.share = share(rhs);
    t.wait = 0.0;
    if (std::isnan(t.share)) {
      return fail("\"" + rhs + "\" is not a share such as 0.05 or 5% (above zero)");
    }
    return t;
  }
  const std::string over = "share_wait_over_";
  if (starts_with(lhs, over)) {
    t.kind = TargetKind::share_over;
    t.wait = duration(std::string_view(lhs).substr(over.size()));
    t.share = share(rhs);
    if (std::isnan(t.wait)) {
      return fail("\"" + lhs.substr(over.size()) +
                  "\" is not a duration such as 15min (above zero)");
    }
    if (std::isnan(t.share)) {
      return fail("\"" + rhs + "\" is not a share such as 0.1 or 10% (above zero)");
    }
    return t;
  }
  if (lhs.size() > 6 && lhs[0] == 'p' && lhs.substr(lhs.size() - 5) == "_wait") {
    const double pct = number(std::string_view(lhs).substr(1, lhs.size() - 6));
    if (!(pct > 0.0 && pct < 100.0)) {
      return fail("the percentile in \"" + lhs + "\" must lie between 0 and 100 (e.g. p90)");
    }
    t.kind = TargetKind::wait_percentile;
    t.share = 1.0 - pct / 100.0;
    t.wait = duration(rhs);
    if (std::isnan(t.wait)) {
      return fail("\"" + rhs + "\" is not a duration such as 15min");
    }
    return t;
  }
  return fail("\"" + lhs + "\" is not a measure it knows");
}

double ServiceTarget::limit() const {
  return kind == TargetKind::mean_wait ? wait : share;
}

double ServiceTarget::measure(double wait_seconds, bool abandoned) const {
  switch (kind) {
    case TargetKind::wait_percentile:
    case TargetKind::share_over:
      return wait_seconds > wait ? 1.0 : 0.0;
    case TargetKind::mean_wait:
      return wait_seconds;
    case TargetKind::prob_wait:
      return wait_seconds > 0.0 ? 1.0 : 0.0;
    case TargetKind::abandonment:
      return abandoned ? 1.0 : 0.0;
  }
  assert(false);
  return 0.0;
}

std::string ServiceTarget::text() const {
  std::string body;
  switch (kind) {
    case TargetKind::wait_percentile:
      body = shortest(std::round((1.0 - share) * 1e6) / 1e4);
      body.insert(0, 1, 'p');
      body += "_wait<=";
      body += minutes_text(wait);
      break;
    case TargetKind::mean_wait:
      body = "mean_wait<=" + minutes_text(wait);
      break;
    case TargetKind::share_over:
      body = "share_wait_over_" + minutes_text(wait) + "<=" + percent_text(share);
      break;
    case TargetKind::prob_wait:
      body = "prob_wait<=" + percent_text(share);
      break;
    case TargetKind::abandonment:
      body = "abandonment<=" + percent_text(share);
      break;
  }
  // Prefixes are inserted in place: GCC 12 misreads "p" + text as an overlapping copy
  // (-Wrestrict).
  if (scope == TargetScope::day) {
    body.insert(0, "day:");
  }
  return body;
}

std::string ServiceTarget::sentence() const {
  std::string s;
  switch (kind) {
    case TargetKind::wait_percentile:
      s = percent_text(1.0 - share) + " of visitors wait at most " + shortest(wait / 60.0) + " min";
      break;
    case TargetKind::mean_wait:
      s = "the mean wait is at most " + shortest(wait / 60.0) + " min";
      break;
    case TargetKind::share_over:
      s = "at most " + percent_text(share) + " of visitors wait over " + shortest(wait / 60.0) +
          " min";
      break;
    case TargetKind::prob_wait:
      s = "at most " + percent_text(share) + " of visitors wait at all";
      break;
    case TargetKind::abandonment:
      s = "at most " + percent_text(share) + " of visitors leave unserved";
      break;
  }
  return s + (scope == TargetScope::day ? ", over the whole day" : ", in every period");
}

}  // namespace hallsim::sim
