// The kernel against queueing theory: the M/M/c model built on it must reproduce Erlang C's
// mean wait, Little's law, and give the same trace for the same seed.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/core/mmc_queue.hpp"
#include "support/queueing_formulas.hpp"

using namespace followsim::core;
using followsim::testing::erlang_c_mean_wait;

TEST_CASE("the Erlang C helper matches the M/M/1 and M/M/2 closed forms", "[queueing]") {
    // M/M/1: Wq = rho / (mu - lambda).
    CHECK(erlang_c_mean_wait(0.9, 1.0, 1) == Approx(0.9 / 0.1));
    // M/M/2 with rho = lambda / 2mu: P(wait) = 2 rho^2 / (1 + rho), Wq = P / (2 mu - lambda).
    const double rho = 1.5 / 2.0;
    CHECK(erlang_c_mean_wait(1.5, 1.0, 2) == Approx(2 * rho * rho / (1 + rho) / (2.0 - 1.5)));
}

TEST_CASE("M/M/c mean wait in queue matches Erlang C within 3 standard errors", "[queueing]") {
    struct Case {
        double lambda, mu;
        std::int64_t c;
    };
    // Includes heavily loaded systems: rho = 0.9 (M/M/1) and 0.95 (M/M/10).
    const auto setting =
        GENERATE(Case{0.5, 1.0, 1}, Case{2.4, 1.0, 3}, Case{0.9, 1.0, 1}, Case{9.5, 1.0, 10});
    const double expected = erlang_c_mean_wait(setting.lambda, setting.mu, setting.c);
    INFO("lambda=" << setting.lambda << " mu=" << setting.mu << " c=" << setting.c
                   << " Erlang C Wq=" << expected);

    // Independent replications (own streams), each long and with a warm-up discarded, so that
    // their means are nearly independent and unbiased; the SE is over replication means.
    MmcSettings s;
    s.arrival_rate = setting.lambda;
    s.service_rate = setting.mu;
    s.servers = setting.c;
    s.customers = 110'000;
    s.warmup_customers = 10'000;
    RunningStats means;
    for (std::uint64_t rep = 0; rep < 24; ++rep) {
        means.add(simulate_mmc(s, 2026, rep).wait.mean());
    }
    const double se = means.sd() / std::sqrt(static_cast<double>(means.count()));
    INFO("simulated Wq=" << means.mean() << " se=" << se);
    CHECK(std::abs(means.mean() - expected) < 3.0 * se);
    // And the SE is small enough for that to mean something: under 5 % of Wq.
    CHECK(se < 0.05 * expected);
}

TEST_CASE("Little's law holds on the simulated output", "[queueing]") {
    MmcSettings s;
    s.arrival_rate = 4.5;
    s.service_rate = 1.0;
    s.servers = 5;
    s.customers = 50'000;
    const MmcOutcome out = simulate_mmc(s, 11, 0);
    // Without warm-up and run until empty, L = lambda W holds exactly: the queue-length
    // integral (kept by the resource) equals the sum of waits (kept per customer).
    const double lambda = out.observed_arrival_rate;
    CHECK(out.mean_queue_length == Approx(lambda * out.wait.mean()).epsilon(1e-9));
    CHECK(out.served == s.customers);
    // In system: L = lambda (Wq + 1/mu) holds on average; within 3 %.
    CHECK(out.mean_in_system == Approx(lambda * (out.wait.mean() + 1.0)).epsilon(0.03));
    // Utilisation is rho = lambda / (c mu).
    CHECK(out.utilisation == Approx(0.9).epsilon(0.02));
}

TEST_CASE("same seed gives the same trace; another replication another", "[queueing]") {
    MmcSettings s;
    s.arrival_rate = 2.0;
    s.service_rate = 1.0;
    s.servers = 3;
    s.customers = 2000;
    auto same_event = [](const Event& a, const Event& b) {
        return a.time == b.time && a.kind == b.kind && a.entity == b.entity &&
               a.priority == b.priority;
    };
    std::vector<Event> first, second, other;
    simulate_mmc(s, 5, 0, &first);
    simulate_mmc(s, 5, 0, &second);
    simulate_mmc(s, 5, 1, &other);
    REQUIRE(first.size() == 4000);
    REQUIRE(second.size() == first.size());
    for (std::size_t i = 0; i < first.size(); ++i) REQUIRE(same_event(first[i], second[i]));
    std::size_t differing = 0;
    for (std::size_t i = 0; i < std::min(first.size(), other.size()); ++i) {
        if (!same_event(first[i], other[i])) ++differing;
    }
    CHECK(differing > first.size() / 2);
}

TEST_CASE("common random numbers: arrivals do not depend on the number of servers", "[queueing]") {
    MmcSettings s;
    s.arrival_rate = 0.8;
    s.service_rate = 1.0;
    s.customers = 1000;
    std::vector<Event> one_server, two_servers;
    s.servers = 1;
    const MmcOutcome a = simulate_mmc(s, 8, 0, &one_server);
    s.servers = 2;
    const MmcOutcome b = simulate_mmc(s, 8, 0, &two_servers);
    std::vector<double> arrivals_a, arrivals_b;
    for (const Event& e : one_server) {
        if (e.kind == 0) arrivals_a.push_back(e.time);
    }
    for (const Event& e : two_servers) {
        if (e.kind == 0) arrivals_b.push_back(e.time);
    }
    CHECK(arrivals_a == arrivals_b);
    // Same customers, more servers: nobody waits longer on average.
    CHECK(b.wait.mean() < a.wait.mean());
}
