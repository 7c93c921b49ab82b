// Every cash flow a simulated arm produces, booked by kind, payer and time as it happens, and
// kept both as a present value (discounted to the start) and undiscounted.
#pragma once

#include <array>
#include <cstddef>

#include "engine/economics/discounting.hpp"
#include "engine/economics/economics_config.hpp"

namespace followsim::economics {

enum class Flow : unsigned char {
    caseworker_time,  // in-house follow-up hours at the caseworker's cost per hour
    purchases,        // price per participant-month of measures
    result_fees,      // paid to providers per placement
    ordering_time,    // NAV's own hours to order and follow a purchase
    training,         // training of caseworkers
    benefits,         // AAP, dagpenger, sosialhjelp: transfers
    production,       // gross wage + employer's contribution, less displacement
    income_tax,       // taxes on earnings
    employer_contribution,
    benefit_tax,  // taxes on the benefits paid (AAP, dagpenger, disability benefit)
};
inline constexpr std::size_t kFlows = 10;
inline constexpr std::size_t kPayers = 2;

struct CashFlowTotals {
    // [flow][payer]; flows that nobody pays (production) are booked to the state column.
    std::array<std::array<double, kPayers>, kFlows> present_value{};
    std::array<std::array<double, kPayers>, kFlows> nominal{};

    [[nodiscard]] double pv(Flow f) const {
        const auto& row = present_value[static_cast<std::size_t>(f)];
        return row[0] + row[1];
    }
    [[nodiscard]] double pv(Flow f, Payer p) const {
        return present_value[static_cast<std::size_t>(f)][static_cast<std::size_t>(p)];
    }
    [[nodiscard]] double undiscounted(Flow f) const {
        const auto& row = nominal[static_cast<std::size_t>(f)];
        return row[0] + row[1];
    }
    CashFlowTotals& operator+=(const CashFlowTotals& other) {
        for (std::size_t f = 0; f < kFlows; ++f) {
            for (std::size_t p = 0; p < kPayers; ++p) {
                present_value[f][p] += other.present_value[f][p];
                nominal[f][p] += other.nominal[f][p];
            }
        }
        return *this;
    }
};

// A period over which flows are paid continuously, [from_day, to_day), with its discounted
// days: the present value of 1 NOK a day over it.
struct Period {
    double from_day = 0.0;
    double to_day = 0.0;
    double discounted_days = 0.0;
};

class CashFlowBook {
  public:
    explicit CashFlowBook(const EconomicsConfig& config) : discounting_(config) {}

    void lump(Flow flow, Payer payer, double day, double nok) {
        add(flow, payer, nok * discounting_.factor(day), nok);
    }
    // `nok_per_day` paid continuously over [from_day, to_day).
    void spell(Flow flow, Payer payer, double from_day, double to_day, double nok_per_day) {
        if (!(to_day > from_day) || nok_per_day == 0.0) return;
        spell(flow, payer, period(from_day, to_day), nok_per_day);
    }
    // The same over a period already discounted: flows paid over one period (a wage and its
    // taxes, a benefit and its tax) discount it once.
    void spell(Flow flow, Payer payer, const Period& period, double nok_per_day) {
        if (!(period.to_day > period.from_day) || nok_per_day == 0.0) return;
        add(flow, payer, nok_per_day * period.discounted_days,
            nok_per_day * (period.to_day - period.from_day));
    }
    [[nodiscard]] Period period(double from_day, double to_day) const {
        return Period{from_day, to_day, discounting_.integral(from_day, to_day)};
    }

    [[nodiscard]] const CashFlowTotals& totals() const { return totals_; }
    [[nodiscard]] const Discounting& discounting() const { return discounting_; }
    // The present value of `nok_per_day` over the period, without booking it.
    [[nodiscard]] static double present_value(const Period& period, double nok_per_day) {
        return period.to_day > period.from_day ? nok_per_day * period.discounted_days : 0.0;
    }

  private:
    void add(Flow flow, Payer payer, double pv, double nominal) {
        totals_.present_value[static_cast<std::size_t>(flow)][static_cast<std::size_t>(payer)] +=
            pv;
        totals_.nominal[static_cast<std::size_t>(flow)][static_cast<std::size_t>(payer)] += nominal;
    }

    Discounting discounting_;
    CashFlowTotals totals_;
};

}  // namespace followsim::economics
