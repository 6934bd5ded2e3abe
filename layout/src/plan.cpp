// Placeholder translation unit; replaced as the floor-plan loader is implemented.
namespace hallsim::layout {}
