#include "engine/economics/consumer_prices.hpp"

#include <array>

namespace followsim::economics {

namespace {

constexpr int kFirstYear = 2014;
// Source: Statistics Norway (SSB), table 03014, consumer price index, annual average,
// 2015 = 100. The levels are chained from the annual growth SSB and Norges Bank report
// (2015 2.1 %, 2016 3.6 %, 2017 1.8 %, 2018 2.7 %, 2019 2.2 %, 2020 1.3 %, 2021 3.5 %, 2022
// 5.8 %, 2023 5.5 %, 2024 3.1 %; 2025 2.7 % is NOU 2025:4's forecast), rounded to one decimal.
constexpr std::array<double, 12> kIndex{97.9,  100.0, 103.6, 105.5, 108.3, 110.7,
                                        112.1, 116.1, 122.8, 129.5, 133.6, 137.2};

}  // namespace

std::optional<double> consumer_price_index(int year) {
    if (year < kFirstYear || year >= kFirstYear + static_cast<int>(kIndex.size()))
        return std::nullopt;
    return kIndex[static_cast<std::size_t>(year - kFirstYear)];
}

std::pair<int, int> consumer_price_years() {
    return {kFirstYear, kFirstYear + static_cast<int>(kIndex.size()) - 1};
}

std::optional<double> price_factor(int from, int to) {
    const auto a = consumer_price_index(from), b = consumer_price_index(to);
    if (!a || !b) return std::nullopt;
    return *b / *a;
}

}  // namespace followsim::economics
