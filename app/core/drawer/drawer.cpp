#include "core/drawer/drawer.h"

#include <algorithm>

#include "core/civil_date.h"

namespace stadsmijn {

namespace {

constexpr std::pair<const char*, DrawerPlan> kPlans[] = {
    {"undecided", DrawerPlan::undecided},
    {"repair", DrawerPlan::repair},
    {"reuse", DrawerPlan::reuse},
    {"return", DrawerPlan::return_it},
};

constexpr std::pair<const char*, DrawerStatus> kStatuses[] = {
    {"to-do", DrawerStatus::to_do},
    {"in-progress", DrawerStatus::in_progress},
    {"done", DrawerStatus::done},
};

std::string base36(std::uint32_t value) {
    const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string text;
    do {
        text.insert(text.begin(), digits[value % 36]);
        value /= 36;
    } while (value);
    return text;
}

void add_sources(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& id : from)
        if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
}

}  // namespace

const DrawerEntry* Drawer::find(std::string_view id) const {
    for (const auto& entry : entries)
        if (entry.id == id) return &entry;
    return nullptr;
}

DrawerEntry* Drawer::find(std::string_view id) {
    for (auto& entry : entries)
        if (entry.id == id) return &entry;
    return nullptr;
}

std::string new_entry_id(const Drawer& drawer, const LocalDate& added, std::uint32_t random) {
    std::string date = format_date(added);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    std::string base = date + "-" + base36(random);
    std::string id = base;
    for (int n = 2; drawer.find(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

const DrawerEntry& add_to_drawer(Drawer& drawer, std::string device, std::string label, const LocalDate& added,
                                 std::uint32_t random) {
    DrawerEntry entry;
    entry.id = new_entry_id(drawer, added, random);
    entry.device = std::move(device);
    entry.label = std::move(label);
    entry.added = added;
    drawer.entries.push_back(std::move(entry));
    return drawer.entries.back();
}

bool remove_from_drawer(Drawer& drawer, std::string_view id) {
    auto at = std::find_if(drawer.entries.begin(), drawer.entries.end(), [&](const auto& e) { return e.id == id; });
    if (at == drawer.entries.end()) return false;
    drawer.entries.erase(at);
    return true;
}

DrawerTotals drawer_totals(const Drawer& drawer, const Content& content) {
    DrawerTotals totals;
    std::vector<MaterialTotal> by_material(content.materials.size());
    for (std::size_t i = 0; i < content.materials.size(); ++i) {
        by_material[i].material = content.materials[i].id;
        by_material[i].critical = content.materials[i].critical;
        by_material[i].strategic = content.materials[i].strategic;
    }
    auto index_of = [&](const std::string& material) -> MaterialTotal* {
        for (auto& total : by_material)
            if (total.material == material) return &total;
        return nullptr;
    };

    for (const auto& entry : drawer.entries) {
        if (entry.status == DrawerStatus::done) {
            ++totals.devices_done;
            continue;
        }
        ++totals.devices;
        auto compositions = content.compositions_of(entry.device);
        if (compositions.empty()) ++totals.devices_without_data;
        for (const Composition* composition : compositions) {
            MaterialTotal* total = index_of(composition->material);
            if (!total) continue;
            if (composition->unknown || composition->figures.empty()) {
                ++total->devices_unknown;
                add_sources(total->sources, composition->unknown_sources);
                continue;
            }
            // Where sources disagree the device holds the whole span of their figures.
            double low = composition->figures.front().grams.min, high = composition->figures.front().grams.max;
            for (const auto& figure : composition->figures) {
                low = std::min(low, figure.grams.min);
                high = std::max(high, figure.grams.max);
                add_sources(total->sources, figure.grams.sources);
            }
            Estimate grams = Estimate::between(low, high);
            total->grams = total->devices_with_figures ? total->grams + grams : grams;
            ++total->devices_with_figures;
        }
    }
    for (auto& total : by_material)
        if (total.devices_with_figures || total.devices_unknown) totals.materials.push_back(std::move(total));
    return totals;
}

const char* drawer_plan_name(DrawerPlan plan) {
    for (const auto& [name, value] : kPlans)
        if (value == plan) return name;
    return "undecided";
}

const char* drawer_status_name(DrawerStatus status) {
    for (const auto& [name, value] : kStatuses)
        if (value == status) return name;
    return "to-do";
}

std::optional<DrawerPlan> drawer_plan_from_name(std::string_view name) {
    for (const auto& [text, value] : kPlans)
        if (name == text) return value;
    return std::nullopt;
}

std::optional<DrawerStatus> drawer_status_from_name(std::string_view name) {
    for (const auto& [text, value] : kStatuses)
        if (name == text) return value;
    return std::nullopt;
}

}  // namespace stadsmijn
