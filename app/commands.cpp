#include "commands.hpp"

#include <exception>
#include <iostream>

#include "version.hpp"

namespace hallsim::app {

void add_commands(CLI::App& app, CommandBody& chosen) {
  add_validate_command(app, chosen);
  add_check_command(app, chosen);
  add_egress_command(app, chosen);
  add_render_command(app, chosen);
  add_view_command(app, chosen);
  add_simulate_command(app, chosen);
  add_compare_command(app, chosen);
  add_tune_command(app, chosen);
  add_size_command(app, chosen);
  add_fit_command(app, chosen);
  add_demo_command(app, chosen);
}

int run_main(int argc, char** argv) {
  CLI::App app{
      "hallsim: a digital twin of public service halls (便民服务中心/站/点).\n"
      "Checks floor plans against the Jiangsu standard, simulates visitors, windows and "
      "queues, tunes window counts, and validates evacuation routes.",
      "hallsim"};
  app.set_version_flag("--version", std::string("hallsim ") + kVersion);
  app.require_subcommand(1);
  CommandBody chosen;
  add_commands(app, chosen);
  const auto is_command = [&app](const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == name) return true;
    }
    return false;
  };
  if (argc > 1 && argv[1][0] != '-' && !is_command(argv[1])) {
    std::cerr << "hallsim: unknown command '" << argv[1] << "'. The commands are:";
    for (const CLI::App* sub : app.get_subcommands({})) std::cerr << " " << sub->get_name();
    std::cerr << ".\nRun 'hallsim --help' for what each does.\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; any other parse problem is the user's input.
    return code == 0 ? kExitOk : kExitBadInput;
  }
  try {
    return chosen ? chosen() : kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "hallsim: internal error: " << e.what()
              << "\nThis is a defect in hallsim, not in your input; please report it.\n";
    return kExitInternal;
  }
}

}  // namespace hallsim::app
