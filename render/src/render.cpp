// Placeholder translation unit; replaced as the renderer is implemented.
namespace hallsim::render {}
