// The three accounts of an arm (DESIGN.md, "Economics"): socio-economic (society), fiscal
// (public budgets, state and municipality), and the purchase budget (kept by the model's
// budget ledger). All money is NOK of the price year, discounted to the start.
#pragma once

#include "engine/economics/cash_flows.hpp"
#include "engine/economics/economics_config.hpp"

namespace followsim::economics {

// Absolute present values of one arm in one replication.
struct ArmAccounts {
    double programme_cost = 0.0;   // caseworker time, purchases, fees, ordering time, training
    double benefits_paid = 0.0;    // transfers
    double production_gain = 0.0;  // value of the months in work
    double taxes = 0.0;            // income tax and employer's contribution on the wages
    double public_net_cost = 0.0;  // programme + benefits - taxes
    double public_net_cost_state = 0.0;
    double public_net_cost_municipality = 0.0;
    // Production less programme costs less the tax financing cost of the net public cost.
    // Transfers cancel out for society; they count only through the tax financing cost.
    double socioeconomic_value = 0.0;
};

ArmAccounts accounts_of(const CashFlowTotals& flows, const EconomicsConfig& config);

// One arm against the baseline arm (paired, same replication).
struct RelativeAccounts {
    double npv_socioeconomic = 0.0;  // > 0: better for society than the baseline
    double net_fiscal = 0.0;         // > 0: public budgets gain against the baseline
    double net_fiscal_state = 0.0;
    double net_fiscal_municipality = 0.0;
    double tax_financing_cost = 0.0;  // of the change in net public cost
    // Extra production over extra costs (programme + tax financing); NaN when the extra
    // costs are not positive (the ratio then says nothing: look at the NPV).
    double benefit_cost_ratio = 0.0;
};

RelativeAccounts relative_to(const ArmAccounts& arm, const ArmAccounts& baseline,
                             const EconomicsConfig& config);

}  // namespace followsim::economics
