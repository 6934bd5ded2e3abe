#pragma once
/// \file
/// The floor plan of a service hall, in the project's own types.
///
/// `PlanData` is the plain description (what a JSON file says, field for field, in the
/// same order, so that a diagnostic's JSON pointer such as /zones/3/polygon/2 names the same
/// thing in both). `Plan` is the checked, immutable form: it is only made by `Plan::build`
/// (or the file loader, see loader.hpp), which refuses a description with any problem.
/// The file format is documented in docs/floorplan-format.md.
///
/// Units: metres and square metres; threshold and counter heights in millimetres, as
/// their field names say. Coordinates: x east, y north (see geometry.hpp).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/geometry.hpp"

namespace hallsim::layout {

/// The kind of site the standard regulates (便民服务中心 / 站 / 点).
enum class SiteLevel { center, station, unit };

/// A day of the week.
enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

/// One period of opening: on `days`, from `open_minute` to `close_minute` after midnight.
struct OpeningPeriod {
  std::vector<Weekday> days;
  int open_minute = 0;
  int close_minute = 0;
};

/// Fire-resistance grade of the building (GB 50016); sets some egress limits.
enum class FireResistanceGrade { i, ii, iii, iv };

/// The site: what it is and whom it serves.
struct Site {
  std::string name;  ///< official name, e.g. "XX镇便民服务中心"
  SiteLevel level = SiteLevel::center;
  int served_population = 0;
  int enterprises = 0;
  std::vector<OpeningPeriod> opening_hours;
  bool sprinklers = false;  ///< automatic sprinklers throughout (egress distances +25%)
  FireResistanceGrade fire_resistance_grade = FireResistanceGrade::ii;
  std::string address;  ///< may be empty
};

/// An interior wall drawn as a polyline on its centreline. The building outline is the
/// exterior wall; an opening in it names the wall kOutlineWallId.
struct Wall {
  std::string id;
  std::vector<Point> points;  ///< at least 2
  double thickness = 0.12;
  bool glass = false;  ///< a glass wall or glazed partition (needs a glass safety sign)
};

/// The wall name of the building outline, as Opening::wall holds it.
inline constexpr const char* kOutlineWallId = "outline";

/// Kinds of room or functional zone: the standard's zones, then IMDF unit categories.
enum class ZoneKind {
  guidance,             ///< consultation and guidance (咨询导办区); JSON "guidance"
  window_service,       ///< window service (窗口服务区); "window_service"
  disclosure,           ///< government disclosure (政务公开区); "disclosure"
  self_service,         ///< self-service (自助服务区); "self_service"
  self_service_24h,     ///< 24-hour self-service (24 小时自助服务区); "self_service.24h"
  waiting,              ///< rest and waiting (休息等候区); IMDF "waitingroom"
  mother_baby,          ///< mother-and-baby room (母婴室); IMDF "mothersroom"
  featured,             ///< featured zone (特色功能区), see Zone::theme; "featured"
  back_office,          ///< back office behind the windows (后台); "back_office"
  lobby,                ///< IMDF "lobby"
  walkway,              ///< IMDF "walkway" (corridor)
  office,               ///< IMDF "office"
  conference_room,      ///< IMDF "conferenceroom"
  nonpublic,            ///< IMDF "nonpublic"
  storage,              ///< IMDF "storage"
  restroom,             ///< IMDF "restroom"
  restroom_wheelchair,  ///< accessible toilet; IMDF "restroom.wheelchair"
  firstaid,             ///< IMDF "firstaid"
  ramp,                 ///< IMDF "ramp"
  stairs,               ///< IMDF "stairs"
  elevator,             ///< IMDF "elevator"
  room,                 ///< IMDF "room" (any other room)
};

/// Theme of a featured zone (4.4.1.3).
enum class FeaturedTheme {
  none,
  party_building,
  smart_government,
  industry_promotion,
  publicity,
  public_welfare,
  other,
};

/// A room or functional zone.
struct Zone {
  std::string id;
  std::string name;  ///< may be empty
  ZoneKind kind = ZoneKind::room;
  FeaturedTheme theme = FeaturedTheme::none;  ///< only for ZoneKind::featured
  Polygon polygon;
  bool is_public =
      true;  ///< open to visitors; defaults to false for back office, office, storage, nonpublic
};

/// IMDF opening category.
enum class OpeningCategory { pedestrian, pedestrian_principal, emergency_exit, service };
/// What closes an opening.
enum class DoorType { none, swinging, sliding, revolving, automatic };
/// Way a swinging door opens: outward is away from the building (for doors on the outline) or
/// into `Opening::swing_into` (for interior doors).
enum class Swing { none, outward, inward, both };

/// A door or open passage in a wall.
struct Opening {
  std::string id;
  std::string name;
  OpeningCategory category = OpeningCategory::pedestrian;
  Point position = Point::Zero();  ///< middle of the clear opening, on the wall
  double width = 0.9;              ///< clear width, metres
  std::string wall;                ///< wall it is in (given, or found by the loader)
  Segment span;                    ///< the clear opening along the wall (filled by the loader)
  bool emergency_exit = false;     ///< counts as an evacuation exit (defaults to category)
  bool accessible = false;         ///< declared part of the accessible route
  double threshold_mm = 0.0;       ///< threshold height, millimetres
  bool glass = false;              ///< glass door (needs a glass safety sign)
  DoorType door = DoorType::swinging;
  Swing swing = Swing::none;
  std::string swing_into;         ///< zone id an interior door swings into; may be empty
  bool open_after_hours = false;  ///< stays usable while the hall is closed (24-hour room)
  bool exterior = false;          ///< on the building outline (filled by the loader)

  /// True for the main entrance (IMDF pedestrian.principal).
  bool main_entrance() const { return category == OpeningCategory::pedestrian_principal; }
};

/// Kind of level change on the floor.
enum class LevelChangeKind { step, stairs, ramp };

/// A change of floor level: a step's nosing line, or a ramp or flight's centreline.
struct LevelChange {
  std::string id;
  LevelChangeKind kind = LevelChangeKind::step;
  Segment line;        ///< step: the step edge; ramp/stairs: centreline from bottom to top
  double rise = 0.0;   ///< height difference, metres
  double width = 0.0;  ///< clear width, metres (for a step: the length of its edge)
  bool handrails = false;

  /// Horizontal run of a ramp or flight (length of its centreline), metres.
  double run() const { return line.length(); }
};

/// Window type (4.4.3).
enum class CounterType {
  general,                 ///< 综合窗口 (all-purpose); JSON "general"
  departmental_composite,  ///< 部门综窗
  cross_province,          ///< 跨省通办
  in_province,             ///< 省内通办
  one_thing,               ///< "一件事" bundles
  cannot_get_it_done,      ///< 办不成事反映
  help_and_agency,         ///< 帮办代办
  other,
};

/// Equipment at a window (4.4.3 c) or a desk.
enum class Equipment {
  desk,
  chairs,
  supplies,
  phone,
  computer,
  printer,
  copier,
  evaluation_device,  ///< good/bad review device or QR code
  document_camera,
  id_card_reader,
  signature_pad,
  calling_display,  ///< window display for the calling system
};

/// A service window: the desk, its two sides, and what it offers.
struct Counter {
  std::string id;
  std::string number;  ///< the label over the window, e.g. "3" or "A03"
  CounterType type = CounterType::general;
  std::string zone;
  Polygon footprint;                    ///< the desk
  Point customer_side = Point::Zero();  ///< where the visitor sits or stands
  Point staff_side = Point::Zero();     ///< where the clerk sits
  std::vector<std::string> services;    ///< service names or catalogue ids
  std::vector<Equipment> equipment;
  bool low = false;        ///< low counter with knee space (accessible)
  double height_mm = 0.0;  ///< desk height; 0 = not given
};

/// A self-service kiosk.
struct Kiosk {
  std::string id;
  std::string zone;
  Polygon footprint;
  Point customer_side = Point::Zero();
  std::vector<std::string> services;
  bool hours_24 = false;
  /// Labels shown on it (4.4.5): "name", "guide", "item_list", "phone", "safety".
  std::vector<std::string> labels;
};

/// A row of waiting seats.
struct SeatRow {
  std::string id;
  std::string zone;
  Polygon footprint;
  int seats = 0;
  int priority_seats = 0;       ///< reserved for the elderly, pregnant and disabled
  std::optional<Point> facing;  ///< unit vector the seated look along, if given
};

/// Kind of desk that is not a service window.
enum class DeskKind { writing, guidance, other };

/// A desk: form-filling desk, guidance (reception) desk, other.
struct Desk {
  std::string id;
  DeskKind kind = DeskKind::writing;
  std::string zone;
  Polygon footprint;
  std::vector<Equipment> equipment;
};

/// Kind of sign.
enum class SignKind {
  guidance,  ///< way-finding
  warning,
  brand,         ///< provincial "苏服办" brand
  hours,         ///< opening hours board
  zone_map,      ///< floor map of the zones
  outdoor_name,  ///< the name sign outside
  window_label,  ///< label over a window
  kiosk_label,
  safety_step,     ///< JSON "safety.step": mind the step
  safety_glass,    ///< "safety.glass": mind the glass
  safety_no_fire,  ///< "safety.no_fire"
  safety_exit,     ///< "safety.exit": emergency exit
  other,
};

/// A sign on a wall, stand or ceiling.
struct Sign {
  std::string id;
  SignKind kind = SignKind::guidance;
  Point position = Point::Zero();
  Point facing = Point(0.0, 1.0);  ///< unit vector towards the readers
  std::string text;                ///< may be empty
  std::string refers_to;  ///< id of what it labels (exit, step, door, counter...); may be empty
  std::string zone;       ///< zone holding it (given, or found by the loader); may be empty
};

/// Kinds of amenity: IMDF categories where they exist, then the standard's.
enum class AmenityKind {
  drinkingfountain,  ///< water dispenser; IMDF
  cups,
  powerchargingstation,  ///< charging station; IMDF
  umbrellas,
  firstaid,          ///< first-aid kit; IMDF
  wheelchairassist,  ///< wheelchair to lend; IMDF
  readingglasses,
  fireextinguisher,    ///< IMDF
  display_status,      ///< JSON "display.status": handling-progress screen (4.3.5)
  display_multimedia,  ///< JSON "display.multimedia": disclosure screen (4.4.4)
  bulletinboard,
  queryterminal,
  information,   ///< IMDF
  ticketing,     ///< ticket machine; IMDF
  copymachine,   ///< IMDF
  babychanging,  ///< IMDF
  emergencylight,
  other,
};

/// An amenity at a point.
struct Amenity {
  std::string id;
  AmenityKind kind = AmenityKind::other;
  Point position = Point::Zero();
  std::optional<Point> facing;  ///< for screens and boards: unit vector towards the viewers
  int count = 1;
  std::string zone;  ///< given, or found by the loader; may be empty
};

/// Kind of obstacle.
enum class ObstacleKind { column, furniture, planter, equipment, other };

/// Something people walk around.
struct Obstacle {
  std::string id;
  ObstacleKind kind = ObstacleKind::other;
  Polygon footprint;
};

/// A surveillance camera.
struct Camera {
  std::string id;
  Point position = Point::Zero();
  Point facing = Point(0.0, 1.0);  ///< unit vector of its axis
  double field_of_view_deg = 90.0;
  double range = 15.0;  ///< metres
};

/// A statement by a person about a clause a plan cannot show.
struct Attestation {
  std::string clause;  ///< e.g. "4.3.4"
  bool attested = false;
  std::string by;
  std::string date;  ///< ISO 8601 date, YYYY-MM-DD
  std::string note;
};

/// The plain description of a floor plan (unchecked). Vectors keep the file's order.
struct PlanData {
  int format_version = 1;
  Site site;
  Polygon outline;          ///< inner face of the exterior walls
  std::vector<Wall> walls;  ///< interior walls
  std::vector<Zone> zones;
  std::vector<Opening> openings;
  std::vector<LevelChange> level_changes;
  std::vector<Counter> counters;
  std::vector<Kiosk> kiosks;
  std::vector<SeatRow> seat_rows;
  std::vector<Desk> desks;
  std::vector<Sign> signs;
  std::vector<Amenity> amenities;
  std::vector<Obstacle> obstacles;
  std::vector<Camera> cameras;
  std::vector<Attestation> attestations;
};

/// Which list an id names.
enum class ElementType {
  wall,
  zone,
  opening,
  level_change,
  counter,
  kiosk,
  seat_row,
  desk,
  sign,
  amenity,
  obstacle,
  camera,
};

/// Where an id lives: the list and the index in it.
struct ElementRef {
  ElementType type = ElementType::zone;
  std::size_t index = 0;
};

/// A checked, immutable floor plan.
class Plan {
 public:
  /// Checks `data` (geometry, ids, references, ranges) and returns the plan, or throws an
  /// InputError naming `file` and a JSON pointer for every problem. Fills the derived fields
  /// (Opening::wall/span/exterior, zones of signs and amenities, unit facing vectors).
  static Plan build(PlanData data, const std::string& file = "<plan>");

  /// The site.
  const Site& site() const { return data_.site; }
  /// The building outline (inner face of the exterior walls).
  const Polygon& outline() const { return data_.outline; }
  /// Interior walls in file order (the outline is the exterior wall).
  const std::vector<Wall>& walls() const { return data_.walls; }
  const std::vector<Zone>& zones() const { return data_.zones; }           ///< rooms, zones
  const std::vector<Opening>& openings() const { return data_.openings; }  ///< doors
  const std::vector<LevelChange>& level_changes() const { return data_.level_changes; }  ///< steps
  const std::vector<Counter>& counters() const { return data_.counters; }     ///< windows
  const std::vector<Kiosk>& kiosks() const { return data_.kiosks; }           ///< kiosks
  const std::vector<SeatRow>& seat_rows() const { return data_.seat_rows; }   ///< seats
  const std::vector<Desk>& desks() const { return data_.desks; }              ///< desks
  const std::vector<Sign>& signs() const { return data_.signs; }              ///< signs
  const std::vector<Amenity>& amenities() const { return data_.amenities; }   ///< amenities
  const std::vector<Obstacle>& obstacles() const { return data_.obstacles; }  ///< obstacles
  const std::vector<Camera>& cameras() const { return data_.cameras; }        ///< cameras
  const std::vector<Attestation>& attestations() const {
    return data_.attestations;
  }  ///< people's statements
  /// Everything at once.
  const PlanData& data() const { return data_; }

  /// Floor area inside the outline, square metres (shoelace formula).
  double building_area() const;
  /// Total number of waiting seats.
  int seat_count() const;
  /// Where the element with this id is, if any.
  std::optional<ElementRef> find(const std::string& id) const;
  /// The zone with this id, or nullptr.
  const Zone* find_zone(const std::string& id) const;
  /// The opening with this id, or nullptr.
  const Opening* find_opening(const std::string& id) const;
  /// The zone holding `p` (the first in file order), or nullptr.
  const Zone* zone_at(const Point& p) const;
  /// The main entrance (a built plan has exactly one).
  const Opening& main_entrance() const;
  /// The attestation of `clause`, if the plan has one.
  const Attestation* attestation(const std::string& clause) const;

 private:
  explicit Plan(PlanData data);
  PlanData data_;
  std::map<std::string, ElementRef> ids_;
};

/// JSON spelling of an enumerated value (as in the file format), e.g. "self_service.24h".
const char* to_string(SiteLevel value);
const char* to_string(ZoneKind value);             ///< see the other overloads
const char* to_string(FeaturedTheme value);        ///< see the other overloads
const char* to_string(OpeningCategory value);      ///< see the other overloads
const char* to_string(DoorType value);             ///< see the other overloads
const char* to_string(Swing value);                ///< see the other overloads
const char* to_string(LevelChangeKind value);      ///< see the other overloads
const char* to_string(CounterType value);          ///< see the other overloads
const char* to_string(Equipment value);            ///< see the other overloads
const char* to_string(DeskKind value);             ///< see the other overloads
const char* to_string(SignKind value);             ///< see the other overloads
const char* to_string(AmenityKind value);          ///< see the other overloads
const char* to_string(ObstacleKind value);         ///< see the other overloads
const char* to_string(Weekday value);              ///< see the other overloads
const char* to_string(FireResistanceGrade value);  ///< see the other overloads

}  // namespace hallsim::layout
