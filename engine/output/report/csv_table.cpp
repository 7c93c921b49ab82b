#include "engine/output/report/csv_table.hpp"

#include <charconv>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace followsim::output {

namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

}  // namespace

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

std::size_t CsvTable::column(const std::string& name) const {
    if (const auto i = find_column(name)) return *i;
    throw std::runtime_error("CSV has no column " + name);
}

CsvTable parse_csv(const std::string& text) {
    CsvTable table;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (table.header.empty()) {
            table.header = split_csv_line(line);
        } else {
            table.rows.push_back(split_csv_line(line));
            if (table.rows.back().size() != table.header.size()) {
                throw std::runtime_error("CSV row " + std::to_string(table.rows.size()) + " has " +
                                         std::to_string(table.rows.back().size()) +
                                         " fields; the header has " +
                                         std::to_string(table.header.size()));
            }
        }
    }
    return table;
}

double csv_double(const std::string& field) {
    if (field.empty()) return std::numeric_limits<double>::quiet_NaN();
    double value = 0.0;
    const char* end = field.data() + field.size();
    const auto [stop, ec] = std::from_chars(field.data(), end, value);
    if (ec != std::errc() || stop != end)
        throw std::runtime_error("'" + field.substr(0, 40) + "' is not a number");
    return value;
}

}  // namespace followsim::output
