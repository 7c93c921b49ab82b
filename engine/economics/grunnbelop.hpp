// The basic amount of the National Insurance scheme (grunnbeløpet, G) and the benefit levels
// derived from it. G changes on 1 May; the table gives the amount from 1 May of each year
// (NAV, "Grunnbeløpet i folketrygden").
#pragma once

#include <optional>

namespace followsim::economics {

// G from 1 May of `year`, in NOK; nullopt outside the table (2010-2025).
std::optional<double> grunnbelop_nok(int year);

// Benefit per month for a person whose basis is `basis_g` G, capped at 6 G:
// AAP 66 % of the basis (folketrygdloven § 11-19), dagpenger 62.4 % (§ 4-12).
double aap_per_month_nok(double basis_g, double g_nok);
double dagpenger_per_month_nok(double basis_g, double g_nok);

}  // namespace followsim::economics
