// #/debate: the polls the server holds. #/poll/{id}: one statement at a time (agree, disagree,
// pass), a statement of your own into moderation, and the results for your municipality or the
// whole region.
//
// A vote goes into the poll's outbox, and the outbox into browser storage, in the frame it is
// cast; it is sent with its idempotency key and shown as counted only after the server's 200.
// The app draws on demand, so a vote whose sending failed goes again on the first frame after
// its pause (1 s, 2 s, 4 s, ...), or at once with "Send now". Every number on these screens
// comes from the server's answers or from content/.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/json_reader.h"
#include "core/polls/outbox.h"
#include "core/polls/pca.h"
#include "core/polls/pseudonym.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

// --- reading the server's JSON without exceptions (the web build has none) ---

const Json* member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

std::string string_at(const Json& object, const char* key) {
    const Json* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::int64_t integer_at(const Json& object, const char* key, std::int64_t fallback = 0) {
    const Json* value = member(object, key);
    return value && value->is_number_integer() ? value->get<std::int64_t>() : fallback;
}

bool bool_at(const Json& object, const char* key, bool fallback) {
    const Json* value = member(object, key);
    return value && value->is_boolean() ? value->get<bool>() : fallback;
}

double number_at(const Json& object, const char* key, double fallback = 0) {
    const Json* value = member(object, key);
    return value && value->is_number() ? value->get<double>() : fallback;
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

// {"nl": "...", "en": "..."} in the reader's language, else Dutch, else whatever is there.
std::string text_in(const Json& texts, const std::string& language) {
    if (!texts.is_object()) return {};
    std::string wanted = string_at(texts, language.c_str());
    if (!wanted.empty()) return wanted;
    std::string dutch = string_at(texts, "nl");
    if (!dutch.empty()) return dutch;
    for (const auto& [key, value] : texts.items())
        if (value.is_string()) return value.get<std::string>();
    return {};
}

std::optional<Json> parse_body(const std::string& body) {
    Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    return parsed;
}

std::string server_error(const std::string& body) {
    auto parsed = parse_body(body);
    return parsed ? string_at(*parsed, "error") : std::string();
}

// --- the poll as shown: from the server, or from content/ when the server cannot be reached ---

struct ShownSource {
    std::string title;
    std::string url;
};

struct ShownStatement {
    std::int64_t id = 0;
    std::string text;
    std::string context;
    std::vector<ShownSource> sources;
    std::vector<std::string> devices;
};

struct ShownPoll {
    std::string title;
    std::string question;
    std::string description;
    bool open = true;
    std::vector<ShownStatement> statements;

    const ShownStatement* find(std::int64_t id) const {
        for (const auto& statement : statements)
            if (statement.id == id) return &statement;
        return nullptr;
    }
};

std::optional<ShownPoll> poll_from_server(const std::string& body, const std::string& language) {
    auto parsed = parse_body(body);
    if (!parsed) return std::nullopt;
    ShownPoll poll;
    poll.title = text_in(object_at(*parsed, "title"), language);
    poll.question = text_in(object_at(*parsed, "question"), language);
    poll.description = text_in(object_at(*parsed, "description"), language);
    poll.open = bool_at(*parsed, "open", false);
    for (const Json& item : array_at(*parsed, "statements")) {
        ShownStatement statement;
        statement.id = integer_at(item, "id");
        statement.text = text_in(object_at(item, "text"), language);
        statement.context = text_in(object_at(item, "context"), language);
        const Json& links = object_at(item, "links");
        for (const Json& source : array_at(links, "sources"))
            statement.sources.push_back({string_at(source, "title"), string_at(source, "url")});
        for (const Json& device : array_at(links, "devices"))
            if (device.is_string()) statement.devices.push_back(device.get<std::string>());
        if (statement.id > 0 && !statement.text.empty()) poll.statements.push_back(std::move(statement));
    }
    return poll;
}

std::optional<ShownPoll> poll_from_content(const Content& content, const std::string& id, const std::string& language) {
    for (const PollDefinition& definition : content.polls) {
        if (definition.id != id) continue;
        ShownPoll poll;
        poll.title = definition.title.in(language);
        poll.question = definition.question.in(language);
        poll.description = definition.description.in(language);
        poll.open = definition.open;
        for (const PollStatement& item : definition.statements) {
            ShownStatement statement;
            statement.id = item.id;
            statement.text = item.text.in(language);
            statement.context = item.context.in(language);
            for (const std::string& source_id : item.sources)
                if (const Source* source = content.find_source(source_id))
                    statement.sources.push_back({source->title, source->url});
            statement.devices = item.devices;
            poll.statements.push_back(std::move(statement));
        }
        return poll;
    }
    return std::nullopt;
}

// --- what a screen keeps between frames, per browser tab ---

struct PollSession {
    bool loaded = false;
    polls::Outbox outbox;
    std::map<std::int64_t, polls::Vote> counted;  // acknowledged by the server (200)
    std::optional<std::int64_t> last_statement;   // the statement voted on last, for its status line
    std::string statement_key;                    // idempotency key of the statement being sent
    std::string statement_text;                   // the text that key was made for
    bool show_results = false;
    bool region_results = false;
    bool choosing_municipality = false;
};

// Sessions live as long as the app; each UiState (each tab, each test app) gets its own.
PollSession& session_for(UiFrame& f, const std::string& poll_id) {
    static std::map<std::string, PollSession> sessions;
    static unsigned next_session = 0;
    auto& session_id = f.ui.fields["debate.session"];
    if (session_id.empty()) session_id = std::to_string(++next_session);
    return sessions[session_id + "/" + poll_id];
}

std::int64_t now_ms() { return static_cast<std::int64_t>(ImGui::GetTime() * 1000.0); }

std::string participant_key(const std::string& poll) { return "poll." + poll + ".participant"; }
std::string outbox_key(const std::string& poll) { return "poll." + poll + ".outbox"; }
std::string counted_key(const std::string& poll) { return "poll." + poll + ".counted"; }
std::string vote_tag(const std::string& poll, const std::string& key) { return "poll." + poll + ".vote." + key; }

const std::string* stored(const UiFrame& f, const std::string& key) {
    auto found = f.state.stored.find(key);
    return found == f.state.stored.end() ? nullptr : &found->second;
}

std::vector<std::uint8_t> random_bytes(UiFrame& f) {
    std::vector<std::uint8_t> bytes;
    if (!f.random32) return bytes;
    while (bytes.size() < polls::kRandomBytesPerToken) {
        std::uint32_t word = f.random32();
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(word >> (8 * i)));
    }
    return bytes;
}

std::string counted_to_json(const std::map<std::int64_t, polls::Vote>& counted) {
    Json json = Json::object();
    for (const auto& [statement, vote] : counted) json[std::to_string(statement)] = polls::vote_name(vote);
    return json.dump();
}

std::map<std::int64_t, polls::Vote> counted_from_json(const std::string& text) {
    std::map<std::int64_t, polls::Vote> counted;
    auto parsed = parse_body(text);
    if (!parsed) return counted;
    for (const auto& [key, value] : parsed->items()) {
        if (!value.is_string()) continue;
        auto vote = polls::vote_from_name(value.get<std::string>());
        char* end = nullptr;
        long long id = std::strtoll(key.c_str(), &end, 10);
        if (vote && end && *end == '\0' && id > 0) counted[id] = vote.value();
    }
    return counted;
}

void store_outbox(UiFrame& f, const std::string& poll, const PollSession& session) {
    f.actions.store[outbox_key(poll)] = session.outbox.to_json();
}

// Reads the outbox and the counted votes back from storage, once per tab: what was in flight
// when the page closed is due again (the server drops a repeated key).
void load_session(UiFrame& f, const std::string& poll, PollSession& session) {
    if (session.loaded) return;
    session.loaded = true;
    if (const std::string* text = stored(f, outbox_key(poll))) {
        auto restored = polls::Outbox::restore(*text);
        if (restored.keep_stored_text) f.actions.store[outbox_key(poll) + ".unreadable"] = *text;
        session.outbox = std::move(restored.outbox);
        session.outbox.wake(now_ms());
    }
    if (const std::string* text = stored(f, counted_key(poll))) session.counted = counted_from_json(*text);
}

// The answers to votes sent earlier, then whatever is due now.
void deliver_votes(UiFrame& f, const std::string& poll, PollSession& session) {
    bool changed = false;
    std::vector<std::string> keys;
    for (const auto& pending : session.outbox.pending()) keys.push_back(pending.vote.key);
    for (const std::string& key : keys) {
        std::string tag = vote_tag(poll, key);
        auto answer = f.state.responses.find(tag);
        if (answer == f.state.responses.end()) continue;
        polls::VoteRequest vote;
        for (const auto& pending : session.outbox.pending())
            if (pending.vote.key == key) vote = pending.vote;
        auto outcome = session.outbox.settle(key, answer->second.status, now_ms(), std::nullopt,
                                             server_error(answer->second.body));
        f.actions.forget_responses.push_back(tag);
        changed = true;
        if (outcome == polls::DeliveryOutcome::delivered) {
            // A newer vote on the same statement may still wait: it will be counted when it lands.
            if (!session.outbox.latest_vote(poll, vote.statement) ||
                *session.outbox.latest_vote(poll, vote.statement) == vote.vote) {
                session.counted[vote.statement] = vote.vote;
                f.actions.store[counted_key(poll)] = counted_to_json(session.counted);
                f.actions.announce.push_back(f.text("debate.vote.counted_announce"));
            }
        }
    }
    // A second answer for a vote already settled (it was sent twice): nothing left to do with it.
    const std::string prefix = "poll." + poll + ".vote.";
    for (const auto& [tag, response] : f.state.responses) {
        if (tag.compare(0, prefix.size(), prefix) != 0) continue;
        if (std::find(keys.begin(), keys.end(), tag.substr(prefix.size())) == keys.end())
            f.actions.forget_responses.push_back(tag);
    }
    for (const polls::PendingVote& due : session.outbox.take_due(now_ms(), 4)) {
        f.actions.requests.push_back({vote_tag(poll, due.vote.key), "POST", polls::vote_request_path(poll),
                                      polls::vote_request_body(due.vote)});
        changed = true;
    }
    if (changed) store_outbox(f, poll, session);
}

std::string municipality_name(const UiFrame& f, const std::string& id) {
    const Municipality* municipality = f.content.find_municipality(id);
    return municipality ? municipality->name : std::string();
}

// The embedding campaign's municipality (from the URL) comes first, then the participant's own.
std::string chosen_municipality(const UiFrame& f) {
    auto query = f.state.route.query.find("municipality");
    if (query != f.state.route.query.end() && f.content.find_municipality(query->second)) return query->second;
    const std::string* own = stored(f, "municipality");
    return own && f.content.find_municipality(*own) ? *own : std::string();
}

std::string lowercase(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

void draw_municipality_choice(UiFrame& f, PollSession& session) {
    std::string current = chosen_municipality(f);
    heading(f, f.text("debate.municipality.title"), 2);
    if (!current.empty() && !session.choosing_municipality) {
        paragraph(f, f.text("debate.municipality.current", {{"name", municipality_name(f, current)}}));
        if (secondary_button(f, "##municipality-change", f.text("debate.municipality.change")))
            session.choosing_municipality = true;
        return;
    }
    muted(f, f.text("debate.municipality.why"));
    std::string& query = f.ui.fields["debate.municipality_query"];
    text_field(f, "##municipality-search", f.text("debate.municipality.label"), query,
               f.text("debate.municipality.placeholder"), true);
    std::string wanted = lowercase(query);
    if (wanted.empty()) return;
    int shown = 0;
    for (const Municipality& municipality : f.content.municipalities) {
        if (lowercase(municipality.name).find(wanted) == std::string::npos) continue;
        if (++shown > 6) break;
        std::string id = "##municipality-" + municipality.id;
        if (secondary_button(f, id.c_str(), municipality.name)) {
            f.actions.store["municipality"] = municipality.id;
            f.actions.announce.push_back(f.text("debate.municipality.current", {{"name", municipality.name}}));
            session.choosing_municipality = false;
            query.clear();
        }
    }
    if (shown == 0) muted(f, f.text("debate.municipality.none_found"));
}

// The pseudonym of this poll, made and stored the first time it is needed.
std::optional<std::string> participant_for(UiFrame& f, const std::string& poll) {
    if (const std::string* own = stored(f, participant_key(poll)); own && polls::is_valid_pseudonym(*own)) return *own;
    // Made earlier in this tab but not (yet) in storage, e.g. in an embed where the browser
    // refuses storage: keep using the same one, so one person stays one participant.
    static std::map<std::string, std::string> made_in_this_tab;
    if (auto earlier = made_in_this_tab.find(poll); earlier != made_in_this_tab.end()) {
        f.actions.store[participant_key(poll)] = earlier->second;
        return earlier->second;
    }
    auto bytes = random_bytes(f);
    auto made = polls::make_pseudonym(bytes);
    if (!made) return std::nullopt;
    made_in_this_tab[poll] = made.value();
    f.actions.store[participant_key(poll)] = made.value();
    return made.value();
}

void cast_vote(UiFrame& f, const std::string& poll, PollSession& session, std::int64_t statement, polls::Vote vote) {
    auto participant = participant_for(f, poll);
    auto bytes = random_bytes(f);
    auto key = polls::make_idempotency_key(bytes);
    if (!participant || !key) {
        f.actions.announce.push_back(f.text("debate.vote.no_random"));
        return;
    }
    polls::VoteRequest request;
    request.poll = poll;
    request.participant = *participant;
    request.statement = statement;
    request.vote = vote;
    request.key = key.value();
    request.municipality = chosen_municipality(f);
    if (!session.outbox.add(request, now_ms())) {
        f.actions.announce.push_back(f.text("debate.vote.not_saved"));
        return;
    }
    session.last_statement = statement;
    store_outbox(f, poll, session);
    deliver_votes(f, poll, session);
}

bool outbox_stored(const UiFrame& f, const std::string& poll, const PollSession& session) {
    const std::string* text = stored(f, outbox_key(poll));
    return text && *text == session.outbox.to_json();
}

// Where a statement's vote is: counted by the server, on its way, or waiting on this device.
std::string vote_status(const UiFrame& f, const std::string& poll, const PollSession& session, std::int64_t statement) {
    for (const auto& pending : session.outbox.pending()) {
        if (pending.vote.statement != statement) continue;
        if (!outbox_stored(f, poll, session)) {
            auto error = f.state.storage_errors.find(outbox_key(poll));
            return error == f.state.storage_errors.end() ? f.text("debate.vote.saving")
                                                        : f.text("debate.vote.storage_failed", {{"reason", error->second}});
        }
        return pending.in_flight && pending.attempts <= 1 ? f.text("debate.vote.sending") : f.text("debate.vote.waiting");
    }
    for (const auto& rejected : session.outbox.rejected())
        if (rejected.vote.statement == statement && !session.counted.count(statement))
            return f.text("debate.vote.rejected", {{"reason", rejected.reason}});
    if (session.counted.count(statement)) return f.text("debate.vote.counted");
    return {};
}

void draw_vote_buttons(UiFrame& f, const std::string& poll, PollSession& session, std::int64_t statement) {
    const std::array<std::pair<const char*, polls::Vote>, 3> choices{{{"##poll-agree", polls::Vote::agree},
                                                                       {"##poll-disagree", polls::Vote::disagree},
                                                                       {"##poll-pass", polls::Vote::pass}}};
    std::array<std::string, 3> labels{f.text("debate.vote.agree"), f.text("debate.vote.disagree"),
                                      f.text("debate.vote.pass")};
    const ImGuiStyle& style = ImGui::GetStyle();
    float row = 0;
    for (const auto& label : labels) row += ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x;
    row += 2 * style.ItemSpacing.x;
    bool one_row = row <= f.available_width();
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0 && one_row) ImGui::SameLine();
        bool pressed = i < 2 ? primary_button(f, choices[i].first, labels[i])
                             : secondary_button(f, choices[i].first, labels[i]);
        if (pressed) cast_vote(f, poll, session, statement, choices[i].second);
    }
}

void draw_statement_facts(UiFrame& f, const ShownStatement& statement) {
    if (!statement.context.empty()) paragraph(f, statement.context);
    if (statement.sources.empty() && statement.devices.empty()) return;
    muted(f, f.text("debate.statement.facts"));
    for (std::size_t i = 0; i < statement.sources.size(); ++i) {
        if (statement.sources[i].url.empty()) continue;
        std::string id = "##poll-source-" + std::to_string(i);
        web_link(f, id.c_str(), statement.sources[i].title, statement.sources[i].url);
    }
    for (const std::string& device_id : statement.devices) {
        const Device* device = f.content.find_device(device_id);
        if (!device) continue;
        Route target;
        target.screen = Screen::device;
        target.device_id = device_id;
        std::string id = "##poll-device-" + device_id;
        route_link(f, id.c_str(), f.text("debate.statement.device_link", {{"device", device->name.in(f.t.language())}}),
                   with_language(f, target));
    }
}

std::optional<polls::Vote> own_vote(const std::string& poll, const PollSession& session, std::int64_t statement) {
    if (auto waiting = session.outbox.latest_vote(poll, statement)) return waiting;
    auto found = session.counted.find(statement);
    if (found != session.counted.end()) return found->second;
    return std::nullopt;
}

void draw_voting(UiFrame& f, const std::string& poll_id, const ShownPoll& poll, PollSession& session) {
    std::size_t done = 0;
    const ShownStatement* next = nullptr;
    for (const auto& statement : poll.statements) {
        if (own_vote(poll_id, session, statement.id)) ++done;
        else if (!next) next = &statement;
    }
    heading(f, f.text("debate.statements.title"), 2);
    if (next) {
        paragraph(f, f.text("debate.progress", {{"current", std::to_string(done + 1)},
                                                {"total", std::to_string(poll.statements.size())}}));
        heading(f, next->text, 3);
        draw_vote_buttons(f, poll_id, session, next->id);
        draw_statement_facts(f, *next);
    } else {
        paragraph(f, f.text("debate.all_done", {{"total", std::to_string(poll.statements.size())}}));
        session.show_results = true;
    }

    if (session.last_statement) {
        if (const ShownStatement* last = poll.find(*session.last_statement)) {
            std::string status = vote_status(f, poll_id, session, last->id);
            auto vote = own_vote(poll_id, session, last->id);
            if (!status.empty()) {
                if (vote) {
                    std::string vote_text = f.text(std::string("debate.vote.was_") + polls::vote_name(*vote));
                    muted(f, f.text("debate.vote.last", {{"statement", last->text}, {"vote", vote_text}}));
                }
                paragraph(f, status);
            }
        }
    }

    std::size_t waiting = 0;
    for (const auto& pending : session.outbox.pending())
        if (!pending.in_flight || pending.attempts > 1) ++waiting;
    if (waiting > 0) {
        warning_banner(f, f.text("debate.outbox.title"),
                       f.t.plural("debate.outbox.text", static_cast<long long>(waiting),
                                {{"count", std::to_string(waiting)}}));
        if (secondary_button(f, "##poll-send-now", f.text("debate.outbox.send_now"))) {
            session.outbox.wake(now_ms());
            deliver_votes(f, poll_id, session);
        }
    }
}

void draw_own_statement(UiFrame& f, const std::string& poll_id, PollSession& session) {
    heading(f, f.text("debate.own.title"), 2);
    muted(f, f.text("debate.own.intro"));
    std::string& text = f.ui.fields["debate.own." + poll_id];
    text_field(f, "##poll-own-statement", f.text("debate.own.label"), text, f.text("debate.own.placeholder"));
    std::string normalized = polls::normalize_statement_text(text);
    auto problem = normalized.empty() ? std::nullopt : polls::statement_text_problem(normalized);
    if (problem) muted(f, f.text("debate.own.problem", {{"problem", *problem}}));
    if (!normalized.empty() && !problem)
        muted(f, f.text("debate.own.length", {{"count", std::to_string(polls::count_code_points(normalized))},
                                               {"max", std::to_string(kStatementMaxCharacters)}}));

    const std::string tag = "poll." + poll_id + ".statement";
    bool sending = f.state.pending_requests.count(tag) > 0;
    if (!sending && secondary_button(f, "##poll-own-send", f.text("debate.own.send"))) {
        if (normalized.empty() || problem) {
            f.actions.announce.push_back(problem ? f.text("debate.own.problem", {{"problem", *problem}})
                                                 : f.text("debate.own.empty"));
        } else if (auto participant = participant_for(f, poll_id)) {
            // The same text sent again (after a failure) keeps its key: the server stores it once.
            if (session.statement_key.empty() || session.statement_text != normalized) {
                auto key = polls::make_idempotency_key(random_bytes(f));
                session.statement_key = key ? key.value() : std::string();
                session.statement_text = normalized;
            }
            polls::StatementRequest request;
            request.poll = poll_id;
            request.participant = *participant;
            request.text = normalized;
            request.language = f.t.language() == "en" ? "en" : "nl";
            request.key = session.statement_key;
            request.municipality = chosen_municipality(f);
            f.actions.requests.push_back(
                {tag, "POST", polls::statement_request_path(poll_id), polls::statement_request_body(request)});
        }
    }
    if (sending) muted(f, f.text("debate.own.sending"));
    auto answer = f.state.responses.find(tag);
    if (answer == f.state.responses.end() || sending) return;
    const HttpResponse& response = answer->second;
    if (response.ok()) {
        if (session.statement_text == normalized && !normalized.empty()) {
            text.clear();  // sent: the field is free for the next one
            f.actions.announce.push_back(f.text("debate.own.waiting"));
        }
        paragraph(f, f.text("debate.own.waiting"));
    } else if (response.status == 0) {
        warning_banner(f, f.text("debate.own.failed"), f.text("debate.own.offline"));
    } else {
        std::string reason = server_error(response.body);
        warning_banner(f, f.text("debate.own.failed"), reason.empty() ? f.text("debate.server_error", {{"status", std::to_string(response.status)}}) : reason);
    }
}

// --- the map of opinions ---

std::string count_text(const UiFrame& f, std::int64_t n) { return f.t.format_number(static_cast<double>(n), 0); }

struct MapMark {
    float x = 0, y = 0;
    int group = -1;
};

// Each group its own shape (and colour, and its letter at its centre): never colour alone.
const char* const kGroupShapes[] = {"circle", "square", "triangle", "diamond", "cross"};

void draw_mark(ImDrawList* draw, ImVec2 at, float r, int group, ImU32 ink) {
    if (group < 0) {
        draw->AddCircleFilled(at, r * 0.45f, ink, 8);  // not in a group: a small dot
        return;
    }
    switch (group % 5) {
        case 0:
            draw->AddCircleFilled(at, r, ink, 12);
            break;
        case 1:
            draw->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), ink);
            break;
        case 2:
            draw->AddTriangleFilled(ImVec2(at.x, at.y - r * 1.2f), ImVec2(at.x + r * 1.1f, at.y + r * 0.8f),
                                    ImVec2(at.x - r * 1.1f, at.y + r * 0.8f), ink);
            break;
        case 3:
            draw->AddQuadFilled(ImVec2(at.x, at.y - r * 1.3f), ImVec2(at.x + r * 1.3f, at.y),
                                ImVec2(at.x, at.y + r * 1.3f), ImVec2(at.x - r * 1.3f, at.y), ink);
            break;
        default:
            draw->AddLine(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), ink, r * 0.6f);
            draw->AddLine(ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y - r), ink, r * 0.6f);
    }
}

// Where the participant's own counted votes put them, from the components the server sent.
std::optional<polls::Point> own_place(const Json& projection, const PollSession& session) {
    polls::Pca pca;
    std::vector<std::int64_t> statements;
    for (const Json& id : array_at(projection, "statements"))
        statements.push_back(id.is_number_integer() ? id.get<std::int64_t>() : -1);
    for (const Json& c : array_at(projection, "center")) pca.center.push_back(c.is_number() ? c.get<double>() : 0.0);
    const Json& components = array_at(projection, "components");
    for (std::size_t k = 0; k < 2 && k < components.size(); ++k)
        for (const Json& c : components[k]) pca.components[k].push_back(c.is_number() ? c.get<double>() : 0.0);
    if (statements.size() != pca.center.size()) return std::nullopt;
    std::vector<std::pair<std::size_t, polls::Vote>> votes;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        auto vote = session.counted.find(statements[i]);
        if (vote != session.counted.end()) votes.push_back({i, vote->second});
    }
    return polls::project_votes(pca, votes);
}

void draw_opinion_map(UiFrame& f, const Json& results, const PollSession& session) {
    std::vector<MapMark> marks;
    for (const Json& entry : array_at(results, "map")) {
        if (!entry.is_array() || entry.size() < 3 || !entry[0].is_number() || !entry[1].is_number()) continue;
        marks.push_back(
            {entry[0].get<float>(), entry[1].get<float>(), entry[2].is_number_integer() ? entry[2].get<int>() : -1});
    }
    if (marks.empty()) return;
    struct GroupMark {
        std::string label;
        int id;
        std::int64_t size;
        float x, y;
    };
    std::vector<GroupMark> groups;
    for (const Json& group : array_at(results, "groups")) {
        const Json& center = array_at(group, "center");
        if (center.size() < 2 || !center[0].is_number() || !center[1].is_number()) continue;
        groups.push_back({string_at(group, "label"), static_cast<int>(integer_at(group, "id")),
                          integer_at(group, "size"), center[0].get<float>(), center[1].get<float>()});
    }
    std::optional<polls::Point> you = own_place(object_at(results, "projection"), session);

    // What the map says, in words: the groups with their shapes, who is in none, and where you are.
    std::string equivalent = f.text("debate.results.map_intro");
    std::int64_t ungrouped = 0;
    for (const MapMark& m : marks) ungrouped += m.group < 0;
    for (const GroupMark& g : groups)
        equivalent +=
            " " +
            f.t.plural("debate.results.map_group", g.size,
                       {{"label", g.label},
                        {"shape", f.text(std::string("debate.results.shape.") + kGroupShapes[((g.id % 5) + 5) % 5])},
                        {"count", count_text(f, g.size)}});
    if (ungrouped > 0)
        equivalent +=
            " " + f.t.plural("debate.results.map_ungrouped", ungrouped, {{"count", count_text(f, ungrouped)}});
    const GroupMark* nearest = nullptr;
    if (you) {
        float best = 0;
        for (const GroupMark& g : groups) {
            float d = (g.x - static_cast<float>(you->x)) * (g.x - static_cast<float>(you->x)) +
                      (g.y - static_cast<float>(you->y)) * (g.y - static_cast<float>(you->y));
            if (!nearest || d < best) nearest = &g, best = d;
        }
        equivalent += " " + (nearest ? f.text("debate.results.map_you", {{"label", nearest->label}})
                                     : f.text("debate.results.map_you_alone"));
    }

    float line = ImGui::GetTextLineHeight();
    float width = std::min(f.available_width(), line * 28.0f);
    float height = width * 0.7f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##poll-results-map", width, height, equivalent);

    // Fit every mark, the group centres and you into the box, keeping the aspect (distances count).
    float min_x = marks[0].x, max_x = marks[0].x, min_y = marks[0].y, max_y = marks[0].y;
    auto include = [&](float x, float y) {
        min_x = std::min(min_x, x), max_x = std::max(max_x, x), min_y = std::min(min_y, y), max_y = std::max(max_y, y);
    };
    for (const MapMark& m : marks) include(m.x, m.y);
    for (const GroupMark& g : groups) include(g.x, g.y);
    if (you) include(static_cast<float>(you->x), static_cast<float>(you->y));
    float margin = line * 1.2f;
    float span = std::max({max_x - min_x, (max_y - min_y) * width / height, 1e-6f});
    float scale = (width - 2 * margin) / span;
    if ((max_y - min_y) * scale > height - 2 * margin) scale = (height - 2 * margin) / std::max(max_y - min_y, 1e-6f);
    float mid_x = (min_x + max_x) / 2, mid_y = (min_y + max_y) / 2;
    auto place = [&](float x, float y) {
        return ImVec2(origin.x + width / 2 + (x - mid_x) * scale, origin.y + height / 2 - (y - mid_y) * scale);
    };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto ink = [](Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); };
    const Rgb group_inks[] = {f.palette.accent, f.palette.warning_text, f.palette.link, f.palette.text,
                              f.palette.muted_text};
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ink(f.palette.surface));
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ink(f.palette.border));
    float r = std::max(2.0f, line * 0.18f);
    for (const MapMark& m : marks)
        draw_mark(draw, place(m.x, m.y), r, m.group, ink(m.group < 0 ? f.palette.muted_text : group_inks[m.group % 5]));
    ImGui::PushFont(f.fonts.strong);
    for (const GroupMark& g : groups) {
        ImVec2 at = place(g.x, g.y);
        ImVec2 size = ImGui::CalcTextSize(g.label.c_str());
        float badge = std::max(size.x, size.y) * 0.75f;
        draw->AddCircleFilled(at, badge, ink(f.palette.background), 20);
        draw->AddCircle(at, badge, ink(f.palette.text), 20, 1.5f);
        draw->AddText(ImVec2(at.x - size.x / 2, at.y - size.y / 2), ink(f.palette.text), g.label.c_str());
    }
    if (you) {
        ImVec2 at = place(static_cast<float>(you->x), static_cast<float>(you->y));
        draw->AddCircle(at, line * 0.5f, ink(f.palette.focus), 20, 3.0f);
        std::string label = f.text("debate.results.map_you_label");
        ImVec2 size = ImGui::CalcTextSize(label.c_str());
        float x = at.x + line * 0.6f;
        if (x + size.x > origin.x + width) x = at.x - line * 0.6f - size.x;  // keep the word inside the box
        draw->AddText(ImVec2(x, at.y - size.y / 2), ink(f.palette.text), label.c_str());
    }
    ImGui::PopFont();
    muted(f, f.text("debate.results.map_legend"));
}

// How firm the groups are: the server recomputed them on random subsets of the participants.
void draw_stability(UiFrame& f, const Json& results) {
    const Json& stability = object_at(results, "stability");
    std::int64_t runs = integer_at(stability, "runs");
    if (runs <= 0) return;
    std::string text =
        f.text("debate.results.stability",
               {{"runs", count_text(f, runs)},
                {"share", f.t.format_number(number_at(stability, "fraction") * 100.0, 0)},
                {"same_k", count_text(f, static_cast<std::int64_t>(number_at(stability, "same_k_share") * runs + 0.5))},
                {"mean", f.t.format_number(number_at(stability, "mean_adjusted_rand"), 2)}});
    for (const Json& group : array_at(results, "groups"))
        text += " " + f.text("debate.results.stability_group",
                             {{"label", string_at(group, "label")},
                              {"percent", f.t.format_number(number_at(group, "stability") * 100.0, 0)}});
    muted(f, text);
}

// --- results ---

std::string statement_label(const ShownPoll& poll, std::int64_t id, const UiFrame& f) {
    if (const ShownStatement* statement = poll.find(id)) return statement->text;
    return f.text("debate.results.statement_number", {{"number", std::to_string(id)}});
}

void draw_vote_bars(UiFrame& f, const Json& statements) {
    struct Bar {
        std::int64_t id;
        std::int64_t agree, disagree, pass, seen;
    };
    std::vector<Bar> bars;
    for (const Json& item : statements) {
        const Json& votes = object_at(item, "votes");
        bars.push_back({integer_at(item, "statement"), integer_at(votes, "agree"), integer_at(votes, "disagree"),
                        integer_at(votes, "pass"), integer_at(votes, "seen")});
    }
    if (bars.empty()) return;
    std::string equivalent = f.text("debate.results.bars_intro");
    for (const Bar& bar : bars)
        equivalent += " " + f.text("debate.results.bar_text", {{"number", std::to_string(bar.id)},
                                                                {"agree", count_text(f, bar.agree)},
                                                                {"disagree", count_text(f, bar.disagree)},
                                                                {"pass", count_text(f, bar.pass)}});
    float width = f.available_width();
    float line = ImGui::GetTextLineHeight();
    float bar_height = line * 0.9f;
    float gap = line * 0.5f;
    float label_width = ImGui::CalcTextSize("#10000").x + gap;
    float height = static_cast<float>(bars.size()) * (bar_height + gap);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##poll-results-bars", width, height, equivalent);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto ink = [](Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); };
    float track = std::max(1.0f, width - label_width);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        float y = origin.y + static_cast<float>(i) * (bar_height + gap);
        std::string label = "#" + std::to_string(bar.id);
        draw->AddText(ImVec2(origin.x, y), ink(f.palette.text), label.c_str());
        float x = origin.x + label_width;
        draw->AddRect(ImVec2(x, y), ImVec2(x + track, y + bar_height), ink(f.palette.border));
        std::int64_t total = bar.agree + bar.disagree + bar.pass;
        if (total <= 0) continue;
        // Agree from the left, disagree from the right, pass in between: position as well as colour.
        float agree = track * static_cast<float>(bar.agree) / static_cast<float>(total);
        float disagree = track * static_cast<float>(bar.disagree) / static_cast<float>(total);
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + agree, y + bar_height), ink(f.palette.accent));
        draw->AddRectFilled(ImVec2(x + track - disagree, y), ImVec2(x + track, y + bar_height),
                            ink(f.palette.warning_text));
    }
    muted(f, f.text("debate.results.bars_legend"));
}

void draw_results_body(UiFrame& f, const ShownPoll& poll, const Json& results, const PollSession& session) {
    const Json& counts = object_at(results, "counts");
    std::int64_t participants = integer_at(counts, "participants");
    std::int64_t votes = integer_at(counts, "votes");
    paragraph(f, f.t.plural("debate.results.counts", participants,
                          {{"participants", count_text(f, participants)}, {"votes", count_text(f, votes)}}));
    // Per municipality or province (server/README.md, "Abuse limits"): self-reported, and hidden
    // below a minimum of participants so that nobody's votes can be read from it.
    const bool area = bool_at(results, "municipality_self_reported", false);
    if (area) muted(f, f.text("debate.results.self_reported"));
    std::string status = string_at(results, "status");
    if (status == "grouped") {
        heading(f, f.text("debate.results.groups_title"), 3);
        std::vector<std::vector<std::string>> rows;
        for (const Json& group : array_at(results, "groups")) {
            std::string stands;
            for (const Json& rep : array_at(group, "representative")) {
                if (!stands.empty()) stands += " ";
                bool agree = bool_at(rep, "agree", true);
                stands += f.text(agree ? "debate.results.rep_agree" : "debate.results.rep_disagree",
                                 {{"statement", statement_label(poll, integer_at(rep, "statement"), f)},
                                  {"successes", count_text(f, integer_at(rep, "successes"))},
                                  {"trials", count_text(f, integer_at(rep, "trials"))}});
            }
            rows.push_back({string_at(group, "label"), count_text(f, integer_at(group, "size")), stands});
        }
        data_table(f, "##poll-groups", f.text("debate.results.groups_caption"),
                   {f.text("debate.results.group"), f.text("debate.results.people"), f.text("debate.results.stands_for")},
                   rows);
        draw_stability(f, results);
        draw_opinion_map(f, results, session);
    } else {
        if (area && status == "too_few_participants")
            muted(f, f.text("debate.results.too_few_area",
                            {{"minimum", count_text(f, integer_at(results, "minimum_participants"))}}));
        else
            muted(f, f.text(status == "no_votes"          ? "debate.results.no_votes"
                            : status == "no_disagreement" ? "debate.results.no_disagreement"
                                                          : "debate.results.too_few"));
    }

    const Json& consensus = object_at(results, "consensus");
    std::vector<std::string> common;
    for (const char* side : {"agree", "disagree"}) {
        for (const Json& item : array_at(consensus, side)) {
            common.push_back(f.text(std::string("debate.results.consensus_") + side,
                                    {{"statement", statement_label(poll, integer_at(item, "statement"), f)},
                                     {"successes", count_text(f, integer_at(item, "successes"))},
                                     {"trials", count_text(f, integer_at(item, "trials"))}}));
        }
    }
    if (!common.empty()) {
        heading(f, f.text("debate.results.consensus_title"), 3);
        bullet_list(f, "##poll-consensus", common);
    }

    const Json& statements = array_at(results, "statements");
    if (statements.empty()) return;
    heading(f, f.text("debate.results.votes_title"), 3);
    draw_vote_bars(f, statements);
    std::vector<std::vector<std::string>> rows;
    for (const Json& item : statements) {
        const Json& counted = object_at(item, "votes");
        std::int64_t id = integer_at(item, "statement");
        rows.push_back({"#" + std::to_string(id) + " " + statement_label(poll, id, f),
                        count_text(f, integer_at(counted, "agree")), count_text(f, integer_at(counted, "disagree")),
                        count_text(f, integer_at(counted, "pass"))});
    }
    data_table(f, "##poll-votes", f.text("debate.results.votes_caption"),
               {f.text("debate.results.statement"), f.text("debate.vote.agree"), f.text("debate.vote.disagree"),
                f.text("debate.vote.pass")},
               rows);
}

void draw_results(UiFrame& f, const std::string& poll_id, const ShownPoll& poll, PollSession& session) {
    heading(f, f.text("debate.results.title"), 2);
    std::string municipality = chosen_municipality(f);
    // Your municipality's results first once you chose one; the region when you have none or ask.
    const bool region = municipality.empty() || session.region_results;
    if (!municipality.empty()) {
        int chosen = radio_row(f, "##poll-results-scope", f.text("debate.results.scope"),
                               {municipality_name(f, municipality), f.text("debate.results.region")},
                               {municipality_name(f, municipality), f.text("debate.results.region")}, region ? 1 : 0);
        if (chosen >= 0) session.region_results = chosen == 1;
    }
    std::string scope = region ? std::string() : municipality;
    std::string tag = "poll." + poll_id + ".results." + (scope.empty() ? "region" : scope);
    std::string url = "/api/polls/" + poll_id + "/results" + (scope.empty() ? "" : "?municipality=" + scope);
    bool pending = f.state.pending_requests.count(tag) > 0;
    auto answer = f.state.responses.find(tag);

    if (!session.show_results) {
        if (secondary_button(f, "##poll-results-show", f.text("debate.results.show"))) {
            session.show_results = true;
            f.actions.requests.push_back({tag, "GET", url, {}});
        }
        return;
    }
    if (answer == f.state.responses.end() && !pending) {
        f.actions.requests.push_back({tag, "GET", url, {}});
        pending = true;
    }
    if (!pending && secondary_button(f, "##poll-results-refresh", f.text("debate.results.refresh")))
        f.actions.requests.push_back({tag, "GET", url, {}});
    if (pending) {
        muted(f, f.text("debate.loading"));
        return;
    }
    const HttpResponse& response = answer->second;
    if (response.status == 0) {
        warning_banner(f, f.text("debate.offline.title"), f.text("debate.results.offline"));
        return;
    }
    auto results = response.ok() ? parse_body(response.body) : std::nullopt;
    if (!results) {
        warning_banner(f, f.text("debate.server_failed.title"),
                       f.text("debate.server_error", {{"status", std::to_string(response.status)}}));
        return;
    }
    if (!scope.empty()) paragraph(f, f.text("debate.results.for_municipality", {{"name", municipality_name(f, scope)}}));
    else paragraph(f, f.text("debate.results.for_region"));
    draw_results_body(f, poll, *results, session);
}

Route route_to(Screen screen, const std::string& poll = {}) {
    Route route;
    route.screen = screen;
    route.poll_id = poll;
    return route;
}

// A failed request: what went wrong in words, and a way to try again.
bool draw_request_failure(UiFrame& f, const HttpResponse& response, const char* retry_id) {
    if (response.status == 0)
        warning_banner(f, f.text("debate.offline.title"), f.text("debate.offline.text"));
    else
        warning_banner(f, f.text("debate.server_failed.title"),
                       f.text("debate.server_error", {{"status", std::to_string(response.status)}}));
    return primary_button(f, retry_id, f.text("debate.retry"));
}

}  // namespace

void draw_debate(UiFrame& f) {
    heading(f, f.text("debate.title"), 1);
    paragraph(f, f.text("debate.intro"));
    const std::string tag = "debate.polls";
    bool pending = f.state.pending_requests.count(tag) > 0;
    auto answer = f.state.responses.find(tag);
    if (answer == f.state.responses.end() && !pending) {
        f.actions.requests.push_back({tag, "GET", "/api/polls", {}});
        pending = true;
    }
    if (pending) {
        muted(f, f.text("debate.loading"));
        return;
    }
    const HttpResponse& response = answer->second;
    auto list = response.ok() ? parse_body(response.body) : std::nullopt;
    if (!list) {
        if (draw_request_failure(f, response, "##debate-retry")) {
            f.actions.forget_responses.push_back(tag);
            f.actions.requests.push_back({tag, "GET", "/api/polls", {}});
        }
        return;
    }
    const std::string language = f.t.language();
    int shown = 0;
    for (const Json& poll : array_at(*list, "polls")) {
        std::string id = string_at(poll, "id");
        if (!polls::is_valid_poll_id(id)) continue;
        std::int64_t count = integer_at(poll, "statements");
        std::string badge = f.t.plural("debate.list.statements", count, {{"count", std::to_string(count)}});
        if (!bool_at(poll, "open", false)) badge += " · " + f.text("debate.list.closed");
        std::string widget = "##debate-poll-" + id;
        entry_card(f, widget.c_str(), text_in(object_at(poll, "title"), language),
                   text_in(object_at(poll, "question"), language), with_language(f, route_to(Screen::poll, id)), badge);
        ++shown;
    }
    if (shown == 0) paragraph(f, f.text("debate.list.empty"));
}

void draw_poll(UiFrame& f) {
    const std::string poll_id = f.state.route.poll_id;
    route_link(f, "##poll-back", f.text("debate.back"), with_language(f, route_to(Screen::debate)));
    PollSession& session = session_for(f, poll_id);
    load_session(f, poll_id, session);
    deliver_votes(f, poll_id, session);  // answers that came in, and votes due again

    const std::string tag = "poll." + poll_id + ".definition";
    bool pending = f.state.pending_requests.count(tag) > 0;
    auto answer = f.state.responses.find(tag);
    if (answer == f.state.responses.end() && !pending) {
        f.actions.requests.push_back({tag, "GET", "/api/polls/" + poll_id, {}});
        pending = true;
    }
    const std::string language = f.t.language();
    std::optional<ShownPoll> poll;
    bool from_content = false;
    if (!pending) {
        const HttpResponse& response = answer->second;
        if (response.ok()) poll = poll_from_server(response.body, language);
        if (!poll && (response.status == 0 || response.status >= 500)) {
            poll = poll_from_content(f.content, poll_id, language);
            from_content = poll.has_value();
        }
        if (!poll) {
            if (response.status == 404) {
                heading(f, f.text("debate.not_found.title"), 1);
                paragraph(f, f.text("debate.not_found.text"));
                return;
            }
            heading(f, f.text("debate.title"), 1);
            if (draw_request_failure(f, response, "##poll-retry")) {
                f.actions.forget_responses.push_back(tag);
                f.actions.requests.push_back({tag, "GET", "/api/polls/" + poll_id, {}});
            }
            return;
        }
    }
    if (!poll) {
        heading(f, f.text("debate.title"), 1);
        muted(f, f.text("debate.loading"));
        return;
    }

    heading(f, poll->title, 1);
    paragraph(f, poll->question);
    if (!poll->description.empty()) muted(f, poll->description);
    if (from_content) {
        warning_banner(f, f.text("debate.offline.title"), f.text("debate.offline.from_content"));
        if (secondary_button(f, "##poll-retry", f.text("debate.retry"))) {
            f.actions.forget_responses.push_back(tag);
            f.actions.requests.push_back({tag, "GET", "/api/polls/" + poll_id, {}});
        }
    }
    ImGui::Spacing();
    if (poll->open) {
        draw_municipality_choice(f, session);
        ImGui::Spacing();
        draw_voting(f, poll_id, *poll, session);
        ImGui::Spacing();
        if (!from_content) draw_own_statement(f, poll_id, session);
    } else {
        paragraph(f, f.text("debate.closed"));
        session.show_results = true;
    }
    ImGui::Spacing();
    if (!from_content) draw_results(f, poll_id, *poll, session);
}

}  // namespace stadsmijn::ui
