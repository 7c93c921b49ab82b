// Socio-economic settings, in the model's units. Defaults follow the Ministry of Finance's
// circular R-109/2021 and the DFØ guide to socio-economic analysis; each can be overridden in
// the scenario's `economics` section.
#pragma once

#include <string>

namespace followsim::economics {

enum class Payer : unsigned char { state, municipality };

struct EconomicsConfig {
    // R-109/2021 section 5: real discount rate 4 % for the first 40 years, 3 % from year 40
    // to 75, 2 % after 75.
    double discount_rate = 0.04;
    double discount_rate_after_40_years = 0.03;
    double discount_rate_after_75_years = 0.02;
    // R-109/2021 section 6: tax financing cost, 20 % of the net change in public spending.
    double tax_financing_cost = 0.20;
    // Employer's social security contribution, zone I (Skatteetaten): 14.1 %.
    double employer_contribution = 0.141;
    // Assumption: average income tax on an entry-level wage (trinnskatt, trygdeavgift and
    // flat tax together), about 25 %.
    double income_tax_rate = 0.25;
    // Share of the production gain that only displaces other job seekers (DFØ: consider it);
    // 0 unless the scenario says otherwise.
    double displacement_share = 0.0;
    // Assumption: productive hours of a full-time caseworker-year (37.5 h x 45.2 weeks).
    double hours_per_fte_year = 1695.0;
    // Assumption: a NAV staff year with social costs and overhead; prices NAV's own time to
    // order measures, and caseworker time where in_house gives no cost of its own.
    double staff_cost_per_year_nok = 900'000.0;
    // Who pays for in-house follow-up and for purchases: NAV's state side by default.
    Payer in_house_paid_by = Payer::state;
    Payer purchases_paid_by = Payer::state;
    // The arm every NPV is measured against.
    std::string baseline_arm = "baseline";
    // Willingness-to-pay grid for the cost-effectiveness acceptability curve, NOK per
    // placement.
    double wtp_per_placement_from_nok = 0.0;
    double wtp_per_placement_to_nok = 2'000'000.0;
    int wtp_steps = 41;
};

}  // namespace followsim::economics
