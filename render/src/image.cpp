#include "hallsim/render/image.hpp"

#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <array>
#include <cassert>
#include <cstdio>
#include <system_error>

#include "hallsim/layout/diagnostics.hpp"

namespace hallsim::render {

Image::Image(int width, int height, Rgba fill) : width_(width), height_(height) {
  assert(width >= 0 && height >= 0);
  bytes_.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u);
  for (std::size_t i = 0; i < bytes_.size(); i += 4) {
    bytes_[i] = fill.r;
    bytes_[i + 1] = fill.g;
    bytes_[i + 2] = fill.b;
    bytes_[i + 3] = fill.a;
  }
}

std::size_t Image::offset(int x, int y) const {
  assert(x >= 0 && x < width_ && y >= 0 && y < height_);
  return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
          static_cast<std::size_t>(x)) *
         4u;
}

Rgba Image::pixel(int x, int y) const {
  const std::size_t i = offset(x, y);
  return {bytes_[i], bytes_[i + 1], bytes_[i + 2], bytes_[i + 3]};
}

void Image::set_pixel(int x, int y, Rgba colour) {
  const std::size_t i = offset(x, y);
  bytes_[i] = colour.r;
  bytes_[i + 1] = colour.g;
  bytes_[i + 2] = colour.b;
  bytes_[i + 3] = colour.a;
}

std::uint64_t pixel_hash(const Image& image) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ull;
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t hash = kOffsetBasis;
  const auto feed = [&hash](std::uint8_t byte) {
    hash ^= byte;
    hash *= kPrime;
  };
  // The size goes in first so that a 2x8 and a 4x4 picture of the same bytes differ.
  for (const int dimension : {image.width(), image.height()}) {
    const auto value = static_cast<std::uint32_t>(dimension);
    for (int shift = 0; shift < 32; shift += 8) {
      feed(static_cast<std::uint8_t>(value >> shift));
    }
  }
  for (const std::uint8_t byte : image.bytes()) {
    feed(byte);
  }
  return hash;
}

std::string to_hex(std::uint64_t hash) {
  std::array<char, 17> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%016llx", static_cast<unsigned long long>(hash));
  return buffer.data();
}

namespace {

[[noreturn]] void refuse(const std::filesystem::path& file, std::string message, std::string hint) {
  throw layout::InputError(
      {layout::Diagnostic{file.string(), "", std::move(message), std::move(hint)}});
}

}  // namespace

void save_png(const Image& image, const std::filesystem::path& file) {
  assert(image.width() > 0 && image.height() > 0);
  if (file.extension() != ".png" && file.extension() != ".PNG") {
    refuse(file, "the picture is written as PNG but the file name does not end in .png",
           "name the output file something.png");
  }
  const std::filesystem::path folder =
      file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    refuse(file, "the folder '" + folder.string() + "' does not exist",
           "create the folder first or choose an output file in an existing folder");
  }
  if (std::filesystem::is_directory(file, error)) {
    refuse(file, "the output names a folder, not a file", "give a file name ending in .png");
  }
  // The temporary name is unique per process and sits in the same folder, so the rename below
  // stays on one file system and replaces the picture in one step.
  std::string name = ".";  // appended piecewise: GCC 12 warns falsely on "." + string
  name += file.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += ".png";
  const std::filesystem::path temporary = folder / name;
  sf::Image picture;
  picture.create(static_cast<unsigned>(image.width()), static_cast<unsigned>(image.height()),
                 image.bytes().data());
  if (!picture.saveToFile(temporary.string())) {
    std::filesystem::remove(temporary, error);
    refuse(file, "could not write the picture into '" + folder.string() + "'",
           "check that the folder is writable and the disk is not full");
  }
  std::filesystem::rename(temporary, file, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    refuse(file, "could not move the finished picture into place",
           "check that the file is not a folder and that you may replace it");
  }
}

}  // namespace hallsim::render
