#include "core/drawer/drawer_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/civil_date.h"
#include "core/routes.h"

namespace stadsmijn {

namespace {

constexpr std::size_t kFoundLength = 60;
constexpr double kMaxAgeYears = 150;

std::string shortened(std::string text) {
    if (text.size() <= kFoundLength) return text;
    std::size_t cut = kFoundLength;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
    return text.substr(0, cut) + "...";
}

// What a JSON value was, for an issue: its text when short, else its type.
std::string describe(const Json& value) {
    if (value.is_string()) return shortened(value.get_ref<const std::string&>());
    if (value.is_number() || value.is_boolean() || value.is_null())
        return shortened(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    return json_type_name(value);
}

// A stable id for an entry whose own id was unusable, from what it holds: loading the same
// damaged text twice gives the same ids, so a later import of it finds them again.
std::string recovered_id(const Json& item, int index, const Drawer& drawer) {
    std::uint32_t hash = 2166136261u;
    std::string text = item.dump(-1, ' ', false, Json::error_handler_t::replace) + "#" + std::to_string(index);
    for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", hash);
    std::string id = std::string("recovered-") + hex;
    for (int n = 2; drawer.find(id); ++n) id = std::string("recovered-") + hex + "-" + std::to_string(n);
    return id;
}

bool known_device(const std::vector<Device>& devices, const std::string& id) {
    return std::any_of(devices.begin(), devices.end(), [&](const Device& d) { return d.id == id; });
}

const Json* member(const Json& object, const char* key) {
    auto at = object.find(key);
    return at == object.end() ? nullptr : &*at;
}

void read_entry(const Json& item, int index, const std::vector<Device>& devices, DrawerLoad& load) {
    auto issue = [&](DrawerIssueKind kind, std::string field = {}, std::string found = {}) {
        load.issues.push_back({kind, index, std::move(field), std::move(found)});
    };
    if (!item.is_object()) {
        issue(DrawerIssueKind::entry_not_object, {}, describe(item));
        ++load.entries_dropped;
        return;
    }
    const Json* device = member(item, "device");
    if (!device || !device->is_string() || device->get_ref<const std::string&>().empty()) {
        issue(DrawerIssueKind::device_missing, "device", device ? describe(*device) : std::string());
        ++load.entries_dropped;
        return;
    }
    DrawerEntry entry;
    entry.device = device->get_ref<const std::string&>();
    if (!known_device(devices, entry.device)) {
        issue(DrawerIssueKind::device_unknown, "device", shortened(entry.device));
        ++load.entries_dropped;
        return;
    }

    const Json* id = member(item, "id");
    if (id && id->is_string() && is_valid_id(id->get_ref<const std::string&>()) &&
        !load.drawer.find(id->get_ref<const std::string&>())) {
        entry.id = id->get_ref<const std::string&>();
    } else {
        entry.id = recovered_id(item, index, load.drawer);
        issue(DrawerIssueKind::id_replaced, "id", id ? describe(*id) : std::string());
    }

    if (const Json* label = member(item, "label")) {
        if (label->is_string())
            entry.label = label->get_ref<const std::string&>();
        else
            issue(DrawerIssueKind::field_invalid, "label", describe(*label));
    }
    if (const Json* added = member(item, "added")) {
        std::optional<LocalDate> date =
            added->is_string() ? parse_date(added->get_ref<const std::string&>()) : std::nullopt;
        if (date && is_valid_date(*date))
            entry.added = date;
        else
            issue(DrawerIssueKind::field_invalid, "added", describe(*added));
    }
    if (const Json* plan = member(item, "plan")) {
        auto value = plan->is_string() ? drawer_plan_from_name(plan->get_ref<const std::string&>()) : std::nullopt;
        if (value)
            entry.plan = *value;
        else
            issue(DrawerIssueKind::field_invalid, "plan", describe(*plan));
    }
    if (const Json* status = member(item, "status")) {
        auto value =
            status->is_string() ? drawer_status_from_name(status->get_ref<const std::string&>()) : std::nullopt;
        if (value)
            entry.status = *value;
        else
            issue(DrawerIssueKind::field_invalid, "status", describe(*status));
    }
    if (const Json* age = member(item, "age_years")) {
        double years = age->is_number() ? age->get<double>() : -1;
        if (std::isfinite(years) && years >= 0 && years <= kMaxAgeYears)
            entry.age_years = years;
        else if (!age->is_null())
            issue(DrawerIssueKind::field_invalid, "age_years", describe(*age));
    }
    static const std::set<std::string> known = {"id", "device", "label", "added", "plan", "status", "age_years"};
    for (auto it = item.begin(); it != item.end(); ++it)
        if (!known.count(it.key())) issue(DrawerIssueKind::field_unknown, shortened(it.key()), describe(it.value()));

    load.drawer.entries.push_back(std::move(entry));
}

}  // namespace

bool DrawerIssue::lost_data() const {
    switch (kind) {
        case DrawerIssueKind::format_missing:
        case DrawerIssueKind::version_missing:
        case DrawerIssueKind::id_replaced:
            return false;
        default:
            return true;
    }
}

bool DrawerLoad::lost_data() const {
    return std::any_of(issues.begin(), issues.end(), [](const DrawerIssue& i) { return i.lost_data(); });
}

std::span<const DrawerMigration> drawer_migrations() {
    return {};
}

std::string save_drawer(const Drawer& drawer) {
    Json entries = Json::array();
    for (const auto& entry : drawer.entries) {
        Json item = Json::object();
        item["id"] = entry.id;
        item["device"] = entry.device;
        item["label"] = entry.label;
        if (entry.added) item["added"] = format_date(*entry.added);
        item["plan"] = drawer_plan_name(entry.plan);
        item["status"] = drawer_status_name(entry.status);
        if (entry.age_years) item["age_years"] = *entry.age_years;
        entries.push_back(std::move(item));
    }
    Json document = Json::object();
    document["format"] = std::string(kDrawerFormat);
    document["version"] = kDrawerVersion;
    document["entries"] = std::move(entries);
    // A label with broken UTF-8 is written with U+FFFD instead of failing (nlohmann would throw).
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

DrawerLoad load_drawer(std::string_view text, const std::vector<Device>& devices, const DrawerFormatHistory& history) {
    DrawerLoad load;
    load.original = std::string(text);
    auto issue = [&](DrawerIssueKind kind, std::string found = {}) {
        load.issues.push_back({kind, -1, {}, std::move(found)});
    };
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; })) {
        load.empty_store = true;
        load.readable = true;
        load.stored_version = history.current_version;
        return load;
    }
    Json document = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) {
        issue(DrawerIssueKind::not_json);
        return load;
    }
    if (!document.is_object()) {
        issue(DrawerIssueKind::not_a_drawer, json_type_name(document));
        return load;
    }
    const Json* format = member(document, "format");
    if (!format) {
        const Json* entries = member(document, "entries");
        if (!entries || !entries->is_array()) {
            issue(DrawerIssueKind::not_a_drawer);
            return load;
        }
        issue(DrawerIssueKind::format_missing);
    } else if (!format->is_string() || format->get_ref<const std::string&>() != kDrawerFormat) {
        issue(DrawerIssueKind::not_a_drawer, describe(*format));
        return load;
    }
    load.readable = true;

    const Json* version = member(document, "version");
    const double stored = version && version->is_number_integer() ? version->get<double>() : 0;
    if (stored >= 1 && stored <= 1'000'000) {
        load.stored_version = static_cast<int>(stored);
    } else {
        issue(DrawerIssueKind::version_missing, version ? describe(*version) : std::string());
        load.stored_version = history.current_version;
    }
    if (load.stored_version > history.current_version) {
        issue(DrawerIssueKind::future_version, std::to_string(load.stored_version));
    } else {
        for (int v = load.stored_version; v < history.current_version; ++v) {
            auto step = std::find_if(history.migrations.begin(), history.migrations.end(),
                                     [&](const DrawerMigration& m) { return m.from_version == v && m.migrate; });
            if (step == history.migrations.end()) {
                issue(DrawerIssueKind::no_migration, std::to_string(v));
                break;
            }
            step->migrate(document, load.issues);
            document["version"] = v + 1;
            load.migrated = true;
        }
    }

    const Json* entries = member(document, "entries");
    if (!entries || !entries->is_array()) {
        issue(DrawerIssueKind::entries_missing, entries ? describe(*entries) : std::string());
        return load;
    }
    load.entries_found = static_cast<int>(entries->size());
    for (std::size_t i = 0; i < entries->size(); ++i) read_entry((*entries)[i], static_cast<int>(i), devices, load);
    return load;
}

DrawerImport import_drawer(const Drawer& current, std::string_view file_text, ImportMode mode,
                           const std::vector<Device>& devices) {
    DrawerImport result;
    result.file = load_drawer(file_text, devices);
    result.drawer = current;
    const bool nothing_usable = result.file.entries_found > 0 && result.file.drawer.entries.empty();
    if (!result.file.readable || result.file.empty_store || nothing_usable) return result;
    result.applied = true;
    if (mode == ImportMode::replace) {
        result.replaced = static_cast<int>(current.entries.size());
        result.drawer = result.file.drawer;
        result.added = static_cast<int>(result.drawer.entries.size());
        return result;
    }
    for (const auto& entry : result.file.drawer.entries) {
        const DrawerEntry* ours = current.find(entry.id);
        if (!ours) {
            result.drawer.entries.push_back(entry);
            ++result.added;
        } else if (*ours == entry) {
            ++result.already_there;
        } else {
            ++result.kept_ours;
        }
    }
    return result;
}

const char* drawer_issue_name(DrawerIssueKind kind) {
    switch (kind) {
        case DrawerIssueKind::not_json:
            return "not-json";
        case DrawerIssueKind::not_a_drawer:
            return "not-a-drawer";
        case DrawerIssueKind::format_missing:
            return "format-missing";
        case DrawerIssueKind::version_missing:
            return "version-missing";
        case DrawerIssueKind::future_version:
            return "future-version";
        case DrawerIssueKind::no_migration:
            return "no-migration";
        case DrawerIssueKind::migration_problem:
            return "migration-problem";
        case DrawerIssueKind::entries_missing:
            return "entries-missing";
        case DrawerIssueKind::entry_not_object:
            return "entry-not-object";
        case DrawerIssueKind::device_missing:
            return "device-missing";
        case DrawerIssueKind::device_unknown:
            return "device-unknown";
        case DrawerIssueKind::id_replaced:
            return "id-replaced";
        case DrawerIssueKind::field_invalid:
            return "field-invalid";
        case DrawerIssueKind::field_unknown:
            return "field-unknown";
    }
    return "not-json";
}

const char* import_mode_name(ImportMode mode) {
    return mode == ImportMode::merge ? "merge" : "replace";
}

}  // namespace stadsmijn
