#include "commands.hpp"

int main(int argc, char** argv) { return hallsim::app::run_main(argc, argv); }
