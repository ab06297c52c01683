// #/debate: the polls the server holds. #/poll/{id}: one statement at a time (agree, disagree,
// pass), a way back to change a vote, a statement of your own into moderation, and the results
// for your municipality or the whole region.
//
// The protocol lives in core: polls::PollClient keeps the votes (outbox, counted, pseudonym)
// and polls::read_wire_* read the server's answers into the types the server writes. This file
// only draws them and turns the resident's taps into calls on the client. Every number on these
// screens comes from the server's answers or from content/.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/polls/poll_client.h"
#include "core/polls/poll_definition.h"
#include "core/polls/poll_wire.h"
#include "core/polls/text_checks.h"
#include "core/polls/vote_request.h"
#include "ui/screens/debate_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

std::int64_t now_ms() { return static_cast<std::int64_t>(ImGui::GetTime() * 1000.0); }

polls::PollClient& client_for(UiFrame& f, const std::string& poll_id) {
    auto [it, added] = f.ui.debate.clients.try_emplace(poll_id, poll_id);
    return it->second;
}

// What the client asked for, as the frame's actions; votes the server confirmed are announced.
void apply(UiFrame& f, polls::ClientEffects& effects) {
    for (auto& [key, value] : effects.store) f.actions.store[key] = std::move(value);
    for (auto& request : effects.requests) f.actions.requests.push_back(std::move(request));
    for (auto& tag : effects.forget_responses) f.actions.forget_responses.push_back(std::move(tag));
    for (unsigned i = 0; i < effects.votes_counted; ++i)
        f.actions.announce.push_back(f.text("debate.vote.counted_announce"));
    effects = {};
}

std::string municipality_name(const UiFrame& f, const std::string& id) {
    const Municipality* municipality = f.content.find_municipality(id);
    return municipality ? municipality->name : std::string();
}

// The embedding campaign's municipality (from the URL) comes first, then the participant's own.
std::string chosen_municipality(const UiFrame& f) {
    auto query = f.state.route.query.find("municipality");
    if (query != f.state.route.query.end() && f.content.find_municipality(query->second)) return query->second;
    auto own = f.state.stored.find("municipality");
    return own != f.state.stored.end() && f.content.find_municipality(own->second) ? own->second : std::string();
}

void draw_municipality_choice(UiFrame& f, PollView& view) {
    std::string current = chosen_municipality(f);
    heading(f, f.text("debate.municipality.title"), 2);
    if (!current.empty() && !view.choosing_municipality) {
        paragraph(f, f.text("debate.municipality.current", {{"name", municipality_name(f, current)}}));
        if (secondary_button(f, "##municipality-change", f.text("debate.municipality.change")))
            view.choosing_municipality = true;
        return;
    }
    muted(f, f.text("debate.municipality.why"));
    text_field(f, "##municipality-search", f.text("debate.municipality.label"), view.municipality_query,
               f.text("debate.municipality.placeholder"), true);
    if (view.municipality_query.empty()) return;
    auto found = f.content.municipalities_matching(view.municipality_query);
    for (const Municipality* municipality : found) {
        std::string id = "##municipality-" + municipality->id;
        if (secondary_button(f, id.c_str(), municipality->name)) {
            f.actions.store["municipality"] = municipality->id;
            f.actions.announce.push_back(f.text("debate.municipality.current", {{"name", municipality->name}}));
            view.choosing_municipality = false;
            view.municipality_query.clear();
        }
    }
    if (found.empty()) muted(f, f.text("debate.municipality.none_found"));
}

std::string vote_status_text(const UiFrame& f, const polls::VoteStatus& status) {
    switch (status.state) {
        case polls::VoteState::none: return {};
        case polls::VoteState::saving: return f.text("debate.vote.saving");
        case polls::VoteState::storage_failed: return f.text("debate.vote.storage_failed", {{"reason", status.reason}});
        case polls::VoteState::sending: return f.text("debate.vote.sending");
        case polls::VoteState::waiting: return f.text("debate.vote.waiting");
        case polls::VoteState::rejected: return f.text("debate.vote.rejected", {{"reason", status.reason}});
        case polls::VoteState::counted: return f.text("debate.vote.counted");
    }
    return {};
}

std::string vote_word(const UiFrame& f, polls::Vote vote) {
    return f.text(std::string("debate.vote.was_") + polls::vote_name(vote));
}

void draw_vote_buttons(UiFrame& f, polls::PollClient& client, std::int64_t statement) {
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
    client.showing(statement);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0 && one_row) ImGui::SameLine();
        bool pressed = i < 2 ? primary_button(f, choices[i].first, labels[i])
                             : secondary_button(f, choices[i].first, labels[i]);
        if (!pressed) continue;
        polls::ClientEffects effects;
        auto outcome = client.cast(statement, choices[i].second, {chosen_municipality(f), f.random32}, f.state,
                                   now_ms(), effects);
        apply(f, effects);
        if (outcome == polls::CastOutcome::no_random) f.actions.announce.push_back(f.text("debate.vote.no_random"));
        if (outcome == polls::CastOutcome::not_saved) f.actions.announce.push_back(f.text("debate.vote.not_saved"));
    }
}

void draw_statement_facts(UiFrame& f, const polls::WireStatement& statement) {
    const std::string& language = f.t.language();
    if (!statement.context.empty()) paragraph(f, statement.context.in(language));
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
        route_link(f, id.c_str(), f.text("debate.statement.device_link", {{"device", device->name.in(language)}}),
                   with_language(f, target));
    }
}

void draw_voting(UiFrame& f, const polls::WirePoll& poll, polls::PollClient& client, PollView& view) {
    const std::string& language = f.t.language();
    std::vector<polls::StatementId> order;
    for (const auto& statement : poll.statements) order.push_back(statement.id);
    heading(f, f.text("debate.statements.title"), 2);
    auto current = client.current(order);
    const polls::WireStatement* shown = current ? poll.find(*current) : nullptr;
    if (shown) {
        auto position = std::find(order.begin(), order.end(), shown->id) - order.begin();
        paragraph(f, f.text("debate.progress", {{"current", std::to_string(position + 1)},
                                                {"total", std::to_string(order.size())}}));
        heading(f, shown->text.in(language), 3);
        if (auto own = client.own_vote(shown->id))
            muted(f, f.text("debate.vote.your_vote", {{"vote", vote_word(f, *own)}}));
        draw_vote_buttons(f, client, shown->id);
        draw_statement_facts(f, *shown);
    } else {
        paragraph(f, f.text("debate.all_done", {{"total", std::to_string(order.size())}}));
        view.show_results = true;
    }
    if (client.can_go_back(order) &&
        secondary_button(f, "##poll-previous", f.text("debate.vote.previous")))
        client.go_back(order, now_ms());
    if (client.reviewing() && secondary_button(f, "##poll-next", f.text("debate.vote.next")))
        client.go_forward(now_ms());

    if (auto last_id = client.last_statement()) {
        if (const polls::WireStatement* last = poll.find(*last_id)) {
            std::string status = vote_status_text(f, client.status(last->id, f.state));
            if (!status.empty()) {
                if (auto vote = client.own_vote(last->id))
                    muted(f, f.text("debate.vote.last", {{"statement", last->text.in(language)},
                                                         {"vote", vote_word(f, *vote)}}));
                paragraph(f, status);
            }
        }
    }

    std::size_t waiting = client.waiting();
    if (waiting > 0) {
        warning_banner(f, f.text("debate.outbox.title"),
                       f.t.plural("debate.outbox.text", static_cast<long long>(waiting),
                                  {{"count", std::to_string(waiting)}}));
        if (secondary_button(f, "##poll-send-now", f.text("debate.outbox.send_now"))) {
            polls::ClientEffects effects;
            client.send_now(now_ms(), effects);
            apply(f, effects);
        }
    }
}

void draw_own_statement(UiFrame& f, const std::string& poll_id, polls::PollClient& client, PollView& view) {
    heading(f, f.text("debate.own.title"), 2);
    muted(f, f.text("debate.own.intro"));
    std::string& text = view.own_statement;
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
        polls::ClientEffects effects;
        if (normalized.empty() || problem) {
            f.actions.announce.push_back(problem ? f.text("debate.own.problem", {{"problem", *problem}})
                                                 : f.text("debate.own.empty"));
        } else if (auto participant = client.participant(f.state, f.random32, effects)) {
            polls::StatementRequest request{.poll = poll_id,
                                            .participant = *participant,
                                            .text = normalized,
                                            .language = f.t.language() == "en" ? "en" : "nl",
                                            .key = client.statement_key(normalized, f.random32),
                                            .municipality = chosen_municipality(f)};
            f.actions.requests.push_back(
                {tag, "POST", polls::statement_request_path(poll_id), polls::statement_request_body(request)});
        }
        apply(f, effects);
    }
    if (sending) muted(f, f.text("debate.own.sending"));
    auto answer = f.state.responses.find(tag);
    if (answer == f.state.responses.end() || sending) return;
    const HttpResponse& response = answer->second;
    if (response.ok()) {
        if (client.statement_text() == normalized && !normalized.empty()) {
            text.clear();  // sent: the field is free for the next one
            f.actions.announce.push_back(f.text("debate.own.waiting"));
        }
        paragraph(f, f.text("debate.own.waiting"));
    } else if (response.status == 0) {
        warning_banner(f, f.text("debate.own.failed"), f.text("debate.own.offline"));
    } else {
        std::string reason = polls::wire_error(response.body);
        warning_banner(f, f.text("debate.own.failed"),
                       reason.empty() ? f.text("debate.server_error", {{"status", std::to_string(response.status)}})
                                      : reason);
    }
}

// A GET whose answer the screen reads: asked once, kept until the screen asks again.
const HttpResponse* fetched(UiFrame& f, const std::string& tag, const std::string& url) {
    if (f.state.pending_requests.count(tag)) return nullptr;
    auto answer = f.state.responses.find(tag);
    if (answer == f.state.responses.end()) {
        f.actions.requests.push_back({tag, "GET", url, {}});
        return nullptr;
    }
    return &answer->second;
}

void refetch(UiFrame& f, const std::string& tag, const std::string& url) {
    f.actions.forget_responses.push_back(tag);
    f.actions.requests.push_back({tag, "GET", url, {}});
}

void draw_results(UiFrame& f, const std::string& poll_id, const polls::WirePoll& poll, const polls::PollClient& client,
                  PollView& view) {
    heading(f, f.text("debate.results.title"), 2);
    std::string municipality = chosen_municipality(f);
    // Your municipality's results first once you chose one; the region when you have none or ask.
    const bool region = municipality.empty() || view.region_results;
    if (!municipality.empty()) {
        int chosen = radio_row(f, "##poll-results-scope", f.text("debate.results.scope"),
                               {municipality_name(f, municipality), f.text("debate.results.region")},
                               {municipality_name(f, municipality), f.text("debate.results.region")}, region ? 1 : 0);
        if (chosen >= 0) view.region_results = chosen == 1;
    }
    std::string scope = region ? std::string() : municipality;
    std::string tag = "poll." + poll_id + ".results." + (scope.empty() ? "region" : scope);
    std::string url = "/api/polls/" + poll_id + "/results" + (scope.empty() ? "" : "?municipality=" + scope);

    if (!view.show_results) {
        if (secondary_button(f, "##poll-results-show", f.text("debate.results.show"))) {
            view.show_results = true;
            f.actions.requests.push_back({tag, "GET", url, {}});
        }
        return;
    }
    const HttpResponse* response = fetched(f, tag, url);
    if (response && secondary_button(f, "##poll-results-refresh", f.text("debate.results.refresh")))
        f.actions.requests.push_back({tag, "GET", url, {}});
    if (!response) {
        muted(f, f.text("debate.loading"));
        return;
    }
    if (response->status == 0) {
        warning_banner(f, f.text("debate.offline.title"), f.text("debate.results.offline"));
        return;
    }
    auto results = response->ok() ? polls::read_wire_results(response->body)
                                  : Result<polls::WireResults>(fail("not answered"));
    if (!results) {
        warning_banner(f, f.text("debate.server_failed.title"),
                       f.text("debate.server_error", {{"status", std::to_string(response->status)}}));
        return;
    }
    if (!scope.empty())
        paragraph(f, f.text("debate.results.for_municipality", {{"name", municipality_name(f, scope)}}));
    else
        paragraph(f, f.text("debate.results.for_region"));
    draw_results_body(f, poll, results.value(), client);
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

void update_poll_clients(UiFrame& f) {
    std::optional<std::int64_t> next_due;
    const std::int64_t now = now_ms();
    for (auto& [id, client] : f.ui.debate.clients) {
        polls::ClientEffects effects;
        client.update(f.state, now, effects);
        apply(f, effects);
        if (auto due = client.next_due_ms(); due && (!next_due || *due < *next_due)) next_due = due;
    }
    // A retry is due later: the app must draw then, even if nobody touches it.
    if (next_due && *next_due > now) f.actions.wake_in_ms = *next_due - now;
}

void draw_debate(UiFrame& f) {
    heading(f, f.text("debate.title"), 1);
    paragraph(f, f.text("debate.intro"));
    const std::string tag = "debate.polls";
    const HttpResponse* response = fetched(f, tag, "/api/polls");
    if (!response) {
        muted(f, f.text("debate.loading"));
        return;
    }
    auto list = response->ok() ? polls::read_poll_list(response->body)
                               : Result<std::vector<polls::WirePollSummary>>(fail("not answered"));
    if (!list) {
        if (draw_request_failure(f, *response, "##debate-retry")) refetch(f, tag, "/api/polls");
        return;
    }
    const std::string& language = f.t.language();
    for (const auto& poll : list.value()) {
        std::string badge = f.t.plural("debate.list.statements", poll.statements,
                                       {{"count", std::to_string(poll.statements)}});
        if (!poll.open) badge += " · " + f.text("debate.list.closed");
        std::string widget = "##debate-poll-" + poll.id;
        entry_card(f, widget.c_str(), poll.title.in(language), poll.question.in(language),
                   with_language(f, route_to(Screen::poll, poll.id)), badge);
    }
    if (list.value().empty()) paragraph(f, f.text("debate.list.empty"));
}

void draw_poll(UiFrame& f) {
    const std::string poll_id = f.state.route.poll_id;
    route_link(f, "##poll-back", f.text("debate.back"), with_language(f, route_to(Screen::debate)));
    const bool first_visit = !f.ui.debate.clients.count(poll_id);
    polls::PollClient& client = client_for(f, poll_id);
    PollView& view = f.ui.debate.views[poll_id];
    if (first_visit) {  // update_poll_clients ran before this screen: catch up now (storage, due votes)
        polls::ClientEffects effects;
        client.update(f.state, now_ms(), effects);
        apply(f, effects);
    }

    const std::string tag = "poll." + poll_id + ".definition";
    const std::string url = "/api/polls/" + poll_id;
    const HttpResponse* response = fetched(f, tag, url);
    std::optional<polls::WirePoll> poll;
    bool from_content = false;
    if (response) {
        if (response->ok())
            if (auto read = polls::read_wire_poll(response->body)) poll = std::move(read).value();
        if (!poll && (response->status == 0 || response->status >= 500)) {
            // The server cannot be reached: the statements from content/, to read (not to vote).
            if (const PollDefinition* definition = f.content.find_poll(poll_id)) {
                poll = polls::wire_poll_from_content(*definition, f.content);
                from_content = true;
            }
        }
        if (!poll) {
            if (response->status == 404) {
                heading(f, f.text("debate.not_found.title"), 1);
                paragraph(f, f.text("debate.not_found.text"));
                return;
            }
            heading(f, f.text("debate.title"), 1);
            if (draw_request_failure(f, *response, "##poll-retry")) refetch(f, tag, url);
            return;
        }
    }
    if (!poll) {
        heading(f, f.text("debate.title"), 1);
        muted(f, f.text("debate.loading"));
        return;
    }

    const std::string& language = f.t.language();
    heading(f, poll->title.in(language), 1);
    paragraph(f, poll->question.in(language));
    if (!poll->description.empty()) muted(f, poll->description.in(language));
    if (from_content) {
        warning_banner(f, f.text("debate.offline.title"), f.text("debate.offline.from_content"));
        if (secondary_button(f, "##poll-retry", f.text("debate.retry"))) refetch(f, tag, url);
    }
    ImGui::Spacing();
    if (poll->open) {
        draw_municipality_choice(f, view);
        ImGui::Spacing();
        draw_voting(f, *poll, client, view);
        ImGui::Spacing();
        if (!from_content) draw_own_statement(f, poll_id, client, view);
    } else {
        paragraph(f, f.text("debate.closed"));
        view.show_results = true;
    }
    ImGui::Spacing();
    if (!from_content) draw_results(f, poll_id, *poll, client, view);
}

}  // namespace stadsmijn::ui
