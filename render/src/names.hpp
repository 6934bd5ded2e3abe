#pragma once
// Bilingual names of the plan's kinds as the picture shows them, single-character icon glyphs,
// and the lists of every value of each kind (legend order).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "hallsim/layout/plan.hpp"

namespace hallsim::render::detail {

/// A name in Chinese and in English.
struct Names {
  const char* zh;
  const char* en;
};

Names names_of(layout::ZoneKind kind);
Names names_of(layout::CounterType type);
Names names_of(layout::SignKind kind);
Names names_of(layout::AmenityKind kind);
Names names_of(layout::SiteLevel level);

/// One CJK character drawn inside a sign or amenity icon.
const char* glyph_of(layout::SignKind kind);
const char* glyph_of(layout::AmenityKind kind);

/// Every value, in declaration order.
const std::vector<layout::ZoneKind>& all_zone_kinds();
const std::vector<layout::CounterType>& all_counter_types();
const std::vector<layout::SignKind>& all_sign_kinds();
const std::vector<layout::AmenityKind>& all_amenity_kinds();

/// "1:12.5" for a ramp of `run` metres rising `rise` metres (one decimal, trailing ".0" cut).
std::string slope_label(double run, double rise);

/// A length in metres as the scale bar writes it: "50 cm", "1 m", "20 m".
std::string length_label(double metres);

/// The pieces joined (GCC 12 warns falsely on `"literal" + std::string` at -O3).
std::string concat(std::initializer_list<std::string_view> pieces);

}  // namespace hallsim::render::detail
