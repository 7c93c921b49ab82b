#include "engine/output/number_format.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace followsim::output {

namespace {

// U+202F NARROW NO-BREAK SPACE groups digits in Norwegian; U+00A0 joins a number and its unit.
constexpr std::string_view kNarrowNoBreakSpace = "\u202f";
constexpr std::string_view kNoBreakSpace = "\u00a0";

std::string group_digits(const std::string& digits, Lang lang) {
    const std::string_view separator = lang == Lang::nb ? kNarrowNoBreakSpace : ",";
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
        grouped += digits[i];
    }
    return grouped;
}

enum class Kind { nok, share, count, days, ratio, number };

Kind kind_of(std::string_view metric) {
    if (metric.ends_with("_nok")) return Kind::nok;
    if (metric.ends_with("_rate") || metric.ends_with("_utilisation") || metric.ends_with("_share"))
        return Kind::share;
    if (metric == "placed" || metric == "persons" || metric == "waiting_at_horizon" ||
        metric == "employment_months" || metric.starts_with("exits_"))
        return Kind::count;
    if (metric.ends_with("_days") || metric.ends_with("_day") || metric.starts_with("mean_days"))
        return Kind::days;
    if (metric.ends_with("_ratio")) return Kind::ratio;
    return Kind::number;
}

}  // namespace

Lang parse_lang(std::string_view code) {
    if (code == "en") return Lang::en;
    if (code == "nb") return Lang::nb;
    throw std::invalid_argument("--lang " + std::string(code) + ": expected nb or en");
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::nb ? "nb" : "en";
}

std::string format_fixed(double x, int decimals, Lang lang) {
    if (std::isnan(x)) return "–";
    if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
    std::string text = fmt::format("{:.{}f}", std::fabs(x), decimals);
    const auto point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string out = group_digits(whole, lang);
    if (point != std::string::npos) out += (lang == Lang::nb ? "," : ".") + text.substr(point + 1);
    // No "-0": a value that rounds to zero has no sign.
    const bool zero = out.find_first_not_of("0.,") == std::string::npos;
    return (x < 0 && !zero ? "-" : "") + out;
}

std::string with_thousands(double value) {
    return format_fixed(value, 0, Lang::en);
}

std::string format_nok(double x, Lang lang) {
    const double a = std::fabs(x);
    if (std::isnan(x)) return "–";
    const bool nb = lang == Lang::nb;
    auto scaled = [&](double unit, std::string_view en, std::string_view no) {
        const double v = x / unit;
        const int decimals = std::fabs(v) < 9.995 ? 2 : 1;
        return format_fixed(v, decimals, lang) + std::string(nb ? kNoBreakSpace : " ") +
               std::string(nb ? no : en);
    };
    if (a >= 999.5e6) return scaled(1e9, "bn", "mrd.");
    if (a >= 999.5e3) return scaled(1e6, "M", "mill.");
    return format_fixed(x, 0, lang);
}

std::string nok_text(double x, Lang lang) {
    if (lang == Lang::nb) return format_nok(x, lang) + std::string(kNoBreakSpace) + "kr";
    return "NOK " + format_nok(x, lang);
}

std::string format_share(double x, Lang lang, int decimals) {
    if (std::isnan(x)) return "–";
    return format_fixed(100.0 * x, decimals, lang) + std::string(kNoBreakSpace) + "%";
}

std::string format_metric(std::string_view metric, double x, Lang lang) {
    switch (kind_of(metric)) {
        case Kind::nok:
            return format_nok(x, lang);
        case Kind::share:
            return format_share(x, lang);
        case Kind::count:
            return format_fixed(x, std::fabs(x) >= 100.0 ? 0 : 1, lang);
        case Kind::days:
            return format_fixed(x, 0, lang);
        case Kind::ratio:
            return format_fixed(x, 2, lang);
        case Kind::number:
            break;
    }
    return format_fixed(x, 1, lang);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
    }
    return width;
}

}  // namespace followsim::output
