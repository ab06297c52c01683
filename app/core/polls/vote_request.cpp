#include "core/polls/vote_request.h"

#include <initializer_list>

#include <nlohmann/json.hpp>

#include "core/polls/poll_definition.h"
#include "core/polls/text_checks.h"
#include "core/routes.h"

namespace stadsmijn::polls {

namespace {

using Json = nlohmann::json;

const char* type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return "true/false";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::array:
            return "a list";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::number_float:
            return "a fraction";
        case Json::value_t::discarded:
            return "nothing";
        default:
            return "a number";
    }
}

// Quotes what a client sent, shortened, so an error message is useful but never huge.
std::string shown(std::string_view text) {
    if (text.size() <= 40) return "\"" + std::string(text) + "\"";
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

// The body as a JSON object with only the allowed keys, or why not. nlohmann's parser refuses
// invalid UTF-8 inside strings, so every string read below is valid UTF-8.
Result<Json> parse_object(std::string_view body, std::initializer_list<std::string_view> allowed) {
    if (body.size() > kMaxRequestBytes)
        return fail("the request body is " + std::to_string(body.size()) + " bytes; at most " +
                    std::to_string(kMaxRequestBytes) + " are accepted");
    if (!is_valid_utf8(body)) return fail("the request body is not valid UTF-8");
    Json document = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return fail("the request body is not valid JSON");
    if (!document.is_object())
        return fail(std::string("the request body must be a JSON object, not ") + type_name(document));
    for (const auto& item : document.items()) {
        bool known = false;
        for (auto key : allowed) known = known || item.key() == key;
        if (!known) return fail(shown(item.key()) + " is not a field of this request");
    }
    return document;
}

Result<std::string> read_string(const Json& object, const char* field, bool required) {
    auto found = object.find(field);
    if (found == object.end() || found->is_null()) {
        if (required) return fail(std::string(field) + ": is missing");
        return std::string();
    }
    if (!found->is_string()) return fail(std::string(field) + ": must be a string, not " + type_name(*found));
    return found->get_ref<const std::string&>();
}

Result<std::string> read_token(const Json& object, const char* field, bool (*valid)(std::string_view),
                               const char* what) {
    auto text = read_string(object, field, true);
    if (!text) return text;
    if (!valid(text.value())) return fail(std::string(field) + ": must be " + what + ", not " + shown(text.value()));
    return text;
}

Result<std::string> read_municipality(const Json& object) {
    auto text = read_string(object, "municipality", false);
    if (!text) return text;
    if (!text.value().empty() && !is_valid_id(text.value()))
        return fail("municipality: must be a municipality id such as \"haarlem\", not " + shown(text.value()));
    return text;
}

constexpr const char* kTokenShape = "16 to 64 letters, digits, '-' or '_'";

}  // namespace

bool is_valid_pseudonym(std::string_view text) {
    return is_token(text, kTokenMinLength, kTokenMaxLength);
}
bool is_valid_idempotency_key(std::string_view text) {
    return is_token(text, kTokenMinLength, kTokenMaxLength);
}
bool is_valid_poll_id(std::string_view text) {
    return is_valid_id(text);
}

Result<Vote> vote_from_name(std::string_view name) {
    if (name == "agree") return Vote::agree;
    if (name == "disagree") return Vote::disagree;
    if (name == "pass") return Vote::pass;
    return fail("vote: must be \"agree\", \"disagree\" or \"pass\", not " + shown(name));
}

Result<VoteRequest> parse_vote_request(std::string_view poll, std::string_view body) {
    if (!is_valid_poll_id(poll)) return fail("poll: " + shown(poll) + " is not a poll id");
    auto document = parse_object(body, {"participant", "statement", "vote", "key", "municipality"});
    if (!document) return fail(document.error());
    const Json& object = document.value();
    VoteRequest vote;
    vote.poll = std::string(poll);

    auto participant = read_token(object, "participant", is_valid_pseudonym, kTokenShape);
    if (!participant) return fail(participant.error());
    vote.participant = std::move(participant).value();

    auto statement = object.find("statement");
    if (statement == object.end() || statement->is_null()) return fail("statement: is missing");
    if (!statement->is_number_integer())
        return fail(std::string("statement: must be a whole number (a statement id), not ") + type_name(*statement));
    if (statement->is_number_unsigned()
            ? statement->get<std::uint64_t>() > 999999999ULL
            : (statement->get<std::int64_t>() < 1 || statement->get<std::int64_t>() > 999999999))
        return fail("statement: " + statement->dump() + " is not a statement id");
    vote.statement = statement->get<std::int64_t>();

    auto name = read_string(object, "vote", true);
    if (!name) return fail(name.error());
    auto value = vote_from_name(name.value());
    if (!value) return fail(value.error());
    vote.vote = value.value();

    auto key = read_token(object, "key", is_valid_idempotency_key, kTokenShape);
    if (!key) return fail(key.error());
    vote.key = std::move(key).value();

    auto municipality = read_municipality(object);
    if (!municipality) return fail(municipality.error());
    vote.municipality = std::move(municipality).value();
    return vote;
}

Result<StatementRequest> parse_statement_request(std::string_view poll, std::string_view body) {
    if (!is_valid_poll_id(poll)) return fail("poll: " + shown(poll) + " is not a poll id");
    auto document = parse_object(body, {"participant", "text", "language", "key", "municipality"});
    if (!document) return fail(document.error());
    const Json& object = document.value();
    StatementRequest statement;
    statement.poll = std::string(poll);

    auto participant = read_token(object, "participant", is_valid_pseudonym, kTokenShape);
    if (!participant) return fail(participant.error());
    statement.participant = std::move(participant).value();

    auto text = read_string(object, "text", true);
    if (!text) return fail(text.error());
    statement.text = normalize_statement_text(text.value());
    if (auto problem = statement_text_problem(statement.text)) return fail("text: " + *problem);

    auto language = read_string(object, "language", false);
    if (!language) return fail(language.error());
    statement.language = language.value().empty() ? "nl" : language.value();
    if (statement.language != "nl" && statement.language != "en")
        return fail("language: must be \"nl\" or \"en\", not " + shown(statement.language));

    auto key = read_token(object, "key", is_valid_idempotency_key, kTokenShape);
    if (!key) return fail(key.error());
    statement.key = std::move(key).value();

    auto municipality = read_municipality(object);
    if (!municipality) return fail(municipality.error());
    statement.municipality = std::move(municipality).value();
    return statement;
}

std::string vote_request_body(const VoteRequest& vote) {
    Json body = {{"participant", vote.participant},
                 {"statement", vote.statement},
                 {"vote", vote_name(vote.vote)},
                 {"key", vote.key}};
    if (!vote.municipality.empty()) body["municipality"] = vote.municipality;
    return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string statement_request_body(const StatementRequest& statement) {
    Json body = {{"participant", statement.participant},
                 {"text", statement.text},
                 {"language", statement.language},
                 {"key", statement.key}};
    if (!statement.municipality.empty()) body["municipality"] = statement.municipality;
    return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string vote_request_path(std::string_view poll) {
    return "/api/polls/" + std::string(poll) + "/votes";
}
std::string statement_request_path(std::string_view poll) {
    return "/api/polls/" + std::string(poll) + "/statements";
}

std::optional<std::string> check_vote_targets(const VoteRequest& vote, const KnownTargets& known) {
    if (known.statement && !known.statement(vote.statement))
        return "statement: " + std::to_string(vote.statement) + " is not a statement of poll \"" + vote.poll +
               "\" that takes votes";
    if (!vote.municipality.empty() && known.municipality && !known.municipality(vote.municipality))
        return "municipality: \"" + vote.municipality + "\" is not a municipality of Noord-Holland or Flevoland";
    return std::nullopt;
}

std::optional<std::string> check_statement_targets(const StatementRequest& statement, const KnownTargets& known) {
    if (!statement.municipality.empty() && known.municipality && !known.municipality(statement.municipality))
        return "municipality: \"" + statement.municipality + "\" is not a municipality of Noord-Holland or Flevoland";
    return std::nullopt;
}

}  // namespace stadsmijn::polls
