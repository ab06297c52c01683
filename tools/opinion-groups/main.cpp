// opinion-groups DIR: reads a Pol.is export folder and prints `participant,group` for every
// participant our app/core pipeline groups. See README.md.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/polls/opinion_groups.h"
#include "polis_folder.h"

namespace polls = stadsmijn::polls;

namespace {

// FNV-1a over the exact bits of everything the result holds that a screen could show.
std::uint64_t result_digest(const polls::OpinionGroups& g) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto mix = [&h](const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) h = (h ^ bytes[i]) * 0x100000001b3ULL;
    };
    auto number = [&](double v) { mix(&v, sizeof v); };
    auto integer = [&](std::int64_t v) { mix(&v, sizeof v); };
    for (const auto& p : g.participants) {
        integer(p.participant);
        integer(p.group);
        number(p.place.x);
        number(p.place.y);
    }
    for (const auto& group : g.groups) {
        number(group.stability);
        for (const auto& r : group.representative) {
            integer(r.statement);
            number(r.repness_test);
        }
    }
    for (const auto& s : g.statements) {
        number(s.group_informed_consensus);
        number(s.extremity);
    }
    for (const auto& c : g.consensus.agree) integer(c.statement);
    number(g.stability.mean_adjusted_rand);
    return h;
}

int usage() {
    std::fputs(
        "usage: opinion-groups [--seed N] [--continue] DIR\n"
        "  DIR         a Pol.is export folder with participants-votes.csv (and comments.csv)\n"
        "  --seed N    seed for the k-means and PCA start (default 0)\n"
        "  --continue  carry Pol.is's state from the export (who it grouped, its number of groups),\n"
        "              as one more Pol.is update would; by default we start fresh\n"
        "  --digest    print one hash of the whole result (places, groups, statements, stability) to\n"
        "              compare builds: native and WebAssembly must print the same\n"
        "prints participant,group for every grouped participant; groups are numbered from 0\n",
        stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    polls::OpinionGroupsDesc desc;
    bool carry_state = false;
    bool digest = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) {
            char* end = nullptr;
            desc.seed = std::strtoull(argv[++i], &end, 10);
            if (end == argv[i] || *end != '\0') return usage();
        } else if (arg == "--continue") {
            carry_state = true;
        } else if (arg == "--digest") {
            digest = true;
        } else if (arg == "-h" || arg == "--help") {
            return usage();
        } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
            dir = arg;
        } else {
            return usage();
        }
    }
    if (dir.empty()) return usage();

    auto folder = stadsmijn::tools::load_polis_folder(dir, true);
    if (!folder) {
        std::fprintf(stderr, "opinion-groups: %s\n", folder.error().c_str());
        return 1;
    }
    if (!folder.value().has_comments)
        std::fprintf(stderr, "opinion-groups: no comments.csv in %s, so no statement counts as moderated out\n",
                     dir.c_str());
    for (const std::string& w : folder.value().table.warnings) std::fprintf(stderr, "opinion-groups: note: %s\n", w.c_str());

    // Pol.is's k-means starts from the first distinct places in its row order: first vote.
    desc.participant_order = stadsmijn::tools::polis_row_order(folder.value());
    if (!digest) desc.stability_runs = -1;  // the CSV carries no stability column; skip the reruns
    const polls::OpinionGroupsState state =
        carry_state ? stadsmijn::tools::polis_carried_state(folder.value()) : polls::OpinionGroupsState{};
    auto groups = polls::compute_opinion_groups(folder.value().matrix, folder.value().moderated_out, desc, state);
    if (!groups) {
        std::fprintf(stderr, "opinion-groups: %s\n", groups.error().c_str());
        return 1;
    }
    if (groups.value().status != polls::GroupingStatus::grouped)
        std::fprintf(stderr, "opinion-groups: too few participants or no disagreement yet: no groups\n");
    if (digest) {
        std::printf("%016llx %zu groups, stability %.17g\n", static_cast<unsigned long long>(result_digest(groups.value())),
                    groups.value().groups.size(), groups.value().stability.mean_adjusted_rand);
        return 0;
    }
    std::string out = "participant,group\n";
    for (const auto& [participant, group] : polls::group_assignments(groups.value()))
        out += std::to_string(participant) + "," + std::to_string(group) + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
