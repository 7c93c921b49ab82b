#include "engine/experiment/replicated_points.hpp"

#include <cmath>
#include <memory>
#include <mutex>

#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/slot_codec.hpp"
#include "engine/model/arm_simulation.hpp"

namespace followsim::experiment {

namespace {

// One task's slot: the metrics of every arm in one replication of one point.
struct ReplicationValues {
    std::vector<std::vector<double>> metrics;  // [arm][metric]
    std::uint64_t events = 0;

    template <typename Archive>
    void serialize(Archive& a) {
        a(metrics, events);
    }
};

// Each point's model, made the first time a task of the point runs here.
class PointConfigs {
  public:
    PointConfigs(std::uint64_t points,
                 const std::function<model::ModelConfig(std::uint64_t)>& config_of)
        : config_of_(config_of), once_(points), configs_(points) {}

    const model::ModelConfig& operator[](std::uint64_t point) {
        std::call_once(once_[point], [&] {
            configs_[point] = std::make_unique<model::ModelConfig>(config_of_(point));
        });
        return *configs_[point];
    }

  private:
    const std::function<model::ModelConfig(std::uint64_t)>& config_of_;
    std::vector<std::once_flag> once_;
    std::vector<std::unique_ptr<model::ModelConfig>> configs_;
};

}  // namespace

PointsResults run_points(std::uint64_t points,
                         const std::function<model::ModelConfig(std::uint64_t)>& config_of,
                         const PointsSettings& settings) {
    PointsResults results;
    const std::uint64_t reps = settings.replications;
    PointConfigs configs(points, config_of);
    std::vector<ReplicationValues> slots(points * reps);
    const TaskSet tasks = tasks_over(
        slots,
        [&](std::uint64_t t) {
            const model::ModelConfig& config = configs[t / reps];
            std::vector<model::ArmOutcome> outcomes;
            outcomes.reserve(config.arms.size());
            ReplicationValues& slot = slots[t];
            for (std::size_t a = 0; a < config.arms.size(); ++a) {
                outcomes.push_back(model::simulate_arm(config, a, settings.seed, t % reps));
                slot.events += outcomes.back().events;
            }
            slot.metrics = replication_metrics(outcomes, baseline_arm_of(config), config.economics);
        },
        settings.threads, settings.cancel, settings.progress);
    if (!distribute(settings.distributor, tasks)) return results;

    results.complete = true;
    // The points vary parameters, never the arms: point 0's baseline arm is every point's.
    const std::optional<std::size_t> baseline =
        points > 0 ? baseline_arm_of(configs[0]) : std::nullopt;
    results.means.resize(points);
    const std::size_t metrics = arm_metrics().size();
    for (std::uint64_t k = 0; k < points; ++k) {
        const std::size_t arms = slots[k * reps].metrics.size();
        std::vector<std::vector<double>> sums(arms, std::vector<double>(metrics, 0.0));
        std::vector<std::vector<double>> counts = sums;
        for (std::uint64_t r = 0; r < reps; ++r) {
            const ReplicationValues& slot = slots[k * reps + r];
            results.events += slot.events;
            for (std::size_t a = 0; a < arms; ++a) {
                for (std::size_t m = 0; m < metrics; ++m) {
                    if (std::isnan(slot.metrics[a][m])) continue;
                    sums[a][m] += slot.metrics[a][m];
                    counts[a][m] += 1.0;
                }
            }
        }
        for (std::size_t a = 0; a < arms; ++a) {
            for (std::size_t m = 0; m < metrics; ++m) {
                sums[a][m] = counts[a][m] > 0.0 ? sums[a][m] / counts[a][m] : model::kNotAvailable;
            }
        }
        // The ratio metrics of these means are the ratios of their parts' means, as a run's
        // summary has them (not the mean of each replication's ratio).
        const auto means = sums;
        for (std::size_t a = 0; a < arms; ++a) {
            for (std::size_t m = 0; m < metrics; ++m) {
                if (const auto parts = ratio_parts(m, means, a, baseline)) {
                    sums[a][m] = parts->denominator > 0.0 ? parts->numerator / parts->denominator
                                                          : model::kNotAvailable;
                }
            }
        }
        results.means[k] = std::move(sums);
    }
    return results;
}

}  // namespace followsim::experiment
