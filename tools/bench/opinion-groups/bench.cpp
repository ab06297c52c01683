// opinion-groups-bench: times the opinion-group pipeline on a synthetic poll of 10,000
// participants x 500 statements (about 30 votes each), then runs the NumPy version of the same
// pipeline and scikit-learn's PCA + KMeans on the same data in the same run (reference.py).
// Not a test: it prints numbers for notes/opinion-groups.md. See README.md.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/polls/opinion_groups.h"
#include "core/polls/random.h"

namespace polls = stadsmijn::polls;
namespace fs = std::filesystem;

namespace {

struct Options {
    int participants = 10000;
    int statements = 500;
    int mean_votes = 30;
    int runs = 7;
    std::uint64_t seed = 20240917;
    std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    bool reference = true;
    fs::path data = fs::temp_directory_path() / "opinion-groups-bench.csv";
};

// Three camps with their own leanings per statement, plus a share of people who vote at random;
// each participant votes on 1..(2*mean-1) statements, so some stay below the 7-vote threshold.
std::vector<polls::VoteRecord> synthetic_poll(const Options& o, std::vector<polls::StatementId>& moderated) {
    polls::SplitMix64 random(o.seed);
    const int camps = 3;
    std::vector<double> agree(static_cast<std::size_t>(camps * o.statements)),
        disagree(static_cast<std::size_t>(camps * o.statements));
    for (int s = 0; s < o.statements; ++s) {
        for (int c = 0; c < camps; ++c) {
            const double lean = random.uniform();  // how much this camp agrees
            const double pass = 0.05 + 0.2 * random.uniform();
            agree[static_cast<std::size_t>(c * o.statements + s)] = (1 - pass) * lean;
            disagree[static_cast<std::size_t>(c * o.statements + s)] = (1 - pass) * (1 - lean);
        }
        if (random.uniform() < 0.05) moderated.push_back(s);
    }
    std::vector<polls::VoteRecord> votes;
    votes.reserve(static_cast<std::size_t>(o.participants) * static_cast<std::size_t>(o.mean_votes));
    std::vector<int> order(static_cast<std::size_t>(o.statements));
    for (int p = 0; p < o.participants; ++p) {
        const int camp = static_cast<int>(random.below(camps));
        const bool noisy = random.uniform() < 0.1;
        const int count = 1 + static_cast<int>(random.below(static_cast<std::uint64_t>(2 * o.mean_votes - 1)));
        for (int s = 0; s < o.statements; ++s) order[static_cast<std::size_t>(s)] = s;
        for (int i = 0; i < count; ++i) {  // partial Fisher-Yates: the statements this person saw
            const auto j = static_cast<std::size_t>(i) + random.below(static_cast<std::uint64_t>(o.statements - i));
            std::swap(order[static_cast<std::size_t>(i)], order[j]);
            const int s = order[static_cast<std::size_t>(i)];
            const double a = noisy ? 0.4 : agree[static_cast<std::size_t>(camp * o.statements + s)];
            const double d = noisy ? 0.4 : disagree[static_cast<std::size_t>(camp * o.statements + s)];
            const double u = random.uniform();
            const polls::Vote v = u < a ? polls::Vote::agree : u < a + d ? polls::Vote::disagree : polls::Vote::pass;
            votes.push_back({p, s, v, 0});
        }
    }
    return votes;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// CPU time of this thread: on a shared machine, waiting for a core does not count.
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Timings {
    std::vector<double> wall, cpu;
};

template <typename F>
Timings time_runs(int runs, F&& f) {
    Timings t;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = thread_cpu_seconds();
        f();
        t.cpu.push_back(thread_cpu_seconds() - cpu_start);
        t.wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return t;
}

void report(const char* what, const Timings& t) {
    const auto& seconds = t.wall;
    std::printf("%-44s median %8.1f ms  (min %.1f, max %.1f, %zu runs; CPU median %.1f ms)\n", what,
                1000 * median(seconds), 1000 * *std::min_element(seconds.begin(), seconds.end()),
                1000 * *std::max_element(seconds.begin(), seconds.end()), seconds.size(), 1000 * median(t.cpu));
}

int usage() {
    std::fputs("usage: opinion-groups-bench [--runs N] [--participants N] [--statements N] [--votes N]\n"
               "                            [--python PATH] [--no-reference] [--data FILE]\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next_int = [&](int& out) {
            if (i + 1 >= argc) return false;
            out = std::atoi(argv[++i]);
            return out > 0;
        };
        if (arg == "--runs" && next_int(o.runs)) continue;
        if (arg == "--participants" && next_int(o.participants)) continue;
        if (arg == "--statements" && next_int(o.statements)) continue;
        if (arg == "--votes" && next_int(o.mean_votes)) continue;
        if (arg == "--python" && i + 1 < argc) {
            o.python = argv[++i];
            continue;
        }
        if (arg == "--data" && i + 1 < argc) {
            o.data = argv[++i];
            continue;
        }
        if (arg == "--no-reference") {
            o.reference = false;
            continue;
        }
        return usage();
    }
    if (o.mean_votes > o.statements) o.mean_votes = o.statements;

    std::vector<polls::StatementId> moderated;
    const std::vector<polls::VoteRecord> records = synthetic_poll(o, moderated);
    {
        std::ofstream out(o.data);
        out << "participant,statement,vote\n";
        for (const auto& r : records) out << r.participant << ',' << r.statement << ',' << static_cast<int>(r.vote) << '\n';
        std::ofstream mod(o.data.string() + ".moderated");
        for (polls::StatementId s : moderated) mod << s << '\n';
        if (!out || !mod) {
            std::fprintf(stderr, "opinion-groups-bench: cannot write %s\n", o.data.string().c_str());
            return 1;
        }
    }
    std::printf("synthetic poll: %d participants x %d statements, %zu votes (%.1f each), %zu moderated out, seed %llu\n",
                o.participants, o.statements, records.size(), static_cast<double>(records.size()) / o.participants,
                moderated.size(), static_cast<unsigned long long>(o.seed));
    std::printf("data written to %s for the reference script\n\n", o.data.string().c_str());

    polls::VoteMatrix matrix;
    report("ours: vote matrix from 300k records", time_runs(o.runs, [&] {
               matrix = polls::VoteMatrix::from_records(records).value();
           }));
    polls::Pca pca;
    std::vector<char> flags(matrix.statement_count(), 0);
    for (polls::StatementId s : moderated)
        if (auto i = matrix.statement_index(s)) flags[*i] = 1;
    report("ours: PCA alone (2 components)", time_runs(o.runs, [&] {
               pca = polls::principal_components(matrix, flags, {});
           }));
    std::printf("    power iterations used: %d and %d\n", pca.iterations[0], pca.iterations[1]);

    polls::OpinionGroupsDesc desc;
    desc.stability_runs = -1;
    polls::OpinionGroups result;
    report("ours: whole pipeline (no stability)", time_runs(o.runs, [&] {
               result = polls::compute_opinion_groups(matrix, moderated, desc).value();
           }));
    std::size_t grouped = 0;
    for (const auto& g : result.groups) grouped += g.members.size();
    std::printf("    %zu in the conversation grouped into %zu groups (silhouette k %d), %d base clusters\n", grouped,
                result.groups.size(), result.best_silhouette_k, result.base_cluster_count);
    {
        std::ofstream out(o.data.string() + ".groups");
        for (const auto& [participant, group] : polls::group_assignments(result)) out << participant << ',' << group << '\n';
    }
    desc.stability_runs = 10;
    report("ours: whole pipeline + stability (10 reruns)", time_runs(std::max(3, o.runs / 2), [&] {
               result = polls::compute_opinion_groups(matrix, moderated, desc).value();
           }));
    std::printf("    stability: mean ARI %.3f (min %.3f), same k in %.0f%% of reruns\n\n",
                result.stability.mean_adjusted_rand, result.stability.min_adjusted_rand,
                100 * result.stability.same_k_share);
    std::fflush(stdout);

    if (o.reference) {
        const fs::path script = fs::path(STADSMIJN_BENCH_DIR) / "reference.py";
        const std::string command = o.python + " '" + script.string() + "' '" + o.data.string() + "' " +
                                    std::to_string(std::max(3, o.runs / 2));
        const int status = std::system(command.c_str());
        if (status != 0) {
            std::fprintf(stderr, "opinion-groups-bench: the reference script failed (%s); it needs python3-numpy and "
                                 "python3-sklearn (Debian)\n", command.c_str());
            return 1;
        }
    }
    return 0;
}
