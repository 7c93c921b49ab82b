#include "engine/scenario/yaml_text.hpp"

#include <fmt/core.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>

namespace followsim::scenario {

namespace {

// The place of byte `at`: lines and columns (in characters) counted from 0, as yaml-cpp does.
YAML::Mark mark_at(std::string_view text, std::size_t at) {
    YAML::Mark mark;
    mark.pos = static_cast<int>(at);
    for (std::size_t i = 0; i < at; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++mark.line;
            mark.column = 0;
        } else if ((byte & 0xC0) != 0x80) {
            ++mark.column;  // continuation bytes are part of the character before
        }
    }
    return mark;
}

// YAML 1.2's c-printable beyond ASCII: #x85, #xA0-#xD7FF, #xE000-#xFFFD, #x10000-#x10FFFF.
bool printable(char32_t c) {
    if (c < 0x80) return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F);
    return c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Decodes the character at `i`; its length in bytes, or 0 if the bytes are not UTF-8
// (truncated, overlong, a surrogate or beyond U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& c) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t least = 0;
    if (lead < 0x80) {
        c = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2, c = lead & 0x1Fu, least = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, c = lead & 0x0Fu, least = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, c = lead & 0x07u, least = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        c = (c << 6) | (byte(i + k) & 0x3Fu);
    }
    if (c < least || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return length;
}

// Thrown by the scanner to stop at the first problem of structure.
struct StopScan {
    TextProblem problem;
    bool second_document = false;
};

// The "---" line that starts the document yaml-cpp places at `start` (its first token).
YAML::Mark document_marker(std::string_view text, const YAML::Mark& start) {
    std::size_t line_start = 0, marker = 0;
    for (int line = 0; line <= start.line && line_start <= text.size(); ++line) {
        if (text.substr(line_start, 3) == "---") marker = line_start;
        const std::size_t end = text.find('\n', line_start);
        if (end == std::string_view::npos) break;
        line_start = end + 1;
    }
    return mark_at(text, marker);
}

// Sees the parser's events once each (an alias is one event, however large what it names):
// tags, depth and where a second document starts.
class StructureScan : public YAML::EventHandler {
  public:
    bool in_second_document = false;

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (in_second_document) {
            throw StopScan{{mark,
                            "a second YAML document starts here ('---'); a scenario is "
                            "one document"},
                           true};
        }
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        check_tag(mark, tag);
        check_text(mark, value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(mark, tag);
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(mark, tag);
    }
    void OnMapEnd() override { --depth_; }

  private:
    void open(const YAML::Mark& mark, const std::string& tag) {
        check_tag(mark, tag);
        if (++depth_ > kMaxYamlDepth) {
            throw StopScan{{mark, fmt::format("nested more than {} levels deep; a scenario "
                                              "needs far fewer",
                                              kMaxYamlDepth)}};
        }
    }
    // "?" is an untagged plain value, "!" a quoted one; anything else was written as a tag.
    static void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (tag.empty() || tag == "?" || tag == "!") return;
        const std::string core = "tag:yaml.org,2002:";
        const std::string shown = tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
        throw StopScan{{mark, fmt::format("the YAML tag '{}' is not used in scenarios (to make "
                                          "a value text, quote it)",
                                          shown)}};
    }

    // A key or value as read, escapes decoded: UTF-8 (yaml-cpp reads the escapes \N and \_
    // as the single bytes 0x85 and 0xA0, which are not), and no control character but tab
    // and line feed ("\e", "\r" or "\x9B" in a name would act on the terminal it is
    // printed in).
    static void check_text(const YAML::Mark& mark, const std::string& value) {
        for (std::size_t i = 0; i < value.size();) {
            char32_t c = 0;
            const std::size_t length = decode_utf8(value, i, c);
            if (length == 0) {
                throw StopScan{{mark, fmt::format("an escape in this text gives the byte 0x{:02X}, "
                                                  "which is not UTF-8 (write the character by "
                                                  "its code, e.g. \\u00A0)",
                                                  static_cast<unsigned char>(value[i]))}};
            }
            if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) {
                throw StopScan{{mark, fmt::format("the text holds the control character U+{:04X}; "
                                                  "scenario text has none but tab and line feed",
                                                  static_cast<std::uint32_t>(c))}};
            }
            i += length;
        }
    }

    int depth_ = 0;
};

}  // namespace

std::optional<TextProblem> find_encoding_problem(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        if (length == 0) {
            return TextProblem{mark_at(text, i),
                               fmt::format("the text is not UTF-8 (byte 0x{:02X})",
                                           static_cast<unsigned char>(text[i]))};
        }
        if (!printable(c)) {
            return TextProblem{mark_at(text, i),
                               fmt::format("the character U+{:04X} (a control character) is "
                                           "not allowed in YAML",
                                           static_cast<std::uint32_t>(c))};
        }
        i += length;
    }
    return std::nullopt;
}

std::string one_line(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        if (length > 0 && printable(c) && c >= 0x20) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += c == '\n' && length == 1
                       ? std::string("\\n")
                       : fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
            ++i;
        }
    }
    return out;
}

ParsedYaml parse_scenario_yaml(const std::string& text) {
    ParsedYaml parsed;
    if (auto problem = find_encoding_problem(text)) {
        parsed.problems.push_back(std::move(*problem));
        return parsed;
    }
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        StructureScan scan;
        parser.HandleNextDocument(scan);
        scan.in_second_document = true;
        parser.HandleNextDocument(scan);
        parsed.root = YAML::Load(text);
    } catch (const StopScan& stop) {
        parsed.problems.push_back(stop.problem);
        if (stop.second_document)
            parsed.problems.back().mark = document_marker(text, stop.problem.mark);
    } catch (const YAML::ParserException& e) {
        parsed.problems.push_back({e.mark, "YAML syntax error: " + e.msg});
    }
    return parsed;
}

}  // namespace followsim::scenario
