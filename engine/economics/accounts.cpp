#include "engine/economics/accounts.hpp"

#include <limits>

namespace followsim::economics {

ArmAccounts accounts_of(const CashFlowTotals& f, const EconomicsConfig& config) {
    ArmAccounts a;
    a.programme_cost = f.pv(Flow::caseworker_time) + f.pv(Flow::purchases) +
                       f.pv(Flow::result_fees) + f.pv(Flow::ordering_time) + f.pv(Flow::training);
    a.benefits_paid = f.pv(Flow::benefits);
    a.production_gain = f.pv(Flow::production);
    a.taxes = f.pv(Flow::income_tax) + f.pv(Flow::employer_contribution) + f.pv(Flow::benefit_tax);
    auto net_cost_of = [&](Payer p) {
        double cost = 0.0;
        for (Flow flow : {Flow::caseworker_time, Flow::purchases, Flow::result_fees,
                          Flow::ordering_time, Flow::training, Flow::benefits}) {
            cost += f.pv(flow, p);
        }
        return cost - f.pv(Flow::income_tax, p) - f.pv(Flow::employer_contribution, p) -
               f.pv(Flow::benefit_tax, p);
    };
    a.public_net_cost_state = net_cost_of(Payer::state);
    a.public_net_cost_municipality = net_cost_of(Payer::municipality);
    a.public_net_cost = a.public_net_cost_state + a.public_net_cost_municipality;
    a.socioeconomic_value =
        a.production_gain - a.programme_cost - config.tax_financing_cost * a.public_net_cost;
    return a;
}

RelativeAccounts relative_to(const ArmAccounts& arm, const ArmAccounts& baseline,
                             const EconomicsConfig& config) {
    RelativeAccounts r;
    r.npv_socioeconomic = arm.socioeconomic_value - baseline.socioeconomic_value;
    r.net_fiscal = -(arm.public_net_cost - baseline.public_net_cost);
    r.net_fiscal_state = -(arm.public_net_cost_state - baseline.public_net_cost_state);
    r.net_fiscal_municipality =
        -(arm.public_net_cost_municipality - baseline.public_net_cost_municipality);
    r.tax_financing_cost =
        config.tax_financing_cost * (arm.public_net_cost - baseline.public_net_cost);
    const double extra_benefit = arm.production_gain - baseline.production_gain;
    const double extra_cost = arm.programme_cost - baseline.programme_cost + r.tax_financing_cost;
    r.benefit_cost_ratio =
        extra_cost > 0.0 ? extra_benefit / extra_cost : std::numeric_limits<double>::quiet_NaN();
    return r;
}

}  // namespace followsim::economics
