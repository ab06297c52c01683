// Repair economics: what a repair costs per route (do it yourself, repair café, professional) and
// what it emits, per device kind; how long a repaired device keeps going; and which device kinds
// the EU right-to-repair directive obliges manufacturers to repair. From content/repair_economics.json.
//
// Absent means unknown: a device kind or route the file does not list has no figure, and the
// advice says "unknown" instead of inventing one.
//
//   const auto* kind = content.repair_economics.find("smartphone");
//   if (kind) if (const CitedRange* euro = kind->cost_for(RepairRoute::professional)) show(*euro);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/devices.h"
#include "core/content/local_text.h"
#include "core/content/materials.h"
#include "core/content/sources.h"
#include "core/json_reader.h"

namespace stadsmijn {

enum class RepairRoute { diy, repair_cafe, professional };

struct RouteCost {
    RepairRoute route = RepairRoute::professional;
    CitedRange euro;
};

struct DeviceRepairEconomics {
    std::string device;                        // device id
    std::vector<RouteCost> repair_cost_euro;   // the whole repair (labour and parts) per route
    std::optional<CitedRange> repair_kg_co2e;  // footprint of one repair

    const CitedRange* cost_for(RepairRoute route) const;
};

// What the labour of a route costs regardless of the device (a repair café: nothing, parts extra).
struct RouteLabour {
    RepairRoute route = RepairRoute::repair_cafe;
    CitedRange euro;
};

// Years a repaired device keeps going, from its lifetime L and age a: L - a while a < before_share * L,
// else after_share * L (SHAREPAIR/VITO).
struct RemainingLifeRule {
    double before_share = 0;
    double after_share = 0;
    std::vector<std::string> sources;
    LocalText note;
};

struct ManufacturerRepairDuty {
    std::vector<std::string> devices;  // device ids of Annex II kinds
    std::vector<std::string> sources;
    LocalText note;

    bool covers(std::string_view device) const;
};

struct RepairEconomics {
    std::vector<RouteLabour> route_labour;
    std::vector<DeviceRepairEconomics> devices;
    std::optional<RemainingLifeRule> remaining_life;
    ManufacturerRepairDuty manufacturer_repair;

    const DeviceRepairEconomics* find(std::string_view device) const;
    const CitedRange* labour_for(RepairRoute route) const;
    // Every source id the file cites, for the registry check.
    std::vector<std::string> cited_sources() const;
};

// Reads content/repair_economics.json. Device ids and source ids are checked against `devices`
// and `sources` when those are not empty (an empty list means its file failed: no flood of problems).
RepairEconomics read_repair_economics(const JsonReader& root, const std::vector<Source>& sources,
                                      const std::vector<Device>& devices);

const char* repair_route_name(RepairRoute route);  // "diy", "repair-cafe", "professional"
std::optional<RepairRoute> repair_route_from_name(std::string_view name);

}  // namespace stadsmijn
