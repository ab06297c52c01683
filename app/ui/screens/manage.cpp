// #/manage: municipal editors sign in with the key the province gave them (kept in session
// storage only), see the places of their municipality and close or reopen one. Changes carry the
// version they were read at; a change by someone else in between is explained, never overwritten.
#include <imgui.h>

#include "core/manage_client.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

constexpr const char* kMeTag = "manage-me";
constexpr const char* kPlacesTag = "manage-places";

std::string stored_token(const UiFrame& f) {
    auto it = f.state.stored.find(kEditorTokenKey);
    return it == f.state.stored.end() ? std::string() : it->second;
}

void sign_out(UiFrame& f) {
    f.actions.store[kEditorTokenKey] = "";
    f.ui.manage = ManageView{};
}

// Answers that arrived since the last frame.
void take_answers(UiFrame& f, const std::string& token) {
    ManageView& view = f.ui.manage;
    if (auto me = f.state.responses.find(kMeTag); me != f.state.responses.end()) {
        view.checking = false;
        f.actions.forget_responses.push_back(kMeTag);
        if (me->second.ok()) view.session = read_me(me->second.body);
        if (view.session) {
            if (!view.session->municipalities.empty()) view.municipality = view.session->municipalities.front();
        } else if (me->second.status == 0) {
            view.problem = "manage.offline";
        } else {
            view.problem = "manage.bad_token";
            f.actions.store[kEditorTokenKey] = "";
        }
    }
    if (auto list = f.state.responses.find(kPlacesTag); list != f.state.responses.end()) {
        view.loading = false;
        f.actions.forget_responses.push_back(kPlacesTag);
        view.places = list->second.ok() ? read_managed_places(list->second.body) : std::nullopt;
        if (!view.places) view.outcome = std::string("manage.outcome.") + change_outcome(list->second);
    }
    for (const auto& [tag, response] : f.state.responses) {
        if (!tag.starts_with("manage-change:")) continue;
        f.actions.forget_responses.push_back(tag);
        view.outcome = std::string("manage.outcome.") + change_outcome(response);
        f.actions.announce.push_back(f.text(view.outcome));
        if (response.ok()) view.places.reset();  // read again, with the new versions
        if (response.status == 401) sign_out(f);
    }
    (void)token;
}

void places_list(UiFrame& f, const std::string& token) {
    ManageView& view = f.ui.manage;
    const Municipality* m = f.content.find_municipality(view.municipality);
    heading(f, f.text("manage.places_title", {{"municipality", m ? m->name : view.municipality}}), 2);
    if (!view.places && !view.loading) {
        f.actions.requests.push_back(
            editor_request(kPlacesTag, "GET", "/api/places?municipality=" + percent_encode(view.municipality), token));
        view.loading = true;
    }
    if (!view.outcome.empty()) muted(f, f.text(view.outcome));
    if (secondary_button(f, "##manage-reload", f.text("manage.reload"))) {
        view.places.reset();
        view.outcome.clear();
    }
    if (!view.places) {
        muted(f, f.text("manage.loading"));
        return;
    }
    for (const Place& place : *view.places) {
        ImGui::PushID(place.id.c_str());
        heading(f, place.closed ? f.text("manage.closed_mark", {{"name", place.name}}) : place.name, 3);
        std::string address = place.address + (place.city.empty() ? "" : ", " + place.city);
        if (!address.empty()) paragraph(f, address);
        const char* key = place.closed ? "manage.reopen" : "manage.close";
        if (secondary_button(f, "##manage-close", f.text(key, {{"name", place.name}})))
            f.actions.requests.push_back(set_place_closed_request(place, !place.closed, token));
        ImGui::PopID();
    }
}

}  // namespace

void draw_manage(UiFrame& f) {
    ManageView& view = f.ui.manage;
    heading(f, f.text("title.manage"), 1);
    const std::string token = stored_token(f);
    take_answers(f, token);
    if (token.empty()) {
        paragraph(f, f.text("manage.intro"));
        if (!view.problem.empty()) muted(f, f.text(view.problem));
        text_field(f, "##manage-token", f.text("manage.token_label"), view.token_input);
        if (primary_button(f, "##manage-sign-in", f.text("manage.sign_in")) && !view.token_input.empty()) {
            f.actions.store[kEditorTokenKey] = view.token_input;
            view.token_input.clear();
            view.problem.clear();
        }
        return;
    }
    if (!view.session) {
        if (!view.checking && view.problem.empty()) {
            f.actions.requests.push_back(editor_request(kMeTag, "GET", "/api/me", token));
            view.checking = true;
        }
        muted(f, f.text(view.problem.empty() ? "manage.checking" : view.problem));
        if (secondary_button(f, "##manage-sign-out", f.text("manage.sign_out"))) sign_out(f);
        return;
    }
    paragraph(f, f.text("manage.signed_in", {{"name", view.session->name}}));
    if (secondary_button(f, "##manage-sign-out", f.text("manage.sign_out"))) {
        sign_out(f);
        return;
    }
    if (view.session->municipalities.empty()) {
        paragraph(f, f.text("manage.admin_all"));
        text_field(f, "##manage-municipality", f.text("manage.municipality_label"), view.municipality_input);
        if (secondary_button(f, "##manage-show", f.text("manage.show_places")) && is_valid_id(view.municipality_input)) {
            view.municipality = view.municipality_input;
            view.places.reset();
        }
    }
    if (!view.municipality.empty()) places_list(f, token);
}

}  // namespace stadsmijn::ui
