// The scenario file's text as the workbench uses it: the comment that documents a value (its
// source, shown as the field's help) and values edited in place, so that a downloaded scenario
// keeps every comment and marks what changed.
//
// edit_values is the workbench's own minimal writer. When the comment-preserving writer of the
// scenario layer (issue 13: scenario::with_assignments edits the source text) is on main, the
// text of a changed scenario is its resolved_yaml and edit_values can go.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace followsim::serve {

// The comment of a value on line `line` (0-based): the comment at the end of that line, else
// the block of comment lines directly above it, joined with spaces; "" if there is none.
std::string comment_for_line(std::string_view text, std::size_t line);

// A scalar to replace: its key path (list items by index) and the new value as YAML text.
struct ValueEdit {
    std::string path;
    std::string value;
};

// The source with each edited scalar replaced by the new text where it is written and its line
// marked with a comment "# <marker>: <key> was <old>", under a first comment line that lists
// the changes. nullopt if a value cannot be edited in place (not a scalar written on one line,
// or a result that would not read back as the source with those values set, as --set sets
// them).
std::optional<std::string> edit_values(const std::string& source,
                                       const std::vector<ValueEdit>& edits,
                                       const std::string& marker);

}  // namespace followsim::serve
