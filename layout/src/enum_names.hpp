#pragma once
// JSON spellings of the plan's enumerated values: one table per enum, shared by the loader
// (text -> value) and to_string (value -> text), so that the two can never disagree.

#include <array>
#include <optional>
#include <string_view>

#include "hallsim/layout/plan.hpp"

namespace hallsim::layout::detail {

template <class E>
struct EnumName {
  E value;
  const char* name;
};

inline constexpr auto kSiteLevelNames = std::to_array<EnumName<SiteLevel>>({
    {SiteLevel::center, "center"},
    {SiteLevel::station, "station"},
    {SiteLevel::unit, "unit"},
});

inline constexpr auto kWeekdayNames = std::to_array<EnumName<Weekday>>({
    {Weekday::mon, "mon"},
    {Weekday::tue, "tue"},
    {Weekday::wed, "wed"},
    {Weekday::thu, "thu"},
    {Weekday::fri, "fri"},
    {Weekday::sat, "sat"},
    {Weekday::sun, "sun"},
});

inline constexpr auto kFireResistanceGradeNames = std::to_array<EnumName<FireResistanceGrade>>({
    {FireResistanceGrade::i, "I"},
    {FireResistanceGrade::ii, "II"},
    {FireResistanceGrade::iii, "III"},
    {FireResistanceGrade::iv, "IV"},
});

inline constexpr auto kZoneKindNames = std::to_array<EnumName<ZoneKind>>({
    {ZoneKind::guidance, "guidance"},
    {ZoneKind::window_service, "window_service"},
    {ZoneKind::disclosure, "disclosure"},
    {ZoneKind::self_service, "self_service"},
    {ZoneKind::self_service_24h, "self_service.24h"},
    {ZoneKind::waiting, "waitingroom"},
    {ZoneKind::mother_baby, "mothersroom"},
    {ZoneKind::featured, "featured"},
    {ZoneKind::back_office, "back_office"},
    {ZoneKind::lobby, "lobby"},
    {ZoneKind::walkway, "walkway"},
    {ZoneKind::office, "office"},
    {ZoneKind::conference_room, "conferenceroom"},
    {ZoneKind::nonpublic, "nonpublic"},
    {ZoneKind::storage, "storage"},
    {ZoneKind::restroom, "restroom"},
    {ZoneKind::restroom_wheelchair, "restroom.wheelchair"},
    {ZoneKind::firstaid, "firstaid"},
    {ZoneKind::ramp, "ramp"},
    {ZoneKind::stairs, "stairs"},
    {ZoneKind::elevator, "elevator"},
    {ZoneKind::room, "room"},
});

inline constexpr auto kFeaturedThemeNames = std::to_array<EnumName<FeaturedTheme>>({
    {FeaturedTheme::none, "none"},
    {FeaturedTheme::party_building, "party_building"},
    {FeaturedTheme::smart_government, "smart_government"},
    {FeaturedTheme::industry_promotion, "industry_promotion"},
    {FeaturedTheme::publicity, "publicity"},
    {FeaturedTheme::public_welfare, "public_welfare"},
    {FeaturedTheme::other, "other"},
});

inline constexpr auto kOpeningCategoryNames = std::to_array<EnumName<OpeningCategory>>({
    {OpeningCategory::pedestrian, "pedestrian"},
    {OpeningCategory::pedestrian_principal, "pedestrian.principal"},
    {OpeningCategory::emergency_exit, "emergencyexit"},
    {OpeningCategory::service, "service"},
});

inline constexpr auto kDoorTypeNames = std::to_array<EnumName<DoorType>>({
    {DoorType::none, "none"},
    {DoorType::swinging, "swinging"},
    {DoorType::sliding, "sliding"},
    {DoorType::revolving, "revolving"},
    {DoorType::automatic, "automatic"},
});

inline constexpr auto kSwingNames = std::to_array<EnumName<Swing>>({
    {Swing::none, "none"},
    {Swing::outward, "outward"},
    {Swing::inward, "inward"},
    {Swing::both, "both"},
});

inline constexpr auto kLevelChangeKindNames = std::to_array<EnumName<LevelChangeKind>>({
    {LevelChangeKind::step, "step"},
    {LevelChangeKind::stairs, "stairs"},
    {LevelChangeKind::ramp, "ramp"},
});

inline constexpr auto kCounterTypeNames = std::to_array<EnumName<CounterType>>({
    {CounterType::general, "general"},
    {CounterType::departmental_composite, "departmental_composite"},
    {CounterType::cross_province, "cross_province"},
    {CounterType::in_province, "in_province"},
    {CounterType::one_thing, "one_thing"},
    {CounterType::cannot_get_it_done, "cannot_get_it_done"},
    {CounterType::help_and_agency, "help_and_agency"},
    {CounterType::other, "other"},
});

inline constexpr auto kEquipmentNames = std::to_array<EnumName<Equipment>>({
    {Equipment::desk, "desk"},
    {Equipment::chairs, "chairs"},
    {Equipment::supplies, "supplies"},
    {Equipment::phone, "phone"},
    {Equipment::computer, "computer"},
    {Equipment::printer, "printer"},
    {Equipment::copier, "copier"},
    {Equipment::evaluation_device, "evaluation_device"},
    {Equipment::document_camera, "document_camera"},
    {Equipment::id_card_reader, "id_card_reader"},
    {Equipment::signature_pad, "signature_pad"},
    {Equipment::calling_display, "calling_display"},
});

inline constexpr auto kDeskKindNames = std::to_array<EnumName<DeskKind>>({
    {DeskKind::writing, "writing"},
    {DeskKind::guidance, "guidance"},
    {DeskKind::other, "other"},
});

inline constexpr auto kSignKindNames = std::to_array<EnumName<SignKind>>({
    {SignKind::guidance, "guidance"},
    {SignKind::warning, "warning"},
    {SignKind::brand, "brand"},
    {SignKind::hours, "hours"},
    {SignKind::zone_map, "zone_map"},
    {SignKind::outdoor_name, "outdoor_name"},
    {SignKind::window_label, "window_label"},
    {SignKind::kiosk_label, "kiosk_label"},
    {SignKind::safety_step, "safety.step"},
    {SignKind::safety_glass, "safety.glass"},
    {SignKind::safety_no_fire, "safety.no_fire"},
    {SignKind::safety_exit, "safety.exit"},
    {SignKind::other, "other"},
});

inline constexpr auto kAmenityKindNames = std::to_array<EnumName<AmenityKind>>({
    {AmenityKind::drinkingfountain, "drinkingfountain"},
    {AmenityKind::cups, "cups"},
    {AmenityKind::powerchargingstation, "powerchargingstation"},
    {AmenityKind::umbrellas, "umbrellas"},
    {AmenityKind::firstaid, "firstaid"},
    {AmenityKind::wheelchairassist, "wheelchairassist"},
    {AmenityKind::readingglasses, "readingglasses"},
    {AmenityKind::fireextinguisher, "fireextinguisher"},
    {AmenityKind::display_status, "display.status"},
    {AmenityKind::display_multimedia, "display.multimedia"},
    {AmenityKind::bulletinboard, "bulletinboard"},
    {AmenityKind::queryterminal, "queryterminal"},
    {AmenityKind::information, "information"},
    {AmenityKind::ticketing, "ticketing"},
    {AmenityKind::copymachine, "copymachine"},
    {AmenityKind::babychanging, "babychanging"},
    {AmenityKind::emergencylight, "emergencylight"},
    {AmenityKind::other, "other"},
});

inline constexpr auto kObstacleKindNames = std::to_array<EnumName<ObstacleKind>>({
    {ObstacleKind::column, "column"},
    {ObstacleKind::furniture, "furniture"},
    {ObstacleKind::planter, "planter"},
    {ObstacleKind::equipment, "equipment"},
    {ObstacleKind::other, "other"},
});

/// The JSON name of `value` in `table`.
template <class E, std::size_t N>
constexpr const char* name_of(const std::array<EnumName<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return "?";
}

/// The value named `text` in `table`, if any.
template <class E, std::size_t N>
std::optional<E> value_of(const std::array<EnumName<E>, N>& table, std::string_view text) {
  for (const auto& entry : table) {
    if (text == entry.name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

}  // namespace hallsim::layout::detail
