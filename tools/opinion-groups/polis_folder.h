// Loading a Pol.is export folder (participants-votes.csv, comments.csv, optionally votes.csv)
// from disk into app/core types. Shared by the opinion-groups and polis-agreement tools.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/polls/opinion_groups.h"
#include "core/polls/polis_csv.h"
#include "core/result.h"

namespace stadsmijn::tools {

struct PolisFolder {
    std::string name;
    polls::PolisParticipantVotes table;
    std::vector<polls::PolisComment> comments;  // empty when comments.csv is missing
    bool has_comments = false;
    std::optional<std::vector<polls::VoteRecord>> timed_votes;  // votes.csv, when asked for and present
    polls::VoteMatrix matrix;
    std::vector<polls::StatementId> moderated_out;
    std::vector<std::pair<polls::ParticipantId, int>> polis_groups;  // Pol.is's own assignment
};

Result<std::string> read_text_file(const std::filesystem::path& path);
Result<PolisFolder> load_polis_folder(const std::filesystem::path& dir, bool read_votes_csv);

// The state Pol.is carried into its last update, as far as an export shows it: who was in the
// conversation (everyone it grouped) and the number of groups, held by its k smoother.
polls::OpinionGroupsState polis_carried_state(const PolisFolder& folder);

// Participants in the order Pol.is's matrix held them: by first vote when votes.csv has times,
// else by participant id (Pol.is numbers participants as they join).
std::vector<polls::ParticipantId> polis_row_order(const PolisFolder& folder);

// Small helpers the report tools share.
std::string fixed(double value, int decimals = 2);  // "%.*f"
int group_count(std::span<const std::pair<polls::ParticipantId, int>> groups);
double adjusted_rand(std::span<const std::pair<polls::ParticipantId, int>> a,
                     std::span<const std::pair<polls::ParticipantId, int>> b);

}  // namespace stadsmijn::tools
