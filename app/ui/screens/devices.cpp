// #/devices : find your device by typing (Dutch or English, with the synonyms from content) or
// by picking it from its group.
#include <imgui.h>

#include "core/content/search.h"
#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

Route device_page(const UiFrame& f, const Device& device) {
    Route route;
    route.screen = Screen::device;
    route.device_id = device.id;
    return with_language(f, route);
}

// A few of the words people use for it, so a citizen recognises the card.
std::string also_known_as(const UiFrame& f, const Device& device) {
    const auto& words = f.t.language() == "en" ? device.words_en : device.words_nl;
    std::string list;
    int shown = 0;
    const std::string name = normalise_search_text(device.name.in(f.t.language()));
    for (const std::string& word : words) {
        if (normalise_search_text(word) == name) continue;
        if (shown++ == 3) break;
        list += (list.empty() ? "" : ", ") + word;
    }
    return list.empty() ? f.text(std::string("guide.group.") + device_group_name(device.group))
                        : f.text("guide.devices.also", {{"words", list}});
}

void device_card(UiFrame& f, const char* prefix, const Device& device) {
    ImGui::PushID(prefix);
    ImGui::PushID(device.id.c_str());
    entry_card(f, "##guide-device", device.name.in(f.t.language()), also_known_as(f, device), device_page(f, device));
    ImGui::PopID();
    ImGui::PopID();
}

}  // namespace

void draw_devices(UiFrame& f) {
    heading(f, f.text("title.devices"), 1);
    paragraph(f, f.text("guide.devices.intro"));

    std::string& query = f.ui.fields["guide.search"];
    text_field(f, "##guide-search", f.text("guide.devices.search_label"), query, f.text("guide.devices.search_placeholder"),
               true);
    if (!normalise_search_text(query).empty()) {
        std::vector<DeviceMatch> matches = search_devices(f.content.devices, query);
        std::string summary = matches.empty() ? f.text("guide.devices.none", {{"query", query}})
                                              : f.t.plural("guide.devices.found", static_cast<long long>(matches.size()),
                                                           {{"query", query}});
        paragraph(f, summary);
        announce_on_change(f, "devices.search", summary);
        for (const DeviceMatch& match : matches) device_card(f, "##found", *match.device);
        gap();
    }

    heading(f, f.text("guide.devices.by_group"), 2);
    static const DeviceGroup groups[] = {DeviceGroup::phones_tablets, DeviceGroup::computers, DeviceGroup::screens,
                                         DeviceGroup::audio_video,    DeviceGroup::wearables, DeviceGroup::batteries,
                                         DeviceGroup::small_appliances, DeviceGroup::large_appliances,
                                         DeviceGroup::lighting,       DeviceGroup::energy,    DeviceGroup::tools,
                                         DeviceGroup::other};
    std::vector<std::string> labels;
    std::vector<DeviceGroup> shown;
    for (DeviceGroup group : groups) {
        bool any = false;
        for (const Device& d : f.content.devices) any = any || d.group == group;
        if (!any) continue;
        shown.push_back(group);
        labels.push_back(f.text(std::string("guide.group.") + device_group_name(group)));
    }
    std::string& picked = f.ui.fields["guide.group"];
    int selected = -1;
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (picked == device_group_name(shown[i])) selected = static_cast<int>(i);
    int chosen = choice_list(f, "##guide-groups", f.text("guide.devices.group_label"), labels, selected);
    if (chosen >= 0) {
        picked = device_group_name(shown[static_cast<std::size_t>(chosen)]);
        selected = chosen;
        ask_to_reveal(f, "guide.group");
    }
    if (selected >= 0) {
        gap();
        reveal_here(f, "guide.group");
        heading(f, labels[static_cast<std::size_t>(selected)], 3);
        for (const Device& d : f.content.devices)
            if (d.group == shown[static_cast<std::size_t>(selected)]) device_card(f, "##group", d);
    }
}

}  // namespace stadsmijn::ui
