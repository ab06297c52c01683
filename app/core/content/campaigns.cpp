#include "core/content/campaigns.h"

#include <cmath>
#include <cstdio>

#include "core/routes.h"

namespace stadsmijn {

namespace {

const std::string_view kCampaignFolder = "content/campaigns/";

constexpr EmbedPart kParts[] = {EmbedPart::app,  EmbedPart::device,        EmbedPart::repair,
                                EmbedPart::poll, EmbedPart::return_finder, EmbedPart::drawer};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double channel(std::uint8_t value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::string ratio_text(double ratio) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", std::floor(ratio * 100) / 100);  // never rounded up to a pass
    return text;
}

}  // namespace

const char* embed_part_name(EmbedPart part) {
    switch (part) {
        case EmbedPart::app: return "app";
        case EmbedPart::device: return "device";
        case EmbedPart::repair: return "repair";
        case EmbedPart::poll: return "poll";
        case EmbedPart::return_finder: return "return";
        case EmbedPart::drawer: return "drawer";
    }
    return "app";
}

std::optional<EmbedPart> embed_part_from_name(std::string_view name) {
    for (EmbedPart part : kParts)
        if (name == embed_part_name(part)) return part;
    return std::nullopt;
}

std::optional<RgbColour> parse_hex_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    int digits[6];
    for (int i = 0; i < 6; ++i)
        if ((digits[i] = hex_digit(text[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
    return RgbColour{static_cast<std::uint8_t>(digits[0] * 16 + digits[1]),
                     static_cast<std::uint8_t>(digits[2] * 16 + digits[3]),
                     static_cast<std::uint8_t>(digits[4] * 16 + digits[5])};
}

std::string hex_colour(RgbColour colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", colour.r, colour.g, colour.b);
    return text;
}

double wcag_luminance(RgbColour colour) {
    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
}

double wcag_contrast(RgbColour a, RgbColour b) {
    double la = wcag_luminance(a), lb = wcag_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::string campaign_id_from_path(std::string_view path) {
    if (!path.starts_with(kCampaignFolder) || !path.ends_with(".json")) return "";
    std::string_view name = path.substr(kCampaignFolder.size(), path.size() - kCampaignFolder.size() - 5);
    if (name.empty() || name.find('/') != std::string_view::npos) return "";
    return std::string(name);
}

bool is_https_origin(std::string_view origin) {
    constexpr std::string_view scheme = "https://";
    if (!origin.starts_with(scheme)) return false;
    std::string_view rest = origin.substr(scheme.size());
    std::string_view host = rest.substr(0, rest.find(':'));
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-' || host.back() == '.')
        return false;
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
    if (host.find("..") != std::string_view::npos || host.find('.') == std::string_view::npos) return false;
    if (host.size() == rest.size()) return true;
    std::string_view port = rest.substr(host.size() + 1);
    if (port.empty() || port.size() > 5) return false;
    int number = 0;
    for (char c : port) {
        if (c < '0' || c > '9') return false;
        number = number * 10 + (c - '0');
    }
    return number > 0 && number <= 65535;
}

Campaign read_campaign(const JsonReader& root, std::string_view id_from_file_name) {
    Campaign campaign;
    campaign.id = std::string(id_from_file_name);
    if (!root.expect_object()) return campaign;
    root.reject_unknown_keys({"id", "name", "intro", "municipality", "part", "device", "poll", "local_places",
                              "colours", "organiser", "allowed_origins", "note"});
    std::string id = root.string("id");
    if (!id.empty() && id != campaign.id)
        root.problem_at("id", "'" + id + "' differs from the file name; name the file " + id + ".json or change the id");
    if (!campaign.id.empty() && !is_valid_id(campaign.id))
        root.problem("the file name '" + campaign.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
    campaign.name = read_local_text(root, "name");
    campaign.intro = read_local_text(root, "intro", false);
    campaign.municipality = root.string("municipality");

    std::string part = root.string("part");
    if (auto parsed = embed_part_from_name(part))
        campaign.part = *parsed;
    else if (!part.empty())
        root.problem_at("part", "must be app, device, repair, poll, return or drawer, found '" + part + "'");
    campaign.device = root.optional_string("device").value_or("");
    campaign.poll = root.optional_string("poll").value_or("");
    const bool needs_device = campaign.part == EmbedPart::device || campaign.part == EmbedPart::repair ||
                              campaign.part == EmbedPart::return_finder;
    if (needs_device && campaign.device.empty())
        root.problem_at("device", "missing; a campaign showing part '" + part + "' names its featured device");
    if (campaign.part == EmbedPart::poll && campaign.poll.empty())
        root.problem_at("poll", "missing; a campaign showing part 'poll' names its poll");
    if (root.has("local_places")) campaign.local_places = root.strings("local_places");

    if (auto colours = root.child("colours")) {
        colours->reject_unknown_keys({"background", "text", "accent", "accent_text", "link"});
        auto colour = [&](const char* key, RgbColour& out) {
            std::string text = colours->string(key);
            if (text.empty()) return false;
            auto parsed = parse_hex_colour(text);
            if (!parsed) {
                colours->problem_at(key, "must be a colour as #RRGGBB, found '" + text + "'");
                return false;
            }
            out = *parsed;
            return true;
        };
        CampaignColours& c = campaign.colours;
        const bool background = colour("background", c.background);
        const bool text = colour("text", c.text);
        const bool accent = colour("accent", c.accent);
        const bool accent_text = colour("accent_text", c.accent_text);
        const bool link = colour("link", c.link);
        auto require = [&](bool both_read, const char* key, RgbColour fore, const char* against, RgbColour back,
                           double minimum, const char* what) {
            if (!both_read) return;
            double ratio = wcag_contrast(fore, back);
            if (ratio >= minimum) return;
            colours->problem_at(key, "contrast with colours." + std::string(against) + " is " + ratio_text(ratio) +
                                         ":1 (" + hex_colour(fore) + " on " + hex_colour(back) + "); " + what +
                                         " needs at least " + ratio_text(minimum) + ":1");
        };
        require(text && background, "text", c.text, "background", c.background, kTextContrast, "text (WCAG 1.4.3)");
        require(link && background, "link", c.link, "background", c.background, kTextContrast, "a link (WCAG 1.4.3)");
        require(accent_text && accent, "accent_text", c.accent_text, "accent", c.accent, kTextContrast,
                "text on a button (WCAG 1.4.3)");
        require(accent && background, "accent", c.accent, "background", c.background, kPartContrast,
                "a button against the page (WCAG 1.4.11)");
    }

    if (auto organiser = root.child("organiser")) {
        organiser->reject_unknown_keys({"name", "url"});
        campaign.organiser_name = organiser->string("name");
        campaign.organiser_url = organiser->string("url");
        if (!campaign.organiser_url.empty() && !campaign.organiser_url.starts_with("https://"))
            organiser->problem_at("url", "must start with https://");
    }

    campaign.allowed_origins = root.strings("allowed_origins");
    for (std::size_t i = 0; i < campaign.allowed_origins.size(); ++i) {
        const std::string& origin = campaign.allowed_origins[i];
        if (!is_https_origin(origin))
            root.problem_at(("allowed_origins[" + std::to_string(i) + "]").c_str(),
                            "'" + origin + "' is not an https origin like https://www.example.nl (no path, no "
                            "wildcard, no trailing slash)");
    }
    if (root.has("allowed_origins") && campaign.allowed_origins.empty())
        root.problem_at("allowed_origins", "is empty; name at least the site that embeds the campaign");
    return campaign;
}

std::string embed_route(EmbedPart part, std::string_view device, std::string_view poll,
                        std::string_view municipality, std::string_view language) {
    std::string path;
    switch (part) {
        case EmbedPart::app: path = "#/"; break;
        case EmbedPart::device: path = "#/device/" + std::string(device); break;
        case EmbedPart::repair: path = "#/device/" + std::string(device) + "/repair"; break;
        case EmbedPart::poll: path = "#/poll/" + std::string(poll); break;
        case EmbedPart::return_finder: path = "#/device/" + std::string(device) + "/return"; break;
        case EmbedPart::drawer: path = "#/drawer"; break;
    }
    std::string query;
    auto add = [&](std::string_view key, std::string_view value) {
        if (value.empty()) return;
        query += query.empty() ? '?' : '&';
        query += std::string(key) + "=" + percent_encode(value);
    };
    add("lang", language);
    add("municipality", municipality);
    return path + query;
}

std::string embed_route(const Campaign& campaign, std::string_view language) {
    return embed_route(campaign.part, campaign.device, campaign.poll, campaign.municipality, language);
}

}  // namespace stadsmijn
