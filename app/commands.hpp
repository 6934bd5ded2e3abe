#pragma once
/// \file
/// The `hallsim` program's subcommands and its exit-code contract.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace hallsim::app {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
  kExitOk = 0,          ///< done; for `check`, no "shall" failed
  kExitFindings = 1,    ///< ran, and found a "shall" that fails (check, egress)
  kExitBadInput = 2,    ///< an input file or option is wrong; the message says where and what to change
  kExitInternal = 3,    ///< a defect in hallsim itself
};

/// A subcommand's body, run after its options are parsed; returns an exit code.
using CommandBody = std::function<int()>;

/// Registers every subcommand on `app`; the body of the chosen one is stored in `chosen`.
void add_commands(CLI::App& app, CommandBody& chosen);

/// Runs the program as `main` would; returns its exit code. Errors go to stderr.
int run_main(int argc, char** argv);

// One registration function per subcommand file (cmd_<name>.cpp).
void add_demo_command(CLI::App& app, CommandBody& chosen);
void add_validate_command(CLI::App& app, CommandBody& chosen);
void add_check_command(CLI::App& app, CommandBody& chosen);
void add_fit_command(CLI::App& app, CommandBody& chosen);
void add_render_command(CLI::App& app, CommandBody& chosen);
void add_view_command(CLI::App& app, CommandBody& chosen);
void add_egress_command(CLI::App& app, CommandBody& chosen);
void add_simulate_command(CLI::App& app, CommandBody& chosen);
void add_compare_command(CLI::App& app, CommandBody& chosen);
void add_tune_command(CLI::App& app, CommandBody& chosen);
void add_size_command(CLI::App& app, CommandBody& chosen);

}  // namespace hallsim::app
