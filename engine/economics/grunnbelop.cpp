#include "engine/economics/grunnbelop.hpp"

#include <algorithm>
#include <array>

namespace followsim::economics {

namespace {
constexpr int kFirstYear = 2010;
// NAV's table of G, from 1 May of each year.
constexpr std::array<double, 16> kGrunnbelop{
    75641,   // 2010
    79216,   // 2011
    82122,   // 2012
    85245,   // 2013
    88370,   // 2014
    90068,   // 2015
    92576,   // 2016
    93634,   // 2017
    96883,   // 2018
    99858,   // 2019
    101351,  // 2020
    106399,  // 2021
    111477,  // 2022
    118620,  // 2023
    124028,  // 2024 (DESIGN.md)
    130160,  // 2025
};
constexpr double kCapG = 6.0;
}  // namespace

std::optional<double> grunnbelop_nok(int year) {
    const int i = year - kFirstYear;
    if (i < 0 || i >= static_cast<int>(kGrunnbelop.size())) return std::nullopt;
    return kGrunnbelop[static_cast<std::size_t>(i)];
}

double aap_per_month_nok(double basis_g, double g_nok) {
    return 0.66 * std::min(basis_g, kCapG) * g_nok / 12.0;
}

double dagpenger_per_month_nok(double basis_g, double g_nok) {
    return 0.624 * std::min(basis_g, kCapG) * g_nok / 12.0;
}

}  // namespace followsim::economics
