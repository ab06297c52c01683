#include "core/polls/poll_wire.h"

#include "core/content/content.h"
#include "core/polls/poll_definition.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"

namespace stadsmijn::polls {

namespace {

Json local_text_json(const LocalText& text) {
    Json out = {{"nl", text.nl}};
    if (!text.en.empty()) out["en"] = text.en;
    return out;
}

// Lenient readers: a missing or mistyped part gives a neutral value; the screen draws what it can.
const Json* member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

std::string string_at(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::int64_t integer_at(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_number_integer() ? value->get<std::int64_t>() : 0;
}

double number_at(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_number() ? value->get<double>() : 0.0;
}

bool bool_at(const Json& object, const char* key, bool fallback) {
    const Json* value = member(object, key);
    return value && value->is_boolean() ? value->get<bool>() : fallback;
}

const Json& array_at(const Json& object, const char* key) {
    static const Json empty = Json::array();
    const Json* value = member(object, key);
    return value && value->is_array() ? *value : empty;
}

const Json& object_at(const Json& object, const char* key) {
    static const Json empty = Json::object();
    const Json* value = member(object, key);
    return value && value->is_object() ? *value : empty;
}

// {"nl": ..., "en": ...}; a text in English only (a participant's statement) is also the Dutch
// readers' text, as LocalText always has its Dutch.
LocalText local_text_at(const Json& object, const char* key) {
    const Json& texts = object_at(object, key);
    LocalText text{string_at(texts, "nl"), string_at(texts, "en")};
    if (text.nl.empty()) text.nl = text.en;
    return text;
}

std::vector<std::string> strings_at(const Json& object, const char* key) {
    std::vector<std::string> out;
    for (const Json& item : array_at(object, key))
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

std::optional<Json> parse_object(std::string_view body) {
    Json parsed = Json::parse(body.begin(), body.end(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    return parsed;
}

std::vector<WireRepresentative> representatives_at(const Json& object, const char* key, bool agree) {
    std::vector<WireRepresentative> out;
    for (const Json& item : array_at(object, key))
        out.push_back({integer_at(item, "statement"), bool_at(item, "agree", agree), integer_at(item, "successes"),
                       integer_at(item, "trials")});
    return out;
}

}  // namespace

const WireStatement* WirePoll::find(StatementId statement) const {
    for (const auto& item : statements)
        if (item.id == statement) return &item;
    return nullptr;
}

WireSource wire_source(const Content& content, const std::string& source_id) {
    const Source* source = content.find_source(source_id);
    WireSource wire;
    wire.id = source_id;
    if (!source) return wire;  // no longer in content/: its id only
    wire.title = source->title;
    wire.publisher = source->publisher;
    wire.year = source->year;
    wire.url = source->url;
    return wire;
}

WirePoll wire_poll_from_content(const PollDefinition& definition, const Content& content) {
    WirePoll poll;
    poll.id = definition.id;
    poll.open = definition.open;
    poll.origin = "content";
    poll.title = definition.title;
    poll.question = definition.question;
    poll.description = definition.description;
    for (const PollStatement& seed : definition.statements) {
        WireStatement statement;
        statement.id = seed.id;
        statement.origin = "content";
        statement.text = seed.text;
        statement.context = seed.context;
        for (const std::string& id : seed.sources) statement.sources.push_back(wire_source(content, id));
        statement.devices = seed.devices;
        statement.materials = seed.materials;
        statement.guidance = seed.guidance;
        poll.statements.push_back(std::move(statement));
    }
    return poll;
}

Json to_json(const WirePoll& poll) {
    Json out = {{"id", poll.id},
                {"open", poll.open},
                {"origin", poll.origin},
                {"title", local_text_json(poll.title)},
                {"question", local_text_json(poll.question)}};
    if (!poll.description.empty()) out["description"] = local_text_json(poll.description);
    Json statements = Json::array();
    for (const WireStatement& statement : poll.statements) {
        Json item = {{"id", statement.id}, {"origin", statement.origin}};
        if (statement.origin == "content") {
            item["text"] = local_text_json(statement.text);
            if (!statement.context.empty()) item["context"] = local_text_json(statement.context);
            Json sources = Json::array();
            for (const WireSource& source : statement.sources) {
                if (source.title.empty()) {
                    sources.push_back({{"id", source.id}});  // no longer in content/: its id only
                    continue;
                }
                sources.push_back({{"id", source.id},
                                   {"title", source.title},
                                   {"publisher", source.publisher},
                                   {"year", source.year},
                                   {"url", source.url}});
            }
            item["links"] = {{"sources", sources},
                             {"devices", statement.devices},
                             {"materials", statement.materials},
                             {"guidance", statement.guidance}};
        } else {
            const std::string language = statement.language == "en" ? "en" : "nl";
            item["text"] = {{language, statement.text.in(language)}};
            item["language"] = statement.language;
        }
        statements.push_back(std::move(item));
    }
    out["statements"] = std::move(statements);
    out["limits"] = {{"statement_min_characters", kStatementMinCharacters},
                     {"statement_max_characters", kStatementMaxCharacters},
                     {"request_max_bytes", kMaxRequestBytes}};
    return out;
}

Result<WirePoll> read_wire_poll(std::string_view body) {
    auto parsed = parse_object(body);
    if (!parsed) return fail("the poll is not a JSON object");
    const Json& json = *parsed;
    WirePoll poll;
    poll.id = string_at(json, "id");
    poll.open = bool_at(json, "open", false);
    poll.origin = string_at(json, "origin");
    poll.title = local_text_at(json, "title");
    poll.question = local_text_at(json, "question");
    poll.description = local_text_at(json, "description");
    for (const Json& item : array_at(json, "statements")) {
        WireStatement statement;
        statement.id = integer_at(item, "id");
        statement.origin = string_at(item, "origin");
        statement.text = local_text_at(item, "text");
        statement.context = local_text_at(item, "context");
        statement.language = string_at(item, "language");
        const Json& links = object_at(item, "links");
        for (const Json& source : array_at(links, "sources"))
            statement.sources.push_back({string_at(source, "id"), string_at(source, "title"),
                                         string_at(source, "publisher"), static_cast<int>(integer_at(source, "year")),
                                         string_at(source, "url")});
        statement.devices = strings_at(links, "devices");
        statement.materials = strings_at(links, "materials");
        statement.guidance = strings_at(links, "guidance");
        if (statement.id > 0 && !statement.text.empty()) poll.statements.push_back(std::move(statement));
    }
    return poll;
}

Result<std::vector<WirePollSummary>> read_poll_list(std::string_view body) {
    auto parsed = parse_object(body);
    if (!parsed) return fail("the list of polls is not a JSON object");
    std::vector<WirePollSummary> list;
    for (const Json& item : array_at(*parsed, "polls")) {
        WirePollSummary poll{string_at(item, "id"), local_text_at(item, "title"), local_text_at(item, "question"),
                             bool_at(item, "open", false), integer_at(item, "statements")};
        if (is_valid_poll_id(poll.id)) list.push_back(std::move(poll));
    }
    return list;
}

Result<WireResults> read_wire_results(std::string_view body) {
    auto parsed = parse_object(body);
    if (!parsed) return fail("the results are not a JSON object");
    const Json& json = *parsed;
    WireResults results;
    results.status = string_at(json, "status");
    const Json& counts = object_at(json, "counts");
    results.participants = integer_at(counts, "participants");
    results.votes = integer_at(counts, "votes");
    results.area_self_reported = bool_at(json, "municipality_self_reported", false);
    results.minimum_participants = integer_at(json, "minimum_participants");
    for (const Json& item : array_at(json, "groups")) {
        WireGroup group;
        group.id = static_cast<int>(integer_at(item, "id"));
        group.label = string_at(item, "label");
        group.size = integer_at(item, "size");
        group.stability = number_at(item, "stability");
        group.representative = representatives_at(item, "representative", true);
        const Json& center = array_at(item, "center");
        if (center.size() >= 2 && center[0].is_number() && center[1].is_number())
            group.center = Point{center[0].get<double>(), center[1].get<double>()};
        results.groups.push_back(std::move(group));
    }
    const Json& consensus = object_at(json, "consensus");
    results.consensus_agree = representatives_at(consensus, "agree", true);
    results.consensus_disagree = representatives_at(consensus, "disagree", false);
    for (const Json& item : array_at(json, "statements")) {
        const Json& votes = object_at(item, "votes");
        results.statements.push_back({integer_at(item, "statement"), integer_at(votes, "agree"),
                                      integer_at(votes, "disagree"), integer_at(votes, "pass"),
                                      integer_at(votes, "seen")});
    }
    const Json& stability = object_at(json, "stability");
    results.stability_runs = integer_at(stability, "runs");
    results.stability_fraction = number_at(stability, "fraction");
    results.stability_mean_adjusted_rand = number_at(stability, "mean_adjusted_rand");
    results.stability_same_k_share = number_at(stability, "same_k_share");
    for (const Json& entry : array_at(json, "map")) {
        if (!entry.is_array() || entry.size() < 3 || !entry[0].is_number() || !entry[1].is_number()) continue;
        results.map.push_back(
            {entry[0].get<double>(), entry[1].get<double>(), entry[2].is_number_integer() ? entry[2].get<int>() : -1});
    }
    const Json& projection = object_at(json, "projection");
    std::vector<StatementId> statements;
    for (const Json& id : array_at(projection, "statements"))
        statements.push_back(id.is_number_integer() ? id.get<StatementId>() : -1);
    Pca pca;
    for (const Json& c : array_at(projection, "center")) pca.center.push_back(c.is_number() ? c.get<double>() : 0.0);
    const Json& components = array_at(projection, "components");
    for (std::size_t k = 0; k < 2 && k < components.size(); ++k)
        if (components[k].is_array())
            for (const Json& c : components[k]) pca.components[k].push_back(c.is_number() ? c.get<double>() : 0.0);
    if (!statements.empty() && statements.size() == pca.center.size()) {
        results.projection_statements = std::move(statements);
        results.projection = std::move(pca);
    }
    return results;
}

std::string wire_error(std::string_view body) {
    auto parsed = parse_object(body);
    return parsed ? string_at(*parsed, "error") : std::string();
}

}  // namespace stadsmijn::polls
