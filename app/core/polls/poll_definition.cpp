#include "core/polls/poll_definition.h"

#include <algorithm>
#include <set>

#include "core/content/content.h"
#include "core/polls/text_checks.h"
#include "core/routes.h"

namespace stadsmijn {

namespace {

const std::string kPollFolder = "content/polls/";

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_statement_text(const JsonReader& item, const char* key, const LocalText& text) {
    for (const auto& [language, value] : {std::pair{"nl", &text.nl}, std::pair{"en", &text.en}}) {
        if (value->empty()) continue;
        std::string at = std::string(key) + "." + language;
        std::size_t characters = polls::count_code_points(*value);
        if (characters < kStatementMinCharacters || characters > kStatementMaxCharacters)
            item.problem_at(at.c_str(), "has " + std::to_string(characters) + " characters; a statement has " +
                                            std::to_string(kStatementMinCharacters) + " to " +
                                            std::to_string(kStatementMaxCharacters));
    }
    if (text.en.empty() && !text.nl.empty()) item.problem_at(key, "has no English text (\"en\"); polls are bilingual");
}

PollStatement read_statement(const JsonReader& item) {
    PollStatement statement;
    item.reject_unknown_keys({"id", "text", "context", "sources", "devices", "materials", "guidance"});
    statement.id = item.integer("id", {.min = 1, .max = static_cast<double>(kFirstParticipantStatementId - 1)});
    statement.text = read_local_text(item, "text");
    check_statement_text(item, "text", statement.text);
    statement.context = read_local_text(item, "context", /*required=*/false);
    statement.sources = read_source_ids(item, "sources", /*required=*/false);
    if (item.has("devices")) statement.devices = item.strings("devices");
    if (item.has("materials")) statement.materials = item.strings("materials");
    if (item.has("guidance")) statement.guidance = item.strings("guidance");

    if (statement.sources.empty() && statement.devices.empty() && statement.materials.empty() &&
        statement.guidance.empty())
        item.problem("links to no facts: give at least one of sources, devices, materials or guidance");
    bool figures = has_digit(statement.text.nl) || has_digit(statement.text.en) || has_digit(statement.context.nl) ||
                   has_digit(statement.context.en);
    if (figures && statement.sources.empty())
        item.problem("contains a figure but cites no source; every figure needs a source id from content/sources.json");
    return statement;
}

}  // namespace

const PollStatement* PollDefinition::find_statement(std::int64_t statement_id) const {
    for (const auto& statement : statements)
        if (statement.id == statement_id) return &statement;
    return nullptr;
}

std::string poll_file_path(std::string_view poll_id) {
    return kPollFolder + std::string(poll_id) + ".json";
}

std::string poll_id_from_path(std::string_view path) {
    if (!path.starts_with(kPollFolder) || !path.ends_with(".json")) return "";
    std::string_view name = path.substr(kPollFolder.size(), path.size() - kPollFolder.size() - 5);
    if (name.find('/') != std::string_view::npos) return "";
    return std::string(name);
}

PollDefinition read_poll_definition(const JsonReader& root, std::string_view id_from_file_name) {
    PollDefinition poll;
    if (!root.expect_object()) return poll;
    root.reject_unknown_keys({"id", "title", "question", "description", "open", "seed", "statements"});
    poll.id = root.string("id");
    if (!poll.id.empty() && !is_valid_id(poll.id))
        root.problem_at("id", "'" + poll.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
    else if (!poll.id.empty() && poll.id != id_from_file_name)
        root.problem_at("id", "'" + poll.id + "' differs from the file name; name the file " + poll_file_path(poll.id));
    poll.title = read_local_text(root, "title");
    poll.question = read_local_text(root, "question");
    poll.description = read_local_text(root, "description", /*required=*/false);
    if (root.has("open")) poll.open = root.boolean("open");
    if (root.has("seed")) {
        // Seeds are kept below 2^53 so that every JSON reader reads them exactly.
        poll.seed = static_cast<std::uint64_t>(root.number("seed", {.min = 0, .max = 9007199254740991.0}));
        if (!root.node()["seed"].is_number_integer()) root.problem_at("seed", "must be a whole number");
    }

    std::set<std::int64_t> ids;
    root.each("statements", [&](JsonReader item) {
        if (!item.expect_object()) return;
        PollStatement statement = read_statement(item);
        if (statement.id > 0 && !ids.insert(statement.id).second)
            item.problem_at(
                "id", std::to_string(statement.id) + " is used by an earlier statement too; ids are never reused");
        poll.statements.push_back(std::move(statement));
    });
    if (root.has("statements") && root.node()["statements"].is_array() && poll.statements.empty())
        root.problem_at("statements", "is empty; a poll needs statements to vote on");
    return poll;
}

void check_poll_links(std::span<const PollDefinition> polls, const Content& content, Problems& problems) {
    std::set<std::string> poll_ids;
    for (const auto& poll : polls) {
        const std::string file = poll_file_path(poll.id);
        if (!poll.id.empty() && !poll_ids.insert(poll.id).second)
            problems.push_back({file, "id", "'" + poll.id + "' is the id of another poll too"});
        for (std::size_t i = 0; i < poll.statements.size(); ++i) {
            const PollStatement& statement = poll.statements[i];
            const std::string at = "statements[" + std::to_string(i) + "]";
            auto check = [&](const char* kind, const std::vector<std::string>& ids, auto exists, const char* where) {
                for (const auto& id : ids)
                    if (!exists(id)) problems.push_back({file, at + "." + kind, "'" + id + "' is not in " + where});
            };
            check(
                "sources", statement.sources, [&](const std::string& id) { return content.find_source(id); },
                "content/sources.json");
            check(
                "devices", statement.devices, [&](const std::string& id) { return content.find_device(id); },
                "content/devices.json");
            check(
                "materials", statement.materials, [&](const std::string& id) { return content.find_material(id); },
                "content/materials.json");
            check(
                "guidance", statement.guidance, [&](const std::string& id) { return content.find_guidance(id); },
                "content/guidance.json");
        }
    }
}

}  // namespace stadsmijn
