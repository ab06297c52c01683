// polis-agreement [DIR]: for every Pol.is export folder under DIR, how well our opinion groups
// agree with Pol.is's own (adjusted Rand index), how stable ours are, and how stable Pol.is's own
// procedure is when only the order of its input changes. See README.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/polls/adjusted_rand_index.h"
#include "core/polls/opinion_groups.h"
#include "core/polls/random.h"
#include "polis_folder.h"

namespace polls = stadsmijn::polls;
namespace fs = std::filesystem;
using Assignments = std::vector<std::pair<polls::ParticipantId, int>>;
using stadsmijn::tools::fixed;
using stadsmijn::tools::group_count;
constexpr auto ari = stadsmijn::tools::adjusted_rand;

namespace {

struct Options {
    fs::path root = "/work/shared/data/polis";
    int reorderings = 10;
    int stability_runs = 10;
    int seeds = 5;
    std::uint64_t seed = 0;
    bool optima = false;
};

int usage() {
    std::fputs(
        "usage: polis-agreement [--seeds N] [--reorderings N] [--stability-runs N] [--seed N] [--optima] [DIR]\n"
        "  DIR  folder of Pol.is export folders (default /work/shared/data/polis)\n"
        "Prints a markdown table, one row per conversation (ARI = adjusted Rand index with Pol.is's\n"
        "groups, over the participants both sides group):\n"
        "  fresh      our pipeline from scratch: our in-conversation rule, silhouette k; seed --seed,\n"
        "             then mean [min, max] over --seeds seeds\n"
        "  continued  our pipeline continuing Pol.is's state from the export: the participants it\n"
        "             grouped stay in the conversation and its k holds, as in one more Pol.is update\n"
        "  stability  our stability figure: reruns on 80% of participants with new seeds, mean ARI\n"
        "             with our groups (min), and the share of reruns whose silhouette picks our k\n"
        "  Pol.is reorder  Pol.is's own procedure (k-means started from the first k distinct points,\n"
        "             its participants and k) with the participants shuffled --reorderings times:\n"
        "             mean ARI between shuffles, and mean [min, max] ARI with the export's groups;\n"
        "             'recorded order' uses first-vote order (votes.csv) or participant id\n"
        "--optima adds a second table: in the continued setting, the distinct group-level k-means\n"
        "optima reached from 200 starts on our base clusters, with their spread and ARI\n",
        stderr);
    return 2;
}

struct Spread {
    double mean = 0, min = 1, max = -1;
    int n = 0;
    void add(double v) {
        mean = (mean * n + v) / (n + 1);
        ++n;
        min = std::min(min, v);
        max = std::max(max, v);
    }
    std::string text() const { return n == 0 ? "-" : fixed(mean) + " [" + fixed(min) + ", " + fixed(max) + "]"; }
};

// Sum of squared distances of grouped participants to their group's mean place.
double within_group_spread(const polls::OpinionGroups& result, const Assignments& groups) {
    std::map<polls::ParticipantId, polls::Point> place;
    for (const auto& p : result.participants) place[p.participant] = p.place;
    std::map<int, std::pair<polls::Point, int>> sums;
    for (const auto& [id, g] : groups) {
        const auto it = place.find(id);
        if (it == place.end()) continue;
        auto& s = sums[g];
        s.first.x += it->second.x;
        s.first.y += it->second.y;
        ++s.second;
    }
    double total = 0;
    for (const auto& [id, g] : groups) {
        const auto it = place.find(id);
        if (it == place.end()) continue;
        const auto& s = sums[g];
        const double dx = it->second.x - s.first.x / s.second, dy = it->second.y - s.first.y / s.second;
        total += dx * dx + dy * dy;
    }
    return total;
}

// The distinct partitions group-level k-means reaches from many starts on one set of base
// clusters, in the continued setting: how many near-equal splits the data offers.
void print_optima(const stadsmijn::tools::PolisFolder& folder, std::uint64_t seed) {
    const auto& m = folder.matrix;
    std::vector<char> flags(m.statement_count(), 0);
    for (polls::StatementId s : folder.moderated_out)
        if (auto i = m.statement_index(s)) flags[*i] = 1;
    polls::PcaDesc pca_desc;
    pca_desc.seed = seed;
    const polls::Pca pca = polls::principal_components(m, flags, pca_desc);
    const auto places = polls::project_participants(m, flags, pca, true);
    std::vector<polls::Point> points;
    std::vector<polls::ParticipantId> ids;
    for (const auto& [id, g] : folder.polis_groups)
        if (auto p = m.participant_index(id)) {
            points.push_back(places[*p]);
            ids.push_back(id);
        }
    polls::KMeansDesc base_desc;
    base_desc.k = static_cast<int>(std::min<std::size_t>(100, polls::distinct_point_count(points)));
    base_desc.max_iterations = 100;
    base_desc.start = polls::ClusterStart::kmeans_plus_plus;
    base_desc.seed = seed;
    const polls::Clustering base = polls::kmeans(points, {}, base_desc);
    const int k = group_count(folder.polis_groups);

    struct Optimum {
        int count = 0;
        double inertia = 0;
        double ari = 0;
    };
    std::map<std::vector<int>, Optimum> optima;
    const int starts = 200;
    for (int r = 0; r < starts; ++r) {
        polls::KMeansDesc d;
        d.k = k;
        d.max_iterations = 20;
        d.start = polls::ClusterStart::kmeans_plus_plus;
        d.seed = seed * 1000 + static_cast<std::uint64_t>(r);
        const polls::Clustering c = polls::kmeans(base.centers, base.weights, d);
        std::vector<int> key(c.assignment.size());
        std::map<int, int> relabel;  // first-occurrence labels, so equal partitions compare equal
        for (std::size_t i = 0; i < key.size(); ++i)
            key[i] = relabel.emplace(c.assignment[i], static_cast<int>(relabel.size())).first->second;
        Optimum& o = optima[key];
        if (o.count++ == 0) {
            o.inertia = c.inertia;
            Assignments ours;
            for (std::size_t t = 0; t < ids.size(); ++t)
                ours.emplace_back(ids[t], key[static_cast<std::size_t>(base.assignment[t])]);
            o.ari = ari(ours, folder.polis_groups);
        }
    }
    double best = 1e300;
    for (const auto& [key, o] : optima) best = std::min(best, o.inertia);
    std::vector<Optimum> list;
    for (const auto& [key, o] : optima) list.push_back(o);
    std::sort(list.begin(), list.end(), [](const Optimum& a, const Optimum& b) { return a.count > b.count; });
    std::string cells;
    for (std::size_t i = 0; i < list.size() && i < 4; ++i)
        cells += (i ? "; " : "") + std::to_string(100 * list[i].count / starts) + "% of starts, +" +
                 fixed(100 * (list[i].inertia / best - 1), 1) + "% spread, ARI " + fixed(list[i].ari);
    std::printf("| %s | %zu | %s |\n", folder.name.c_str(), optima.size(), cells.c_str());
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
        else if (arg == "--seeds" && number(v) && v > 0) options.seeds = static_cast<int>(v);
        else if (arg == "--seed" && number(v)) options.seed = static_cast<std::uint64_t>(v);
        else if (arg == "--optima") options.optima = true;
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

    std::printf("| conversation | participants | Pol.is grouped, k | fresh grouped, k | ARI fresh | ARI fresh, %d seeds | "
                "ARI continued, %d seeds | our stability: mean ARI (min), same k | Pol.is reorder: self ARI | "
                "Pol.is reorder vs export | recorded order vs export |\n",
                options.seeds, options.seeds);
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::vector<stadsmijn::tools::PolisFolder> loaded_folders;
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
        if (!fresh) {
            std::fprintf(stderr, "polis-agreement: %s: %s\n", folder.name.c_str(), fresh.error().c_str());
            ++failures;
            continue;
        }
        const Assignments ours_fresh = polls::group_assignments(fresh.value());

        polls::OpinionGroupsDesc quiet = desc;
        quiet.stability_runs = -1;
        const polls::OpinionGroupsState carried = stadsmijn::tools::polis_carried_state(folder);
        Spread fresh_seeds, continued_seeds;
        for (int s = 0; s < options.seeds; ++s) {
            quiet.seed = options.seed + static_cast<std::uint64_t>(s);
            auto f = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, quiet);
            auto c = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, quiet, carried);
            if (f) fresh_seeds.add(ari(polls::group_assignments(f.value()), folder.polis_groups));
            if (c) continued_seeds.add(ari(polls::group_assignments(c.value()), folder.polis_groups));
        }
        quiet.seed = options.seed;

        // Pol.is's own procedure, reordered: the recorded order first, then shuffles.
        polls::OpinionGroupsDesc polis_like = quiet;
        polis_like.start = polls::ClusterStart::first_distinct_points;
        std::vector<polls::ParticipantId> order = stadsmijn::tools::polis_row_order(folder);
        polis_like.participant_order = order;
        auto recorded = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, polis_like, carried);
        const double recorded_vs = recorded ? ari(polls::group_assignments(recorded.value()), folder.polis_groups) : 0;
        std::vector<Assignments> shuffled_runs;
        polls::SplitMix64 random(options.seed + 77);
        Spread vs_export;
        for (int r = 0; r < options.reorderings; ++r) {
            for (std::size_t i = 0; i + 1 < order.size(); ++i)
                std::swap(order[i], order[i + random.below(order.size() - i)]);
            polis_like.participant_order = order;
            auto run = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, polis_like, carried);
            if (!run) continue;
            shuffled_runs.push_back(polls::group_assignments(run.value()));
            vs_export.add(ari(shuffled_runs.back(), folder.polis_groups));
        }
        Spread self;
        for (std::size_t a = 0; a < shuffled_runs.size(); ++a)
            for (std::size_t b = a + 1; b < shuffled_runs.size(); ++b) self.add(ari(shuffled_runs[a], shuffled_runs[b]));

        const auto& st = fresh.value().stability;
        std::printf("| %s | %zu | %zu, %d | %zu, %zu | %s | %s | %s | %s (%s), %.0f%% | %s | %s | %s |\n",
                    folder.name.c_str(), folder.matrix.participant_count(), folder.polis_groups.size(),
                    group_count(folder.polis_groups), ours_fresh.size(), fresh.value().groups.size(),
                    fixed(ari(ours_fresh, folder.polis_groups)).c_str(), fresh_seeds.text().c_str(),
                    continued_seeds.text().c_str(), fixed(st.mean_adjusted_rand).c_str(),
                    fixed(st.min_adjusted_rand).c_str(), 100 * st.same_k_share,
                    self.n ? fixed(self.mean).c_str() : "-", vs_export.text().c_str(), fixed(recorded_vs).c_str());
        std::fflush(stdout);
        if (options.optima) loaded_folders.push_back(std::move(loaded.value()));
    }

    if (options.optima) {
        std::printf("\n| conversation (continued setting) | distinct optima from 200 starts | most frequent optima: share of "
                    "starts, within-group spread over the best, ARI with Pol.is |\n|---|---|---|\n");
        for (const auto& folder : loaded_folders) print_optima(folder, options.seed);
        std::printf("\n| conversation | within-group spread of Pol.is's split over ours (continued, seed %llu) |\n"
                    "|---|---|\n",
                    static_cast<unsigned long long>(options.seed));
        for (const auto& folder : loaded_folders) {
            polls::OpinionGroupsDesc d;
            d.seed = options.seed;
            d.stability_runs = -1;
            auto c = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, d,
                                                   stadsmijn::tools::polis_carried_state(folder));
            if (!c) continue;
            const double ours = within_group_spread(c.value(), polls::group_assignments(c.value()));
            const double theirs = within_group_spread(c.value(), folder.polis_groups);
            std::printf("| %s | %+.1f%% |\n", folder.name.c_str(), 100 * (theirs / ours - 1));
        }
    }
    return failures == 0 ? 0 : 1;
}
