#include <gtest/gtest.h>

#include "cli_runner.hpp"
#include "version.hpp"

using hallsim::testing::run_hallsim;

TEST(Cli, VersionFlagPrintsTheProjectVersion) {
  const auto r = run_hallsim("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("hallsim ") + hallsim::app::kVersion + "\n");
}

TEST(Cli, HelpSaysWhatHallsimIsFor) {
  const auto r = run_hallsim("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("public service halls"), std::string::npos) << r.out;
}

TEST(Cli, UnknownSubcommandIsBadInputWithExitCodeTwo) {
  const auto r = run_hallsim("no-such-command");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no-such-command"), std::string::npos) << r.out;
}

TEST(Cli, MissingSubcommandIsBadInput) {
  const auto r = run_hallsim("");
  EXPECT_EQ(r.exit_code, 2);
}
