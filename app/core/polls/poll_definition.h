// Poll definitions: the statement polls of `content/polls/*.json`, one poll per file, named
// after its id (`content/polls/grondstoffen-repareren-inleveren.json`).
//
//   PollDefinition poll = read_poll_definition(root, "grondstoffen-repareren-inleveren");
//   check_poll_links(content.polls, content, problems);   // every link names a real fact
//
// A poll is a question and 12-20 short statements a citizen can agree or disagree with. Each
// statement links to the facts it touches (sources, devices, materials, guidance entries of
// content/), so the app can show the evidence next to the statement. A statement or its context
// that contains a figure must cite a source: figures come from content/, never from the poll.
//
// Statement ids are whole numbers from 1 to 9999 and never reused: votes and exports refer to
// them (Pol.is's comment ids). Statements that participants add get ids from 10000 up.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

struct Content;

struct PollStatement {
    std::int64_t id = 0;
    LocalText text;     // the claim: short, one idea
    LocalText context;  // optional: what the facts say, with the figures the sources give
    std::vector<std::string> sources;
    std::vector<std::string> devices;
    std::vector<std::string> materials;
    std::vector<std::string> guidance;
};

struct PollDefinition {
    std::string id;  // kebab-case, also the route `#/poll/{id}` and the API path
    LocalText title;
    LocalText question;      // what the conversation is about, shown above the statements
    LocalText description;   // optional: who asks and what happens with the outcome
    bool open = true;        // closed polls show results but take no votes or statements
    std::uint64_t seed = 0;  // the opinion-group maths' seed, recorded in the export manifest
    std::vector<PollStatement> statements;

    const PollStatement* find_statement(std::int64_t statement_id) const;
};

inline constexpr std::int64_t kFirstParticipantStatementId = 10000;
// Limits on a statement's text, for seed statements and participants' alike (Pol.is: 140).
inline constexpr std::size_t kStatementMinCharacters = 10;
inline constexpr std::size_t kStatementMaxCharacters = 240;

// Reads one poll file. `id_from_file_name` is the file's base name; the poll's id must match it.
PollDefinition read_poll_definition(const JsonReader& root, std::string_view id_from_file_name);

// Every link of every statement names an existing source, device, material or guidance entry,
// and no two polls share an id. Problems are reported against `content/polls/{id}.json`.
void check_poll_links(std::span<const PollDefinition> polls, const Content& content, Problems& problems);

// The path a poll is read from, and the poll id a path names (empty when it is not a poll file).
std::string poll_file_path(std::string_view poll_id);
std::string poll_id_from_path(std::string_view path);

}  // namespace stadsmijn
