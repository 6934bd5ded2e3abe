#pragma once
// People on their way out: the distance field of each emergency exit, which doors each route
// passes, and the flow of the occupant load through doors and exits (SFPE hydraulic model and
// a max-flow bound over the door network).

#include <cstdint>
#include <vector>

#include "hallsim/layout/egress.hpp"
#include "nav_field.hpp"
#include "nav_grid.hpp"

namespace hallsim::layout::detail {

/// For each cell, the nearest of a set of exits and the walk to it.
struct Nearest {
  std::vector<double> distance;  ///< kUnreached where no exit of the set is reached
  std::vector<int> exit;         ///< index of the exit (order of add_exit), or -1
};

/// The exits' distance fields and the occupant load on the grid.
class FlowModel {
 public:
  FlowModel(const NavGrid& grid, const EgressSettings& settings)
      : grid_(grid), settings_(settings) {}

  /// Adds an exit (opening index, its doorway or -1) reached from `anchors`; computes its field.
  void add_exit(std::size_t opening, int doorway, std::vector<FieldSource> anchors);
  /// Persons standing on each cell.
  void set_load(std::vector<double> load) { load_ = std::move(load); }
  const std::vector<double>& load() const { return load_; }  ///< see set_load
  /// Distance field of exit `k`.
  const Field& field(int k) const { return exits_[static_cast<std::size_t>(k)].field; }
  /// True if walkable floor reaches exit `k`.
  bool exit_usable(std::size_t k) const { return !exits_[k].field.sources.empty(); }
  /// Nearest exit among those marked in `active`.
  Nearest nearest(const std::vector<bool>& active) const;
  /// Time to empty the floor through the `active` exits, each person going to the nearest.
  EgressTime time(const Nearest& nearest, const std::vector<bool>& active) const;

 private:
  // The doors a route crosses, as a trie: node 0 is the exit itself; a node's doors are its
  // own and its parent's.
  struct Node {
    int parent = -1;
    int doorway = -1;
  };
  struct ExitData {
    std::size_t opening = 0;
    int doorway = -1;
    Field field;
    std::vector<Node> nodes;
    std::vector<std::int32_t> node_of;  ///< per cell reached
  };
  void trace_doors(ExitData& exit) const;
  double speed_at(double density) const;
  double max_flow(const std::vector<bool>& active, const std::vector<double>& room_load) const;

  const NavGrid& grid_;
  const EgressSettings& settings_;
  std::vector<ExitData> exits_;
  std::vector<double> load_;
};

}  // namespace hallsim::layout::detail
