// The admin exports of PollService: Pol.is's CSV set and a manifest that is enough to reproduce
// the groups (see server/README.md for the columns).
#include <set>

#include "core/polls/opinion_groups_json.h"
#include "core/polls/polis_csv.h"
#include "server/csv_text.h"
#include "server/poll_service.h"

namespace stadsmijn::server {

using Json = nlohmann::json;

namespace {

const char* const kExportFiles[] = {"summary.csv", "comments.csv", "votes.csv", "participants-votes.csv",
                                    "manifest.json"};

}  // namespace

ApiResponse PollService::export_file(std::string_view poll_id, std::string_view file_name) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    bool known = false;
    for (const char* name : kExportFiles) known = known || file_name == name;
    if (!known)
        return json_error(
            404, "no export \"" + std::string(file_name.substr(0, 64)) +
                     "\"; there are summary.csv, comments.csv, votes.csv, participants-votes.csv and manifest.json");
    const PollEntry& entry = poll.value();

    // The region-wide groups as of now, so the export shows what the results show.
    auto results = cached_results(entry, "", "", /*force_fresh=*/true);
    if (!results) return json_error(503, "the export cannot be made now; try again in a moment");
    const ComputedResults& computed = *results.value();

    auto latest = store_.latest_votes(entry.id);
    if (!latest) return json_error(503, "the export cannot be made now; try again in a moment");
    std::vector<polls::VoteRecord> records;
    records.reserve(latest.value().size());
    for (const auto& v : latest.value()) records.push_back({v.participant, v.statement, v.vote, v.time_ms});
    auto matrix = polls::VoteMatrix::from_records(records);
    if (!matrix) return json_error(500, "the votes do not form a matrix: " + matrix.error());

    std::vector<polls::PolisComment> comments;
    for (const auto& s : computed.statements) {
        polls::PolisComment c;
        c.comment = s.id;
        c.author = s.author;
        c.timestamp = s.time_ms;
        c.moderated = static_cast<int>(s.status);
        if (s.origin == "content") {
            const PollStatement* seed = entry.definition ? entry.definition->find_statement(s.id) : nullptr;
            c.body = seed ? seed->text.nl : "";
        } else {
            c.body = s.text;
        }
        c.body = neutralise_formula(c.body);  // the only text column of comments.csv
        comments.push_back(std::move(c));
    }
    const auto groups = polls::group_assignments(computed.groups);

    ApiResponse response;
    response.content_type = "text/csv; charset=utf-8";
    response.download_name = entry.id + "-" + std::string(file_name);
    if (file_name == "participants-votes.csv") {
        response.body = polls::write_participants_votes_csv(matrix.value(), groups, comments);
    } else if (file_name == "comments.csv") {
        response.body = polls::write_comments_csv(comments, matrix.value());
    } else if (file_name == "votes.csv") {
        auto history = store_.vote_history(entry.id);
        if (!history) return json_error(503, "the export cannot be made now; try again in a moment");
        response.body = polls::write_votes_csv(history.value());
    } else if (file_name == "summary.csv") {
        std::set<ParticipantId> commenters;
        for (const auto& c : comments)
            if (c.author >= 0) commenters.insert(c.author);
        int in_conversation = 0;
        for (const auto& p : computed.groups.participants) in_conversation += p.in_conversation;
        const std::string topic = entry.definition ? entry.definition->title.nl : entry.stored.title;
        const std::string description = entry.definition ? entry.definition->question.nl : entry.stored.question;
        response.body = "topic," + csv_text_cell(topic) + "\nurl,/#/poll/" + entry.id + "\nvoters," +
                        std::to_string(matrix.value().participant_count()) + "\nvoters-in-conv," +
                        std::to_string(in_conversation) + "\ncommenters," + std::to_string(commenters.size()) +
                        "\ncomments," + std::to_string(comments.size()) + "\ngroups," +
                        std::to_string(computed.groups.groups.size()) + "\nconversation-description," +
                        csv_text_cell(description) + "\n";
    } else {
        auto log = store_.moderation_log(entry.id);
        auto participants = store_.participants(entry.id);
        if (!log || !participants) return json_error(503, "the export cannot be made now; try again in a moment");
        Json moderation = Json::array();
        for (const auto& m : log.value())
            moderation.push_back({{"statement", m.statement},
                                  {"status", moderation_name(m.status)},
                                  {"note", m.note},
                                  {"time", m.time_ms}});
        Json municipalities = Json::object();
        for (const auto& p : participants.value())
            if (!p.municipality.empty()) municipalities[std::to_string(p.id)] = p.municipality;
        Json statements = Json::array();
        for (const auto& s : computed.statements)
            statements.push_back({{"id", s.id},
                                  {"origin", s.origin},
                                  {"status", moderation_name(s.status)},
                                  {"language", s.origin == "content" ? "nl" : s.language}});
        Json manifest = {
            {"format", "stadsmijn-poll-export"},
            {"version", 1},
            {"poll", entry.id},
            {"generated_at", now_ms()},
            {"files", {"summary.csv", "comments.csv", "votes.csv", "participants-votes.csv"}},
            {"vote_sign_convention",
             {{"agree", 1},
              {"disagree", -1},
              {"pass", 0},
              {"note", "as in Pol.is CSV exports; Pol.is's database and vote API use agree = -1, disagree = +1"}}},
            {"timestamps", "milliseconds since 1970 (UTC); datetime columns are JavaScript Date text in UTC"},
            {"moderation",
             {{"mode", "strict: only accepted statements are shown and enter the maths"},
              {"moderated_column", "1 accepted, 0 pending, -1 rejected"},
              {"log", moderation}}},
            {"algorithm",
             {{"input", "participants-votes.csv restricted to statements with moderated = 1 in comments.csv"},
              {"parameters", polls::opinion_groups_manifest(computed.desc)},
              {"previous_state", polls::to_json(computed.previous_state)},
              {"k_chosen", computed.groups.groups.size()},
              {"best_silhouette_k", computed.groups.best_silhouette_k},
              {"note",
               "compute_opinion_groups(matrix, {}, parameters, previous_state) with app/core/polls gives "
               "the group-id column of participants-votes.csv"}}},
            {"statements", statements},
            {"participant_municipalities", municipalities},
            {"counts",
             {{"participants", matrix.value().participant_count()},
              {"votes", matrix.value().vote_count()},
              {"statements", comments.size()}}}};
        response.content_type = "application/json; charset=utf-8";
        response.body = manifest.dump(2, ' ', false, Json::error_handler_t::replace);
    }
    return response;
}

}  // namespace stadsmijn::server
