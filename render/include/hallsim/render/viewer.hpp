#pragma once
/// \file
/// The viewer: a simulated day played over its plan in a window (or off screen), with the
/// clock, play and pause, speed, jumps in time, layers to switch on and off, and the figures of
/// a counter or a zone on a click.
///
/// The plan with its switched-on layers is drawn once into a texture (render_plan); each frame
/// draws only the moving parts over it, the way the snapshot overlay draws them, so a frame at
/// time t shows the same pixels as the snapshot picture of t.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"
#include "hallsim/render/overlays.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/playback.hpp"

namespace hallsim::render {

/// Layers the viewer can draw under the moving parts; each may be switched on and off.
struct ViewerLayers {
  std::optional<EgressOverlay> egress;
  std::optional<AccessOverlay> access;
  std::optional<HeatOverlay> heat;
};

/// Settings of the viewer.
struct ViewerOptions {
  int width_px = 1280;  ///< width of the plan picture (the window is as wide)
  /// TrueType font with Chinese characters; empty: $HALLSIM_FONT, else kDefaultFontFile.
  std::filesystem::path font_file;
  double begin = 0.0;                  ///< earliest time to show, simulation seconds
  double end = 0.0;                    ///< latest (the day's end); <= begin: the playback's end
  double start = 0.0;                  ///< time shown first (clamped to [begin, end])
  double speed = 60.0;                 ///< simulated seconds per real second while playing
  std::string title = "hallsim view";  ///< the window's title
};

/// What a run of the viewer did.
struct ViewerReport {
  int frames = 0;         ///< frames drawn
  double seconds = 0.0;   ///< real (wall-clock) time they took
  double end_time = 0.0;  ///< simulation time of the last frame
  /// Frames per second (0 if no time passed).
  double frames_per_second() const { return seconds > 0.0 ? frames / seconds : 0.0; }
};

/// The viewer of one plan and (optionally) one simulated day. Needs an X display: throws
/// RenderError if there is none, layout::InputError for a bad font or width.
class Viewer {
 public:
  /// `playback` may be absent: the plan and its layers are shown without visitors.
  Viewer(const layout::Plan& plan, std::optional<Playback> playback, ViewerLayers layers,
         const ViewerOptions& options);
  ~Viewer();
  Viewer(const Viewer&) = delete;
  Viewer& operator=(const Viewer&) = delete;

  /// Opens a window and plays until it is closed (Esc or Q), or until `max_frames` frames are
  /// drawn if that is positive.
  ViewerReport run_window(int max_frames = 0);
  /// Plays off screen without real time: `frames` frames, each `step` simulated seconds after
  /// the last (the first at the current time).
  ViewerReport run_headless(int frames, double step);
  /// The frame at the current time, drawn off screen: the plan picture (with the layers on),
  /// the moving parts, and the status and help lines under it.
  Image capture();

  /// The simulation time shown.
  double time() const;
  /// Jumps to `t` (clamped to the day).
  void set_time(double t);
  /// Switches a layer on or off; a layer the viewer was not given stays off.
  void show_egress(bool on);
  void show_access(bool on);  ///< see show_egress
  void show_heat(bool on);    ///< see show_egress
  /// Selects the counter or zone at plan point `p` (nothing there: no selection) and returns
  /// the lines its figures are shown in.
  std::vector<std::string> select(const layout::Point& p);
  /// The figures of the current selection at the current time (empty: none selected).
  std::vector<std::string> selection_lines() const;
  /// Where the plan is in the frame.
  const PictureFrame& frame() const;
  /// Size of the plan picture in pixels (the frame's upper part; the status lines follow).
  int picture_width() const;
  int picture_height() const;  ///< see picture_width

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// The keys, as the viewer's help line shows them.
std::string viewer_help();

}  // namespace hallsim::render
