// The poll API's answers as typed values: what the server writes and what the app reads are the
// same structs, so the two cannot drift apart.
//
//   GET /api/polls            -> read_poll_list(body)      (written by PollService::list_polls)
//   GET /api/polls/{poll}     -> read_wire_poll(body)      (written with to_json(WirePoll))
//   GET /api/polls/{poll}/results -> read_wire_results(body) (written by opinion_groups_json.h
//                                                           plus the server's counts and projection)
//
//   auto poll = polls::read_wire_poll(response.body);
//   if (!poll) show(poll.error());                      // not a poll at all
//   for (const WireStatement& s : poll.value().statements) draw(s.text.in(language));
//
// Readers never throw (the web build has no exceptions) and are lenient about parts: a statement
// without an id or text, a map point that is not three numbers, is left out, as the screen would
// have nothing to draw for it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"
#include "core/polls/pca.h"
#include "core/polls/votes.h"
#include "core/result.h"

namespace stadsmijn {
struct Content;
struct PollDefinition;
}  // namespace stadsmijn

namespace stadsmijn::polls {

struct WireSource {
    std::string id;
    std::string title;
    std::string publisher;
    int year = 0;
    std::string url;
};

struct WireStatement {
    StatementId id = 0;
    std::string origin;  // "content" (a seed statement) or "participant"
    LocalText text;
    LocalText context;
    std::string language;  // a participant's statement: the language it was written in
    std::vector<WireSource> sources;
    std::vector<std::string> devices, materials, guidance;
};

struct WirePoll {
    std::string id;
    bool open = false;
    std::string origin;  // "content" or "import"
    LocalText title, question, description;
    std::vector<WireStatement> statements;

    const WireStatement* find(StatementId statement) const;
};

struct WirePollSummary {  // one entry of GET /api/polls
    std::string id;
    LocalText title, question;
    bool open = false;
    std::int64_t statements = 0;
};

struct WireRepresentative {
    StatementId statement = 0;
    bool agree = true;
    std::int64_t successes = 0, trials = 0;
};

struct WireGroup {
    int id = 0;
    std::string label;
    std::int64_t size = 0;
    std::optional<Point> center;  // on the opinion map, when the server sent one
    double stability = 0;         // share of members found together again in the reruns
    std::vector<WireRepresentative> representative;
};

struct WireStatementVotes {
    StatementId statement = 0;
    std::int64_t agree = 0, disagree = 0, pass = 0, seen = 0;
};

struct WireMapPoint {
    double x = 0, y = 0;
    int group = -1;  // -1: in no group
};

struct WireResults {
    std::string status;  // "grouped", "no_votes", "no_disagreement", "too_few_participants"
    std::int64_t participants = 0, votes = 0;
    // Results of one municipality or province: the area is self-reported by participants, and
    // below `minimum_participants` the server shows nothing that reveals a vote.
    bool area_self_reported = false;
    std::int64_t minimum_participants = 0;
    std::vector<WireGroup> groups;
    std::vector<WireRepresentative> consensus_agree, consensus_disagree;
    std::vector<WireStatementVotes> statements;
    // The reruns on random subsets of the participants (runs 0: none were made).
    std::int64_t stability_runs = 0;
    double stability_fraction = 0, stability_mean_adjusted_rand = 0, stability_same_k_share = 0;
    std::vector<WireMapPoint> map;
    // What places the participant's own votes on the map: the statements in column order and the
    // components (empty when the server sent none, or an inconsistent set).
    std::vector<StatementId> projection_statements;
    Pca projection;
};

// GET /api/polls/{poll}, as the server writes it.
Json to_json(const WirePoll& poll);
// A poll of content/ in wire form (sources resolved from `content`); `open` is the definition's.
WirePoll wire_poll_from_content(const PollDefinition& definition, const Content& content);
WireSource wire_source(const Content& content, const std::string& source_id);

Result<WirePoll> read_wire_poll(std::string_view body);
Result<std::vector<WirePollSummary>> read_poll_list(std::string_view body);
Result<WireResults> read_wire_results(std::string_view body);

// The server's {"error": "..."} message, or "" when the body has none.
std::string wire_error(std::string_view body);

}  // namespace stadsmijn::polls
