#pragma once
// Look-ups and shapes shared by the layout tests that change a plan before building it again.

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "hallsim/layout/geometry.hpp"

namespace hallsim::layout::testing {

/// The element of `items` with id `id`; throws if absent so that a test fails loudly.
template <class T>
T& by_id(std::vector<T>& items, const std::string& id) {
  const auto it =
      std::find_if(items.begin(), items.end(), [&id](const T& item) { return item.id == id; });
  if (it == items.end()) throw std::runtime_error("no element " + id);
  return *it;
}

/// True if `text` contains `part`.
inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// An axis-aligned rectangle as an open ring, counter-clockwise from (x0, y0).
inline Polygon rect(double x0, double y0, double x1, double y1) {
  return {Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)};
}

}  // namespace hallsim::layout::testing
