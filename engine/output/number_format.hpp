// Numbers for people, in English or Norwegian (bokmål): thousands grouped (en: 1,234,567; nb:
// 1 234 567 with a narrow no-break space), decimal point or comma, NOK in thousands, millions
// and billions ("19.3 M" / "19,3 mill."), shares as percentages. Any double is formatted,
// however large: no integer conversion that could overflow.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace followsim::output {

enum class Lang { en, nb };

// "en" or "nb"; throws std::invalid_argument otherwise.
Lang parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);

// x with `decimals` decimals and grouped thousands; "–" for NaN.
std::string format_fixed(double x, int decimals, Lang lang = Lang::en);
// 1234567.8 -> "1,234,568" (en).
std::string with_thousands(double value);
// NOK without the currency: below a million in whole kroner ("350,000"), then "19.3 M" and
// "1.23 bn" (nb: "350 000", "19,3 mill.", "1,23 mrd.").
std::string format_nok(double x, Lang lang);
// With the currency: "NOK 19.3 M" / "19,3 mill. kr".
std::string nok_text(double x, Lang lang);
// 0.642 -> "64.2 %" (nb: "64,2 %").
std::string format_share(double x, Lang lang, int decimals = 1);
// A metric's value by its kind (NOK, share, count, days, ratio), as tables show it.
std::string format_metric(std::string_view metric, double x, Lang lang);

// Columns a text takes in a terminal: its UTF-8 code points.
std::size_t display_width(std::string_view text);

}  // namespace followsim::output
