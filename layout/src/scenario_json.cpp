#include "scenario_json.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

namespace hallsim::layout::detail {

namespace {

using nlohmann::json;

// Length of the UTF-8 character starting at `i`, or 0 if the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF included, RFC 3629).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned b0 = byte(i);
  if (b0 < 0x80U) {
    return 1;
  }
  std::size_t n = 0;
  unsigned code = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    n = 2;
    code = b0 & 0x1FU;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    n = 3;
    code = b0 & 0x0FU;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    n = 4;
    code = b0 & 0x07U;
  } else {
    return 0;
  }
  if (i + n > text.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0U) != 0x80U) {
      return 0;
    }
    code = (code << 6U) | (byte(i + k) & 0x3FU);
  }
  constexpr std::array<unsigned, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[n] || code > 0x10FFFFU || (code >= 0xD800U && code <= 0xDFFFU)) {
    return 0;
  }
  return n;
}

std::string hex(unsigned char b) {
  constexpr const char* kDigits = "0123456789ABCDEF";
  return std::string("0x") + kDigits[b >> 4U] + kDigits[b & 0x0FU];
}

// Raised from the parser callback to stop at a nesting that is too deep.
struct TooDeep {};

// Keeps the JSON pointer of the value being read while nlohmann's parser runs, so that a
// syntax error or a repeated key can be reported where it is.
class PointerTracker {
 public:
  PointerTracker(int max_nesting, DiagnosticSink& sink) : max_nesting_(max_nesting), sink_(sink) {}

  bool on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (static_cast<int>(frames_.size()) >= max_nesting_) {
          throw TooDeep{};
        }
        frames_.push_back(Frame{event == json::parse_event_t::array_start, 0, {}, false, {}});
        break;
      case json::parse_event_t::key: {
        Frame& top = frames_.back();
        top.key = parsed.get<std::string>();
        top.key_pending = true;
        if (!top.keys.insert(top.key).second) {
          sink_.error(pointer(), "the field \"" + top.key + "\" appears twice in one object",
                      "keep only one of them");
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        value_done();
        break;
      case json::parse_event_t::value:
        value_done();
        break;
    }
    return true;
  }

  /// The pointer of the value being read.
  std::string pointer() const {
    std::vector<std::string> tokens;
    for (const Frame& f : frames_) {
      if (f.is_array) {
        tokens.push_back(std::to_string(f.count));
      } else if (f.key_pending) {
        tokens.push_back(f.key);
      } else {
        break;
      }
    }
    return json_pointer(tokens);
  }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t count = 0;  ///< values read so far (arrays)
    std::string key;        ///< the key being read (objects)
    bool key_pending = false;
    std::set<std::string> keys;
  };

  void value_done() {
    if (frames_.empty()) {
      return;
    }
    Frame& top = frames_.back();
    if (top.is_array) {
      ++top.count;
    } else {
      top.key_pending = false;
    }
  }

  int max_nesting_;
  DiagnosticSink& sink_;
  std::vector<Frame> frames_;
};

bool starts_like_non_number(std::string_view rest) {
  std::string head;
  for (const char c : rest.substr(0, 4)) {
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const std::string_view word : {"nan", "-nan", "inf", "-inf", "+inf"}) {
    if (head.compare(0, word.size(), word) == 0) {
      return true;
    }
  }
  return false;
}

void syntax_error(std::string_view text, const json::parse_error& e, const std::string& pointer,
                  DiagnosticSink& sink) {
  const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
  // The offending word is the run of letters and signs that ends where reading stopped.
  std::size_t word = offset;
  while (word > 0) {
    const char c = text[word - 1];
    if (std::isalpha(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '+') {
      break;
    }
    --word;
  }
  // A string read whole before the parser saw it was out of place: point at its start.
  std::size_t token = offset;
  if (token > 0 && token < text.size() && text[token] == '"') {
    std::size_t k = token;
    while (k > 0) {
      --k;
      if (text[k] == '"' && (k == 0 || text[k - 1] != '\\')) {
        break;
      }
    }
    token = k;
  }
  std::string reason = e.what();
  if (const auto pos = reason.find("syntax error"); pos != std::string::npos) {
    reason = reason.substr(pos);
  }
  if (starts_like_non_number(text.substr(word))) {
    sink.error(pointer,
               "not valid JSON at " + text_position(text, word) +
                   ": NaN and Infinity are not numbers in JSON",
               "write a finite number, or leave out the field if it is optional");
  } else if (reason.find("end of input") != std::string::npos) {
    sink.error(pointer,
               "not valid JSON: the file ends at " + text_position(text, text.size()) +
                   " before the JSON is complete (is it cut short?)",
               "finish the last value and close every open '{' and '['");
  } else if (reason.find("number overflow") != std::string::npos) {
    sink.error(
        pointer,
        "not valid JSON at " + text_position(text, offset) + ": the number is too large to hold",
        "write a smaller number");
  } else {
    sink.error(pointer, "not valid JSON at " + text_position(text, token) + ": " + reason,
               "fix the JSON there; a missing comma, quote or bracket is the usual cause");
  }
}

}  // namespace

std::string text_position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++line;
      column = 1;
    } else if ((b & 0xC0U) != 0x80U) {
      ++column;  // continuation bytes belong to the character before
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           std::uintmax_t max_bytes, const std::string& what,
                                           DiagnosticSink& sink) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) {
    sink.error("", "cannot read the file: it does not exist",
               "check the path (relative paths start from the current directory)");
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    sink.error("", "cannot read the file: it is not a regular file (a directory or device?)",
               "give the path of " + what);
    return std::nullopt;
  }
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    sink.error("", "cannot read the file: " + ec.message(), "check the path and its permissions");
    return std::nullopt;
  }
  if (size > max_bytes) {
    const auto mib = [](std::uintmax_t bytes) {
      return std::to_string(bytes / (std::uintmax_t{1024} * 1024));
    };
    sink.error("",
               "the file is " + mib(size) + " MiB, larger than the limit of " + mib(max_bytes) +
                   " MiB (not read)",
               "check that this is " + what);
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    sink.error("", "cannot read the file", "check its permissions");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string_view> checked_utf8(std::string_view text, const std::string& what,
                                             DiagnosticSink& sink) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    sink.error("", "the file is in UTF-16, not UTF-8", "save " + what + " as UTF-8");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      sink.error("",
                 "the file is not valid UTF-8: byte " + hex(static_cast<unsigned char>(text[i])) +
                     " at " + text_position(text, i) + " does not start a UTF-8 character",
                 "save " + what + " as UTF-8 (GBK and other legacy encodings are not read)");
      return std::nullopt;
    }
    i += n;
  }
  return text;
}

std::optional<json> parse_json_text(std::string_view text, int max_nesting, DiagnosticSink& sink) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    sink.error("", "the file is empty", "write the JSON document in it");
    return std::nullopt;
  }
  PointerTracker tracker(max_nesting, sink);
  try {
    return json::parse(
        text,
        [&tracker](int /*depth*/, json::parse_event_t event, json& parsed) {
          return tracker.on_event(event, parsed);
        },
        true);
  } catch (const TooDeep&) {
    sink.error(tracker.pointer(),
               "the JSON nests arrays and objects more than " + std::to_string(max_nesting) +
                   " levels deep",
               "check the brackets here");
  } catch (const json::parse_error& e) {
    syntax_error(text, e, tracker.pointer(), sink);
  }
  return std::nullopt;
}

}  // namespace hallsim::layout::detail
