// The drawer as text: the versioned JSON the app keeps in the browser's localStorage and writes to
// an export file, reading it back (with migration from older versions and recovery from damage),
// and importing a file by merging or replacing.
//
//   {"format": "stadsmijn-drawer", "version": 1,
//    "entries": [{"id": "20261128-k3x9ab", "device": "smartphone", "label": "Oma's iPhone",
//                 "added": "2026-11-28", "plan": "reuse", "status": "to-do", "age_years": 4}]}
//
// Nothing is lost silently. A store that is damaged (not JSON, wrong types, unknown devices, a
// newer version) is read as far as possible: the valid entries are kept and every dropped entry
// or field is reported. The original text always comes back with the result, so the screen can
// offer it as a download before anything overwrites it:
//
//   DrawerLoad loaded = load_drawer(local_storage_text, content.devices);
//   if (loaded.lost_data()) offer_download(loaded.original), show(loaded.issues);
//   use(loaded.drawer);
//   ...
//   std::string text = save_drawer(drawer);      // write it, then show "saved"
//
// To change the format: raise kDrawerVersion, write a migration from the previous version in
// drawer_store.cpp (drawer_migrations()), keep a hand-written file of the old version in
// tests/fixtures/drawer/ and test that it loads.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/drawer/drawer.h"
#include "core/json_reader.h"

namespace stadsmijn {

inline constexpr std::string_view kDrawerFormat = "stadsmijn-drawer";
inline constexpr int kDrawerVersion = 1;

// The current format, two-space indented (it is also the export file).
std::string save_drawer(const Drawer& drawer);

enum class DrawerIssueKind {
    not_json,           // the text is not JSON: nothing could be read
    not_a_drawer,       // JSON, but not a drawer (another format, or not an object)
    format_missing,     // no format tag, but a list of entries: read anyway
    version_missing,    // no whole-number version: read as the current version
    future_version,     // written by a newer version of the app: read as far as this one understands
    no_migration,       // no way from this older version: read as the current version
    migration_problem,  // a migration step could not convert something
    entries_missing,    // no list of entries
    entry_not_object,   // an entry that is not an object: dropped
    device_missing,     // an entry without a device: dropped
    device_unknown,     // an entry whose device is not in content: dropped
    id_replaced,        // a missing, malformed or repeated id: the entry got a new one
    field_invalid,      // a field with a wrong type or value: set to its default, the entry kept
    field_unknown,      // a field this version does not know: left out
};

struct DrawerIssue {
    DrawerIssueKind kind = DrawerIssueKind::not_json;
    int entry = -1;     // index in the stored list of entries; -1 for the store as a whole
    std::string field;  // for field_invalid and field_unknown
    std::string found;  // what was there (a device id, a version, a value), shortened

    // Whether something the citizen stored is not in the recovered drawer.
    bool lost_data() const;
};

struct DrawerLoad {
    Drawer drawer;                    // what could be read
    std::vector<DrawerIssue> issues;  // in the order found
    std::string original;             // the text exactly as given
    bool empty_store = false;         // nothing was stored yet (empty text): a fresh drawer
    bool readable = false;            // it was a drawer: entries were read from it
    int stored_version = 0;           // the version the text said it has (0: none)
    bool migrated = false;            // migrations ran on it
    int entries_found = 0;
    int entries_dropped = 0;

    bool clean() const { return issues.empty(); }
    // Something stored is not in `drawer`: offer `original` as a download and ask before saving over it.
    bool lost_data() const;
};

// One step of the format's history: turns a document of `from_version` into from_version + 1.
struct DrawerMigration {
    int from_version = 0;
    void (*migrate)(Json& document, std::vector<DrawerIssue>& issues) = nullptr;
};

// The app's migrations, oldest first. Version 1 is the first format, so there are none yet.
std::span<const DrawerMigration> drawer_migrations();

// The version to read to and the steps to get there; tests pass their own.
struct DrawerFormatHistory {
    int current_version = kDrawerVersion;
    std::span<const DrawerMigration> migrations = drawer_migrations();
};

// Never fails and never throws: whatever the text, a drawer comes back (maybe empty) with issues.
DrawerLoad load_drawer(std::string_view text, const std::vector<Device>& devices,
                       const DrawerFormatHistory& history = {});

enum class ImportMode { merge, replace };

struct DrawerImport {
    Drawer drawer;          // the drawer after the import: save it (when applied)
    DrawerLoad file;        // what the file held, with its issues and original text
    bool applied = false;   // false: the file held no drawer, and `drawer` is the current one unchanged
    int added = 0;          // entries that were not in the drawer
    int already_there = 0;  // same id and the same content
    int kept_ours = 0;      // same id, different content: the drawer's own entry was kept
    int replaced = 0;       // in replace mode: the entries the drawer held before
};

// Reads an exported file (the same format) and merges it into `current` or replaces it. Entries
// are matched by id; in a merge, the drawer's own version of an entry wins over the file's.
// A file that holds no readable drawer never empties the current one.
DrawerImport import_drawer(const Drawer& current, std::string_view file_text, ImportMode mode,
                           const std::vector<Device>& devices);

const char* drawer_issue_name(DrawerIssueKind kind);  // "not-json", "device-unknown", ...
const char* import_mode_name(ImportMode mode);

}  // namespace stadsmijn
