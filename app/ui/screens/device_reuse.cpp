// #/device/{id}/reuse : sell it, give it away or trade it in; first the data-wiping checklist for
// its operating system (activation locks included) and what to take out.
#include <imgui.h>

#include "core/advice/plan.h"
#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

void draw_device_reuse(UiFrame& f) {
    const Device* device = guide_device_or_not_found(f);
    if (!device) return;
    device_header(f, *device);

    PlanSituation s;
    s.state = DeviceState::unused;
    s.keep = false;
    DevicePlan plan = plan_for_device(f.content, device->id, s);

    std::vector<const PlanOption*> reuse;
    for (const PlanOption& o : plan.options)
        if (o.group == OptionGroup::reuse) reuse.push_back(&o);
    if (reuse.empty()) {
        paragraph(f, f.text(device->battery == BatteryKind::is_battery ? "guide.reuse.battery_pack" : "guide.reuse.not_offered"));
    } else {
        paragraph(f, f.text("guide.reuse.intro"));
        option_cards(f, "##guide-reuse-options", reuse.size(), 200.0f, [&](std::size_t i) {
            heading(f, f.text(std::string("guide.option.") + option_kind_name(reuse[i]->kind)), 3);
            paragraph(f, f.text(std::string("guide.reuse.how.") + option_kind_name(reuse[i]->kind)));
            option_reasons(f, reuse[i]->reasons);
        });
    }

    gap();
    wiping_checklist(f, *device, plan);

    if (!plan.remove.empty()) {
        heading(f, f.text("guide.reuse.remove_title"), 2);
        for (const RemoveStep& step : plan.remove) {
            ImGui::PushID(remove_item_name(step.item));
            paragraph(f, "- " + f.text(std::string("guide.remove.") + remove_item_name(step.item)));
            source_links(f, "##remove-sources", step.sources);
            ImGui::PopID();
        }
    }
    if (!plan.safety.empty()) {
        heading(f, f.text("guide.safety.title"), 2);
        for (std::size_t i = 0; i < plan.safety.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            paragraph(f, "- " + f.text(std::string("guide.safety.") + safety_flag_name(plan.safety[i].flag)));
            source_links(f, "##safety-sources", plan.safety[i].sources);
            ImGui::PopID();
        }
    }
    gap();
    Route to_return;
    to_return.screen = Screen::device_return;
    to_return.device_id = device->id;
    paragraph(f, f.text("guide.reuse.or_return"));
    route_link(f, "##guide-reuse-to-return", f.text("title.device_return"), with_language(f, to_return));
}

}  // namespace stadsmijn::ui
