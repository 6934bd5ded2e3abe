#pragma once
/// \file
/// What is wrong with an input file, where, and what to change.

#include <stdexcept>
#include <string>
#include <vector>

namespace hallsim::layout {

/// One problem of an input file.
struct Diagnostic {
  std::string file;     ///< the file as the user named it
  std::string pointer;  ///< RFC 6901 JSON pointer to the offending value ("" = whole document)
  std::string message;  ///< what is wrong
  std::string hint;     ///< what to change
};

/// Formats one diagnostic as `FILE:POINTER: error: MESSAGE; HINT`
/// (`FILE: error: MESSAGE; HINT` when it concerns the whole document).
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Builds an RFC 6901 pointer from its reference tokens, escaping `~` and `/`.
std::string json_pointer(const std::vector<std::string>& tokens);

/// Bad user input: every problem found in one pass, each with its place and a fix.
class InputError : public std::runtime_error {
 public:
  /// `diagnostics` must not be empty.
  explicit InputError(std::vector<Diagnostic> diagnostics);

  /// The problems, in the order they were found.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Most problems reported for one file; past this the list ends with a note, since a file
/// this broken is better fixed from the top and checking on would only take time.
inline constexpr std::size_t kMaxDiagnostics = 100;

/// Collects diagnostics for one file, then throws them together.
class DiagnosticSink {
 public:
  /// Diagnostics will name `file`.
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}

  /// Records a problem at `pointer` (once kMaxDiagnostics are recorded, only notes that more
  /// were found).
  void error(std::string pointer, std::string message, std::string hint);
  /// True once kMaxDiagnostics problems are recorded: checks may stop early.
  bool full() const { return diagnostics_.size() >= kMaxDiagnostics; }
  /// True if nothing has been recorded.
  bool empty() const { return diagnostics_.empty(); }
  /// Number of problems recorded.
  std::size_t size() const { return diagnostics_.size(); }
  /// The file the diagnostics name.
  const std::string& file() const { return file_; }
  /// Throws an InputError holding every recorded problem, if there is any.
  void throw_if_any() const;

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace hallsim::layout
