// Closed-form results of queueing theory, written independently of the engine, that the
// tests hold the simulation against.
#pragma once

#include <cmath>
#include <cstdint>

namespace followsim::testing {

// Erlang C: the probability that an arrival to an M/M/c queue must wait (Kleinrock 1975,
// vol. 1, eq. 3.40), computed with the stable recursion over Erlang B.
inline double erlang_c_probability_of_wait(double arrival_rate, double service_rate,
                                           std::int64_t servers) {
    const double offered = arrival_rate / service_rate;  // a = lambda / mu, in Erlangs
    double erlang_b = 1.0;
    for (std::int64_t k = 1; k <= servers; ++k) {
        erlang_b = offered * erlang_b / (static_cast<double>(k) + offered * erlang_b);
    }
    const double rho = offered / static_cast<double>(servers);
    return erlang_b / (1.0 - rho + rho * erlang_b);
}

// Mean time in queue of an M/M/c queue: Wq = C(c, a) / (c mu - lambda).
inline double erlang_c_mean_wait(double arrival_rate, double service_rate, std::int64_t servers) {
    return erlang_c_probability_of_wait(arrival_rate, service_rate, servers) /
           (static_cast<double>(servers) * service_rate - arrival_rate);
}

}  // namespace followsim::testing
