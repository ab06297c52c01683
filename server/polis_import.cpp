#include "server/polis_import.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/polls/polis_csv.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"
#include "server/csv_text.h"

namespace stadsmijn::server {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read " + path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// summary.csv: "key,value" rows without a header.
std::string summary_value(const std::string& summary, const std::string& key) {
    auto rows = polls::parse_csv(summary, "summary.csv");
    if (!rows) return "";
    for (const auto& row : rows.value())
        if (row.size() >= 2 && row[0] == key) return row[1];
    return "";
}

std::string valid_text(const std::string& text) {
    // Our own exports neutralise formula-like text cells with a leading ' (csv_text.h): undone here.
    return polls::is_valid_utf8(text) ? restore_formula_text(text) : "";
}

}  // namespace

Result<PolisImport> read_polis_export(const fs::path& folder, const std::string& poll_id) {
    if (!polls::is_valid_poll_id(poll_id))
        return fail("\"" + poll_id + "\" is not a poll id (kebab-case: a-z, 0-9, -)");
    PolisImport import;
    import.poll.poll = {.id = poll_id, .origin = "import"};

    auto comments_text = read_file(folder / "comments.csv");
    if (!comments_text) return fail(comments_text.error() + " (a Pol.is export folder has comments.csv)");
    auto comments = polls::parse_comments_csv(comments_text.value());
    if (!comments) return fail(comments.error());

    std::vector<polls::VoteRecord> votes;
    if (fs::exists(folder / "votes.csv")) {
        auto text = read_file(folder / "votes.csv");
        if (!text) return fail(text.error());
        auto read = polls::parse_votes_csv(text.value());
        if (!read) return fail(read.error());
        auto matrix = polls::VoteMatrix::from_records(read.value());
        if (!matrix) return fail(matrix.error());
        polls::SignCheck sign = polls::check_sign_convention(matrix.value(), comments.value());
        if (sign.likely == polls::SignConvention::agree_negative) {
            read = polls::parse_votes_csv(text.value(), polls::SignConvention::agree_negative);
            if (!read) return fail(read.error());
            import.notes.push_back("votes.csv carries agree as -1 (Pol.is's database sign); read it that way");
        } else {
            import.notes.push_back("votes.csv carries agree as +1 (Pol.is's export sign)");
        }
        votes = std::move(read).value();
        std::stable_sort(votes.begin(), votes.end(),
                         [](const polls::VoteRecord& a, const polls::VoteRecord& b) { return a.time < b.time; });
    } else {
        auto text = read_file(folder / "participants-votes.csv");
        if (!text) return fail(text.error() + " (and there is no votes.csv either)");
        auto table = polls::parse_participants_votes_csv(text.value());
        if (!table) return fail(table.error());
        votes = std::move(table.value().votes);
        import.notes.push_back("participants-votes.csv: the latest vote of each participant on each comment");
        for (const auto& warning : table.value().warnings) import.notes.push_back(warning);
    }

    std::set<polls::StatementId> known;
    for (const auto& c : comments.value()) {
        known.insert(c.comment);
        import.poll.statements.push_back({.id = c.comment,
                                          .origin = "import",
                                          .author = c.author,
                                          .text = valid_text(c.body),
                                          .language = "",
                                          .status = c.moderated > 0   ? Moderation::accepted
                                                    : c.moderated < 0 ? Moderation::rejected
                                                                      : Moderation::pending,
                                          .time_ms = c.timestamp});
    }
    std::set<polls::ParticipantId> participants;
    std::size_t unknown = 0;
    std::vector<polls::VoteRecord> kept;
    for (const auto& v : votes) {
        if (!known.count(v.statement)) {
            ++unknown;
            continue;
        }
        participants.insert(v.participant);
        kept.push_back(v);
    }
    if (unknown > 0)
        import.notes.push_back(std::to_string(unknown) + " votes on comments not in comments.csv were left out");
    import.poll.votes = std::move(kept);
    import.poll.participants.assign(participants.begin(), participants.end());

    if (fs::exists(folder / "summary.csv")) {
        auto summary = read_file(folder / "summary.csv");
        if (summary) {
            import.poll.poll.title = valid_text(summary_value(summary.value(), "topic"));
            import.poll.poll.question = valid_text(summary_value(summary.value(), "conversation-description"));
        }
    }
    if (import.poll.poll.title.empty()) import.poll.poll.title = folder.filename().string();
    import.notes.push_back(std::to_string(import.poll.statements.size()) + " comments, " +
                           std::to_string(import.poll.participants.size()) + " participants, " +
                           std::to_string(import.poll.votes.size()) + " votes");
    return import;
}

}  // namespace stadsmijn::server
