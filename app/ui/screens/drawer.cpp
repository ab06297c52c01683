// #/drawer : my drawer. The devices a household keeps unused, each with a plan and a status, the
// totals of the materials they hold, kept in the browser's storage and carried over by file.
//
// The drawer itself lives in this file's view state between frames; storage only ever receives
// whole texts of the versioned format (core/drawer/drawer_store.h), and "saved" is shown only when
// the platform reports that storage holds exactly that text. A damaged or old store is never
// written over before its original text is kept apart (or downloaded) and the citizen has seen
// what was recovered.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <optional>

#include "core/civil_date.h"
#include "core/content/search.h"
#include "core/drawer/drawer.h"
#include "core/drawer/drawer_store.h"
#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

constexpr const char* kStoreKey = "drawer";
constexpr const char* kImportTag = "drawer-import";
constexpr std::size_t kMaxSearchResults = 8;
constexpr std::size_t kMaxLabelBytes = 80;

constexpr DeviceGroup kGroups[] = {DeviceGroup::phones_tablets, DeviceGroup::computers,        DeviceGroup::screens,
                                   DeviceGroup::audio_video,    DeviceGroup::wearables,        DeviceGroup::batteries,
                                   DeviceGroup::small_appliances, DeviceGroup::large_appliances, DeviceGroup::lighting,
                                   DeviceGroup::energy,         DeviceGroup::tools,            DeviceGroup::other};
constexpr DrawerPlan kPlans[] = {DrawerPlan::undecided, DrawerPlan::repair, DrawerPlan::reuse, DrawerPlan::return_it};
constexpr DrawerStatus kStatuses[] = {DrawerStatus::to_do, DrawerStatus::in_progress, DrawerStatus::done};

struct Undo {
    Drawer before;
    std::string message;
};

}  // namespace

// What the screen keeps between frames, owned by UiState (declared in frame.h): a fresh UiState
// (a new page, a new test) gets a fresh view.
struct DrawerView {
    bool loaded = false;

    Drawer drawer;
    std::string text;               // save_drawer(drawer): what storage should hold
    bool wants_write = false;       // `text` still has to be handed to storage
    bool wrote = false;             // a write of ours is under way: announce "saved" when it lands
    std::string announced_text;

    // A damaged or old store, as found when the screen opened.
    DrawerLoad load;
    bool notice_open = false;
    std::string backup_key;          // where the original text is kept apart
    bool original_downloaded = false;
    bool retry_backup = false;

    // Adding a device.
    std::string search;
    int group = -1;
    std::string selected;
    std::string label;
    std::string add_query_seen;
    std::string add_query_unknown;

    std::optional<Undo> undo;

    // Import.
    bool awaiting_import = false;
    int import_mode = 0;  // 0 merge, 1 replace
    std::vector<std::string> import_report;
};

namespace {

DrawerView& view_for(UiFrame& f) {
    if (!f.ui.drawer) f.ui.drawer = std::make_shared<DrawerView>();
    return *f.ui.drawer;
}

const std::string* stored(const UiFrame& f, const std::string& key) {
    auto it = f.state.stored.find(key);
    return it == f.state.stored.end() ? nullptr : &it->second;
}

const std::string* storage_error(const UiFrame& f, const std::string& key) {
    auto it = f.state.storage_errors.find(key);
    return it == f.state.storage_errors.end() ? nullptr : &it->second;
}

std::optional<LocalDate> today(const UiFrame& f) {
    if (!f.state.now) return std::nullopt;
    return LocalDate{f.state.now->year, f.state.now->month, f.state.now->day};
}

std::string today_text(const UiFrame& f) {
    auto date = today(f);
    return date ? format_date(*date) : std::string();
}

const std::string& language(const UiFrame& f) { return f.t.language(); }

std::string device_name(const UiFrame& f, const std::string& device_id) {
    const Device* device = f.content.find_device(device_id);
    return device ? device->name.in(language(f)) : device_id;
}

std::string entry_name(const UiFrame& f, const DrawerEntry& entry) {
    return entry.label.empty() ? device_name(f, entry.device) : entry.label;
}

std::string grams_text(const UiFrame& f, const Estimate& grams) {
    if (!grams.known()) return f.text("drawer.totals.unknown");
    if (!grams.is_range()) return f.text("drawer.totals.grams", {{"grams", number_text(f, grams.low())}});
    return f.text("drawer.totals.grams_range",
                  {{"low", number_text(f, grams.low())}, {"high", number_text(f, grams.high())}});
}

// Source names once each: several devices often cite the same source.
std::string distinct_source_names(const UiFrame& f, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const Source* source = f.content.find_source(id);
        std::string name = source ? source->publisher + " " + std::to_string(source->year) : id;
        if (out.find(name) != std::string::npos) continue;
        out += (out.empty() ? "" : "; ") + name;
    }
    return out;
}

std::string issue_text(const UiFrame& f, const DrawerIssue& issue) {
    std::string found = issue.found;
    if (issue.kind == DrawerIssueKind::device_unknown && f.content.find_device(found)) found = device_name(f, found);
    return f.text(std::string("drawer.issue.") + drawer_issue_name(issue.kind),
                  {{"entry", std::to_string(issue.entry + 1)}, {"field", issue.field}, {"found", found}});
}

// A button whose label wraps when it does not fit the column (long labels on a phone at 200 %
// text); a label that fits gets the ordinary button.
bool wrapping_button(UiFrame& f, const char* id, const std::string& label, bool primary = false) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = f.available_width();
    float inner = width - 2 * style.FramePadding.x;
    if (ImGui::CalcTextSize(label.c_str()).x <= inner)
        return primary ? primary_button(f, id, label) : secondary_button(f, id, label);
    const std::string lines = break_lines(label, inner);
    ImVec2 text = ImGui::CalcTextSize(lines.c_str());
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    bool clicked = ImGui::InvisibleButton("##wrapping-button", ImVec2(width, text.y + 2 * style.FramePadding.y));
    clicked = clicked || f.activated(ImGui::GetItemID());
    bool hovered = ImGui::IsItemHovered();
    ImVec2 bottom_right = ImGui::GetItemRectMax();
    auto rgba = [](Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    Rgb fill = primary ? (hovered ? f.palette.accent_hovered : f.palette.accent) : f.palette.surface;
    draw->AddRectFilled(top_left, bottom_right, rgba(fill), style.FrameRounding);
    draw->AddRect(top_left, bottom_right, rgba(hovered ? f.palette.text : f.palette.border), style.FrameRounding, 0,
                  hovered ? 2.0f : 1.0f);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y),
                  rgba(primary ? f.palette.accent_text : f.palette.text), lines.c_str());
    SemanticNode node;
    node.id = ImGui::GetItemID();
    node.role = Role::button;
    node.name = label;
    node.x = top_left.x;
    node.y = top_left.y;
    node.width = bottom_right.x - top_left.x;
    node.height = bottom_right.y - top_left.y;
    f.semantics.add(std::move(node));
    ImGui::PopID();
    return clicked;
}

// Storage may take the text: nothing stored needs keeping, or the original is safe elsewhere.
bool original_is_safe(const UiFrame& f, const DrawerView& v) {
    if (v.backup_key.empty() || v.original_downloaded) return true;
    const std::string* copy = stored(f, v.backup_key);
    return copy && *copy == v.load.original;
}

void changed(DrawerView& v) {
    v.text = save_drawer(v.drawer);
    v.wants_write = true;
    v.retry_backup = true;
}

// A key for the original text that does not overwrite an earlier, different copy.
std::string backup_key_for(const UiFrame& f, const std::string& original) {
    std::string date = today_text(f);
    std::string base = std::string(kStoreKey) + ".damaged" + (date.empty() ? "" : "-" + date);
    for (int n = 1;; ++n) {
        std::string key = n == 1 ? base : base + "-" + std::to_string(n);
        const std::string* existing = stored(f, key);
        if (!existing || *existing == original) return key;
    }
}

void load_once(UiFrame& f, DrawerView& v) {
    if (v.loaded) return;
    v.loaded = true;
    const std::string* text = stored(f, kStoreKey);
    v.load = load_drawer(text ? *text : std::string(), f.content.devices);
    v.drawer = v.load.drawer;
    v.text = save_drawer(v.drawer);
    if (v.load.empty_store || (v.load.clean() && !v.load.migrated)) return;
    v.notice_open = true;
    v.backup_key = backup_key_for(f, v.load.original);
    if (!stored(f, v.backup_key)) f.actions.store[v.backup_key] = v.load.original;
    f.actions.announce.push_back(f.text(v.load.lost_data() ? "drawer.recovery.title_lost" : "drawer.recovery.title_kept"));
}

FileDownload export_file(const UiFrame& f, const DrawerView& v) {
    std::string date = today_text(f);
    return FileDownload{"stadsmijn-la" + (date.empty() ? "" : "-" + date) + ".json", "application/json",
                        save_drawer(v.drawer)};
}

void take_picked_file(UiFrame& f, DrawerView& v) {
    if (!v.awaiting_import) return;
    auto it = f.state.picked_files.find(kImportTag);
    if (it == f.state.picked_files.end()) return;
    v.awaiting_import = false;
    const PickedFile& file = it->second;
    v.import_report.clear();
    if (!file.error.empty()) {
        v.import_report.push_back(f.text("drawer.import.unreadable", {{"file", file.name}, {"error", file.error}}));
        f.actions.announce.push_back(v.import_report.front());
        return;
    }
    ImportMode mode = v.import_mode == 1 ? ImportMode::replace : ImportMode::merge;
    DrawerImport result = import_drawer(v.drawer, file.text, mode, f.content.devices);
    if (!result.applied) {
        v.import_report.push_back(f.text("drawer.import.not_a_drawer", {{"file", file.name}}));
    } else {
        v.undo = Undo{v.drawer, f.text("drawer.import.undo_message", {{"file", file.name}})};
        v.drawer = result.drawer;
        changed(v);
        v.import_report.push_back(f.text("drawer.import.done", {{"file", file.name}}));
        if (result.added > 0) v.import_report.push_back(f.t.plural("drawer.import.added", result.added));
        if (result.already_there > 0)
            v.import_report.push_back(f.t.plural("drawer.import.already_there", result.already_there));
        if (result.kept_ours > 0) v.import_report.push_back(f.t.plural("drawer.import.kept_ours", result.kept_ours));
        if (result.replaced > 0) v.import_report.push_back(f.t.plural("drawer.import.replaced", result.replaced));
        if (result.added == 0 && result.already_there == 0 && result.kept_ours == 0)
            v.import_report.push_back(f.text("drawer.import.empty_file"));
    }
    if (!result.file.issues.empty()) {
        v.import_report.push_back(f.text("drawer.import.issues"));
        for (const auto& issue : result.file.issues) v.import_report.push_back("- " + issue_text(f, issue));
    }
    std::string spoken;
    for (const auto& line : v.import_report) spoken += (spoken.empty() ? "" : " ") + line;
    f.actions.announce.push_back(spoken);
}

void recovery_notice(UiFrame& f, DrawerView& v) {
    if (!v.notice_open) return;
    bool lost = v.load.lost_data();
    std::string detail = f.t.plural("drawer.recovery.kept", static_cast<long long>(v.drawer.entries.size()));
    if (lost) detail += " " + f.text("drawer.recovery.lost_list");
    warning_banner(f, f.text(lost ? "drawer.recovery.title_lost" : "drawer.recovery.title_kept"), detail);
    for (const auto& issue : v.load.issues) paragraph(f, "- " + issue_text(f, issue));
    if (const std::string* error = storage_error(f, v.backup_key); error && !original_is_safe(f, v))
        paragraph(f, f.text("drawer.recovery.copy_failed", {{"error", *error}}));
    else if (original_is_safe(f, v) && !v.original_downloaded)
        muted(f, f.text("drawer.recovery.copy_kept", {{"key", v.backup_key}}));
    else if (!original_is_safe(f, v))
        muted(f, f.text("drawer.recovery.copy_pending"));
    if (wrapping_button(f, "##drawer-download-original", f.text("drawer.recovery.download"))) {
        std::string date = today_text(f);
        f.actions.download = FileDownload{"stadsmijn-la-origineel" + (date.empty() ? "" : "-" + date) + ".txt",
                                          "text/plain", v.load.original};
        v.original_downloaded = true;
        f.actions.announce.push_back(f.text("drawer.recovery.downloaded"));
    }
    if (wrapping_button(f, "##drawer-recovery-ok", f.text("drawer.recovery.continue"), true)) {
        v.notice_open = false;
        changed(v);  // the recovered drawer replaces the damaged text (kept apart above)
    }
    ImGui::Spacing();
}

void save_status(UiFrame& f, DrawerView& v) {
    const std::string* in_storage = stored(f, kStoreKey);
    bool saved = in_storage && *in_storage == v.text;
    if (saved) {
        if (v.wrote && v.announced_text != v.text) {
            f.actions.announce.push_back(f.text("drawer.saved"));
            v.announced_text = v.text;
            v.wrote = false;
        }
        paragraph(f, f.text("drawer.saved"));
        return;
    }
    if (const std::string* error = storage_error(f, kStoreKey)) {
        warning_banner(f, f.text("drawer.storage_error.title"), f.text("drawer.storage_error.text", {{"error", *error}}));
        if (wrapping_button(f, "##drawer-retry", f.text("drawer.storage_error.retry"))) v.wants_write = true;
        if (wrapping_button(f, "##drawer-error-export", f.text("drawer.export.button"))) {
            f.actions.download = export_file(f, v);
            f.actions.announce.push_back(f.text("drawer.export.done"));
        }
        ImGui::Spacing();
        return;
    }
    if (v.notice_open) return;
    if (!in_storage && v.drawer.entries.empty()) return;  // nothing kept yet, nothing to say
    if (!original_is_safe(f, v))
        muted(f, f.text("drawer.not_saved_yet"));
    else
        muted(f, f.text("drawer.saving"));
}

void undo_line(UiFrame& f, DrawerView& v) {
    if (!v.undo) return;
    // Where the citizen sees it, even after removing the last device of a long list.
    reveal_here(f, "drawer.undo");
    paragraph(f, v.undo->message);
    if (wrapping_button(f, "##drawer-undo", f.text("drawer.undo"))) {
        v.drawer = v.undo->before;
        v.undo.reset();
        changed(v);
        f.actions.announce.push_back(f.text("drawer.undone"));
    }
    ImGui::Spacing();
}

void device_picker(UiFrame& f, DrawerView& v) {
    if (auto q = f.state.route.query.find("add"); q != f.state.route.query.end() && q->second != v.add_query_seen) {
        v.add_query_seen = q->second;
        v.add_query_unknown.clear();
        if (f.content.find_device(q->second))
            v.selected = q->second;
        else
            v.add_query_unknown = q->second;
    }

    heading(f, f.text("drawer.add.title"), 2);
    if (!v.add_query_unknown.empty()) muted(f, f.text("drawer.add.unknown_device", {{"id", v.add_query_unknown}}));
    text_field(f, "##drawer-search", f.text("drawer.add.search"), v.search, f.text("drawer.add.search_hint"), true);

    std::vector<const Device*> shown;
    std::string group_label;
    if (!v.search.empty()) {
        for (const auto& match : search_devices(f.content.devices, v.search)) {
            if (shown.size() == kMaxSearchResults) break;
            shown.push_back(match.device);
        }
        group_label = f.text("drawer.add.results");
        if (shown.empty()) muted(f, f.text("drawer.add.no_results", {{"query", v.search}}));
    } else {
        std::vector<DeviceGroup> groups;
        std::vector<std::string> labels;
        for (DeviceGroup g : kGroups) {
            bool any = std::any_of(f.content.devices.begin(), f.content.devices.end(),
                                   [&](const Device& d) { return d.group == g; });
            if (!any) continue;
            groups.push_back(g);
            labels.push_back(f.text(std::string("drawer.group.") + device_group_name(g)));
        }
        muted(f, f.text("drawer.add.or_group"));
        int chosen = radio_row(f, "##drawer-groups", f.text("drawer.add.groups"), labels, labels, v.group);
        if (chosen >= 0) {
            v.group = chosen;
            ask_to_reveal(f, "drawer.group");
        }
        if (v.group >= 0 && v.group < static_cast<int>(groups.size())) {
            for (const auto& d : f.content.devices)
                if (d.group == groups[static_cast<std::size_t>(v.group)]) shown.push_back(&d);
            group_label = labels[static_cast<std::size_t>(v.group)];
        }
    }
    if (!shown.empty()) {
        std::vector<std::string> names;
        int selected = -1;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            names.push_back(shown[i]->name.in(language(f)));
            if (shown[i]->id == v.selected) selected = static_cast<int>(i);
        }
        ImGui::Spacing();
        reveal_here(f, "drawer.group");
        // One per line: device names are long ("Mobiele telefoon zonder apps") and must wrap at 200 %.
        int chosen = choice_list(f, "##drawer-devices", group_label, names, selected);
        if (chosen >= 0) v.selected = shown[static_cast<std::size_t>(chosen)]->id;
    }

    ImGui::Spacing();
    if (v.selected.empty() || !f.content.find_device(v.selected)) {
        muted(f, f.text("drawer.add.choose_first"));
        return;
    }
    std::string name = device_name(f, v.selected);
    paragraph(f, f.text("drawer.add.chosen", {{"device", name}}));
    text_field(f, "##drawer-label", f.text("drawer.add.label"), v.label, f.text("drawer.add.label_hint"));
    if (wrapping_button(f, "##drawer-add", f.text("drawer.add.button"), true)) {
        std::string label = v.label;
        while (!label.empty() && label.back() == ' ') label.pop_back();
        while (!label.empty() && label.front() == ' ') label.erase(label.begin());
        if (label.size() > kMaxLabelBytes) {
            label.resize(kMaxLabelBytes);
            while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80) label.pop_back();
            if (!label.empty() && static_cast<unsigned char>(label.back()) >= 0xC0) label.pop_back();
        }
        std::optional<LocalDate> date = today(f);
        std::uint32_t random = f.random32 ? f.random32() : static_cast<std::uint32_t>(v.drawer.entries.size() + 1);
        const DrawerEntry& entry = add_to_drawer(v.drawer, v.selected, label, date.value_or(LocalDate{}), random);
        // Without a clock the date is not known, and the drawer says so rather than invent one.
        if (!date) v.drawer.find(entry.id)->added.reset();
        changed(v);
        v.undo.reset();
        f.actions.announce.push_back(f.text("drawer.add.done", {{"device", label.empty() ? name : label}}));
        v.selected.clear();
        v.label.clear();
        v.search.clear();
    }
}

Route plan_route(const UiFrame& f, const DrawerEntry& entry) {
    Route route;
    route.device_id = entry.device;
    switch (entry.plan) {
        case DrawerPlan::undecided: route.screen = Screen::device; break;
        case DrawerPlan::repair: route.screen = Screen::device_repair; break;
        case DrawerPlan::reuse: route.screen = Screen::device_reuse; break;
        case DrawerPlan::return_it: route.screen = Screen::device_return; break;
    }
    return with_language(f, route);
}

void entries_list(UiFrame& f, DrawerView& v) {
    heading(f, f.t.plural("drawer.list.title", static_cast<long long>(v.drawer.entries.size())), 2);
    if (v.drawer.entries.empty()) {
        paragraph(f, f.text("drawer.list.empty"));
        return;
    }
    std::vector<std::string> plan_labels, status_labels;
    for (DrawerPlan p : kPlans) plan_labels.push_back(f.text(std::string("drawer.plan.") + drawer_plan_name(p)));
    for (DrawerStatus s : kStatuses)
        status_labels.push_back(f.text(std::string("drawer.status.") + drawer_status_name(s)));

    std::optional<std::string> remove;
    for (DrawerEntry& entry : v.drawer.entries) {
        ImGui::PushID(entry.id.c_str());
        std::string name = entry_name(f, entry);
        heading(f, name, 3);
        if (!entry.label.empty()) muted(f, device_name(f, entry.device));
        if (entry.added) muted(f, f.text("drawer.entry.added", {{"date", date_text(f, *entry.added)}}));

        int plan = static_cast<int>(std::find(std::begin(kPlans), std::end(kPlans), entry.plan) - std::begin(kPlans));
        int chosen = radio_row(f, ("##drawer-plan-" + entry.id).c_str(), f.text("drawer.entry.plan", {{"name", name}}),
                               plan_labels, plan_labels, plan, true);
        if (chosen >= 0) {
            entry.plan = kPlans[chosen];
            changed(v);
        }
        int status =
            static_cast<int>(std::find(std::begin(kStatuses), std::end(kStatuses), entry.status) - std::begin(kStatuses));
        chosen = radio_row(f, ("##drawer-status-" + entry.id).c_str(), f.text("drawer.entry.status", {{"name", name}}),
                           status_labels, status_labels, status, true);
        if (chosen >= 0) {
            entry.status = kStatuses[chosen];
            changed(v);
        }
        std::string device = device_name(f, entry.device);
        std::string plan_name = drawer_plan_name(entry.plan);
        entry_card(f, ("##drawer-go-" + entry.id).c_str(), f.text("drawer.entry.go." + plan_name),
                   f.text("drawer.entry.go_text." + plan_name, {{"device", device}}), plan_route(f, entry));
        ImGui::Spacing();
        if (wrapping_button(f, ("##drawer-remove-" + entry.id).c_str(), f.text("drawer.entry.remove")))
            remove = entry.id;
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (remove) {
        const DrawerEntry* entry = v.drawer.find(*remove);
        std::string message = f.text("drawer.entry.removed", {{"name", entry_name(f, *entry)}});
        v.undo = Undo{v.drawer, message};
        remove_from_drawer(v.drawer, *remove);
        changed(v);
        f.actions.announce.push_back(message + " " + f.text("drawer.entry.removed_undo_hint"));
        ask_to_reveal(f, "drawer.undo");
    }
}

void totals(UiFrame& f, const DrawerView& v) {
    heading(f, f.text("drawer.totals.title"), 2);
    DrawerTotals t = drawer_totals(v.drawer, f.content);
    if (t.devices == 0) {
        paragraph(f, f.text(t.devices_done > 0 ? "drawer.totals.all_done" : "drawer.totals.none"));
        return;
    }
    paragraph(f, f.t.plural("drawer.totals.devices", t.devices));
    if (t.devices_done > 0) muted(f, f.t.plural("drawer.totals.done", t.devices_done));
    if (t.devices_without_data > 0) paragraph(f, f.t.plural("drawer.totals.without_data", t.devices_without_data));

    std::vector<std::vector<std::string>> rows;
    for (const MaterialTotal& m : t.materials) {
        if (m.devices_with_figures == 0 && m.devices_unknown == 0) continue;
        const Material* material = f.content.find_material(m.material);
        std::string name = material ? material->name.in(language(f)) : m.material;
        if (m.critical && m.strategic)
            name += " (" + f.text("drawer.totals.critical_strategic") + ")";
        else if (m.critical)
            name += " (" + f.text("drawer.totals.critical") + ")";
        else if (m.strategic)
            name += " (" + f.text("drawer.totals.strategic") + ")";
        std::string unknown = m.devices_unknown == 0 ? f.text("drawer.totals.none_unknown")
                                                     : f.t.plural("drawer.totals.unknown_devices", m.devices_unknown);
        std::string sources = m.sources.empty() ? f.text("drawer.totals.no_source") : distinct_source_names(f, m.sources);
        rows.push_back({name, grams_text(f, m.grams), unknown, sources});
    }
    if (rows.empty()) {
        paragraph(f, f.text("drawer.totals.no_figures"));
        return;
    }
    data_table(f, "##drawer-totals", f.text("drawer.totals.caption"),
               {f.text("drawer.totals.col_material"), f.text("drawer.totals.col_grams"),
                f.text("drawer.totals.col_unknown"), f.text("drawer.totals.col_sources")},
               rows);
    muted(f, f.text("drawer.totals.explained"));
}

void export_import(UiFrame& f, DrawerView& v) {
    heading(f, f.text("drawer.file.title"), 2);
    paragraph(f, f.text("drawer.file.text"));
    if (wrapping_button(f, "##drawer-export", f.text("drawer.export.button"))) {
        f.actions.download = export_file(f, v);
        f.actions.announce.push_back(f.text("drawer.export.done"));
    }
    ImGui::Spacing();
    int mode = radio_row(f, "##drawer-import-mode", f.text("drawer.import.mode"),
                         {f.text("drawer.import.merge"), f.text("drawer.import.replace")},
                         {f.text("drawer.import.merge"), f.text("drawer.import.replace")}, v.import_mode);
    if (mode >= 0) v.import_mode = mode;
    if (wrapping_button(f, "##drawer-import", f.text("drawer.import.button"))) {
        f.actions.pick_file = kImportTag;
        v.awaiting_import = true;
        v.import_report.clear();
    }
    for (const auto& line : v.import_report) paragraph(f, line);
}

}  // namespace

void draw_drawer(UiFrame& f) {
    DrawerView& v = view_for(f);
    load_once(f, v);
    take_picked_file(f, v);

    heading(f, f.text("drawer.title"), 1);
    paragraph(f, f.text("drawer.intro"));
    ImGui::Spacing();
    recovery_notice(f, v);
    save_status(f, v);
    undo_line(f, v);

    device_picker(f, v);
    ImGui::Spacing();
    entries_list(f, v);
    ImGui::Spacing();
    totals(f, v);
    ImGui::Spacing();
    export_import(f, v);

    // Write only once the original of a damaged store is kept apart, and not while its notice
    // is open and the citizen has changed nothing.
    if (v.wants_write && original_is_safe(f, v)) {
        f.actions.store[kStoreKey] = v.text;
        v.wants_write = false;
        v.wrote = true;
    } else if (v.retry_backup && !v.backup_key.empty() && !stored(f, v.backup_key)) {
        f.actions.store[v.backup_key] = v.load.original;  // the copy failed before: try again, once per change
    }
    v.retry_backup = false;
}

}  // namespace stadsmijn::ui
