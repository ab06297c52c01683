#include "core/content/repair_economics.h"

#include <algorithm>
#include <set>

namespace stadsmijn {

namespace {

constexpr std::pair<const char*, RepairRoute> kRoutes[] = {
    {"diy", RepairRoute::diy},
    {"repair-cafe", RepairRoute::repair_cafe},
    {"professional", RepairRoute::professional},
};

std::optional<RepairRoute> read_route(const JsonReader& item) {
    std::string name = item.string("route");
    if (auto route = repair_route_from_name(name)) return route;
    if (!name.empty()) item.problem_at("route", "must be diy, repair-cafe or professional, found '" + name + "'");
    return std::nullopt;
}

std::optional<CitedRange> read_range_at(const JsonReader& parent, const char* key) {
    auto child = parent.child(key);
    if (!child || !child->expect_object()) return std::nullopt;
    child->reject_unknown_keys({"value", "min", "max", "sources", "note"});
    return read_cited_range(*child);
}

class Checker {
public:
    Checker(const std::vector<Source>& sources, const std::vector<Device>& devices)
        : sources_(sources), devices_(devices) {}

    void device(const JsonReader& at, const char* key, const std::string& id) const {
        if (devices_.empty() || id.empty()) return;
        for (const auto& d : devices_)
            if (d.id == id) return;
        at.problem_at(key, "'" + id + "' is not a device in content/devices.json");
    }
    void cited(const JsonReader& at, const std::vector<std::string>& ids) const {
        if (sources_.empty()) return;
        for (const auto& id : ids)
            if (std::none_of(sources_.begin(), sources_.end(), [&](const Source& s) { return s.id == id; }))
                at.problem_at("sources", "cites '" + id + "', which is not in content/sources.json");
    }

private:
    const std::vector<Source>& sources_;
    const std::vector<Device>& devices_;
};

}  // namespace

const char* repair_route_name(RepairRoute route) {
    for (const auto& [name, value] : kRoutes)
        if (value == route) return name;
    return "professional";
}

std::optional<RepairRoute> repair_route_from_name(std::string_view name) {
    for (const auto& [text, value] : kRoutes)
        if (name == text) return value;
    return std::nullopt;
}

const CitedRange* DeviceRepairEconomics::cost_for(RepairRoute route) const {
    for (const auto& cost : repair_cost_euro)
        if (cost.route == route) return &cost.euro;
    return nullptr;
}

bool ManufacturerRepairDuty::covers(std::string_view device) const {
    return std::find(devices.begin(), devices.end(), device) != devices.end();
}

const DeviceRepairEconomics* RepairEconomics::find(std::string_view device) const {
    for (const auto& entry : devices)
        if (entry.device == device) return &entry;
    return nullptr;
}

const CitedRange* RepairEconomics::labour_for(RepairRoute route) const {
    for (const auto& labour : route_labour)
        if (labour.route == route) return &labour.euro;
    return nullptr;
}

std::vector<std::string> RepairEconomics::cited_sources() const {
    std::vector<std::string> ids;
    auto add = [&](const std::vector<std::string>& more) { ids.insert(ids.end(), more.begin(), more.end()); };
    for (const auto& labour : route_labour) add(labour.euro.sources);
    for (const auto& device : devices) {
        for (const auto& cost : device.repair_cost_euro) add(cost.euro.sources);
        if (device.repair_kg_co2e) add(device.repair_kg_co2e->sources);
    }
    if (remaining_life) add(remaining_life->sources);
    add(manufacturer_repair.sources);
    return ids;
}

RepairEconomics read_repair_economics(const JsonReader& root, const std::vector<Source>& sources,
                                      const std::vector<Device>& devices) {
    RepairEconomics economics;
    Checker check(sources, devices);
    if (!root.expect_object()) return economics;
    root.reject_unknown_keys({"note", "route_labour", "devices", "remaining_life", "manufacturer_repair"});

    root.each("route_labour", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"route", "labour_euro"});
        auto route = read_route(item);
        auto euro = read_range_at(item, "labour_euro");
        if (euro) check.cited(*item.child("labour_euro"), euro->sources);
        if (route && euro) economics.route_labour.push_back({*route, *euro});
    });

    std::set<std::string> seen;
    root.each("devices", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"device", "repair_cost_euro", "repair_kg_co2e"});
        DeviceRepairEconomics entry;
        entry.device = item.string("device");
        check.device(item, "device", entry.device);
        if (!entry.device.empty() && !seen.insert(entry.device).second)
            item.problem_at("device", "'" + entry.device + "' is listed twice; give each device kind one entry");
        if (item.has("repair_cost_euro")) {
            std::set<RepairRoute> routes;
            item.each("repair_cost_euro", [&](JsonReader cost) {
                if (!cost.expect_object()) return;
                cost.reject_unknown_keys({"route", "value", "min", "max", "sources", "note"});
                auto route = read_route(cost);
                auto euro = read_cited_range(cost);
                if (euro) check.cited(cost, euro->sources);
                if (route && !routes.insert(*route).second)
                    cost.problem_at("route", std::string("'") + repair_route_name(*route) + "' is given twice");
                else if (route && euro)
                    entry.repair_cost_euro.push_back({*route, *euro});
            });
        }
        if (item.has("repair_kg_co2e")) {
            entry.repair_kg_co2e = read_range_at(item, "repair_kg_co2e");
            if (entry.repair_kg_co2e) check.cited(*item.child("repair_kg_co2e"), entry.repair_kg_co2e->sources);
        }
        const bool no_costs = !item.has("repair_cost_euro") ||
                              (item.node()["repair_cost_euro"].is_array() && item.node()["repair_cost_euro"].empty());
        if (no_costs && !item.has("repair_kg_co2e"))
            item.problem("gives no figure; leave a device kind out when nothing is known about it");
        economics.devices.push_back(std::move(entry));
    });

    if (auto rule = root.child("remaining_life")) {
        if (rule->expect_object()) {
            rule->reject_unknown_keys({"before_share", "after_share", "sources", "note"});
            RemainingLifeRule r;
            r.before_share = rule->number("before_share", {.min = 0, .max = 1});
            r.after_share = rule->number("after_share", {.min = 0, .max = 1});
            r.sources = read_source_ids(*rule);
            r.note = read_local_text(*rule, "note", false);
            check.cited(*rule, r.sources);
            if (r.before_share > 0 && r.after_share > 0) economics.remaining_life = std::move(r);
        }
    }

    if (auto duty = root.child("manufacturer_repair")) {
        if (duty->expect_object()) {
            duty->reject_unknown_keys({"devices", "sources", "note"});
            economics.manufacturer_repair.devices = duty->strings("devices");
            for (const auto& id : economics.manufacturer_repair.devices) check.device(*duty, "devices", id);
            economics.manufacturer_repair.sources = read_source_ids(*duty);
            economics.manufacturer_repair.note = read_local_text(*duty, "note", false);
            check.cited(*duty, economics.manufacturer_repair.sources);
        }
    }
    return economics;
}

}  // namespace stadsmijn
