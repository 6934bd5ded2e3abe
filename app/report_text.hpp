#pragma once
/// \file
/// Pieces shared by the reports and options of `hallsim tune`, `hallsim size` and
/// `hallsim fit`: numbers and clock times as text, columns that line up with Chinese names,
/// durations and weekdays read from options, the options of a tuning, and the exit codes of
/// the errors a command reports. Header-only: the app's build compiles its cmd_*.cpp files.

#include <CLI/CLI.hpp>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/sim/staffing.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::app {

/// A bad option value: the command exits with kExitBadInput and the message.
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// `x` with `digits` decimals; "-" when it is not a number.
inline std::string fixed(double x, int digits) {
  if (!std::isfinite(x)) {
    return "-";
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

/// "mean ± half-width" of an estimate shown times `scale`; "-" when nothing was measured.
inline std::string with_ci(const sim::Estimate& e, int digits, double scale = 1.0) {
  if (e.n == 0 || !std::isfinite(e.mean)) {
    return "-";
  }
  return fixed(e.mean * scale, digits) + " ± " + fixed(e.half_width * scale, digits);
}

/// `s` filled with spaces to `width` terminal columns, after it or (`right`) before it. A
/// Chinese character takes two columns; text as wide as the column or wider gets one space,
/// so that neighbouring columns never run together.
inline std::string pad(const std::string& s, std::size_t width, bool right = false) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    columns += len >= 3 ? 2 : 1;  // CJK text takes two columns
    i += len;
  }
  const std::string fill(columns >= width ? (right ? 0 : 1) : width - columns, ' ');
  return right ? fill + s : s + fill;
}

/// Seconds from midnight as "08:30" (with ":ss" when the seconds are not zero).
inline std::string clock(double t) {
  const auto s = static_cast<long>(std::lround(t));
  std::ostringstream out;
  out << std::setfill('0') << std::setw(2) << s / 3600 << ":" << std::setw(2) << (s % 3600) / 60;
  if (s % 60 != 0) {
    out << ":" << std::setw(2) << s % 60;
  }
  return out.str();
}

/// "30min", "1800s", "2h" as seconds; nullopt for anything else (or a negative number).
inline std::optional<double> parse_duration(const std::string& text) {
  const std::array<std::pair<const char*, double>, 3> units{
      {{"min", 60.0}, {"s", 1.0}, {"h", 3600.0}}};
  for (const auto& [unit, factor] : units) {
    const std::string u(unit);
    if (text.size() > u.size() && text.compare(text.size() - u.size(), u.size(), u) == 0) {
      try {
        std::size_t used = 0;
        const std::string number = text.substr(0, text.size() - u.size());
        const double x = std::stod(number, &used);
        if (used == number.size() && std::isfinite(x) && x >= 0.0) {
          return x * factor;
        }
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

/// A duration option's value in seconds; throws OptionError naming the option otherwise.
inline double duration_option(const std::string& text, const std::string& option) {
  const std::optional<double> d = parse_duration(text);
  if (!d) {
    throw OptionError(option + " \"" + text +
                      "\" is not a duration; write a number with min, s or h, e.g. 30min");
  }
  return *d;
}

/// "mon".."sun" as a weekday; nullopt for anything else.
inline std::optional<sim::Weekday> parse_weekday(const std::string& s) {
  for (int w = 0; w < sim::kWeekdays; ++w) {
    if (s == sim::to_string(static_cast<sim::Weekday>(w))) {
      return static_cast<sim::Weekday>(w);
    }
  }
  return std::nullopt;
}

/// "Monday".."Sunday".
inline const char* weekday_name(sim::Weekday d) {
  static constexpr std::array<const char*, 7> kNames{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                     "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<std::size_t>(d)];
}

/// Adds `--format text|json` (`what` says what is formatted).
inline void add_format_option(CLI::App* cmd, std::string& format, const std::string& what) {
  cmd->add_option("--format", format, what + ": text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

/// The options `hallsim tune` and `hallsim size` share.
struct TuningOptions {
  std::string target = "p90_wait<=15min";
  std::string period = "30min";
  std::string min_shift = "2h";
  std::string day;  ///< empty: the command's default day
  int replications = 30;
  int verify_replications = 100;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string format = "text";
  std::string output;
};

/// Help texts where the two commands differ.
struct TuningOptionHelp {
  std::string period;
  std::string min_shift;
  std::string day;
  std::string verify_replications;
  std::string seed;
};

/// Adds the shared options; `add_between` adds the command's own after --min-shift, so that
/// --help lists them where they belong.
inline void add_tuning_options(CLI::App* cmd, TuningOptions& o, const TuningOptionHelp& help,
                               const std::function<void()>& add_between = {}) {
  cmd->add_option(
         "--target", o.target,
         std::string("service target, per period unless prefixed day:\n") + sim::target_forms())
      ->capture_default_str();
  cmd->add_option("--period", o.period, help.period)->capture_default_str();
  cmd->add_option("--min-shift", o.min_shift, help.min_shift)->capture_default_str();
  if (add_between) {
    add_between();
  }
  cmd->add_option("--day", o.day, help.day)
      ->check(CLI::IsMember({"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
  cmd->add_option("--replications", o.replications, "replications per plan during the search")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  cmd->add_option("--verify-replications", o.verify_replications, help.verify_replications)
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  cmd->add_option("--seed", o.seed, help.seed)->capture_default_str();
  cmd->add_option("--threads", o.threads, "worker threads (default: every core)");
  add_format_option(cmd, o.format, "report");
  cmd->add_option("--output", o.output, "write the report to this file (atomically)");
}

/// The settings the shared options give (the day is left to the command). Throws OptionError
/// for a target, period or minimum shift that cannot be read.
inline sim::TuneSettings tuning_settings(const TuningOptions& o) {
  sim::TuneSettings s;
  try {
    s.target = sim::parse_target(o.target);
  } catch (const sim::TargetError& e) {
    throw OptionError(std::string("--target: ") + e.what());
  }
  s.period = duration_option(o.period, "--period");
  if (s.period < 60.0) {
    throw OptionError("--period must be at least 1min");
  }
  s.min_shift = duration_option(o.min_shift, "--min-shift");
  s.replications = o.replications;
  s.verify_replications = o.verify_replications;
  s.seed = o.seed;
  s.verify_seed = o.seed + 1000003;  // any other seed: fresh visitors
  s.threads = o.threads;
  return s;
}

/// Runs a command's body; bad input, a bad option and an output that cannot be written print
/// their message (with "hallsim <name>: ") and exit with kExitBadInput.
inline int run_reporting_errors(const std::string& name, const std::function<int()>& body) {
  try {
    return body();
  } catch (const layout::InputError& e) {
    return report_input_error(e);
  } catch (const OptionError& e) {
    std::cerr << "hallsim " << name << ": " << e.what() << "\n";
    return kExitBadInput;
  } catch (const OutputError& e) {
    std::cerr << "hallsim " << name << ": " << e.what() << "\n";
    return kExitBadInput;
  }
}

/// Writes a report to `output` (atomically, saying so on stdout) or, when it is empty, to
/// stdout.
inline void print_report(const std::string& name, const std::string& text,
                         const std::string& output) {
  if (!output.empty()) {
    write_file_atomically(output, text);
    std::cout << "hallsim " << name << ": report written to " << output << "\n";
  } else {
    std::cout << text;
  }
}

}  // namespace hallsim::app
