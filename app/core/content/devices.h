// Devices: the kinds of household device a citizen can look up, each tied to an Open Repair
// Data (ORDS) product category so repair odds can be found for it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/content/materials.h"
#include "core/json_reader.h"

namespace stadsmijn {

enum class DeviceGroup { phones_tablets, computers, screens, audio_video, wearables, batteries, small_appliances,
                         large_appliances, lighting, energy, tools, other };

// How to wipe personal data before the device leaves the house (guidance.json has the steps).
enum class DataKind { none, android, ios, computer, other_storage };

enum class BatteryKind { none, removable, built_in, is_battery };

struct Device {
    std::string id;                 // kebab-case English: "smartphone", "e-bike-battery"
    LocalText name;
    DeviceGroup group = DeviceGroup::other;
    std::string ords_category;      // one of the 40 ORDS v0.3 product categories, e.g. "Mobile"
    std::vector<std::string> words_nl;  // Dutch search words (ORDS item types + common words)
    std::vector<std::string> words_en;
    std::vector<std::string> words_other;  // Turkish and Polish search words, for search only
    std::vector<DataKind> data;     // what wiping guidance applies (a smartphone: android and ios)
    BatteryKind battery = BatteryKind::none;
    std::optional<CitedRange> lifetime_years;          // absent: unknown
    std::optional<CitedRange> production_kg_co2e;      // absent: unknown
    LocalText note;
};

std::vector<Device> read_devices(const JsonReader& root);

// The 40 product categories of the Open Repair Data Standard v0.3, in codelist order.
std::span<const std::string_view> ords_categories();
bool is_ords_category(std::string_view name);

const char* device_group_name(DeviceGroup group);
const char* data_kind_name(DataKind kind);
const char* battery_kind_name(BatteryKind kind);

}  // namespace stadsmijn
