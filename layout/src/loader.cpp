#include "hallsim/layout/loader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "enum_names.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "plan_checks.hpp"
#include "schema_messages.hpp"

namespace hallsim::layout {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxTextBytes = 65536;
constexpr std::uintmax_t kMebibyte = std::uintmax_t{1024} * 1024;

// Line and column (in characters, from 1) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0U) != 0x80U) {
      ++column;  // continuation bytes belong to the character before
    }
  }
  return {line, column};
}

std::string where(std::string_view text, std::size_t offset) {
  const auto [line, column] = line_column(text, offset);
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Offset of the first byte that breaks UTF-8 (RFC 3629), if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (b0 < 0x80) {
      length = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) {
        lo = 0xA0;  // overlong
      }
      if (b0 == 0xED) {
        hi = 0x9F;  // surrogates
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) {
        lo = 0x90;  // overlong
      }
      if (b0 == 0xF4) {
        hi = 0x8F;  // above U+10FFFF
      }
    } else {
      return i;
    }
    if (i + length > text.size()) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      const unsigned first_lo = k == 1 ? lo : 0x80U;
      const unsigned first_hi = k == 1 ? hi : 0xBFU;
      if (b < first_lo || b > first_hi) {
        return i;
      }
    }
    i += length;
  }
  return std::nullopt;
}

std::string hex_byte(unsigned char b) {
  constexpr const char* kDigits = "0123456789ABCDEF";
  return std::string("0x") + kDigits[b >> 4U] + kDigits[b & 0x0FU];
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

// Builds the document while keeping the JSON pointer of the value being read, so that a
// syntax error, an over-deep nesting or a repeated key can be reported where it is.
class TrackingBuilder : public nlohmann::json_sax<json> {
 public:
  TrackingBuilder(std::string_view text, DiagnosticSink& sink) : text_(text), sink_(sink) {}

  bool null() override { return add(json(nullptr)); }
  bool boolean(bool value) override { return add(json(value)); }
  bool number_integer(number_integer_t value) override { return add(json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return add(json(value)); }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return add(json(value));
  }
  bool string(string_t& value) override { return add(json(std::move(value))); }
  bool binary(binary_t& /*value*/) override { return add(json(nullptr)); }
  bool start_object(std::size_t /*elements*/) override { return open(json::object(), false); }
  bool key(string_t& name) override {
    Frame& top = frames_.back();
    if (top.value.contains(name)) {
      sink_.error(pointer_with(name), "the field \"" + name + "\" appears twice in one object",
                  "keep only one of them");
    }
    top.key = std::move(name);
    top.key_pending = true;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(json::array(), true); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    // nlohmann's last token may include earlier characters ("2, N"); the offending word is
    // the run of letters and signs that ends where reading stopped.
    std::size_t token_start = std::min(position, text_.size());
    while (token_start > 0) {
      const char c = text_[token_start - 1];
      if (std::isalpha(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '+') {
        break;
      }
      --token_start;
    }
    const std::string_view rest = text_.substr(std::min(token_start, text_.size()));
    const bool nan_like = starts_with_nocase(rest, "nan") || starts_with_nocase(rest, "-nan") ||
                          starts_with_nocase(rest, "inf") || starts_with_nocase(rest, "-inf") ||
                          starts_with_nocase(rest, "+inf");
    std::string reason = ex.what();
    if (const auto pos = reason.find("syntax error"); pos != std::string::npos) {
      reason = reason.substr(pos);
    } else if (const auto bracket = reason.find("] "); bracket != std::string::npos) {
      reason = reason.substr(bracket + 2);  // drop nlohmann's "[json.exception...]" tag
    }
    const std::string place =
        where(text_, nan_like ? token_start : (position > 0 ? position - 1 : 0));
    if (nan_like) {
      sink_.error(pointer(),
                  "not valid JSON at " + place + ": NaN and Infinity are not numbers in JSON",
                  "write a finite number, or leave out the field if it is optional");
    } else if (reason.find("number overflow") != std::string::npos) {
      sink_.error(pointer(), "not valid JSON at " + place + ": the number is too large to hold",
                  "write a smaller number");
    } else if (reason.find("end of input") != std::string::npos) {
      sink_.error(pointer(),
                  "not valid JSON: the file ends at " + where(text_, text_.size()) +
                      " before the JSON is complete (is it cut short?)",
                  "finish the last value and close every open '{' and '['");
    } else {
      sink_.error(pointer(), "not valid JSON at " + place + ": " + reason,
                  "fix the JSON there; a missing comma, quote or bracket is the usual cause");
    }
    return false;
  }

  /// The document (only meaningful after a successful parse).
  json take() { return std::move(root_); }

 private:
  struct Frame {
    json value;
    bool is_array = false;
    std::string key;
    bool key_pending = false;
  };

  std::vector<std::string> tokens() const {
    std::vector<std::string> result;
    for (const Frame& f : frames_) {
      if (f.is_array) {
        result.push_back(std::to_string(f.value.size()));
      } else if (f.key_pending) {
        result.push_back(f.key);
      } else {
        break;
      }
    }
    return result;
  }
  std::string pointer() const { return json_pointer(tokens()); }
  std::string pointer_with(const std::string& name) const {
    auto t = tokens();
    t.push_back(name);
    return json_pointer(t);
  }

  bool open(json value, bool is_array) {
    if (static_cast<int>(frames_.size()) >= kMaxPlanNesting) {
      sink_.error(pointer(),
                  "the JSON nests arrays and objects more than " + std::to_string(kMaxPlanNesting) +
                      " levels deep",
                  "a floor plan nests at most 5 levels; check the brackets here");
      return false;
    }
    frames_.push_back(Frame{std::move(value), is_array, {}, false});
    return true;
  }

  bool close() {
    Frame top = std::move(frames_.back());
    frames_.pop_back();
    return add(std::move(top.value));
  }

  bool add(json value) {
    if (frames_.empty()) {
      root_ = std::move(value);
      return true;
    }
    Frame& top = frames_.back();
    if (top.is_array) {
      top.value.push_back(std::move(value));
    } else {
      top.value[top.key] = std::move(value);
      top.key_pending = false;
    }
    return true;
  }

  std::string_view text_;
  DiagnosticSink& sink_;
  std::vector<Frame> frames_;
  json root_;
};

// Refuses absurdly long text before the schema's patterns see it: std::regex matches
// recursively, and megabytes of text could exhaust the stack. No field needs this much.
void check_text_lengths(const json& node, const std::string& pointer, DiagnosticSink& sink) {
  if (node.is_string()) {
    const std::size_t bytes = node.get_ref<const std::string&>().size();
    if (bytes > kMaxTextBytes) {
      sink.error(pointer,
                 "the text is " + std::to_string(bytes) + " bytes long, more than the " +
                     std::to_string(kMaxTextBytes) + " any field may hold",
                 "shorten it");
    }
    return;
  }
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      check_text_lengths(value, pointer + json_pointer({key}), sink);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      std::string child = pointer;  // appended: GCC 12 warns falsely on p + "/" + s (PR 105651)
      child += '/';
      child += std::to_string(i);
      check_text_lengths(node[i], child, sink);
    }
  }
}

// ---- JSON -> PlanData (after the schema has passed: types and fields are as it says) ------

template <class E, std::size_t N>
E enum_value(const std::array<detail::EnumName<E>, N>& table, const json& j) {
  const auto value = detail::value_of(table, j.get<std::string>());
  return value ? *value : table[0].value;  // the schema lists the same names
}

class Converter {
 public:
  explicit Converter(DiagnosticSink& sink) : sink_(sink) {}

  PlanData convert(const json& doc) {
    PlanData d;
    d.format_version = doc.at("format_version").get<int>();
    d.site = site(doc.at("site"));
    d.outline = ring(doc.at("outline"), "/outline", "the building outline");
    list(doc, "walls", d.walls, &Converter::wall);
    list(doc, "zones", d.zones, &Converter::zone);
    list(doc, "openings", d.openings, &Converter::opening);
    list(doc, "level_changes", d.level_changes, &Converter::level_change);
    list(doc, "counters", d.counters, &Converter::counter);
    list(doc, "kiosks", d.kiosks, &Converter::kiosk);
    list(doc, "seat_rows", d.seat_rows, &Converter::seat_row);
    list(doc, "desks", d.desks, &Converter::desk);
    list(doc, "signs", d.signs, &Converter::sign);
    list(doc, "amenities", d.amenities, &Converter::amenity);
    list(doc, "obstacles", d.obstacles, &Converter::obstacle);
    list(doc, "cameras", d.cameras, &Converter::camera);
    list(doc, "attestations", d.attestations, &Converter::attestation);
    return d;
  }

 private:
  template <class T>
  void list(const json& doc, const char* name, std::vector<T>& out,
            T (Converter::*convert_one)(const json&, const std::string&)) {
    const auto it = doc.find(name);
    if (it == doc.end()) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string ptr =
          "/";  // appended piece by piece: GCC 12 warns falsely on "/" + s (PR 105651)
      ptr += name;
      ptr += '/';
      ptr += std::to_string(i);
      out.push_back((this->*convert_one)((*it)[i], ptr));
    }
  }

  static Point point(const json& j) { return {j[0].get<double>(), j[1].get<double>()}; }

  static std::string text(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? std::string() : it->get<std::string>();
  }
  static bool flag(const json& j, const char* key, bool fallback) {
    const auto it = j.find(key);
    return it == j.end() ? fallback : it->get<bool>();
  }
  static double number(const json& j, const char* key, double fallback) {
    const auto it = j.find(key);
    return it == j.end() ? fallback : it->get<double>();
  }

  // A closed ring in the file becomes an open one in memory.
  Polygon ring(const json& j, const std::string& ptr, const std::string& what) {
    Polygon polygon;
    for (const json& p : j) {
      polygon.push_back(point(p));
    }
    const Point first = polygon.front();
    const Point last = polygon.back();
    if ((first - last).norm() > 1e-9) {
      sink_.error(ptr + "/" + std::to_string(polygon.size() - 1),
                  what + " is not closed: its last point " + detail::format_point(last) +
                      " differs from its first " + detail::format_point(first),
                  "repeat the first point at the end of the list");
      return polygon;  // keep every corner, so later checks still see the shape
    }
    polygon.pop_back();
    return polygon;
  }

  static int minutes(const json& j) {
    const std::string t = j.get<std::string>();  // "HH:MM", checked by the schema
    return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 + (t[3] - '0') * 10 + (t[4] - '0');
  }

  static std::vector<Equipment> equipment(const json& j) {
    std::vector<Equipment> result;
    const auto it = j.find("equipment");
    if (it == j.end()) {
      return result;
    }
    for (const json& e : *it) {
      result.push_back(enum_value(detail::kEquipmentNames, e));
    }
    return result;
  }

  static std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> result;
    const auto it = j.find(key);
    if (it == j.end()) {
      return result;
    }
    for (const json& s : *it) {
      result.push_back(s.get<std::string>());
    }
    return result;
  }

  static Site site(const json& j) {
    Site s;
    s.name = j.at("name").get<std::string>();
    s.level = enum_value(detail::kSiteLevelNames, j.at("level"));
    s.served_population = j.at("served_population").get<int>();
    s.enterprises = j.at("enterprises").get<int>();
    for (const json& p : j.at("opening_hours")) {
      OpeningPeriod period;
      for (const json& day : p.at("days")) {
        period.days.push_back(enum_value(detail::kWeekdayNames, day));
      }
      period.open_minute = minutes(p.at("open"));
      period.close_minute = minutes(p.at("close"));
      s.opening_hours.push_back(std::move(period));
    }
    s.sprinklers = j.at("sprinklers").get<bool>();
    if (j.contains("fire_resistance_grade")) {
      s.fire_resistance_grade =
          enum_value(detail::kFireResistanceGradeNames, j.at("fire_resistance_grade"));
    }
    s.address = text(j, "address");
    return s;
  }

  Wall wall(const json& j, const std::string& /*ptr*/) {
    Wall w;
    w.id = j.at("id").get<std::string>();
    for (const json& p : j.at("points")) {
      w.points.push_back(point(p));
    }
    w.thickness = number(j, "thickness", w.thickness);
    w.glass = flag(j, "glass", false);
    return w;
  }

  Zone zone(const json& j, const std::string& ptr) {
    Zone z;
    z.id = j.at("id").get<std::string>();
    z.name = text(j, "name");
    z.kind = enum_value(detail::kZoneKindNames, j.at("kind"));
    if (j.contains("theme")) {
      z.theme = enum_value(detail::kFeaturedThemeNames, j.at("theme"));
    }
    z.polygon = ring(j.at("polygon"), ptr + "/polygon", "the polygon of zone '" + z.id + "'");
    const bool staff_only = z.kind == ZoneKind::back_office || z.kind == ZoneKind::office ||
                            z.kind == ZoneKind::conference_room || z.kind == ZoneKind::nonpublic ||
                            z.kind == ZoneKind::storage;
    z.is_public = flag(j, "public", !staff_only);
    return z;
  }

  Opening opening(const json& j, const std::string& /*ptr*/) {
    Opening o;
    o.id = j.at("id").get<std::string>();
    o.name = text(j, "name");
    o.category = enum_value(detail::kOpeningCategoryNames, j.at("category"));
    o.position = point(j.at("position"));
    o.width = j.at("width").get<double>();
    o.wall = text(j, "wall");
    o.emergency_exit = flag(j, "emergency_exit", o.category == OpeningCategory::emergency_exit);
    o.accessible = flag(j, "accessible", false);
    o.threshold_mm = number(j, "threshold_mm", 0.0);
    o.glass = flag(j, "glass", false);
    if (j.contains("door")) {
      o.door = enum_value(detail::kDoorTypeNames, j.at("door"));
    }
    if (j.contains("swing")) {
      o.swing = enum_value(detail::kSwingNames, j.at("swing"));
    }
    o.swing_into = text(j, "swing_into");
    o.open_after_hours = flag(j, "open_after_hours", false);
    return o;
  }

  LevelChange level_change(const json& j, const std::string& /*ptr*/) {
    LevelChange c;
    c.id = j.at("id").get<std::string>();
    c.kind = enum_value(detail::kLevelChangeKindNames, j.at("kind"));
    c.line = Segment{point(j.at("line")[0]), point(j.at("line")[1])};
    c.rise = j.at("rise").get<double>();
    c.width = number(j, "width", 0.0);  // a step's width defaults to its edge (Plan::build)
    c.handrails = flag(j, "handrails", false);
    return c;
  }

  Counter counter(const json& j, const std::string& ptr) {
    Counter c;
    c.id = j.at("id").get<std::string>();
    c.number = j.at("number").get<std::string>();
    c.type = enum_value(detail::kCounterTypeNames, j.at("type"));
    c.zone = j.at("zone").get<std::string>();
    c.footprint =
        ring(j.at("footprint"), ptr + "/footprint", "the footprint of counter '" + c.id + "'");
    c.customer_side = point(j.at("customer_side"));
    c.staff_side = point(j.at("staff_side"));
    c.services = strings(j, "services");
    c.equipment = equipment(j);
    c.low = flag(j, "low", false);
    c.height_mm = number(j, "height_mm", 0.0);
    return c;
  }

  Kiosk kiosk(const json& j, const std::string& ptr) {
    Kiosk k;
    k.id = j.at("id").get<std::string>();
    k.zone = j.at("zone").get<std::string>();
    k.footprint =
        ring(j.at("footprint"), ptr + "/footprint", "the footprint of kiosk '" + k.id + "'");
    k.customer_side = point(j.at("customer_side"));
    k.services = strings(j, "services");
    k.hours_24 = flag(j, "hours_24", false);
    k.labels = strings(j, "labels");
    return k;
  }

  SeatRow seat_row(const json& j, const std::string& ptr) {
    SeatRow r;
    r.id = j.at("id").get<std::string>();
    r.zone = j.at("zone").get<std::string>();
    r.footprint =
        ring(j.at("footprint"), ptr + "/footprint", "the footprint of seat row '" + r.id + "'");
    r.seats = j.at("seats").get<int>();
    r.priority_seats = j.contains("priority_seats") ? j.at("priority_seats").get<int>() : 0;
    if (j.contains("facing")) {
      r.facing = point(j.at("facing"));
    }
    return r;
  }

  Desk desk(const json& j, const std::string& ptr) {
    Desk d;
    d.id = j.at("id").get<std::string>();
    d.kind = enum_value(detail::kDeskKindNames, j.at("kind"));
    d.zone = j.at("zone").get<std::string>();
    d.footprint =
        ring(j.at("footprint"), ptr + "/footprint", "the footprint of desk '" + d.id + "'");
    d.equipment = equipment(j);
    return d;
  }

  Sign sign(const json& j, const std::string& /*ptr*/) {
    Sign s;
    s.id = j.at("id").get<std::string>();
    s.kind = enum_value(detail::kSignKindNames, j.at("kind"));
    s.position = point(j.at("position"));
    s.facing = point(j.at("facing"));
    s.text = text(j, "text");
    s.refers_to = text(j, "refers_to");
    s.zone = text(j, "zone");
    return s;
  }

  Amenity amenity(const json& j, const std::string& /*ptr*/) {
    Amenity a;
    a.id = j.at("id").get<std::string>();
    a.kind = enum_value(detail::kAmenityKindNames, j.at("kind"));
    a.position = point(j.at("position"));
    if (j.contains("facing")) {
      a.facing = point(j.at("facing"));
    }
    a.count = j.contains("count") ? j.at("count").get<int>() : 1;
    a.zone = text(j, "zone");
    return a;
  }

  Obstacle obstacle(const json& j, const std::string& ptr) {
    Obstacle o;
    o.id = j.at("id").get<std::string>();
    o.kind = enum_value(detail::kObstacleKindNames, j.at("kind"));
    o.footprint =
        ring(j.at("footprint"), ptr + "/footprint", "the footprint of obstacle '" + o.id + "'");
    return o;
  }

  Camera camera(const json& j, const std::string& /*ptr*/) {
    Camera c;
    c.id = j.at("id").get<std::string>();
    c.position = point(j.at("position"));
    c.facing = point(j.at("facing"));
    c.field_of_view_deg = number(j, "field_of_view_deg", c.field_of_view_deg);
    c.range = number(j, "range", c.range);
    return c;
  }

  Attestation attestation(const json& j, const std::string& /*ptr*/) {
    Attestation a;
    a.clause = j.at("clause").get<std::string>();
    a.attested = j.at("attested").get<bool>();
    a.by = j.at("by").get<std::string>();
    a.date = j.at("date").get<std::string>();
    a.note = text(j, "note");
    return a;
  }

  DiagnosticSink& sink_;
};

}  // namespace

Plan parse_plan(std::string_view json_text, const std::string& file) {
  DiagnosticSink sink(file);
  std::string_view text = json_text;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);  // UTF-8 BOM
  }
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    sink.error("", "the file is in UTF-16, not UTF-8", "save the plan as UTF-8");
    sink.throw_if_any();
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    sink.error("", "the file is empty",
               "write a floor plan in it (docs/floorplan-format.md has a worked example)");
    sink.throw_if_any();
  }
  if (const auto bad = invalid_utf8(text)) {
    sink.error("",
               "the file is not valid UTF-8: byte " +
                   hex_byte(static_cast<unsigned char>(text[*bad])) + " at " + where(text, *bad) +
                   " does not start a UTF-8 character",
               "save the plan as UTF-8 (GBK and other legacy encodings are not read)");
    sink.throw_if_any();
  }

  TrackingBuilder builder(text, sink);
  const bool parsed = json::sax_parse(text, &builder, json::input_format_t::json, true);
  if (!parsed) {
    if (sink.empty()) {
      sink.error("", "the file could not be read as JSON", "check its syntax");
    }
    sink.throw_if_any();
  }
  const json doc = builder.take();
  sink.throw_if_any();  // repeated keys
  check_text_lengths(doc, "", sink);
  sink.throw_if_any();

  detail::validate_against_schema(doc, floorplan_schema(), sink);
  sink.throw_if_any();

  PlanData data = Converter(sink).convert(doc);
  sink.throw_if_any();
  return Plan::build(std::move(data), file);
}

Plan load_plan(const std::filesystem::path& file, const LoadOptions& options) {
  const std::string name = file.string();
  DiagnosticSink sink(name);
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) {
    sink.error("", "cannot read the file: it does not exist",
               "check the path (relative paths start from the current directory)");
    sink.throw_if_any();
  }
  if (!std::filesystem::is_regular_file(status)) {
    sink.error("", "cannot read the file: it is not a regular file (a directory or device?)",
               "give the path of a .json floor plan");
    sink.throw_if_any();
  }
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    sink.error("", "cannot read the file: " + ec.message(), "check the path and its permissions");
    sink.throw_if_any();
  }
  if (size > options.max_file_bytes) {
    sink.error(
        "",
        "the file is " + std::to_string(size / kMebibyte) + " MiB, larger than the limit of " +
            std::to_string(options.max_file_bytes / kMebibyte) + " MiB for a floor plan (not read)",
        "check that this is the right file: a hall's plan is well under 1 MiB");
    sink.throw_if_any();
  }
  std::ifstream in(file, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    sink.error("", "cannot read the file", "check its permissions");
    sink.throw_if_any();
  }
  return parse_plan(text, name);
}

}  // namespace hallsim::layout
