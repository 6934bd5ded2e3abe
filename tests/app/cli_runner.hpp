#pragma once
// Runs the real `hallsim` program and captures what it prints, for the command-line tests.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace hallsim::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  ///< stdout and stderr together
};

/// Runs `hallsim <args>` through the shell; `args` is passed as written.
inline CliResult run_hallsim(const std::string& args) {
  const std::string cmd = std::string(HALLSIM_EXE) + " " + args + " 2>&1";
  CliResult result;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace hallsim::testing
