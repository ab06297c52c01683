#include "polis_folder.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/polls/adjusted_rand_index.h"

namespace stadsmijn::tools {

Result<std::string> read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<PolisFolder> load_polis_folder(const std::filesystem::path& dir, bool read_votes_csv) {
    PolisFolder folder;
    folder.name = dir.filename().string();
    auto pv_text = read_text_file(dir / "participants-votes.csv");
    if (!pv_text) return fail(pv_text.error() + " (a Pol.is export folder needs participants-votes.csv)");
    auto table = polls::parse_participants_votes_csv(pv_text.value());
    if (!table) return fail(dir.string() + ": " + table.error());
    folder.table = std::move(table.value());

    if (std::filesystem::exists(dir / "comments.csv")) {
        auto text = read_text_file(dir / "comments.csv");
        if (!text) return Error{text.error()};
        auto comments = polls::parse_comments_csv(text.value());
        if (!comments) return fail(dir.string() + ": " + comments.error());
        folder.comments = std::move(comments.value());
        folder.has_comments = true;
    }
    if (read_votes_csv && std::filesystem::exists(dir / "votes.csv")) {
        auto text = read_text_file(dir / "votes.csv");
        if (!text) return Error{text.error()};
        auto votes = polls::parse_votes_csv(text.value());
        if (!votes) return fail(dir.string() + ": " + votes.error());
        folder.timed_votes = std::move(votes.value());
    }

    auto matrix = polls::VoteMatrix::from_records(folder.table.votes);
    if (!matrix) return fail(dir.string() + ": " + matrix.error());
    folder.matrix = std::move(matrix.value());
    folder.moderated_out = polls::moderated_out_statements(folder.comments);
    for (const auto& p : folder.table.participants)
        if (p.group) folder.polis_groups.emplace_back(p.participant, *p.group);
    return folder;
}

polls::OpinionGroupsState polis_carried_state(const PolisFolder& folder) {
    polls::OpinionGroupsState state;
    std::set<int> groups;
    for (const auto& [p, g] : folder.polis_groups) {
        state.in_conversation.push_back(p);
        groups.insert(g);
    }
    std::sort(state.in_conversation.begin(), state.in_conversation.end());
    const int k = static_cast<int>(groups.size());
    state.last_k = k;
    state.last_k_count = 1000;  // long settled
    state.smoothed_k = k;
    return state;
}

std::vector<polls::ParticipantId> polis_row_order(const PolisFolder& folder) {
    std::vector<polls::ParticipantId> order;
    if (folder.timed_votes) {
        std::map<polls::ParticipantId, std::pair<std::int64_t, std::size_t>> first;
        for (std::size_t i = 0; i < folder.timed_votes->size(); ++i) {
            const auto& v = (*folder.timed_votes)[i];
            const auto key = std::make_pair(v.time, i);
            auto [it, fresh] = first.emplace(v.participant, key);
            if (!fresh && key < it->second) it->second = key;
        }
        std::vector<std::pair<std::pair<std::int64_t, std::size_t>, polls::ParticipantId>> by_time;
        for (const auto& [p, t] : first) by_time.emplace_back(t, p);
        std::sort(by_time.begin(), by_time.end());
        for (const auto& entry : by_time) order.push_back(entry.second);
    } else {
        order = folder.matrix.participants();
    }
    return order;
}

std::string fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

int group_count(std::span<const std::pair<polls::ParticipantId, int>> groups) {
    std::set<int> ids;
    for (const auto& g : groups) ids.insert(g.second);
    return static_cast<int>(ids.size());
}

double adjusted_rand(std::span<const std::pair<polls::ParticipantId, int>> a,
                     std::span<const std::pair<polls::ParticipantId, int>> b) {
    return polls::compare_groupings(a, b).adjusted_rand_index;
}

}  // namespace stadsmijn::tools
