// #/device/{id}/reuse : sell it, give it away or trade it in; first the data-wiping checklist for
// its operating system (activation locks included) and what to take out.
#include <imgui.h>

#include "core/advice/plan.h"
#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

void set_flag(UiFrame& f, const std::string& key, bool on) {
    if (on)
        f.ui.fields[key] = "1";
    else
        f.ui.fields.erase(key);
}

void wiping_checklist(UiFrame& f, const Device& device, const DevicePlan& plan) {
    const std::string& language = f.t.language();
    heading(f, f.text("guide.reuse.wipe_title"), 2);
    if (plan.wiping.empty() && plan.activation_locks.empty()) {
        paragraph(f, f.text("guide.reuse.no_data"));
        return;
    }
    paragraph(f, f.text("guide.reuse.wipe_intro"));
    for (const Guidance* steps : plan.wiping) {
        ImGui::PushID(steps->id.c_str());
        heading(f, steps->title.in(language), 3);
        if (!steps->summary.empty()) paragraph(f, steps->summary.in(language));
        for (std::size_t i = 0; i < steps->points.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            // The checklist ticks are view state: they help while wiping, they are not stored.
            std::string key = "guide.wipe." + device.id + "." + steps->id + "." + std::to_string(i);
            bool done = f.ui.fields[key] == "1";
            if (check_item(f, "##guide-wipe-step", steps->points[i].text.in(language), done)) set_flag(f, key, done);
            source_links(f, "##step-sources", steps->points[i].sources);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (!plan.activation_locks.empty()) {
        heading(f, f.text("guide.reuse.locks_title"), 3);
        for (const ActivationLockStep& lock : plan.activation_locks) {
            ImGui::PushID(activation_lock_name(lock.lock));
            std::string key = "guide.lock." + device.id + "." + activation_lock_name(lock.lock);
            bool done = f.ui.fields[key] == "1";
            if (check_item(f, "##guide-lock-step", f.text(std::string("guide.lock.") + activation_lock_name(lock.lock)), done))
                set_flag(f, key, done);
            source_links(f, "##lock-sources", lock.sources);
            ImGui::PopID();
        }
    }
}

}  // namespace

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
