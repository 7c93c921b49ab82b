#include "engine/core/mmc_queue.hpp"

#include <limits>
#include <stdexcept>

#include "engine/core/entity_pool.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/core/resource.hpp"
#include "engine/core/simulator.hpp"

namespace followsim::core {

namespace {

enum MmcEvent : EventKind { kArrival = 0, kDeparture = 1 };
enum MmcStream : std::uint32_t { kArrivalStream = 1, kServiceStream = 2 };

struct Customer {
    double arrival_time;
    double service_time;  // drawn on arrival: customer k needs the same work whatever c is
    std::uint64_t number;
};

class MmcModel {
  public:
    MmcModel(const MmcSettings& settings, std::uint64_t seed, std::uint64_t replication,
             std::vector<Event>* trace)
        : settings_(settings),
          arrivals_(seed, replication, stream_id(kArrivalStream, 0)),
          services_(seed, replication, stream_id(kServiceStream, 0)),
          servers_(settings.servers),
          system_(0.0, 0.0),
          trace_(trace) {}

    MmcOutcome run() {
        if (settings_.customers > 0)
            sim_.schedule_at(arrivals_.exponential(settings_.arrival_rate), kArrival);
        if (settings_.warmup_customers == 0) warm_ = true;
        sim_.run_until(std::numeric_limits<double>::infinity(),
                       [this](const Event& e) { handle(e); });
        MmcOutcome out;
        const double end = sim_.now();
        out.wait = wait_;
        out.mean_queue_length = servers_.mean_queue_length(end);
        out.queue_time_integral = out.mean_queue_length * (end - warm_start_);
        out.mean_in_system = system_.mean(end);
        out.utilisation = servers_.utilisation(end);
        out.end_time = end;
        out.observed_arrival_rate =
            end > warm_start_ ? static_cast<double>(counted_arrivals_) / (end - warm_start_) : 0.0;
        out.served = served_;
        out.events = sim_.events_processed();
        out.peak_customers = customers_.capacity_used();
        return out;
    }

  private:
    void handle(const Event& e) {
        if (trace_ != nullptr) trace_->push_back(e);
        switch (e.kind) {
            case kArrival:
                on_arrival();
                break;
            case kDeparture:
                on_departure(e.entity);
                break;
            default:
                throw std::logic_error("unknown M/M/c event");
        }
    }

    void on_arrival() {
        const double now = sim_.now();
        if (!warm_ && arrived_ == settings_.warmup_customers) {
            warm_ = true;
            warm_start_ = now;
            servers_.restart_statistics(now);
            system_.restart(now);
        }
        const EntityId id = customers_.create(
            Customer{now, services_.exponential(settings_.service_rate), arrived_});
        ++arrived_;
        if (warm_) ++counted_arrivals_;
        system_.add(now, 1.0);
        if (arrived_ < settings_.customers) {
            sim_.schedule_in(arrivals_.exponential(settings_.arrival_rate), kArrival);
        }
        if (servers_.request(now, id)) start_service(id);
    }

    void on_departure(EntityId id) {
        const double now = sim_.now();
        customers_.release(id);
        ++served_;
        system_.add(now, -1.0);
        const EntityId next = servers_.release(now);
        if (next != kNoEntity) start_service(next);
    }

    void start_service(EntityId id) {
        const Customer& c = customers_[id];
        if (c.number >= settings_.warmup_customers) wait_.add(sim_.now() - c.arrival_time);
        sim_.schedule_in(c.service_time, kDeparture, id);
    }

    MmcSettings settings_;
    Simulator sim_;
    RandomStream arrivals_;
    RandomStream services_;
    Resource servers_;
    EntityPool<Customer> customers_;
    TimeWeightedAverage system_;
    RunningStats wait_;
    std::vector<Event>* trace_;
    std::uint64_t arrived_ = 0;
    std::uint64_t counted_arrivals_ = 0;
    std::uint64_t served_ = 0;
    double warm_start_ = 0.0;
    bool warm_ = false;
};

}  // namespace

MmcOutcome simulate_mmc(const MmcSettings& settings, std::uint64_t seed, std::uint64_t replication,
                        std::vector<Event>* trace) {
    if (!(settings.arrival_rate > 0.0) || !(settings.service_rate > 0.0) || settings.servers < 1) {
        throw std::invalid_argument("M/M/c needs positive rates and at least one server");
    }
    MmcModel model(settings, seed, replication, trace);
    return model.run();
}

}  // namespace followsim::core
