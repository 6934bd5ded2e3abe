// Kept apart from everything else: Xlib's macros (None, Bool, Status, Success) clash with Eigen
// and SFML headers.
#include "display.hpp"

#include <X11/Xlib.h>

namespace hallsim::render::detail {

bool can_open_display() {
  ::Display* display = ::XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  ::XCloseDisplay(display);
  return true;
}

}  // namespace hallsim::render::detail
