// #/embed: the snippet builder for campaign teams. Pick a campaign (or none), the part, the
// device or poll and the language; copy the snippet; open a preview; print a poster whose QR
// code opens the same part directly. #/embed?poster=1&... is that poster (the options travel in
// the route, so the link can be shared).
#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "core/content/campaigns.h"
#include "core/qr.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

struct EmbedChoice {
    std::string campaign;  // may be empty: no campaign theme, frame-ancestors stays closed
    EmbedPart part = EmbedPart::app;
    std::string device;
    std::string poll;
    std::string municipality;
    std::string language = "nl";
};

std::string origin_of(const UiFrame& f) { return f.state.origin.empty() ? "https://stadsmijn.nl" : f.state.origin; }

// What the citizen's phone opens from the poster, or the preview: the app at the part's route.
std::string direct_url(const UiFrame& f, const EmbedChoice& c) {
    std::string page = origin_of(f) + "/" + (c.campaign.empty() ? "" : "?embed=" + c.campaign);
    return page + embed_route(c.part, c.device, c.poll, c.municipality, c.language);
}

std::string snippet(const UiFrame& f, const EmbedChoice& c) {
    std::string text = "<script src=\"" + origin_of(f) + "/embed.js\"";
    auto attribute = [&](const char* name, const std::string& value) {
        if (!value.empty()) text += std::string(" data-") + name + "=\"" + value + "\"";
    };
    attribute("campaign", c.campaign);
    attribute("part", embed_part_name(c.part));
    if (c.part == EmbedPart::device || c.part == EmbedPart::repair || c.part == EmbedPart::return_finder)
        attribute("device", c.device);
    if (c.part == EmbedPart::poll) attribute("poll", c.poll);
    attribute("municipality", c.municipality);
    attribute("lang", c.language);
    return text + "></script>";
}

// The choice from the builder's fields, or for the poster from the route's query.
EmbedChoice choice_from(const UiFrame& f, const std::map<std::string, std::string>& values) {
    auto value = [&](const char* key) {
        auto found = values.find(key);
        return found == values.end() ? std::string() : found->second;
    };
    EmbedChoice c;
    c.campaign = f.content.find_campaign(value("campaign")) ? value("campaign") : "";
    c.part = embed_part_from_name(value("part")).value_or(EmbedPart::app);
    c.device = f.content.find_device(value("device")) ? value("device") : "smartphone";
    c.poll = f.content.find_poll(value("poll")) ? value("poll") : (f.content.polls.empty() ? "" : f.content.polls[0].id);
    c.municipality = f.content.find_municipality(value("municipality")) ? value("municipality") : "";
    c.language = value("part_lang") == "en" ? "en" : "nl";
    return c;
}

std::map<std::string, std::string> as_query(const EmbedChoice& c) {
    std::map<std::string, std::string> query = {{"poster", "1"}, {"part", embed_part_name(c.part)},
                                                {"device", c.device},  {"poll", c.poll},
                                                {"part_lang", c.language}};
    if (!c.campaign.empty()) query["campaign"] = c.campaign;
    if (!c.municipality.empty()) query["municipality"] = c.municipality;
    return query;
}

// The QR code as dark squares on white with a quiet zone of four modules, whatever the theme:
// scanners need dark on light.
void qr_image(UiFrame& f, const std::string& url, float side) {
    auto code = encode_qr(url);
    if (!code) {
        warning_banner(f, f.text("embed.poster.too_long"), code.error());
        return;
    }
    const QrCode& qr = code.value();
    const float module = std::floor(side / static_cast<float>(qr.size + 8));
    const float total = module * static_cast<float>(qr.size + 8);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + total, origin.y + total), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                ImVec2 a(origin.x + module * static_cast<float>(x + 4), origin.y + module * static_cast<float>(y + 4));
                draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(total, total));
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 pos = ImGui::GetWindowPos();
    SemanticNode node;
    node.id = ImGui::GetID("##poster-qr");
    node.role = Role::image;
    node.name = f.text("embed.poster.qr_name", {{"url", url}});
    node.value = url;
    node.x = min.x - pos.x;
    node.y = min.y - pos.y;
    node.width = total;
    node.height = total;
    f.semantics.add(std::move(node));
}

void draw_poster(UiFrame& f) {
    EmbedChoice c = choice_from(f, f.state.route.query);
    const Campaign* campaign = f.content.find_campaign(c.campaign);
    heading(f, campaign ? campaign->name.in(f.t.language()) : f.text("app.name"), 1);
    if (campaign && !campaign->intro.empty()) paragraph(f, campaign->intro.in(f.t.language()));
    paragraph(f, f.text("embed.poster.scan"));
    const std::string url = direct_url(f, c);
    qr_image(f, url, std::min(f.available_width(), 360.0f));
    muted(f, url);
    if (campaign) muted(f, f.text("embed.frame.organiser", {{"name", campaign->organiser_name}}));
    muted(f, f.text("embed.poster.print_hint"));
    Route back;
    back.screen = Screen::embed_builder;
    route_link(f, "##poster-back", f.text("embed.poster.back"), with_language(f, back));
}

int index_of(const std::vector<std::string>& values, const std::string& value) {
    auto found = std::find(values.begin(), values.end(), value);
    return found == values.end() ? 0 : static_cast<int>(found - values.begin());
}

}  // namespace

void draw_embed_builder(UiFrame& f) {
    if (f.state.route.query.count("poster")) {
        draw_poster(f);
        return;
    }
    auto& fields = f.ui.fields;
    heading(f, f.text("title.embed_builder"), 1);
    paragraph(f, f.text("embed.intro"));

    // Campaign: its choices become the defaults of the others.
    std::vector<std::string> campaign_ids = {""}, campaign_labels = {f.text("embed.campaign.none")};
    for (const Campaign& campaign : f.content.campaigns) {
        campaign_ids.push_back(campaign.id);
        campaign_labels.push_back(campaign.name.in(f.t.language()) + " (" + campaign.organiser_name + ")");
    }
    int chosen = radio_row(f, "##embed-campaign", f.text("embed.campaign.label"), campaign_labels, campaign_labels,
                           index_of(campaign_ids, fields["embed.campaign"]), true);
    if (chosen >= 0) {
        fields["embed.campaign"] = campaign_ids[static_cast<std::size_t>(chosen)];
        if (const Campaign* campaign = f.content.find_campaign(fields["embed.campaign"])) {
            fields["embed.part"] = embed_part_name(campaign->part);
            if (!campaign->device.empty()) fields["embed.device"] = campaign->device;
            if (!campaign->poll.empty()) fields["embed.poll"] = campaign->poll;
            fields["embed.municipality"] = campaign->municipality;
        }
    }

    const std::vector<std::string> parts = {"app", "device", "repair", "poll", "return", "drawer"};
    std::vector<std::string> part_labels;
    for (const auto& part : parts) part_labels.push_back(f.text("embed.part." + part));
    chosen = radio_row(f, "##embed-part", f.text("embed.part.label"), part_labels, part_labels,
                       index_of(parts, fields["embed.part"].empty() ? "app" : fields["embed.part"]), true);
    if (chosen >= 0) fields["embed.part"] = parts[static_cast<std::size_t>(chosen)];

    EmbedChoice c = choice_from(f, {{"campaign", fields["embed.campaign"]},
                                    {"part", fields["embed.part"]},
                                    {"device", fields["embed.device"]},
                                    {"poll", fields["embed.poll"]},
                                    {"municipality", fields["embed.municipality"]},
                                    {"part_lang", fields["embed.lang"]}});

    if (c.part == EmbedPart::device || c.part == EmbedPart::repair || c.part == EmbedPart::return_finder) {
        std::vector<std::string> ids, names;
        for (const auto& device : f.content.devices) {
            ids.push_back(device.id);
            names.push_back(device.name.in(f.t.language()));
        }
        text_field(f, "##embed-device-search", f.text("embed.device.label"), fields["embed.device_query"],
                   f.text("embed.device.placeholder"), true);
        std::string wanted = fields["embed.device_query"];
        for (char& ch : wanted) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        int shown = 0;
        for (std::size_t i = 0; i < ids.size() && shown < 6; ++i) {
            std::string lower = names[i];
            for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (!wanted.empty() && lower.find(wanted) == std::string::npos) continue;
            if (wanted.empty() && ids[i] != c.device) continue;
            ++shown;
            std::string id = "##embed-device-" + ids[i];
            std::string label = (ids[i] == c.device ? "✓ " : "") + names[i];
            if (secondary_button(f, id.c_str(), label)) fields["embed.device"] = ids[i];
        }
    }
    if (c.part == EmbedPart::poll && !f.content.polls.empty()) {
        std::vector<std::string> ids, titles;
        for (const auto& poll : f.content.polls) {
            ids.push_back(poll.id);
            titles.push_back(poll.title.in(f.t.language()));
        }
        chosen = radio_row(f, "##embed-poll", f.text("embed.poll.label"), titles, titles, index_of(ids, c.poll), true);
        if (chosen >= 0) fields["embed.poll"] = ids[static_cast<std::size_t>(chosen)];
    }
    const std::vector<std::string> languages = {"nl", "en"};
    const std::vector<std::string> language_labels = {"Nederlands", "English"};
    chosen = radio_row(f, "##embed-lang", f.text("embed.language.label"), language_labels, language_labels,
                       index_of(languages, c.language), true);
    if (chosen >= 0) fields["embed.lang"] = languages[static_cast<std::size_t>(chosen)];

    c = choice_from(f, {{"campaign", fields["embed.campaign"]},
                        {"part", fields["embed.part"]},
                        {"device", fields["embed.device"]},
                        {"poll", fields["embed.poll"]},
                        {"municipality", fields["embed.municipality"]},
                        {"part_lang", fields["embed.lang"]}});
    const std::string code = snippet(f, c);
    heading(f, f.text("embed.snippet.title"), 2);
    if (c.campaign.empty()) warning_banner(f, f.text("embed.snippet.no_campaign_title"), f.text("embed.snippet.no_campaign"));
    data_table(f, "##embed-snippet", f.text("embed.snippet.caption"), {f.text("embed.snippet.header")}, {{code}});
    if (primary_button(f, "##embed-copy", f.text("embed.snippet.copy"))) {
        f.actions.copy_text = code;
        f.actions.announce.push_back(f.text("embed.snippet.copied"));
        fields["embed.copied"] = code;
    }
    // Seen as well as heard, until the code changes.
    if (fields["embed.copied"] == code && !code.empty()) paragraph(f, f.text("embed.snippet.copied"));
    web_link(f, "##embed-preview", f.text("embed.preview"), direct_url(f, c));

    Route poster;
    poster.screen = Screen::embed_builder;
    poster.query = as_query(c);
    poster.language = f.state.route.language;
    route_link(f, "##embed-poster", f.text("embed.poster.link"), poster);
    muted(f, f.text("embed.privacy"));
}

}  // namespace stadsmijn::ui
