#include "names.hpp"

#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace hallsim::render::detail {

using layout::AmenityKind;
using layout::CounterType;
using layout::SignKind;
using layout::SiteLevel;
using layout::ZoneKind;

Names names_of(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::guidance:
      return {"咨询导办区", "Guidance"};
    case ZoneKind::window_service:
      return {"窗口服务区", "Window service"};
    case ZoneKind::disclosure:
      return {"政务公开区", "Disclosure"};
    case ZoneKind::self_service:
      return {"自助服务区", "Self-service"};
    case ZoneKind::self_service_24h:
      return {"24小时自助服务区", "24-hour self-service"};
    case ZoneKind::waiting:
      return {"休息等候区", "Waiting"};
    case ZoneKind::mother_baby:
      return {"母婴室", "Mother & baby"};
    case ZoneKind::featured:
      return {"特色功能区", "Featured"};
    case ZoneKind::back_office:
      return {"后台办公区", "Back office"};
    case ZoneKind::lobby:
      return {"门厅", "Lobby"};
    case ZoneKind::walkway:
      return {"走廊", "Corridor"};
    case ZoneKind::office:
      return {"办公室", "Office"};
    case ZoneKind::conference_room:
      return {"会议室", "Meeting room"};
    case ZoneKind::nonpublic:
      return {"非公共区域", "Staff only"};
    case ZoneKind::storage:
      return {"储藏室", "Storage"};
    case ZoneKind::restroom:
      return {"卫生间", "Toilets"};
    case ZoneKind::restroom_wheelchair:
      return {"无障碍卫生间", "Accessible toilet"};
    case ZoneKind::firstaid:
      return {"医务室", "First aid"};
    case ZoneKind::ramp:
      return {"坡道", "Ramp"};
    case ZoneKind::stairs:
      return {"楼梯", "Stairs"};
    case ZoneKind::elevator:
      return {"电梯", "Lift"};
    case ZoneKind::room:
      return {"房间", "Room"};
  }
  assert(false && "unknown zone kind");
  return {"", ""};
}

Names names_of(CounterType type) {
  switch (type) {
    case CounterType::general:
      return {"综合窗口", "General"};
    case CounterType::departmental_composite:
      return {"部门综窗", "Departmental composite"};
    case CounterType::cross_province:
      return {"跨省通办", "Cross-province"};
    case CounterType::in_province:
      return {"省内通办", "In-province"};
    case CounterType::one_thing:
      return {"“一件事”窗口", "\"One thing\" bundles"};
    case CounterType::cannot_get_it_done:
      return {"办不成事反映", "Could not get it done"};
    case CounterType::help_and_agency:
      return {"帮办代办", "Help & agency"};
    case CounterType::other:
      return {"其他窗口", "Other window"};
  }
  assert(false && "unknown counter type");
  return {"", ""};
}

Names names_of(SignKind kind) {
  switch (kind) {
    case SignKind::guidance:
      return {"导向标识", "Guidance sign"};
    case SignKind::warning:
      return {"警示标识", "Warning sign"};
    case SignKind::brand:
      return {"苏服办标识", "Brand sign"};
    case SignKind::hours:
      return {"办公时间", "Opening hours"};
    case SignKind::zone_map:
      return {"功能分区图", "Zone map"};
    case SignKind::outdoor_name:
      return {"门头标识", "Outdoor name"};
    case SignKind::window_label:
      return {"窗口标识", "Window label"};
    case SignKind::kiosk_label:
      return {"自助终端标识", "Kiosk label"};
    case SignKind::safety_step:
      return {"小心台阶", "Mind the step"};
    case SignKind::safety_glass:
      return {"小心玻璃", "Mind the glass"};
    case SignKind::safety_no_fire:
      return {"禁止烟火", "No open fire"};
    case SignKind::safety_exit:
      return {"安全出口标识", "Exit sign"};
    case SignKind::other:
      return {"其他标识", "Other sign"};
  }
  assert(false && "unknown sign kind");
  return {"", ""};
}

Names names_of(AmenityKind kind) {
  switch (kind) {
    case AmenityKind::drinkingfountain:
      return {"饮水机", "Water"};
    case AmenityKind::cups:
      return {"纸杯", "Cups"};
    case AmenityKind::powerchargingstation:
      return {"充电站", "Charging"};
    case AmenityKind::umbrellas:
      return {"爱心雨伞", "Umbrellas"};
    case AmenityKind::firstaid:
      return {"急救箱", "First-aid kit"};
    case AmenityKind::wheelchairassist:
      return {"轮椅", "Wheelchair"};
    case AmenityKind::readingglasses:
      return {"老花镜", "Reading glasses"};
    case AmenityKind::fireextinguisher:
      return {"灭火器", "Fire extinguisher"};
    case AmenityKind::display_status:
      return {"办件进度屏", "Status screen"};
    case AmenityKind::display_multimedia:
      return {"多媒体屏", "Multimedia screen"};
    case AmenityKind::bulletinboard:
      return {"公告栏", "Bulletin board"};
    case AmenityKind::queryterminal:
      return {"查询机", "Query terminal"};
    case AmenityKind::information:
      return {"问询", "Information"};
    case AmenityKind::ticketing:
      return {"取号机", "Ticket machine"};
    case AmenityKind::copymachine:
      return {"复印机", "Copier"};
    case AmenityKind::babychanging:
      return {"护理台", "Baby changing"};
    case AmenityKind::emergencylight:
      return {"应急灯", "Emergency light"};
    case AmenityKind::other:
      return {"其他设施", "Other amenity"};
  }
  assert(false && "unknown amenity kind");
  return {"", ""};
}

Names names_of(SiteLevel level) {
  switch (level) {
    case SiteLevel::center:
      return {"便民服务中心", "service center"};
    case SiteLevel::station:
      return {"便民服务站", "service station"};
    case SiteLevel::unit:
      return {"便民服务点", "service unit"};
  }
  assert(false && "unknown site level");
  return {"", ""};
}

const char* glyph_of(SignKind kind) {
  switch (kind) {
    case SignKind::guidance:
      return "导";
    case SignKind::warning:
      return "警";
    case SignKind::brand:
      return "苏";
    case SignKind::hours:
      return "时";
    case SignKind::zone_map:
      return "图";
    case SignKind::outdoor_name:
      return "名";
    case SignKind::window_label:
      return "窗";
    case SignKind::kiosk_label:
      return "机";
    case SignKind::safety_step:
      return "阶";
    case SignKind::safety_glass:
      return "玻";
    case SignKind::safety_no_fire:
      return "火";
    case SignKind::safety_exit:
      return "出";
    case SignKind::other:
      return "标";
  }
  assert(false && "unknown sign kind");
  return "";
}

const char* glyph_of(AmenityKind kind) {
  switch (kind) {
    case AmenityKind::drinkingfountain:
      return "水";
    case AmenityKind::cups:
      return "杯";
    case AmenityKind::powerchargingstation:
      return "电";
    case AmenityKind::umbrellas:
      return "伞";
    case AmenityKind::firstaid:
      return "救";
    case AmenityKind::wheelchairassist:
      return "轮";
    case AmenityKind::readingglasses:
      return "镜";
    case AmenityKind::fireextinguisher:
      return "灭";
    case AmenityKind::display_status:
      return "屏";
    case AmenityKind::display_multimedia:
      return "媒";
    case AmenityKind::bulletinboard:
      return "栏";
    case AmenityKind::queryterminal:
      return "查";
    case AmenityKind::information:
      return "询";
    case AmenityKind::ticketing:
      return "号";
    case AmenityKind::copymachine:
      return "印";
    case AmenityKind::babychanging:
      return "婴";
    case AmenityKind::emergencylight:
      return "灯";
    case AmenityKind::other:
      return "设";
  }
  assert(false && "unknown amenity kind");
  return "";
}

const std::vector<ZoneKind>& all_zone_kinds() {
  static const std::vector<ZoneKind> kinds = {ZoneKind::guidance,
                                              ZoneKind::window_service,
                                              ZoneKind::disclosure,
                                              ZoneKind::self_service,
                                              ZoneKind::self_service_24h,
                                              ZoneKind::waiting,
                                              ZoneKind::mother_baby,
                                              ZoneKind::featured,
                                              ZoneKind::back_office,
                                              ZoneKind::lobby,
                                              ZoneKind::walkway,
                                              ZoneKind::office,
                                              ZoneKind::conference_room,
                                              ZoneKind::nonpublic,
                                              ZoneKind::storage,
                                              ZoneKind::restroom,
                                              ZoneKind::restroom_wheelchair,
                                              ZoneKind::firstaid,
                                              ZoneKind::ramp,
                                              ZoneKind::stairs,
                                              ZoneKind::elevator,
                                              ZoneKind::room};
  return kinds;
}

const std::vector<CounterType>& all_counter_types() {
  static const std::vector<CounterType> types = {
      CounterType::general,         CounterType::departmental_composite,
      CounterType::cross_province,  CounterType::in_province,
      CounterType::one_thing,       CounterType::cannot_get_it_done,
      CounterType::help_and_agency, CounterType::other};
  return types;
}

const std::vector<SignKind>& all_sign_kinds() {
  static const std::vector<SignKind> kinds = {
      SignKind::guidance,     SignKind::warning,        SignKind::brand,
      SignKind::hours,        SignKind::zone_map,       SignKind::outdoor_name,
      SignKind::window_label, SignKind::kiosk_label,    SignKind::safety_step,
      SignKind::safety_glass, SignKind::safety_no_fire, SignKind::safety_exit,
      SignKind::other};
  return kinds;
}

const std::vector<AmenityKind>& all_amenity_kinds() {
  static const std::vector<AmenityKind> kinds = {AmenityKind::drinkingfountain,
                                                 AmenityKind::cups,
                                                 AmenityKind::powerchargingstation,
                                                 AmenityKind::umbrellas,
                                                 AmenityKind::firstaid,
                                                 AmenityKind::wheelchairassist,
                                                 AmenityKind::readingglasses,
                                                 AmenityKind::fireextinguisher,
                                                 AmenityKind::display_status,
                                                 AmenityKind::display_multimedia,
                                                 AmenityKind::bulletinboard,
                                                 AmenityKind::queryterminal,
                                                 AmenityKind::information,
                                                 AmenityKind::ticketing,
                                                 AmenityKind::copymachine,
                                                 AmenityKind::babychanging,
                                                 AmenityKind::emergencylight,
                                                 AmenityKind::other};
  return kinds;
}

namespace {

// One decimal, without a trailing ".0"; snprintf with "%.1f" rounds the same way everywhere
// for the values a plan holds.
std::string one_decimal(double value) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f", value);
  std::string text(buffer.data());
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
    text.resize(text.size() - 2);
  }
  return text;
}

}  // namespace

std::string concat(std::initializer_list<std::string_view> pieces) {
  std::string text;
  for (const std::string_view piece : pieces) {
    text.append(piece);
  }
  return text;
}

std::string slope_label(double run, double rise) {
  if (!(rise > 0.0)) {
    return "1:∞";
  }
  return "1:" + one_decimal(run / rise);
}

std::string length_label(double metres) {
  if (metres < 1.0) {
    return one_decimal(metres * 100.0) + " cm";
  }
  return one_decimal(metres) + " m";
}

}  // namespace hallsim::render::detail
