// The followsim command.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "engine/core/mmc_queue.hpp"

int main(int argc, char** argv) {
    CLI::App app{"followsim: in-house follow-up versus purchased measures, simulated"};
    app.set_version_flag("--version", std::string(FOLLOWSIM_VERSION));
    app.require_subcommand(1);

    followsim::core::MmcSettings mmc;
    std::uint64_t seed = 1;
    auto* demo = app.add_subcommand("mmc", "Run the kernel's M/M/c reference queue");
    demo->add_option("--arrival-rate", mmc.arrival_rate, "Arrivals per unit of time");
    demo->add_option("--service-rate", mmc.service_rate, "Services per server per unit");
    demo->add_option("--servers", mmc.servers, "Servers");
    demo->add_option("--customers", mmc.customers, "Arrivals to simulate");
    demo->add_option("--seed", seed, "Master seed");

    CLI11_PARSE(app, argc, argv);
    if (*demo) {
        const auto out = followsim::core::simulate_mmc(mmc, seed, 0);
        fmt::print("M/M/{} lambda={} mu={}: {} customers, mean wait {:.4f}, utilisation {:.3f}\n",
                   mmc.servers, mmc.arrival_rate, mmc.service_rate, out.served, out.wait.mean(),
                   out.utilisation);
    }
    return 0;
}
