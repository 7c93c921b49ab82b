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
    // Assumption: average tax on benefits of 2-3 G (AAP, dagpenger, disability benefit are
    // taxed as personal income: Stortinget Dok. 15:1173 (2013-2014); NOU 2013:12 ch. 5).
    // Social assistance is not taxed.
    double benefit_tax_rate = 0.22;
    // Value after the horizon: each person's expected remaining employment and benefits over
    // valuation_years, in closed form (docs/model.md). Assumption: 5 years (NOU 2012:16 ch. 6
    // asks for a residual value; most of a placement's value is realised within 3-5 years at
    // 2-3 % job loss a month).
    bool value_after_horizon = true;
    double valuation_years = 5.0;
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
