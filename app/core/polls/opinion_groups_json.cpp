#include "core/polls/opinion_groups_json.h"

#include <string>

namespace stadsmijn::polls {
namespace {

Json point(Point p) { return Json::array({p.x, p.y}); }

Json counts(const VoteCounts& c) {
    return {{"agree", c.agree}, {"disagree", c.disagree}, {"pass", c.pass()}, {"seen", c.seen}};
}

std::string group_label(int id) {
    // A..Z, then AA, AB, ... (k never exceeds 5 by default, but labels must not run out).
    std::string label;
    int n = id;
    do {
        label.insert(label.begin(), static_cast<char>('A' + n % 26));
        n = n / 26 - 1;
    } while (n >= 0);
    return label;
}

}  // namespace

const char* status_name(GroupingStatus status) {
    switch (status) {
        case GroupingStatus::grouped: return "grouped";
        case GroupingStatus::too_few_participants: return "too_few_participants";
        case GroupingStatus::no_disagreement: return "no_disagreement";
    }
    return "grouped";
}

Json to_json(const OpinionGroups& g, const ResultsJsonOptions& options) {
    Json out;
    out["status"] = status_name(g.status);
    std::size_t in_conversation = 0;
    for (const auto& p : g.participants) in_conversation += p.in_conversation ? 1 : 0;
    out["participants"] = {{"count", g.participants.size()}, {"in_conversation", in_conversation}};

    Json groups = Json::array();
    for (const OpinionGroup& group : g.groups) {
        Json representative = Json::array();
        for (const RepresentativeStatement& r : group.representative)
            representative.push_back({{"statement", r.statement},
                                      {"agree", r.agree},
                                      {"successes", r.successes},
                                      {"trials", r.trials},
                                      {"probability", r.probability},
                                      {"probability_test", r.probability_test},
                                      {"repness", r.repness},
                                      {"repness_test", r.repness_test},
                                      {"best_agree", r.best_agree}});
        groups.push_back({{"id", group.id},
                          {"label", group_label(group.id)},
                          {"size", group.members.size()},
                          {"center", point(group.center)},
                          {"stability", group.stability},
                          {"representative", representative}});
    }
    out["groups"] = groups;

    auto consensus_list = [](const std::vector<ConsensusStatement>& list) {
        Json a = Json::array();
        for (const ConsensusStatement& c : list)
            a.push_back({{"statement", c.statement},
                         {"successes", c.successes},
                         {"trials", c.trials},
                         {"probability", c.probability},
                         {"probability_test", c.probability_test}});
        return a;
    };
    out["consensus"] = {{"agree", consensus_list(g.consensus.agree)},
                        {"disagree", consensus_list(g.consensus.disagree)}};

    Json statements = Json::array();
    for (const StatementResult& s : g.statements) {
        Json by_group = Json::array();
        for (const VoteCounts& c : s.by_group) by_group.push_back(counts(c));
        statements.push_back({{"statement", s.statement},
                              {"moderated_out", s.moderated_out},
                              {"votes", counts(s.everyone)},
                              {"by_group", by_group},
                              {"group_informed_consensus", s.group_informed_consensus},
                              {"place", point(s.place)},
                              {"extremity", s.extremity}});
    }
    out["statements"] = statements;

    out["stability"] = {{"runs", g.stability.runs},
                        {"fraction", g.stability.fraction},
                        {"mean_adjusted_rand", g.stability.mean_adjusted_rand},
                        {"min_adjusted_rand", g.stability.min_adjusted_rand},
                        {"same_k_share", g.stability.same_k_share}};
    Json silhouettes = Json::array();
    for (const auto& [k, s] : g.silhouettes) silhouettes.push_back({{"k", k}, {"silhouette", s}});
    out["silhouettes"] = silhouettes;
    out["best_silhouette_k"] = g.best_silhouette_k;

    // The map: one point per participant, [x, y, group] (group -1 when not grouped).
    Json map = Json::array();
    for (const ParticipantPlace& p : g.participants) {
        Json entry = Json::array({p.place.x, p.place.y, p.group});
        if (options.participant_ids) entry.push_back(p.participant);
        map.push_back(entry);
    }
    out["map"] = map;
    return out;
}

Json to_json(const OpinionGroupsState& state) {
    Json groups = Json::array();
    for (const auto& [participant, group] : state.groups) groups.push_back(Json::array({participant, group}));
    return {{"version", 1},
            {"in_conversation", state.in_conversation},
            {"k_smoother",
             {{"last_k", state.last_k}, {"last_k_count", state.last_k_count}, {"smoothed_k", state.smoothed_k}}},
            {"groups", groups},
            {"components",
             {{"statements", state.component_statements},
              {"first", state.components[0]},
              {"second", state.components[1]}}}};
}

Result<OpinionGroupsState> state_from_json(std::string_view text) {
    const std::string file = "opinion-groups state";
    Problems problems;
    const auto doc = parse_json(text, file, problems);
    if (!doc) return fail(problems.front().to_string());
    JsonReader root(*doc, file, problems);
    OpinionGroupsState state;
    if (!root.expect_object()) return fail(problems.front().to_string());
    const int version = root.integer("version", {.min = 1, .max = 1});
    (void)version;

    auto read_ids = [&](const JsonReader& parent, const char* key, std::vector<std::int64_t>& out) {
        parent.each(key, [&](JsonReader item) {
            if (!item.node().is_number_integer()) {
                item.problem(std::string("expected a whole number, found ") + json_type_name(item.node()));
                return;
            }
            out.push_back(item.node().get<std::int64_t>());
        });
    };
    read_ids(root, "in_conversation", state.in_conversation);
    if (auto k = root.child("k_smoother")) {
        state.last_k = k->integer("last_k", {.min = 0});
        state.last_k_count = k->integer("last_k_count", {.min = 0});
        state.smoothed_k = k->integer("smoothed_k", {.min = 0});
    }
    root.each("groups", [&](JsonReader item) {
        const Json& pair = item.node();
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer()) {
            item.problem("expected [participant, group], two whole numbers");
            return;
        }
        state.groups.emplace_back(pair[0].get<std::int64_t>(), pair[1].get<int>());
    });
    if (auto c = root.child("components")) {
        read_ids(*c, "statements", state.component_statements);
        const char* names[] = {"first", "second"};
        for (std::size_t i = 0; i < 2; ++i)
            c->each(names[i], [&](JsonReader item) {
                if (!item.node().is_number()) {
                    item.problem(std::string("expected a number, found ") + json_type_name(item.node()));
                    return;
                }
                state.components[i].push_back(item.node().get<double>());
            });
        for (std::size_t i = 0; i < 2; ++i)
            if (!state.components[i].empty() && state.components[i].size() != state.component_statements.size())
                c->problem_at(names[i], "expected one number per statement (" +
                                            std::to_string(state.component_statements.size()) + "), found " +
                                            std::to_string(state.components[i].size()));
    }
    if (!problems.empty()) {
        std::string message = problems.front().to_string();
        if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
        return fail(message);
    }
    return state;
}

Json opinion_groups_manifest(const OpinionGroupsDesc& desc) {
    const OpinionGroupsDesc d = with_defaults(desc);
    return {{"algorithm", "stadsmijn opinion groups (Pol.is pipeline: impute, centre, PCA by power iteration, "
                          "sparsity-aware projection, in-conversation rule, base and group k-means, silhouette)"},
            {"version", 1},
            {"vote_sign", "agree = +1, disagree = -1, pass = 0 (Pol.is CSV export convention)"},
            {"seed", d.seed},
            {"min_votes", d.min_votes},
            {"greedy_fill", d.greedy_fill},
            {"base_clusters", d.base_clusters},
            {"max_groups", d.max_groups},
            {"fixed_groups", d.fixed_groups},
            {"k_buffer", d.k_buffer},
            {"pca_iterations", d.pca_iterations},
            {"base_iterations", d.base_iterations},
            {"base_restarts", d.base_restarts},
            {"group_iterations", d.group_iterations},
            {"group_restarts", d.group_restarts},
            {"cluster_start",
             d.start == ClusterStart::kmeans_plus_plus ? "k-means++ (seeded)" : "first distinct points (Pol.is)"},
            {"pca_method", d.pca_method == PcaMethod::polis_power_iteration
                               ? "power iteration with deflation (Pol.is)"
                               : "subspace iteration"},
            {"moderated_out_count_as_seen", !d.exclude_moderated_from_scaling},
            {"stability_runs", d.stability_runs},
            {"stability_fraction", d.stability_fraction}};
}

}  // namespace stadsmijn::polls
