// Municipal campaigns that embed Stadsmijn (or one part of it) on their own web page, one file
// each in content/campaigns/<id>.json (the id is the file name).
//
//   Campaign c = read_campaign(JsonReader(doc, "content/campaigns/repareren-loont-almere.json", problems),
//                              "repareren-loont-almere");
//   c.part == EmbedPart::repair; c.device == "smartphone"; c.colours.accent ...
//   embed_route(c, "en") == "#/device/smartphone/repair?lang=en&municipality=almere"
//
// A campaign's colours are checked with the WCAG 2.1 contrast formula when the file is read:
// text and links need 4.5:1 against the background, text on the accent 4.5:1, and the accent
// (a button, a UI part) 3:1 against the background. A pair that fails is a problem naming the
// JSON path and the ratio found, so an editor can fix it without a colour tool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

// Which part of Stadsmijn an embed shows: the whole app, one device's guide (from what is inside,
// or straight at its repair advice), one poll, the return finder (where to bring a device), or
// the citizen's drawer.
enum class EmbedPart { app, device, repair, poll, return_finder, drawer };

const char* embed_part_name(EmbedPart part);  // "app", "device", "repair", "poll", "return", "drawer"
std::optional<EmbedPart> embed_part_from_name(std::string_view name);

struct RgbColour {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const RgbColour&) const = default;
};

// "#1A2B3C" (or "#1a2b3c"); nothing for anything else.
std::optional<RgbColour> parse_hex_colour(std::string_view text);
std::string hex_colour(RgbColour colour);  // "#1A2B3C"

// WCAG 2.1: relative luminance 0 (black) .. 1 (white); contrast ratio 1 .. 21.
double wcag_luminance(RgbColour colour);
double wcag_contrast(RgbColour a, RgbColour b);

inline constexpr double kTextContrast = 4.5;  // WCAG 1.4.3, normal text
inline constexpr double kPartContrast = 3.0;  // WCAG 1.4.11, UI components

struct CampaignColours {
    RgbColour background;   // the page
    RgbColour text;         // body text on background
    RgbColour accent;       // primary buttons, the campaign's own colour
    RgbColour accent_text;  // text on accent
    RgbColour link;         // links on background
};

struct Campaign {
    std::string id;  // the file name: "ruim-je-la-op-amsterdam"
    LocalText name;  // "Ruim je la op"
    LocalText intro;  // one line shown above the embedded part; optional
    std::string municipality;  // municipality id; its places come first
    EmbedPart part = EmbedPart::app;
    std::string device;  // featured device id (part device or return)
    std::string poll;    // featured poll id (part poll)
    std::vector<std::string> local_places;  // place ids shown first, in this order
    CampaignColours colours;
    std::string organiser_name;  // "Gemeente Amsterdam"
    std::string organiser_url;   // https:// only
    // Origins allowed to frame the embed (Content-Security-Policy frame-ancestors):
    // "https://www.amsterdam.nl". Scheme and host (and a port), nothing else.
    std::vector<std::string> allowed_origins;
};

// "content/campaigns/x.json" -> "x"; "" for any other path.
std::string campaign_id_from_path(std::string_view path);

// True for "https://host" or "https://host:port" with a lowercase host name: what a CSP
// source list accepts as one origin, with no path, wildcard or quote to widen it.
bool is_https_origin(std::string_view origin);

Campaign read_campaign(const JsonReader& root, std::string_view id_from_file_name);

// The fragment the embed opens: "#/poll/x?lang=nl&municipality=haarlem" (no campaign id: the page
// URL carries that, as ?embed=).
std::string embed_route(const Campaign& campaign, std::string_view language);
std::string embed_route(EmbedPart part, std::string_view device, std::string_view poll,
                        std::string_view municipality, std::string_view language);

}  // namespace stadsmijn
