// Placeholder translation unit; replaced as the engine is implemented.
#include "hallsim/sim/engine.hpp"
