#include "core/content/devices.h"

#include <array>
#include <set>

#include "core/routes.h"

namespace stadsmijn {

namespace {

// OpenRepairData_v0.3_Product_Categories.csv (Open Repair Alliance, CC BY-SA 4.0), ids 1..40.
constexpr std::array<std::string_view, 40> kOrdsCategories = {
    "Aircon/dehumidifier", "Battery/charger/adapter", "Decorative or safety lights", "Desktop computer",
    "Digital compact camera", "DSLR/video camera", "Fan", "Flat screen", "Hair & beauty item",
    "Handheld entertainment device", "Headphones", "Hi-Fi integrated", "Hi-Fi separates", "Kettle", "Lamp",
    "Laptop", "Large home electrical", "Misc", "Mobile", "Musical instrument", "Paper shredder", "PC accessory",
    "Portable radio", "Power tool", "Printer/scanner", "Projector", "Sewing machine", "Small home electrical",
    "Small kitchen item", "Tablet", "Toaster", "Toy", "TV and gaming-related accessories", "Vacuum",
    "Watch/clock", "Coffee maker", "Food processor", "Games console", "Hair dryer", "Iron"};

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::string& name, const std::array<std::pair<const char*, Enum>, N>& table) {
    for (const auto& [text, value] : table)
        if (name == text) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string names_of(const std::array<std::pair<const char*, Enum>, N>& table) {
    std::string all;
    for (std::size_t i = 0; i < N; ++i) all += (i ? ", " : "") + std::string(table[i].first);
    return all;
}

constexpr std::array<std::pair<const char*, DeviceGroup>, 12> kGroups = {{
    {"phones-tablets", DeviceGroup::phones_tablets},
    {"computers", DeviceGroup::computers},
    {"screens", DeviceGroup::screens},
    {"audio-video", DeviceGroup::audio_video},
    {"wearables", DeviceGroup::wearables},
    {"batteries", DeviceGroup::batteries},
    {"small-appliances", DeviceGroup::small_appliances},
    {"large-appliances", DeviceGroup::large_appliances},
    {"lighting", DeviceGroup::lighting},
    {"energy", DeviceGroup::energy},
    {"tools", DeviceGroup::tools},
    {"other", DeviceGroup::other},
}};

constexpr std::array<std::pair<const char*, DataKind>, 5> kDataKinds = {{
    {"none", DataKind::none},
    {"android", DataKind::android},
    {"ios", DataKind::ios},
    {"computer", DataKind::computer},
    {"other-storage", DataKind::other_storage},
}};

constexpr std::array<std::pair<const char*, BatteryKind>, 4> kBatteryKinds = {{
    {"none", BatteryKind::none},
    {"removable", BatteryKind::removable},
    {"built-in", BatteryKind::built_in},
    {"is-battery", BatteryKind::is_battery},
}};

template <typename Enum, std::size_t N>
const char* name_of(Enum value, const std::array<std::pair<const char*, Enum>, N>& table) {
    for (const auto& [text, entry] : table)
        if (entry == value) return text;
    return table[0].first;
}

template <typename Enum, std::size_t N>
Enum read_enum(const JsonReader& item, const char* key, const std::array<std::pair<const char*, Enum>, N>& table,
               Enum fallback) {
    std::string text = item.string(key);
    if (auto value = from_name(text, table)) return *value;
    if (!text.empty()) item.problem_at(key, "must be one of " + names_of(table) + ", found '" + text + "'");
    return fallback;
}

std::optional<CitedRange> read_optional_range(const JsonReader& item, const char* key) {
    if (!item.has(key)) return std::nullopt;
    auto child = item.child(key);
    if (!child) return std::nullopt;
    child->reject_unknown_keys({"value", "min", "max", "sources", "note"});
    return read_cited_range(*child);
}

}  // namespace

std::span<const std::string_view> ords_categories() { return kOrdsCategories; }

bool is_ords_category(std::string_view name) {
    for (auto category : kOrdsCategories)
        if (category == name) return true;
    return false;
}

const char* device_group_name(DeviceGroup group) { return name_of(group, kGroups); }
const char* data_kind_name(DataKind kind) { return name_of(kind, kDataKinds); }
const char* battery_kind_name(BatteryKind kind) { return name_of(kind, kBatteryKinds); }

std::vector<Device> read_devices(const JsonReader& root) {
    std::vector<Device> devices;
    std::set<std::string> seen;
    if (!root.expect_object()) return devices;
    root.reject_unknown_keys({"devices", "note"});
    root.each("devices", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "name", "group", "ords_category", "search_words", "data", "battery",
                                  "lifetime_years", "production_kg_co2e", "note"});
        Device device;
        device.id = item.string("id");
        if (!device.id.empty() && !is_valid_id(device.id))
            item.problem_at("id", "'" + device.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
        if (!device.id.empty() && !seen.insert(device.id).second)
            item.problem_at("id", "'" + device.id + "' is used by an earlier device too");
        device.name = read_local_text(item, "name");
        device.group = read_enum(item, "group", kGroups, DeviceGroup::other);
        device.ords_category = item.string("ords_category");
        if (!device.ords_category.empty() && !is_ords_category(device.ords_category))
            item.problem_at("ords_category", "'" + device.ords_category +
                                                 "' is not one of the 40 ORDS v0.3 product categories (see content/README.md)");
        if (auto words = item.child("search_words")) {
            words->reject_unknown_keys({"nl", "en", "tr", "pl"});
            device.words_nl = words->strings("nl");
            device.words_en = words->has("en") ? words->strings("en") : std::vector<std::string>{};
            for (const char* language : {"tr", "pl"})
                if (words->has(language))
                    for (auto& word : words->strings(language)) device.words_other.push_back(std::move(word));
            if (device.words_nl.empty() && words->has("nl") && words->node()["nl"].is_array())
                words->problem_at("nl", "needs at least one Dutch search word");
        }
        for (const auto& kind : item.strings("data")) {
            if (auto value = from_name(kind, kDataKinds))
                device.data.push_back(*value);
            else
                item.problem_at("data", "must hold " + names_of(kDataKinds) + ", found '" + kind + "'");
        }
        device.battery = read_enum(item, "battery", kBatteryKinds, BatteryKind::none);
        device.lifetime_years = read_optional_range(item, "lifetime_years");
        device.production_kg_co2e = read_optional_range(item, "production_kg_co2e");
        device.note = read_local_text(item, "note", false);
        devices.push_back(std::move(device));
    });
    return devices;
}

}  // namespace stadsmijn
