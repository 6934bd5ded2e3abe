// Ticket logs: the CSV a queue-management system exports (one line per ticket), read into
// sim::TicketRecord, and written back for synthetic samples.

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hallsim/layout/scenario_loader.hpp"
#include "scenario_checks.hpp"
#include "scenario_json.hpp"

namespace hallsim::layout {

namespace {

constexpr const char* kWhat = "a ticket-log .csv file";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class Column { date, ticket_time, item, call_time, finish_time, counter, ticket };

struct ColumnName {
  Column column;
  const char* name;
  bool required;
};

constexpr auto kColumns = std::to_array<ColumnName>({
    {Column::date, "date", true},
    {Column::ticket_time, "ticket_time", true},
    {Column::item, "item", true},
    {Column::call_time, "call_time", false},
    {Column::finish_time, "finish_time", false},
    {Column::counter, "counter", false},
    {Column::ticket, "ticket", false},
});

std::vector<std::string> column_names() {
  std::vector<std::string> names;
  for (const ColumnName& c : kColumns) {
    names.emplace_back(c.name);
  }
  return names;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes). Returns nothing and
// sets `bad_column` (from 1) if a quote is left open or text follows a closing quote.
std::optional<std::vector<std::string>> split_fields(std::string_view line,
                                                     std::size_t& bad_column) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    std::string field;
    const std::size_t start = line.find_first_not_of(" \t", i);
    if (start != std::string_view::npos && line[start] == '"') {
      i = start + 1;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field += line[i++];
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
      }
      if (!closed || (i < line.size() && line[i] != ',')) {
        bad_column = fields.size() + 1;
        return std::nullopt;
      }
      fields.push_back(std::move(field));
    } else {
      const std::size_t end = std::min(line.find(',', i), line.size());
      fields.push_back(trim(line.substr(i, end - i)));
      i = end;
    }
    if (i >= line.size()) {
      break;
    }
    ++i;  // the comma
  }
  return fields;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return std::nullopt;
  }
  const std::string_view v(s);
  if (!all_digits(v.substr(0, 4)) || !all_digits(v.substr(5, 2)) || !all_digits(v.substr(8, 2))) {
    return std::nullopt;
  }
  Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

// "H:MM", "HH:MM", "H:MM:SS" or "HH:MM:SS", up to 24:00:00.
std::optional<double> parse_clock(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = s.find(':', start);
    parts.push_back(
        s.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) {
      break;
    }
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) {
    return std::nullopt;
  }
  if (parts[0].empty() || parts[0].size() > 2) {
    return std::nullopt;
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (!all_digits(parts[k]) || (k > 0 && parts[k].size() != 2)) {
      return std::nullopt;
    }
  }
  const int h = std::stoi(parts[0]);
  const int m = std::stoi(parts[1]);
  const int sec = parts.size() == 3 ? std::stoi(parts[2]) : 0;
  if (h > 24 || m > 59 || sec > 59 || (h == 24 && (m != 0 || sec != 0))) {
    return std::nullopt;
  }
  return h * 3600.0 + m * 60.0 + sec;
}

std::string clock_hms(double seconds) {
  const auto total = std::lround(seconds);
  const auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(total / 3600) + ":" + two((total / 60) % 60) + ":" + two(total % 60);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos && trim(s) == s) {
    return s;
  }
  std::string quoted = "\"";
  for (const char c : s) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + "\"";
}

// Collects the problems of a log, up to a limit, then counts the rest.
class LogProblems {
 public:
  explicit LogProblems(std::string file) : sink_(std::move(file)) {}

  void add(std::size_t line, std::size_t column, const std::string& message,
           const std::string& hint) {
    ++count_;
    if (sink_.size() >= kMaxTicketLogDiagnostics) {
      return;
    }
    std::string place = "line " + std::to_string(line);
    if (column > 0) {
      place += ", column " + std::to_string(column);
    }
    sink_.error(place, message, hint);
  }
  bool empty() const { return count_ == 0; }

  [[noreturn]] void raise() const {
    auto all = detail::diagnostics_of(sink_);
    if (count_ > all.size()) {
      all.push_back(Diagnostic{sink_.file(), "",
                               std::to_string(count_ - all.size()) + " more problems not shown",
                               "fix the ones above and read the log again"});
    }
    throw InputError(std::move(all));
  }

 private:
  DiagnosticSink sink_;
  std::size_t count_ = 0;
};

struct Line {
  std::size_t number = 0;
  std::string_view text;
};

std::vector<Line> data_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++number;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') {
      lines.push_back({number, line});
    }
    if (end == text.size()) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::int64_t days_since_epoch(const Date& date) {
  // Howard Hinnant's days_from_civil.
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

sim::Weekday weekday_of(const Date& date) {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  const std::int64_t k = ((days_since_epoch(date) + 3) % 7 + 7) % 7;
  return static_cast<sim::Weekday>(k);
}

std::string to_string(const Date& date) {
  const auto pad = [](int v, std::size_t width) {
    std::string s = std::to_string(v);
    return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
  };
  return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2);
}

TicketLog parse_ticket_log(std::string_view csv_text, const std::string& file) {
  DiagnosticSink sink(file);
  const auto text = detail::checked_utf8(csv_text, kWhat, sink);
  if (!text) {
    sink.throw_if_any();
  }
  const std::vector<Line> lines = data_lines(*text);
  if (lines.empty()) {
    sink.error("", "the ticket log is empty",
               "write a header line (date,ticket_time,item,call_time,finish_time,counter) and "
               "one line per ticket");
    sink.throw_if_any();
  }

  // The header names the columns, in any order.
  LogProblems problems(file);
  const Line& header = lines.front();
  std::size_t bad_column = 0;
  const auto names = split_fields(header.text, bad_column);
  std::vector<std::optional<Column>> columns;
  TicketLog log;
  if (!names) {
    problems.add(header.number, bad_column, "a quote in the header is not closed",
                 "close the quote or remove it");
    problems.raise();
  }
  const auto known = column_names();
  for (std::size_t i = 0; i < names->size(); ++i) {
    const std::string& name = (*names)[i];
    const auto match = std::find_if(kColumns.begin(), kColumns.end(),
                                    [&](const ColumnName& c) { return name == c.name; });
    if (match == kColumns.end()) {
      problems.add(header.number, i + 1,
                   "unknown column \"" + name + "\"" + detail::did_you_mean(name, known),
                   "rename or remove it; the columns are: " + detail::joined(known));
      columns.emplace_back();
      continue;
    }
    if (std::find(columns.begin(), columns.end(), match->column) != columns.end()) {
      problems.add(header.number, i + 1, "the column \"" + name + "\" appears twice",
                   "keep only one of them");
    }
    columns.emplace_back(match->column);
  }
  for (const ColumnName& c : kColumns) {
    if (c.required && std::find(columns.begin(), columns.end(), c.column) == columns.end()) {
      problems.add(header.number, 0, std::string("the header has no \"") + c.name + "\" column",
                   "add it; a ticket log needs the columns date, ticket_time and item");
    }
  }
  if (!problems.empty()) {
    problems.raise();
  }
  log.columns = *names;

  std::vector<std::int64_t> dates;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const Line& line = lines[k];
    const auto fields = split_fields(line.text, bad_column);
    if (!fields) {
      problems.add(line.number, bad_column,
                   "a quote is not closed, or text follows a closing quote",
                   "close the quote; inside quotes write a quote as \"\"");
      continue;
    }
    if (fields->size() != columns.size()) {
      problems.add(line.number, 0,
                   "the line has " + std::to_string(fields->size()) + " fields, the header " +
                       std::to_string(columns.size()),
                   "give one value per column (empty for an unknown time); quote values that "
                   "contain commas");
      continue;
    }
    sim::TicketRecord r;
    std::int64_t date = 0;
    bool ok = true;
    std::size_t call_col = 0;
    std::size_t finish_col = 0;
    for (std::size_t i = 0; i < fields->size(); ++i) {
      const std::string& v = (*fields)[i];
      const std::size_t col = i + 1;
      const auto time = [&](const char* what, bool required) -> double {
        if (v.empty() && !required) {
          return kNaN;
        }
        const auto t = parse_clock(v);
        if (!t) {
          problems.add(line.number, col, std::string(what) + " \"" + v + "\" is not a time of day",
                       std::string("write HH:MM:SS, e.g. 08:05:00") +
                           (required ? "" : ", or leave it empty if unknown"));
          ok = false;
          return kNaN;
        }
        return *t;
      };
      switch (*columns[i]) {
        case Column::date:
          if (const auto d = parse_date(v)) {
            date = days_since_epoch(*d);
          } else {
            problems.add(line.number, col, "date \"" + v + "\" is not a calendar date",
                         "write the date as YYYY-MM-DD, e.g. 2024-03-04");
            ok = false;
          }
          break;
        case Column::ticket_time:
          r.ticket_time = time("ticket_time", true);
          break;
        case Column::item:
          if (v.empty()) {
            problems.add(line.number, col, "the item is empty",
                         "write the catalogue id of the ticket's item");
            ok = false;
          }
          r.item = v;
          break;
        case Column::call_time:
          r.call_time = time("call_time", false);
          call_col = col;
          break;
        case Column::finish_time:
          r.finish_time = time("finish_time", false);
          finish_col = col;
          break;
        case Column::counter:
          r.counter = v;
          break;
        case Column::ticket:
          break;
      }
    }
    if (!ok) {
      continue;
    }
    if (std::isfinite(r.finish_time) && !std::isfinite(r.call_time)) {
      problems.add(line.number, finish_col, "a finish time without a call time",
                   "give the call time, or leave both empty");
      continue;
    }
    if (std::isfinite(r.call_time) && r.call_time < r.ticket_time) {
      problems.add(line.number, call_col,
                   "called at " + clock_hms(r.call_time) + ", before the ticket was taken at " +
                       clock_hms(r.ticket_time),
                   "check the times (a ticket is called after it is taken, on the same day)");
      continue;
    }
    if (std::isfinite(r.finish_time) && r.finish_time < r.call_time) {
      problems.add(line.number, finish_col,
                   "finished at " + clock_hms(r.finish_time) + ", before the call at " +
                       clock_hms(r.call_time),
                   "check the times (service finishes after the call, on the same day)");
      continue;
    }
    dates.push_back(date);
    log.records.push_back(std::move(r));
    log.lines.push_back(line.number);
  }
  if (!problems.empty()) {
    problems.raise();
  }
  if (log.records.empty()) {
    sink.error("line " + std::to_string(header.number),
               "the ticket log has a header but no tickets",
               "add one line per ticket below the header");
    sink.throw_if_any();
  }
  const std::int64_t first = *std::min_element(dates.begin(), dates.end());
  const std::int64_t last = *std::max_element(dates.begin(), dates.end());
  for (std::size_t i = 0; i < log.records.size(); ++i) {
    log.records[i].day = static_cast<int>(dates[i] - first);
  }
  log.first_date = date_from_days(first);
  log.first_day = weekday_of(log.first_date);
  log.days = static_cast<int>(last - first + 1);
  return log;
}

TicketLog load_ticket_log(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  DiagnosticSink sink(file.string());
  const auto text = detail::read_input_file(file, max_bytes, kWhat, sink);
  if (!text) {
    sink.throw_if_any();
  }
  return parse_ticket_log(*text, file.string());
}

std::string write_ticket_log(const std::vector<sim::TicketRecord>& records, const Date& first_date,
                             const std::vector<std::string>& comment) {
  std::string out;
  for (const std::string& line : comment) {
    out += "# " + line + "\n";
  }
  out += "date,ticket_time,item,call_time,finish_time,counter\n";
  const std::int64_t first = days_since_epoch(first_date);
  for (const sim::TicketRecord& r : records) {
    out += to_string(date_from_days(first + r.day));
    out += ',' + clock_hms(r.ticket_time);
    out += ',' + csv_field(r.item);
    out += ',' + (std::isfinite(r.call_time) ? clock_hms(r.call_time) : std::string());
    out += ',' + (std::isfinite(r.finish_time) ? clock_hms(r.finish_time) : std::string());
    out += ',' + csv_field(r.counter);
    out += '\n';
  }
  return out;
}

}  // namespace hallsim::layout
