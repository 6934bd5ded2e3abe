#pragma once
// A connection to the X display, asked for without SFML (which aborts the process if it cannot
// connect).

namespace hallsim::render::detail {

/// Opens the X display named by $DISPLAY, trying again for about `patience_ms` milliseconds
/// while the server turns connections away (an X server resets when its last client leaves and
/// refuses connections meanwhile). Returns an opaque handle, or null.
void* open_display(int patience_ms);

/// Closes a handle from open_display.
void close_display(void* display);

}  // namespace hallsim::render::detail
