// Parts shared by the guide's screens (#/devices, #/device/{id} and its repair, reuse and return
// screens): the device header with its journey links, source links, number formatting in the
// citizen's language, the grams chart with its text table, and option cards that stand side by
// side on a wide screen and stack on a phone.
//
//   const Device* device = guide_device_or_not_found(f);   // draws "not found" itself
//   if (!device) return;
//   device_header(f, *device);
//   source_links(f, "##src-cobalt", composition_sources);
//   option_cards(f, "##repair-options", 3, [&](std::size_t i) { ... draw one card ... });
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/advice/estimate.h"
#include "core/advice/plan.h"
#include "core/content/content.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

// The device the route names; when content has none, draws a clear message with a link to
// #/devices and returns nothing.
const Device* guide_device_or_not_found(UiFrame& f);

// The device's name as a heading, the screen's title, and links to the device's other screens.
void device_header(UiFrame& f, const Device& device);

// "Source: Publisher Year" links (each opens the source in a new tab), one line each.
// Unknown source ids are shown as text, never dropped.
void source_links(UiFrame& f, const char* id, const std::vector<std::string>& source_ids);
// Source titles joined, for a table cell ("Öko-Institut 2012; Plymouth 2019").
std::string source_names(const UiFrame& f, const std::vector<std::string>& source_ids);

// Numbers in the citizen's language: "0,05" in Dutch, "0.05" in English; at most 3 significant
// digits below 100, whole numbers above.
std::string number_text(const UiFrame& f, double value);
// "0,05 - 0,16" or "6,3"; "unknown" for an unknown estimate.
std::string range_text(const UiFrame& f, double low, double high);
std::string estimate_text(const UiFrame& f, const Estimate& value);
std::string date_text(const UiFrame& f, const LocalDate& date);  // "15-01-2026" / "15 Jan 2026"

// One material's grams in a device, merged over the figures (the range where sources disagree).
struct GramsRow {
    const Material* material = nullptr;  // may be null when content names an unknown material
    std::string material_id;
    std::string name;
    bool unknown = false;
    double low = 0, high = 0;
    std::vector<std::string> sources;
    std::string note;
};
std::vector<GramsRow> grams_rows(const UiFrame& f, const Device& device);

// "critical, strategic" / "critical" / "" : the words that mark a material (never colour alone).
std::string material_marks(const UiFrame& f, const Material* material);

// A bar chart of grams on a logarithmic scale, ranges drawn from low to high, critical and
// strategic materials marked by a shape and a word; recorded as an image whose name is the whole
// chart in words. Draw the data_table with the same numbers after it.
void grams_chart(UiFrame& f, const char* id, const std::vector<GramsRow>& rows);

// Cards side by side when there is room for each at `min_card_width` (scaled with the text), else
// stacked; `draw_card(i)` draws the inside of card i (widgets wrap to the card).
void option_cards(UiFrame& f, const char* id, std::size_t count, float min_card_width,
                  const std::function<void(std::size_t)>& draw_card);

// One choice out of a list, one per line (labels wrap, so it fits a phone at any text size).
// Returns the index chosen this frame, or -1.
int choice_list(UiFrame& f, const char* id, const std::string& group_label, const std::vector<std::string>& labels,
                int selected);

// A checkbox whose label wraps (checklist steps are whole sentences). Returns true when toggled.
bool check_item(UiFrame& f, const char* id, const std::string& label, bool& value);

// "Wipe your data": the wiping steps for the device's systems and its activation locks, as a
// checklist whose ticks are kept in browser storage ("wipe"), so they survive a reload.
void wiping_checklist(UiFrame& f, const Device& device, const DevicePlan& plan);

// The citizen's municipality: remembered in storage ("municipality"), chosen by typing part of its
// name; or the browser's location with permission (it stays on the device). Returns the chosen
// municipality id (empty when none) and sets `location` when the browser gave one.
std::string municipality_picker(UiFrame& f, std::optional<GeoPoint>& location);

// A place from a plan: name, address, distance, what it accepts, next opening, its sources.
void place_block(UiFrame& f, const PlanPlace& place);
// Under a list of places: says so when the municipal teams' latest changes could not be fetched
// (the places shown are then those of the build, or of the overlay last seen).
void places_overlay_notice(UiFrame& f);

// The reasons of a plan option, each with its source links.
void option_reasons(UiFrame& f, const std::vector<OptionReasonItem>& reasons);

// A short status line a screen reader hears when it changes (the guarantee outcome, a chosen place).
void announce_on_change(UiFrame& f, const std::string& key, const std::string& text);

// Room for a few words of vertical space.
void gap(float lines = 0.5f);

}  // namespace stadsmijn::ui
