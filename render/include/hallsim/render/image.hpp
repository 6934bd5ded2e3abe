#pragma once
/// \file
/// Pictures in memory, their fingerprint, and writing them as PNG files.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hallsim::render {

/// A colour with opacity, 8 bits a channel (a = 255 is opaque).
struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
  bool operator==(const Rgba&) const = default;
};

/// An RGBA picture, rows from the top, columns from the left.
class Image {
 public:
  /// An empty picture (0 x 0).
  Image() = default;
  /// A `width` x `height` picture filled with `fill`.
  Image(int width, int height, Rgba fill = {255, 255, 255, 255});

  /// Columns.
  int width() const { return width_; }
  /// Rows.
  int height() const { return height_; }
  /// The pixel in column `x`, row `y` (both must be inside the picture).
  Rgba pixel(int x, int y) const;
  /// Sets the pixel in column `x`, row `y`.
  void set_pixel(int x, int y, Rgba colour);
  /// The raw bytes: r, g, b, a for each pixel, row by row.
  const std::vector<std::uint8_t>& bytes() const { return bytes_; }

 private:
  std::size_t offset(int x, int y) const;
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> bytes_;
};

/// FNV-1a (64 bit) of the size and every byte of the pixels: equal pictures, equal hashes.
std::uint64_t pixel_hash(const Image& image);

/// The hash as 16 lower-case hex digits.
std::string to_hex(std::uint64_t hash);

/// Writes `image` to `file` as PNG. The picture goes to a temporary file in the same folder,
/// which is then renamed, so a failure never leaves a half-written picture under `file`.
/// Throws layout::InputError naming `file` if the folder is missing or not writable.
void save_png(const Image& image, const std::filesystem::path& file);

}  // namespace hallsim::render
