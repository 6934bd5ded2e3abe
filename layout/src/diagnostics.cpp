#include "hallsim/layout/diagnostics.hpp"

#include <cassert>
#include <utility>

namespace hallsim::layout {

namespace {

std::string format_all(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (i > 0) {
      text += '\n';
    }
    text += format_diagnostic(diagnostics[i]);
  }
  return text;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file;
  if (!diagnostic.pointer.empty()) {
    text += ":" + diagnostic.pointer;
  }
  text += ": error: " + diagnostic.message;
  if (!diagnostic.hint.empty()) {
    text += "; " + diagnostic.hint;
  }
  return text;
}

std::string json_pointer(const std::vector<std::string>& tokens) {
  std::string pointer;
  for (const std::string& token : tokens) {
    pointer += '/';
    for (const char c : token) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }
  return pointer;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(format_all(diagnostics)), diagnostics_(std::move(diagnostics)) {
  assert(!diagnostics_.empty());
}

void DiagnosticSink::error(std::string pointer, std::string message, std::string hint) {
  if (diagnostics_.size() + 1 < kMaxDiagnostics) {
    diagnostics_.push_back(
        Diagnostic{file_, std::move(pointer), std::move(message), std::move(hint)});
  } else if (diagnostics_.size() + 1 == kMaxDiagnostics) {
    diagnostics_.push_back(Diagnostic{
        file_, "",
        "more problems than the " + std::to_string(kMaxDiagnostics - 1) + " listed above",
        "fix these first, then check the file again"});
  }
}

void DiagnosticSink::throw_if_any() const {
  if (!diagnostics_.empty()) {
    throw InputError(diagnostics_);
  }
}

}  // namespace hallsim::layout
