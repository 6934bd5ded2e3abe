// Kept apart from everything else: Xlib's macros (None, Bool, Status, Success) clash with Eigen
// and SFML headers.
#include "display.hpp"

#include <X11/Xlib.h>

#include <chrono>
#include <thread>

namespace hallsim::render::detail {

void* open_display(int patience_ms) {
  constexpr int kPauseMs = 20;
  for (int waited = 0;; waited += kPauseMs) {
    if (::Display* display = ::XOpenDisplay(nullptr)) {
      return display;
    }
    if (waited >= patience_ms) {
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kPauseMs));
  }
}

void close_display(void* display) {
  if (display != nullptr) {
    ::XCloseDisplay(static_cast<::Display*>(display));
  }
}

}  // namespace hallsim::render::detail
