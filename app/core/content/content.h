// Content: everything a citizen reads that is not interface text, loaded from the files of
// `content/` (bundled into the build) and validated as a whole.
//
//   std::vector<ContentFile> files = {{"content/sources.json", bytes}, ...};
//   LoadedContent loaded = load_content(files);
//   for (auto& p : loaded.problems) show(p.to_string());   // "content/x.json: a[2].b: ..."
//   use(loaded.content);  // whatever was valid; never a crash on a broken file
//
// Lookups for the screens (all pure, all in this folder):
//   content.find_device("smartphone")                  devices.h
//   search_devices(content.devices, "mobiele telefoon") search.h
//   content.compositions_of("laptop")                  compositions.h
//   find_repair_odds(content.repair_odds, device->ords_category, "Screen", 3.0)   repair_odds.h
//   places_in(content.places, "haarlem"), nearest_places(content.places, point, 5)  places.h
//   next_opening(*place.schedule, now)                 schedule.h
//   content.guidance_for(GuidanceTopic::data_wiping, DataKind::ios)  guidance.h
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/actors.h"
#include "core/content/campaigns.h"
#include "core/content/chain.h"
#include "core/content/compositions.h"
#include "core/content/devices.h"
#include "core/content/guidance.h"
#include "core/content/materials.h"
#include "core/content/places.h"
#include "core/content/repair_economics.h"
#include "core/content/repair_odds.h"
#include "core/content/sources.h"
#include "core/json_reader.h"
#include "core/polls/poll_definition.h"

namespace stadsmijn {

struct ContentFile {
    std::string path;  // relative to the repository root, e.g. "content/sources.json"
    std::string_view bytes;
};

struct Content {
    std::vector<Source> sources;
    std::vector<Material> materials;
    std::vector<Device> devices;
    std::vector<Composition> compositions;
    RepairOdds repair_odds;
    RepairEconomics repair_economics;  // content/repair_economics.json
    std::vector<Province> provinces;
    std::vector<Municipality> municipalities;
    std::vector<Place> places;
    std::vector<Guidance> guidance;
    std::vector<PollDefinition> polls;  // content/polls/*.json, in the order the files are given
    std::vector<Campaign> campaigns;    // content/campaigns/*.json, in the order the files are given
    Chain chain;                        // content/chain.json: what happens after hand-in (chain.h)
    std::vector<Actor> actors;          // content/actors.json: the matchmaking directory (actors.h)

    const Source* find_source(std::string_view id) const;
    const Material* find_material(std::string_view id) const;
    const Device* find_device(std::string_view id) const;
    const Municipality* find_municipality(std::string_view id) const;
    const Province* find_province(std::string_view id) const;
    const Place* find_place(std::string_view id) const;
    const Guidance* find_guidance(std::string_view id) const;
    const PollDefinition* find_poll(std::string_view id) const;
    const Campaign* find_campaign(std::string_view id) const;

    // The compositions of one device, in file order (known and unknown alike).
    std::vector<const Composition*> compositions_of(std::string_view device_id) const;
    // Guidance entries of a topic; for data wiping, only those for `data` when given.
    std::vector<const Guidance*> guidance_for(GuidanceTopic topic, std::optional<DataKind> data = {}) const;
    // A number from a guidance entry, e.g. ("legal-guarantee", "burden-of-proof-months").
    const GuidanceFact* guidance_fact(std::string_view guidance_id, std::string_view fact_id) const;
    // Municipalities of a province in file order (alphabetical in the shipped file).
    std::vector<const Municipality*> municipalities_in(std::string_view province_id) const;
    // Municipalities whose name contains what a resident typed (case and accents ignored), in
    // file order, at most `limit`: the one search behind every municipality picker.
    std::vector<const Municipality*> municipalities_matching(std::string_view query, std::size_t limit = 8) const;
};

struct LoadedContent {
    Content content;
    Problems problems;
};

// The content files load_content reads, relative to the repository root.
const std::vector<std::string>& content_file_paths();

// Loads and cross-checks every known file and every poll (content/polls/*.json); files it does
// not know are reported, not ignored.
// A missing or broken file is a problem and leaves its part of the content empty.
LoadedContent load_content(const std::vector<ContentFile>& files);

}  // namespace stadsmijn
