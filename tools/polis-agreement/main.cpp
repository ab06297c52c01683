// polis-agreement [DIR]: for every Pol.is export folder under DIR, how well our opinion groups
// agree with Pol.is's own (adjusted Rand index), how stable ours are, and how stable Pol.is's own
// procedure is when only the order of its input changes. See README.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/polls/adjusted_rand_index.h"
#include "core/polls/opinion_groups.h"
#include "core/polls/random.h"
#include "polis_folder.h"

namespace polls = stadsmijn::polls;
namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path root = "/work/shared/data/polis";
    int reorderings = 10;
    int stability_runs = 10;
    std::uint64_t seed = 0;
};

int usage() {
    std::fputs(
        "usage: polis-agreement [--reorderings N] [--stability-runs N] [--seed N] [DIR]\n"
        "  DIR  folder of Pol.is export folders (default /work/shared/data/polis)\n"
        "Prints one markdown table row per conversation:\n"
        "  fresh      our pipeline from scratch (our in-conversation rule, silhouette k)\n"
        "  continued  our pipeline continuing Pol.is's state from the export (who it grouped, its k)\n"
        "  stability  our groups vs reruns on 80% of participants with new seeds (mean ARI)\n"
        "  Pol.is reorder  Pol.is's own procedure (first-k-distinct starts) with its participants\n"
        "             shuffled: mean pairwise ARI between shuffles, and mean [min, max] ARI with\n"
        "             the export's groups; row order 'as recorded' is first-vote order\n",
        stderr);
    return 2;
}

std::string fixed(double v, int decimals = 2) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

int group_count(const std::vector<std::pair<polls::ParticipantId, int>>& groups) {
    std::set<int> ids;
    for (const auto& g : groups) ids.insert(g.second);
    return static_cast<int>(ids.size());
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](long long& out) {
            if (i + 1 >= argc) return false;
            char* end = nullptr;
            out = std::strtoll(argv[++i], &end, 10);
            return end != argv[i] && *end == '\0' && out >= 0;
        };
        long long v = 0;
        if (arg == "--reorderings" && number(v)) options.reorderings = static_cast<int>(v);
        else if (arg == "--stability-runs" && number(v)) options.stability_runs = static_cast<int>(v);
        else if (arg == "--seed" && number(v)) options.seed = static_cast<std::uint64_t>(v);
        else if (!arg.empty() && arg[0] != '-') options.root = arg;
        else return usage();
    }

    std::vector<fs::path> folders;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options.root, ec))
        if (entry.is_directory() && fs::exists(entry.path() / "participants-votes.csv")) folders.push_back(entry.path());
    if (ec || folders.empty()) {
        std::fprintf(stderr, "polis-agreement: no Pol.is export folders (with participants-votes.csv) under %s\n",
                     options.root.string().c_str());
        return 1;
    }
    std::sort(folders.begin(), folders.end());

    std::printf(
        "| conversation | participants | Pol.is grouped / k | fresh: grouped / k | ARI fresh | ARI continued | "
        "our stability (mean ARI, min) | Pol.is reorder: self ARI | Pol.is reorder vs export: mean [min, max] | "
        "Pol.is order as recorded vs export |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    int failures = 0;
    for (const fs::path& dir : folders) {
        auto loaded = stadsmijn::tools::load_polis_folder(dir, true);
        if (!loaded) {
            std::fprintf(stderr, "polis-agreement: %s\n", loaded.error().c_str());
            ++failures;
            continue;
        }
        const auto& folder = loaded.value();
        polls::OpinionGroupsDesc desc;
        desc.seed = options.seed;
        desc.stability_runs = options.stability_runs > 0 ? options.stability_runs : -1;

        auto fresh = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, desc);
        polls::OpinionGroupsDesc quiet = desc;
        quiet.stability_runs = -1;
        const polls::OpinionGroupsState carried = stadsmijn::tools::polis_carried_state(folder);
        auto continued = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, quiet, carried);
        if (!fresh || !continued) {
            std::fprintf(stderr, "polis-agreement: %s: %s\n", folder.name.c_str(),
                         (!fresh ? fresh.error() : continued.error()).c_str());
            ++failures;
            continue;
        }
        const auto ours_fresh = polls::group_assignments(fresh.value());
        const auto ours_continued = polls::group_assignments(continued.value());
        const auto fresh_vs = polls::compare_groupings(ours_fresh, folder.polis_groups);
        const auto continued_vs = polls::compare_groupings(ours_continued, folder.polis_groups);

        // Pol.is's own procedure, reordered: the recorded order first, then shuffles.
        polls::OpinionGroupsDesc polis_like = quiet;
        polis_like.start = polls::ClusterStart::first_distinct_points;
        std::vector<polls::ParticipantId> order = stadsmijn::tools::polis_row_order(folder);
        polis_like.participant_order = order;
        auto recorded = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, polis_like, carried);
        const double recorded_vs =
            recorded ? polls::compare_groupings(polls::group_assignments(recorded.value()), folder.polis_groups)
                           .adjusted_rand_index
                     : 0.0;
        std::vector<std::vector<std::pair<polls::ParticipantId, int>>> shuffled_runs;
        polls::SplitMix64 random(options.seed + 77);
        double vs_sum = 0, vs_min = 1, vs_max = -1;
        for (int r = 0; r < options.reorderings; ++r) {
            for (std::size_t i = 0; i + 1 < order.size(); ++i)
                std::swap(order[i], order[i + random.below(order.size() - i)]);
            polis_like.participant_order = order;
            auto run = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, polis_like, carried);
            if (!run) continue;
            shuffled_runs.push_back(polls::group_assignments(run.value()));
            const double a = polls::compare_groupings(shuffled_runs.back(), folder.polis_groups).adjusted_rand_index;
            vs_sum += a;
            vs_min = std::min(vs_min, a);
            vs_max = std::max(vs_max, a);
        }
        double self_sum = 0;
        int self_pairs = 0;
        for (std::size_t a = 0; a < shuffled_runs.size(); ++a)
            for (std::size_t b = a + 1; b < shuffled_runs.size(); ++b) {
                self_sum += polls::compare_groupings(shuffled_runs[a], shuffled_runs[b]).adjusted_rand_index;
                ++self_pairs;
            }
        const auto runs = static_cast<double>(shuffled_runs.size());
        const auto& st = fresh.value().stability;
        std::printf("| %s | %zu | %zu / %d | %zu / %zu | %s | %s | %s, %s | %s | %s [%s, %s] | %s |\n", folder.name.c_str(),
                    folder.matrix.participant_count(), folder.polis_groups.size(), group_count(folder.polis_groups),
                    ours_fresh.size(), fresh.value().groups.size(), fixed(fresh_vs.adjusted_rand_index).c_str(),
                    fixed(continued_vs.adjusted_rand_index).c_str(), fixed(st.mean_adjusted_rand).c_str(),
                    fixed(st.min_adjusted_rand).c_str(),
                    self_pairs > 0 ? fixed(self_sum / self_pairs).c_str() : "-",
                    runs > 0 ? fixed(vs_sum / runs).c_str() : "-", fixed(vs_min).c_str(), fixed(vs_max).c_str(),
                    fixed(recorded_vs).c_str());
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
