#include "server/poll_service.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/polls/opinion_groups_json.h"
#include "core/polls/polis_csv.h"
#include "core/polls/poll_wire.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"
#include "core/routes.h"
#include "server/gzip.h"

namespace stadsmijn::server {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kStatementsRefresh = std::chrono::seconds(2);
constexpr const char* kAlgorithm = "stadsmijn-opinion-groups";
constexpr int kAlgorithmVersion = 1;

std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse ok_json(const Json& body, int status = 200) {
    return {status, dump(body)};
}

ApiResponse unavailable(const std::string& what, const std::string& error) {
    // The database's words go to the operator's log, not to the client (they name tables and
    // help no one outside). They carry no address and no request body.
    std::fprintf(stderr, "stadsmijn-server: %s: %s\n", what.c_str(), error.c_str());
    ApiResponse response = json_error(503, what + "; try again in a moment");
    response.retry_after_seconds = 1;
    return response;
}

ApiResponse too_many(std::chrono::milliseconds wait, const std::string& what) {
    ApiResponse response = json_error(429, what);
    response.retry_after_seconds = static_cast<int>(std::max<std::int64_t>(1, (wait.count() + 999) / 1000));
    return response;
}

Json local_text_json(const LocalText& text) {
    Json out = {{"nl", text.nl}};
    if (!text.en.empty()) out["en"] = text.en;
    return out;
}

std::optional<StatementId> parse_statement_id(std::string_view text) {
    StatementId id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id < 0) return std::nullopt;
    return id;
}

std::string results_key(std::string_view poll, std::string_view municipality, std::string_view province) {
    return std::string(poll) + "|" + std::string(municipality) + "|" + std::string(province);
}

}  // namespace

ApiResponse json_error(int status, const std::string& message) {
    return {status, dump(Json{{"error", message}})};
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

PollServiceConfig without_abuse_limits(PollServiceConfig config) {
    config.new_participants_per_address = {};
    config.new_participants_per_address_per_day = 0;
    config.new_participants_per_poll = {};
    config.new_participants_per_municipality = {};
    config.statements_per_address = {};
    config.statements_per_address_per_day = 0;
    config.statements_per_poll = {};
    return config;
}

PollService::PollService(Content content, VoteStore& store, PollServiceConfig config)
    : content_(std::move(content)),
      store_(store),
      config_(config),
      vote_limiter_(config.votes_per_participant),
      statement_limiter_(config.statements_per_participant),
      new_per_address_(config.new_participants_per_address),
      new_per_address_daily_(config.new_participants_per_address_per_day),
      new_per_poll_(config.new_participants_per_poll),
      new_per_municipality_(config.new_participants_per_municipality),
      statements_per_address_(config.statements_per_address),
      statements_per_address_daily_(config.statements_per_address_per_day),
      statements_per_poll_(config.statements_per_poll) {}

Result<std::unique_ptr<PollService>> PollService::create(Content content, VoteStore& store, PollServiceConfig config) {
    std::unique_ptr<PollService> service(new PollService(std::move(content), store, config));
    for (const auto& definition : service->content_.polls) {
        if (definition.id.empty()) continue;
        std::vector<StatementId> seed;
        for (const auto& statement : definition.statements) seed.push_back(statement.id);
        auto ensured = store.ensure_poll({.id = definition.id, .origin = "content"}, seed, now_ms());
        if (!ensured) return fail("cannot prepare poll " + definition.id + " in the store: " + ensured.error());
    }
    return service;
}

// ---- polls and statements ----

Result<PollService::PollEntry> PollService::find_poll(std::string_view poll_id) {
    if (!polls::is_valid_poll_id(poll_id)) return fail("no poll \"" + std::string(poll_id.substr(0, 64)) + "\"");
    if (const PollDefinition* definition = content_.find_poll(poll_id))
        return PollEntry{.id = definition->id, .definition = definition};
    auto stored = store_.polls();
    if (!stored) return fail("store: " + stored.error());
    for (const auto& poll : stored.value())
        if (poll.id == poll_id && poll.origin == "import") return PollEntry{.id = poll.id, .stored = poll};
    return fail("no poll \"" + std::string(poll_id) + "\"; GET /api/polls lists them");
}

Result<std::shared_ptr<const PollService::StatementsSnapshot>> PollService::statements_of(const std::string& poll_id,
                                                                                          bool fresh) {
    {
        std::lock_guard lock(statements_mutex_);
        auto found = statements_.find(poll_id);
        if (!fresh && found != statements_.end() && Clock::now() - found->second->loaded < kStatementsRefresh)
            return found->second;
    }
    auto statements = store_.statements(poll_id);
    if (!statements) return fail(statements.error());
    auto snapshot =
        std::make_shared<StatementsSnapshot>(StatementsSnapshot{std::move(statements).value(), Clock::now()});
    std::lock_guard lock(statements_mutex_);
    statements_[poll_id] = snapshot;
    return std::shared_ptr<const StatementsSnapshot>(snapshot);
}

void PollService::forget_statements(const std::string& poll_id) {
    std::lock_guard lock(statements_mutex_);
    statements_.erase(poll_id);
}

// Written through the type the app reads (core/polls/poll_wire.h), so the two cannot drift apart.
Json PollService::poll_json(const PollEntry& poll, const StatementsSnapshot& snapshot) const {
    polls::WirePoll wire;
    wire.id = poll.id;
    wire.open = poll.open();
    wire.origin = poll.definition ? "content" : "import";
    if (poll.definition) {
        wire.title = poll.definition->title;
        wire.question = poll.definition->question;
        wire.description = poll.definition->description;
    } else {
        wire.title.nl = poll.stored.title;
        wire.question.nl = poll.stored.question;
    }
    for (const auto& stored : snapshot.statements) {
        if (stored.status != Moderation::accepted) continue;  // strict moderation: only accepted ones are shown
        polls::WireStatement item;
        item.id = stored.id;
        item.origin = stored.origin;
        const PollStatement* seed = poll.definition ? poll.definition->find_statement(stored.id) : nullptr;
        if (stored.origin == "content") {
            if (!seed) continue;  // removed from content/polls since: no text to show
            item.text = seed->text;
            item.context = seed->context;
            for (const auto& id : seed->sources) item.sources.push_back(polls::wire_source(content_, id));
            item.devices = seed->devices;
            item.materials = seed->materials;
            item.guidance = seed->guidance;
        } else {
            item.language = stored.language;
            (stored.language == "en" ? item.text.en : item.text.nl) = stored.text;
        }
        wire.statements.push_back(std::move(item));
    }
    return polls::to_json(wire);
}

ApiResponse PollService::list_polls() {
    Json polls = Json::array();
    for (const auto& definition : content_.polls) {
        if (definition.id.empty()) continue;
        polls.push_back({{"id", definition.id},
                         {"title", local_text_json(definition.title)},
                         {"question", local_text_json(definition.question)},
                         {"open", definition.open},
                         {"origin", "content"},
                         {"statements", definition.statements.size()}});
    }
    auto stored = store_.polls();
    if (!stored) return unavailable("the polls cannot be read now", stored.error());
    for (const auto& poll : stored.value()) {
        if (poll.origin != "import") continue;
        polls.push_back({{"id", poll.id},
                         {"title", {{"nl", poll.title}}},
                         {"question", {{"nl", poll.question}}},
                         {"open", false},
                         {"origin", "import"}});
    }
    return ok_json({{"polls", polls}});
}

ApiResponse PollService::poll(std::string_view poll_id) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    auto statements = statements_of(poll.value().id);
    if (!statements) return unavailable("the poll cannot be read now", statements.error());
    return ok_json(poll_json(poll.value(), *statements.value()));
}

// ---- votes and statements from participants ----

std::optional<ApiResponse> PollService::admit_participant(const std::string& poll, const std::string& pseudonym,
                                                          const std::string& municipality, const std::string& client) {
    std::optional<std::string> known;
    {
        std::lock_guard lock(admitted_mutex_);
        if (auto found = admitted_.find(poll + "\n" + pseudonym); found != admitted_.end()) known = found->second;
    }
    if (!known) {
        auto stored = store_.find_participant(poll, pseudonym);
        if (!stored) return unavailable("the vote was not stored", stored.error());
        known = stored.value();
        if (known) remember_participant(poll, pseudonym, *known);
    }
    const std::string area = poll + "/" + municipality;
    std::optional<std::chrono::milliseconds> wait;
    if (!known) {
        wait = take_all({{&new_per_address_, client},
                         {&new_per_address_daily_, client},
                         {&new_per_poll_, poll},
                         {municipality.empty() ? nullptr : &new_per_municipality_, area}});
    } else if (!municipality.empty() && *known != municipality) {
        // Moving an existing participant into a municipality counts like a new one there, or
        // pseudonyms made without a municipality could all be moved into one later.
        wait = take_all({{&new_per_address_, client}, {&new_per_municipality_, area}});
    }
    if (!wait) return std::nullopt;
    return too_many(*wait,
                    "many new participants from this network or for this poll just now; your vote is kept, "
                    "send it again later");
}

void PollService::remember_participant(const std::string& poll, const std::string& pseudonym,
                                       const std::string& municipality) {
    std::lock_guard lock(admitted_mutex_);
    if (admitted_.size() > 2'000'000) admitted_.clear();  // a bound, not a policy: they are looked up again
    admitted_[poll + "\n" + pseudonym] = municipality;
}

ApiResponse PollService::cast_vote(std::string_view poll_id, std::string_view body, const std::string& client) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    if (!poll.value().open())
        return json_error(403, "the poll \"" + poll.value().id + "\" is closed: it takes no votes");
    auto vote = polls::parse_vote_request(poll.value().id, body);
    if (!vote) return json_error(400, vote.error());
    auto statements = statements_of(poll.value().id);
    if (!statements) return unavailable("the vote was not stored", statements.error());
    polls::KnownTargets known{
        .statement =
            [&](StatementId id) {
                const auto& list = statements.value()->statements;
                auto found =
                    std::find_if(list.begin(), list.end(), [&](const StoredStatement& s) { return s.id == id; });
                return found != list.end() && found->status == Moderation::accepted;
            },
        .municipality = [&](std::string_view id) { return content_.find_municipality(id) != nullptr; }};
    if (auto problem = polls::check_vote_targets(vote.value(), known)) return json_error(422, *problem);
    if (auto wait = vote_limiter_.take(poll.value().id + "/" + vote.value().participant))
        return too_many(*wait, "this participant is voting faster than a person reads; wait a moment");

    const polls::VoteRequest& request = vote.value();
    if (auto refused = admit_participant(request.poll, request.participant, request.municipality, client))
        return *refused;
    auto outcome = store_.record_vote({.poll = request.poll,
                                       .participant = request.participant,
                                       .statement = request.statement,
                                       .vote = request.vote,
                                       .key = request.key,
                                       .municipality = request.municipality,
                                       .time_ms = now_ms()});
    if (!outcome) return unavailable("the vote was not stored", outcome.error());
    if (outcome.value() == VoteOutcome::key_conflict)
        return json_error(409, "key: this key was used before for a different vote; make a new key for each vote");
    if (!request.municipality.empty()) {
        remember_participant(request.poll, request.participant, request.municipality);
    } else {
        std::lock_guard lock(admitted_mutex_);
        admitted_.try_emplace(request.poll + "\n" + request.participant, std::string());
    }
    return ok_json({{"status", outcome.value() == VoteOutcome::duplicate ? "duplicate" : "stored"},
                    {"key", request.key},
                    {"statement", request.statement},
                    {"vote", polls::vote_name(request.vote)}});
}

ApiResponse PollService::submit_statement(std::string_view poll_id, std::string_view body, const std::string& client) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    if (!poll.value().open())
        return json_error(403, "the poll \"" + poll.value().id + "\" is closed: it takes no statements");
    auto statement = polls::parse_statement_request(poll.value().id, body);
    if (!statement) return json_error(400, statement.error());
    polls::KnownTargets known{.statement = {}, .municipality = [&](std::string_view id) {
                                  return content_.find_municipality(id) != nullptr;
                              }};
    if (auto problem = polls::check_statement_targets(statement.value(), known)) return json_error(422, *problem);
    if (auto wait = statement_limiter_.wait(poll.value().id + "/" + statement.value().participant, Clock::now()))
        return too_many(*wait, "this participant has added several statements just now; wait a few minutes");
    if (auto wait = take_all({{&statement_limiter_, poll.value().id + "/" + statement.value().participant},
                              {&statements_per_address_, client},
                              {&statements_per_address_daily_, client},
                              {&statements_per_poll_, poll.value().id}}))
        return too_many(*wait, "many statements from this network or for this poll just now; wait a while");

    const polls::StatementRequest& request = statement.value();
    // A statement from a pseudonym the poll has not seen makes a participant too: the same
    // admission as a first vote, or statements would be a side door past its limits.
    if (auto refused = admit_participant(request.poll, request.participant, request.municipality, client))
        return *refused;
    auto outcome = store_.add_statement({.poll = request.poll,
                                         .participant = request.participant,
                                         .text = request.text,
                                         .language = request.language,
                                         .key = request.key,
                                         .municipality = request.municipality,
                                         .time_ms = now_ms()});
    if (!outcome) return unavailable("the statement was not stored", outcome.error());
    if (!request.municipality.empty()) {
        remember_participant(request.poll, request.participant, request.municipality);
    } else {
        std::lock_guard lock(admitted_mutex_);
        admitted_.try_emplace(request.poll + "\n" + request.participant, std::string());
    }
    forget_statements(poll.value().id);
    return ok_json({{"statement", outcome.value().id},
                    {"status", moderation_name(outcome.value().status)},
                    {"duplicate", outcome.value().duplicate}},
                   202);
}

// ---- results ----

Result<std::shared_ptr<const PollService::ComputedResults>> PollService::compute_results(
    const PollEntry& poll, const std::string& municipality, const std::string& province, const ChangeMarker& marker,
    const polls::OpinionGroupsState& previous) {
    auto statements = store_.statements(poll.id);
    if (!statements) return fail(statements.error());
    auto votes = store_.latest_votes(poll.id);
    if (!votes) return fail(votes.error());

    std::set<StatementId> accepted;
    for (const auto& s : statements.value())
        if (s.status == Moderation::accepted) accepted.insert(s.id);
    std::set<ParticipantId> included;
    const bool filtered = !municipality.empty() || !province.empty();
    if (filtered) {
        auto participants = store_.participants(poll.id);
        if (!participants) return fail(participants.error());
        for (const auto& p : participants.value()) {
            if (!municipality.empty() && p.municipality != municipality) continue;
            if (!province.empty()) {
                const Municipality* m = content_.find_municipality(p.municipality);
                if (!m || m->province != province) continue;
            }
            included.insert(p.id);
        }
    }
    std::vector<polls::VoteRecord> records;
    records.reserve(votes.value().size());
    for (const auto& v : votes.value()) {
        if (!accepted.count(v.statement)) continue;
        if (filtered && !included.count(v.participant)) continue;
        records.push_back({v.participant, v.statement, v.vote, v.time_ms});
    }

    auto result = std::make_shared<ComputedResults>();
    result->marker = marker;
    result->previous_state = previous;
    result->statements = std::move(statements).value();
    result->computed_at_ms = now_ms();
    result->desc.seed = poll.seed();
    result->desc.stability_runs = config_.stability_runs;

    Json body = {{"poll", poll.id},
                 {"municipality", municipality.empty() ? Json(nullptr) : Json(municipality)},
                 {"province", province.empty() ? Json(nullptr) : Json(province)},
                 {"computed_at", result->computed_at_ms},
                 {"algorithm", {{"name", kAlgorithm}, {"version", kAlgorithmVersion}, {"seed", poll.seed()}}},
                 {"vote_convention", "agree +1, disagree -1, pass 0"}};
    // Participants name their municipality themselves; nothing checks it.
    if (filtered) body["municipality_self_reported"] = true;
    body["minimum_participants"] = config_.minimum_participants_per_area;
    auto matrix = polls::VoteMatrix::from_records(records);
    if (!matrix) return fail(matrix.error());
    // An answer without groups: the status, counts, and nothing that shows a vote.
    auto without_groups = [&](const char* status, Json counts) {
        body["status"] = status;
        body["counts"] = std::move(counts);
        body["groups"] = Json::array();
        body["statements"] = Json::array();
        body["consensus"] = {{"agree", Json::array()}, {"disagree", Json::array()}};
        body["map"] = Json::array();
        result->body = std::make_shared<const std::string>(dump(body));
        result->gzip = std::make_shared<const std::string>(gzip_compress(*result->body));
        return std::shared_ptr<const ComputedResults>(result);
    };
    if (matrix.value().vote_count() == 0)
        return without_groups("no_votes", {{"participants", 0},
                                           {"votes", 0},
                                           {"statements", accepted.size()},
                                           {"in_conversation", 0},
                                           {"grouped", 0}});
    // With a handful of people, in a municipality or in the whole poll (a town-hall evening of
    // three), the counts and map would show how each of them voted. Below the minimum only the
    // number of participants and votes is given.
    if (static_cast<std::int64_t>(matrix.value().participant_count()) <
        static_cast<std::int64_t>(config_.minimum_participants_per_area))
        return without_groups("too_few_participants", {{"participants", matrix.value().participant_count()},
                                                       {"votes", matrix.value().vote_count()},
                                                       {"statements", accepted.size()}});
    const auto started = Clock::now();
    auto groups = polls::compute_opinion_groups(matrix.value(), {}, result->desc, previous);
    if (!groups) return fail(groups.error());
    const polls::OpinionGroups& g = groups.value();
    body["compute_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();

    // The groups in the shape the app's own preview renders (core/polls/opinion_groups_json.h),
    // with what only the server knows around them.
    Json shared = polls::to_json(g, {});
    for (auto& [field, value] : shared.items()) body[field] = value;
    int in_conversation = 0, grouped = 0;
    for (const auto& p : g.participants) {
        in_conversation += p.in_conversation;
        grouped += p.group >= 0;
    }
    body["counts"] = {{"participants", matrix.value().participant_count()},
                      {"votes", matrix.value().vote_count()},
                      {"statements", accepted.size()},
                      {"in_conversation", in_conversation},
                      {"grouped", grouped}};
    // Enough for the app to place its own participant on the map the way the maths does.
    body["projection"] = {{"statements", matrix.value().statements()},
                          {"center", g.pca.center},
                          {"components", {g.pca.components[0], g.pca.components[1]}}};
    result->body = std::make_shared<const std::string>(dump(body));
    result->gzip = std::make_shared<const std::string>(gzip_compress(*result->body));
    result->groups = std::move(groups).value();
    return std::shared_ptr<const ComputedResults>(result);
}

Result<std::shared_ptr<const PollService::ComputedResults>> PollService::cached_results(const PollEntry& poll,
                                                                                        const std::string& municipality,
                                                                                        const std::string& province,
                                                                                        bool force_fresh) {
    std::shared_ptr<ResultsEntry> entry;
    {
        std::lock_guard lock(results_mutex_);
        auto& slot = results_[results_key(poll.id, municipality, province)];
        if (!slot) slot = std::make_shared<ResultsEntry>();
        entry = slot;
    }
    auto read = [&] {
        std::lock_guard lock(entry->read_mutex);
        return std::pair{entry->latest, entry->checked};
    };
    auto [latest, checked] = read();
    if (!force_fresh && latest && Clock::now() - checked < config_.results_refresh) return latest;

    std::unique_lock compute(entry->compute_mutex, std::try_to_lock);
    if (!compute.owns_lock()) {
        if (latest && !force_fresh) return latest;  // someone is recomputing: serve the previous answer meanwhile
        compute.lock();
        std::tie(latest, checked) = read();
        if (latest && !force_fresh && Clock::now() - checked < config_.results_refresh) return latest;
    }
    auto marker = store_.change_marker(poll.id);
    if (!marker) return fail(marker.error());
    if (latest && latest->marker == marker.value()) {
        std::lock_guard lock(entry->read_mutex);
        entry->checked = Clock::now();
        return latest;
    }
    const polls::OpinionGroupsState previous = latest ? latest->groups.state : polls::OpinionGroupsState{};
    auto computed = compute_results(poll, municipality, province, marker.value(), previous);
    if (!computed) return computed;
    std::lock_guard lock(entry->read_mutex);
    entry->latest = computed.value();
    entry->checked = Clock::now();
    return computed;
}

ApiResponse PollService::results(std::string_view poll_id, std::string_view municipality, std::string_view province) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    if (!municipality.empty() && !province.empty())
        return json_error(400, "give a municipality or a province, not both");
    if (!municipality.empty() && (!is_valid_id(municipality) || !content_.find_municipality(municipality)))
        return json_error(404, "municipality: \"" + std::string(municipality.substr(0, 64)) +
                                   "\" is not a municipality of Noord-Holland or Flevoland");
    if (!province.empty() && (!is_valid_id(province) || !content_.find_province(province)))
        return json_error(404, "province: \"" + std::string(province.substr(0, 64)) +
                                   "\" is not a province here (noord-holland or flevoland)");
    auto results = cached_results(poll.value(), std::string(municipality), std::string(province), false);
    if (!results) return unavailable("the results cannot be computed now", results.error());
    ApiResponse answer;
    answer.shared_body = results.value()->body;
    if (!results.value()->gzip->empty()) answer.shared_gzip = results.value()->gzip;
    return answer;
}

// ---- admin: moderation ----

ApiResponse PollService::moderation_queue(std::string_view poll_id, std::string_view status) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    std::optional<Moderation> wanted;
    if (status.empty() || status == "pending")
        wanted = Moderation::pending;
    else if (status == "accepted")
        wanted = Moderation::accepted;
    else if (status == "rejected")
        wanted = Moderation::rejected;
    else if (status != "all")
        return json_error(400, "status: must be pending, accepted, rejected or all");
    auto statements = statements_of(poll.value().id, /*fresh=*/true);
    if (!statements) return unavailable("the statements cannot be read now", statements.error());
    Json list = Json::array();
    for (const auto& s : statements.value()->statements) {
        if (wanted && s.status != *wanted) continue;
        Json item = {
            {"id", s.id}, {"origin", s.origin}, {"status", moderation_name(s.status)}, {"created_at", s.time_ms}};
        if (s.origin == "content") {
            const PollStatement* seed =
                poll.value().definition ? poll.value().definition->find_statement(s.id) : nullptr;
            if (seed) item["text"] = local_text_json(seed->text);
        } else {
            item["text"] = s.text;
            item["language"] = s.language;
            item["author"] = s.author;
        }
        list.push_back(std::move(item));
    }
    return ok_json({{"poll", poll.value().id}, {"statements", list}});
}

ApiResponse PollService::moderate(std::string_view poll_id, std::string_view statement_id, std::string_view body) {
    auto poll = find_poll(poll_id);
    if (!poll) return json_error(404, poll.error());
    auto id = parse_statement_id(statement_id);
    if (!id) return json_error(404, "no statement \"" + std::string(statement_id.substr(0, 32)) + "\"");
    if (body.size() > polls::kMaxRequestBytes || !polls::is_valid_utf8(body))
        return json_error(400, "the request body must be UTF-8 JSON of at most 4096 bytes");
    Json document = Json::parse(body.begin(), body.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return json_error(400, "the request body must be a JSON object like {\"decision\": \"accept\"}");
    auto decision = document.find("decision");
    if (decision == document.end() || !decision->is_string())
        return json_error(400, "decision: must be \"accept\" or \"reject\"");
    Moderation status;
    if (*decision == "accept")
        status = Moderation::accepted;
    else if (*decision == "reject")
        status = Moderation::rejected;
    else
        return json_error(400, "decision: must be \"accept\" or \"reject\"");
    std::string note;
    if (auto found = document.find("note"); found != document.end()) {
        if (!found->is_string()) return json_error(400, "note: must be a string");
        note = polls::normalize_statement_text(found->get<std::string>());
        if (polls::count_code_points(note) > 500) return json_error(400, "note: at most 500 characters");
    }
    auto moderated = store_.moderate(poll.value().id, *id, status, note, now_ms());
    if (!moderated) return unavailable("the decision was not stored", moderated.error());
    if (!moderated.value())
        return json_error(404, "no statement " + std::to_string(*id) + " in poll \"" + poll.value().id + "\"");
    forget_statements(poll.value().id);
    return ok_json({{"statement", *id}, {"status", moderation_name(status)}});
}

}  // namespace stadsmijn::server
