// polis-parity [options] DIR [DIR...]: for every Pol.is export folder under the first DIR that
// exists, how closely our default pipeline (the port of Pol.is's Clojure) reproduces the
// export's own `group-id`, how stable Pol.is's procedure is when only the order of its input
// changes, and which participants move where the two differ. See README.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

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

constexpr int skip_exit_code = 77;  // CTest's SKIP_RETURN_CODE

struct Options {
    std::vector<fs::path> roots;
    int reorderings = 10;
    std::uint64_t seed = 0;
    double stable = 0.9;        // Pol.is counts as stable when its reorderings agree at least this much
    double min_stable = -2;     // floor: every stable conversation reaches at least this ARI
    double min_median = -2;     // floor: the median ARI over all conversations
    int movers_listed = 12;
    polls::ClusterStart start = polls::ClusterStart::first_distinct_points;  // to measure the options
    polls::PcaMethod pca = polls::PcaMethod::polis_power_iteration;
};

int usage() {
    std::fputs(
        "usage: polis-parity [--reorderings N] [--seed N] [--stable X] [--min-stable X] [--min-median X]\n"
        "                    [--movers N] [--kmeans++] [--subspace-pca] DIR [DIR...]\n"
        "  DIR  a folder of Pol.is export folders (or one export folder); the first DIR that exists is\n"
        "       used; when none exists the tool says so and exits 77 (skipped)\n"
        "Prints a markdown table, one row per conversation:\n"
        "  ARI        adjusted Rand index of our default pipeline (rows in first-vote order from\n"
        "             votes.csv, else participant id) against Pol.is's group-id, over the\n"
        "             participants both group\n"
        "  k          our number of groups and Pol.is's\n"
        "  reorder    Pol.is's procedure (our port) with its rows shuffled --reorderings times: mean\n"
        "             ARI between shuffles (its stability) and mean [min, max] ARI with the export\n"
        "  stable     reorder agreement >= --stable (default 0.9)\n"
        "  moved      grouped by both but in different groups after matching groups by overlap\n"
        "Then, per conversation where groups differ, which participants move (Pol.is group -> ours).\n"
        "--kmeans++ and --subspace-pca measure our non-default options in the ARI columns.\n"
        "Exit 1 when a floor is missed: --min-stable (every stable conversation), --min-median.\n",
        stderr);
    return 2;
}

struct Movers {
    std::map<std::pair<int, int>, std::vector<polls::ParticipantId>> moved;  // (Pol.is group, ours) -> ids
    std::size_t moved_count = 0, both = 0, only_polis = 0, only_ours = 0;
    std::map<int, int> label;  // Pol.is group -> our group it matched
};

// Matches our groups to Pol.is's by the largest total overlap (every assignment tried; k <= 8),
// then lists the participants both grouped whose groups do not match.
Movers movers(const Assignments& polis, const Assignments& ours) {
    Movers m;
    std::map<polls::ParticipantId, int> our_group(ours.begin(), ours.end());
    std::map<polls::ParticipantId, int> polis_group(polis.begin(), polis.end());
    std::vector<int> polis_ids, our_ids;
    for (const auto& [p, g] : polis_group) polis_ids.push_back(g);
    for (const auto& [p, g] : our_group) our_ids.push_back(g);
    std::sort(polis_ids.begin(), polis_ids.end());
    polis_ids.erase(std::unique(polis_ids.begin(), polis_ids.end()), polis_ids.end());
    std::sort(our_ids.begin(), our_ids.end());
    our_ids.erase(std::unique(our_ids.begin(), our_ids.end()), our_ids.end());
    std::map<std::pair<int, int>, long> overlap;
    for (const auto& [p, g] : polis_group) {
        const auto it = our_group.find(p);
        if (it == our_group.end()) {
            ++m.only_polis;
            continue;
        }
        ++m.both;
        ++overlap[{g, it->second}];
    }
    for (const auto& [p, g] : our_group)
        if (!polis_group.count(p)) ++m.only_ours;
    // Pad our labels with "none" (-1) so every Pol.is group gets a partner.
    std::vector<int> candidates = our_ids;
    while (candidates.size() < polis_ids.size()) candidates.push_back(-1 - static_cast<int>(candidates.size()));
    if (candidates.size() <= 8) {
        std::vector<std::size_t> perm(candidates.size());
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        long best = -1;
        do {
            long total = 0;
            for (std::size_t i = 0; i < polis_ids.size(); ++i) {
                const auto it = overlap.find({polis_ids[i], candidates[perm[i]]});
                if (it != overlap.end()) total += it->second;
            }
            if (total > best) {
                best = total;
                for (std::size_t i = 0; i < polis_ids.size(); ++i) m.label[polis_ids[i]] = candidates[perm[i]];
            }
        } while (std::next_permutation(perm.begin(), perm.end()));
    }
    for (const auto& [p, g] : polis_group) {
        const auto it = our_group.find(p);
        if (it == our_group.end()) continue;
        const auto match = m.label.find(g);
        if (match != m.label.end() && match->second == it->second) continue;
        m.moved[{g, it->second}].push_back(p);
        ++m.moved_count;
    }
    return m;
}

struct Row {
    std::string name;
    std::size_t participants = 0, polis_grouped = 0, our_grouped = 0;
    int polis_k = 0, our_k = 0;
    double ari = 0;
    double ari_k = 0;  // Pol.is's k held by its smoother
    double reorder_between = 0, reorder_vs_export = 0, reorder_min = 1, reorder_max = -1;
    Movers moved;
};

Row measure(const stadsmijn::tools::PolisFolder& folder, const Options& options) {
    Row row;
    row.name = folder.name;
    row.participants = folder.matrix.participant_count();
    row.polis_grouped = folder.polis_groups.size();
    row.polis_k = group_count(folder.polis_groups);

    polls::OpinionGroupsDesc desc;
    desc.seed = options.seed;
    desc.stability_runs = -1;
    desc.participant_order = stadsmijn::tools::polis_row_order(folder);
    desc.start = options.start;
    desc.pca_method = options.pca;
    const auto ours = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, desc);
    Assignments our_groups;
    if (ours) our_groups = polls::group_assignments(ours.value());
    row.our_grouped = our_groups.size();
    row.our_k = group_count(our_groups);
    row.ari = ari(folder.polis_groups, our_groups);
    row.moved = movers(folder.polis_groups, our_groups);

    // Pol.is changes k only after a new k has won 4 updates in a row, and every export here shows
    // the k it held: the same pipeline with that smoother state (nothing else carried over).
    polls::OpinionGroupsState held;
    held.last_k = held.smoothed_k = row.polis_k;
    held.last_k_count = 1000;
    const auto ours_k = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, desc, held);
    const Assignments our_groups_k = ours_k ? polls::group_assignments(ours_k.value()) : Assignments{};
    row.ari_k = ari(folder.polis_groups, our_groups_k);

    // Pol.is's own procedure on the same export (its k held), its rows shuffled.
    std::vector<Assignments> shuffled;
    const polls::SplitMix64 root(options.seed ^ 0x9e3779b97f4a7c15ULL);
    for (int r = 0; r < options.reorderings; ++r) {
        polls::SplitMix64 random = root.fork(static_cast<std::uint64_t>(r));
        polls::OpinionGroupsDesc d = desc;
        d.start = polls::ClusterStart::first_distinct_points;  // Pol.is's own procedure
        d.pca_method = polls::PcaMethod::polis_power_iteration;
        auto& order = d.participant_order;
        for (std::size_t i = 0; i + 1 < order.size(); ++i) std::swap(order[i], order[i + random.below(order.size() - i)]);
        const auto result = polls::compute_opinion_groups(folder.matrix, folder.moderated_out, d, held);
        shuffled.push_back(result ? polls::group_assignments(result.value()) : Assignments{});
        const double a = ari(folder.polis_groups, shuffled.back());
        row.reorder_vs_export += a / options.reorderings;
        row.reorder_min = std::min(row.reorder_min, a);
        row.reorder_max = std::max(row.reorder_max, a);
    }
    double between = 0;
    int pairs = 0;
    for (std::size_t a = 0; a < shuffled.size(); ++a)
        for (std::size_t b = a + 1; b < shuffled.size(); ++b) {
            between += ari(shuffled[a], shuffled[b]);
            ++pairs;
        }
    row.reorder_between = pairs > 0 ? between / pairs : 1.0;
    return row;
}

std::vector<fs::path> export_folders(const fs::path& root) {
    std::vector<fs::path> out;
    if (fs::exists(root / "participants-votes.csv")) return {root};
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory() && fs::exists(entry.path() / "participants-votes.csv")) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

bool parse_number(const char* text, double& out) {
    char* end = nullptr;
    out = std::strtod(text, &end);
    return end != text && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        double v = 0;
        const bool has_value = i + 1 < argc;
        if (arg == "--reorderings" && has_value && parse_number(argv[i + 1], v) && v >= 0) {
            options.reorderings = static_cast<int>(v);
            ++i;
        } else if (arg == "--seed" && has_value && parse_number(argv[i + 1], v) && v >= 0) {
            options.seed = static_cast<std::uint64_t>(v);
            ++i;
        } else if (arg == "--stable" && has_value && parse_number(argv[i + 1], v)) {
            options.stable = v;
            ++i;
        } else if (arg == "--min-stable" && has_value && parse_number(argv[i + 1], v)) {
            options.min_stable = v;
            ++i;
        } else if (arg == "--min-median" && has_value && parse_number(argv[i + 1], v)) {
            options.min_median = v;
            ++i;
        } else if (arg == "--movers" && has_value && parse_number(argv[i + 1], v) && v >= 0) {
            options.movers_listed = static_cast<int>(v);
            ++i;
        } else if (arg == "--kmeans++") {
            options.start = polls::ClusterStart::kmeans_plus_plus;
        } else if (arg == "--subspace-pca") {
            options.pca = polls::PcaMethod::subspace_iteration;
        } else if (!arg.empty() && arg[0] != '-') {
            options.roots.emplace_back(arg);
        } else {
            return usage();
        }
    }
    if (options.roots.empty()) return usage();
    fs::path root;
    for (const fs::path& candidate : options.roots)
        if (fs::is_directory(candidate)) {
            root = candidate;
            break;
        }
    if (root.empty()) {
        std::string tried;
        for (const fs::path& candidate : options.roots) tried += " " + candidate.string();
        std::printf("polis-parity: skipped: none of these folders exists:%s (the shared Pol.is data is not "
                    "in this checkout)\n",
                    tried.c_str());
        return skip_exit_code;
    }
    const auto folders = export_folders(root);
    if (folders.empty()) {
        std::printf("polis-parity: skipped: %s holds no Pol.is export (no participants-votes.csv)\n",
                    root.string().c_str());
        return skip_exit_code;
    }

    std::printf("Pol.is parity over %s (%zu conversations, %d reorderings, seed %llu)\n\n", root.string().c_str(),
                folders.size(), options.reorderings, static_cast<unsigned long long>(options.seed));
    std::printf("| conversation | participants | Pol.is grouped, k | we group, k | ARI | ARI, Pol.is's k | moved | "
                "reorder: between shuffles | reorder vs export | Pol.is stable |\n|---|---|---|---|---|---|---|---|---|---|\n");
    std::vector<Row> rows;
    for (const fs::path& dir : folders) {
        auto folder = stadsmijn::tools::load_polis_folder(dir, true);
        if (!folder) {
            std::fprintf(stderr, "polis-parity: %s\n", folder.error().c_str());
            return 1;
        }
        Row row = measure(folder.value(), options);
        std::printf("| %s | %zu | %zu, %d | %zu, %d | %s | %s | %zu of %zu | %s | %s [%s, %s] | %s |\n",
                    row.name.c_str(), row.participants, row.polis_grouped, row.polis_k, row.our_grouped, row.our_k,
                    fixed(row.ari).c_str(), fixed(row.ari_k).c_str(), row.moved.moved_count, row.moved.both, fixed(row.reorder_between).c_str(),
                    fixed(row.reorder_vs_export).c_str(), fixed(row.reorder_min).c_str(),
                    fixed(row.reorder_max).c_str(), row.reorder_between >= options.stable ? "yes" : "no");
        std::fflush(stdout);
        rows.push_back(std::move(row));
    }

    std::vector<double> all, stable;
    for (const Row& row : rows) {
        all.push_back(row.ari);
        if (row.reorder_between >= options.stable) stable.push_back(row.ari);
    }
    std::printf("\nmedian ARI %s over %zu; where Pol.is is stable (%zu): median %s, minimum %s\n",
                fixed(median(all)).c_str(), all.size(), stable.size(), fixed(median(stable)).c_str(),
                stable.empty() ? "-" : fixed(*std::min_element(stable.begin(), stable.end())).c_str());

    std::printf("\nWho moves (Pol.is group -> ours; participant ids, first %d):\n", options.movers_listed);
    for (const Row& row : rows) {
        const Movers& m = row.moved;
        std::printf("- %s: %zu of %zu moved; grouped only by Pol.is %zu, only by us %zu\n", row.name.c_str(),
                    m.moved_count, m.both, m.only_polis, m.only_ours);
        for (const auto& [from_to, ids] : m.moved) {
            std::string list;
            for (std::size_t i = 0; i < ids.size() && static_cast<int>(i) < options.movers_listed; ++i)
                list += (i ? ", " : "") + std::to_string(ids[i]);
            if (ids.size() > static_cast<std::size_t>(options.movers_listed)) list += ", ...";
            std::printf("  - %d -> %d: %zu (%s)\n", from_to.first, from_to.second, ids.size(), list.c_str());
        }
    }

    bool failed = false;
    for (const Row& row : rows)
        if (row.reorder_between >= options.stable && row.ari < options.min_stable) {
            std::printf("FLOOR MISSED: %s: ARI %s < %s where Pol.is is stable\n", row.name.c_str(),
                        fixed(row.ari).c_str(), fixed(options.min_stable).c_str());
            failed = true;
        }
    if (median(all) < options.min_median) {
        std::printf("FLOOR MISSED: median ARI %s < %s\n", fixed(median(all)).c_str(), fixed(options.min_median).c_str());
        failed = true;
    }
    return failed ? 1 : 0;
}
