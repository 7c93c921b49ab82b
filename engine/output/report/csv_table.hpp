// A CSV table as the result files write it (a header, then rows; fields may be quoted), for
// reading a results folder back. The one CSV reader of the engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace followsim::output {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    // Position of a column; throws std::runtime_error if there is none of that name.
    [[nodiscard]] std::size_t column(const std::string& name) const;
    // Position of a column, if there is one of that name.
    [[nodiscard]] std::optional<std::size_t> find_column(const std::string& name) const;
};

CsvTable parse_csv(const std::string& text);

// A number field as csv_number wrote it: empty is a missing value (NaN); throws
// std::runtime_error for a field that is not a number.
double csv_double(const std::string& field);

}  // namespace followsim::output
