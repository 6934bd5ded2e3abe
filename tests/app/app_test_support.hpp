#pragma once
// Files for the command-line tests: a fresh folder per test for what a command writes, and
// reading back what it wrote.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

namespace hallsim::testing {

/// The bytes of `file`; empty if it cannot be read.
inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fixture whose every test gets an empty folder `<temp>/<prefix><test name>`, removed after
/// the test, so that tests never read each other's output.
class FreshFolderTest : public ::testing::Test {
 protected:
  explicit FreshFolderTest(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           (prefix_ + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;  ///< this test's folder

 private:
  std::string prefix_;
};

}  // namespace hallsim::testing
