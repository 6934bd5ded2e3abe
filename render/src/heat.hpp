#pragma once
// The heat map of where people were over a simulated day, and its legend scale.

#include <string>
#include <vector>

#include "hallsim/render/overlays.hpp"
#include "painter.hpp"

namespace hallsim::render::detail {

/// Opacity of the heat map's cells: zones and furniture show through.
inline constexpr std::uint8_t kDensityAlpha = 190;
/// Steps of the heat map's legend scale.
inline constexpr int kDensitySteps = 5;

/// Draws the cells of `heat` that anyone was in (value > 0), coloured by density_colour.
void draw_density_map(Painter& painter, const HeatOverlay& heat);

/// Draws `heat` again over the seat rows (clipped to each rectangular row), so that the seats,
/// where people spend their waits, show it through the furniture drawn over the map.
void draw_density_on_seats(Painter& painter, const HeatOverlay& heat);

/// The legend section of a heat map: its title and period, one swatch per step of the scale.
LegendSection density_legend(const HeatOverlay& heat);

/// The legend section of a snapshot: the clock and head count, each visitor state, counters
/// open and closed.
LegendSection snapshot_legend(const SnapshotOverlay& snapshot);

}  // namespace hallsim::render::detail
