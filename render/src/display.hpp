#pragma once
// Whether an X display can be opened, asked without SFML (which aborts the process if it cannot).

namespace hallsim::render::detail {

/// True if the X display named by $DISPLAY can be opened.
bool can_open_display();

}  // namespace hallsim::render::detail
