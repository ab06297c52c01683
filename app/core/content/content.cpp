#include "core/content/content.h"

#include <algorithm>

#include "core/content/place_checks.h"
#include "core/content/search.h"

#include <set>

namespace stadsmijn {

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const ContentFile* find_file(const std::vector<ContentFile>& files, std::string_view path) {
    for (const auto& file : files)
        if (file.path == path) return &file;
    return nullptr;
}

const std::string kSources = "content/sources.json";
const std::string kMaterials = "content/materials.json";
const std::string kDevices = "content/devices.json";
const std::string kCompositions = "content/compositions.json";
const std::string kRepairOdds = "content/repair_odds.json";
const std::string kMunicipalities = "content/municipalities.json";
const std::string kPlaces = "content/places.json";
const std::string kGuidance = "content/guidance.json";
const std::string kRepairEconomics = "content/repair_economics.json";
const std::string kChain = "content/chain.json";
const std::string kActors = "content/actors.json";

// A citation found while reading, checked against the registry once every file is in.
struct Citation {
    std::string file;
    std::string path;
    std::string id;
};

void cite(std::vector<Citation>& out, const std::string& file, const std::string& path,
          const std::vector<std::string>& ids) {
    for (const auto& id : ids) out.push_back({file, path, id});
}

void collect_citations(const Content& c, std::vector<Citation>& out) {
    for (std::size_t i = 0; i < c.materials.size(); ++i) {
        const Material& m = c.materials[i];
        std::string at = "materials[" + std::to_string(i) + "]";
        cite(out, kMaterials, at + ".list_sources", m.list_sources);
        cite(out, kMaterials, at + ".role_sources", m.role_sources);
        cite(out, kMaterials, at + ".recycling_sources", m.recycling_sources);
        for (std::size_t f = 0; f < m.facts.size(); ++f)
            cite(out, kMaterials, at + ".facts[" + std::to_string(f) + "].sources", m.facts[f].sources);
        for (std::size_t s = 0; s < m.supply.size(); ++s)
            cite(out, kMaterials, at + ".supply[" + std::to_string(s) + "].sources", m.supply[s].percent.sources);
    }
    for (std::size_t i = 0; i < c.devices.size(); ++i) {
        const Device& d = c.devices[i];
        std::string at = "devices[" + std::to_string(i) + "]";
        if (d.lifetime_years) cite(out, kDevices, at + ".lifetime_years.sources", d.lifetime_years->sources);
        if (d.production_kg_co2e) cite(out, kDevices, at + ".production_kg_co2e.sources", d.production_kg_co2e->sources);
    }
    for (std::size_t i = 0; i < c.compositions.size(); ++i) {
        const Composition& comp = c.compositions[i];
        std::string at = "compositions[" + std::to_string(i) + "]";
        cite(out, kCompositions, at + ".sources", comp.unknown_sources);
        for (std::size_t f = 0; f < comp.figures.size(); ++f) {
            std::string fat = at + ".figures[" + std::to_string(f) + "]";
            cite(out, kCompositions, fat + ".sources", comp.figures[f].grams.sources);
            for (std::size_t n = 0; n < comp.figures[f].inputs.size(); ++n)
                cite(out, kCompositions, fat + ".inputs[" + std::to_string(n) + "].sources",
                     comp.figures[f].inputs[n].sources);
        }
    }
    cite(out, kRepairOdds, "sources", c.repair_odds.sources);
    for (std::size_t i = 0; i < c.provinces.size(); ++i)
        cite(out, kMunicipalities, "provinces[" + std::to_string(i) + "].sources", c.provinces[i].sources);
    for (std::size_t i = 0; i < c.municipalities.size(); ++i) {
        std::string at = "municipalities[" + std::to_string(i) + "]";
        cite(out, kMunicipalities, at + ".sources", c.municipalities[i].sources);
        cite(out, kMunicipalities, at + ".waste_company.sources", c.municipalities[i].waste_company.sources);
        cite(out, kMunicipalities, at + ".drop_off.sources", c.municipalities[i].drop_off.sources);
        if (c.municipalities[i].centre) cite(out, kMunicipalities, at + ".centre.sources", c.municipalities[i].centre->sources);
    }
    for (std::size_t i = 0; i < c.guidance.size(); ++i) {
        std::string at = "guidance[" + std::to_string(i) + "]";
        for (std::size_t p = 0; p < c.guidance[i].points.size(); ++p)
            cite(out, kGuidance, at + ".points[" + std::to_string(p) + "].sources", c.guidance[i].points[p].sources);
        for (std::size_t f = 0; f < c.guidance[i].facts.size(); ++f)
            cite(out, kGuidance, at + ".facts[" + std::to_string(f) + "].sources", c.guidance[i].facts[f].sources);
    }
}

void cross_check(const Content& c, Problems& problems, const std::set<std::string>& loaded) {
    // Every cited source exists (only when the registry itself loaded, to avoid a flood).
    if (loaded.count(kSources)) {
        std::vector<Citation> citations;
        collect_citations(c, citations);
        for (const auto& citation : citations)
            if (!c.find_source(citation.id))
                problems.push_back({citation.file, citation.path,
                                    "cites '" + citation.id + "', which is not in content/sources.json"});
    }
    for (std::size_t i = 0; i < c.materials.size(); ++i) {
        const Material& m = c.materials[i];
        if (!m.group.empty() && !c.find_material(m.group))
            problems.push_back({kMaterials, "materials[" + std::to_string(i) + "].group",
                                "'" + m.group + "' is not a material id in this file"});
    }
    if (loaded.count(kDevices) && loaded.count(kMaterials)) {
        for (std::size_t i = 0; i < c.compositions.size(); ++i) {
            const Composition& comp = c.compositions[i];
            std::string at = "compositions[" + std::to_string(i) + "]";
            if (!comp.device.empty() && !c.find_device(comp.device))
                problems.push_back({kCompositions, at + ".device", "'" + comp.device + "' is not a device in content/devices.json"});
            if (!comp.material.empty() && !c.find_material(comp.material))
                problems.push_back({kCompositions, at + ".material",
                                    "'" + comp.material + "' is not a material in content/materials.json"});
        }
    }
    if (loaded.count(kRepairOdds)) {
        auto check = [&](const std::string& category, const std::string& at) {
            if (!category.empty() && !is_ords_category(category))
                problems.push_back({kRepairOdds, at, "'" + category + "' is not an ORDS v0.3 product category"});
        };
        for (std::size_t i = 0; i < c.repair_odds.categories.size(); ++i)
            check(c.repair_odds.categories[i].category, "categories[" + std::to_string(i) + "].category");
        for (std::size_t i = 0; i < c.repair_odds.ages.size(); ++i)
            check(c.repair_odds.ages[i].category, "ages[" + std::to_string(i) + "].category");
        for (std::size_t i = 0; i < c.repair_odds.faults.size(); ++i)
            check(c.repair_odds.faults[i].category, "faults[" + std::to_string(i) + "].category");
    }
    for (std::size_t i = 0; i < c.municipalities.size(); ++i) {
        const Municipality& m = c.municipalities[i];
        if (!m.province.empty() && !c.find_province(m.province))
            problems.push_back({kMunicipalities, "municipalities[" + std::to_string(i) + "].province",
                                "'" + m.province + "' is not a province in this file"});
    }
    if (loaded.count(kMunicipalities) && loaded.count(kPlaces)) {
        // Coverage: every resident can be told where e-waste goes, or why we cannot say.
        for (std::size_t i = 0; i < c.municipalities.size(); ++i) {
            const Municipality& m = c.municipalities[i];
            std::string at = "municipalities[" + std::to_string(i) + "]";
            bool own = std::any_of(c.places.begin(), c.places.end(), [&](const Place& p) {
                return p.kind == PlaceKind::drop_off && p.municipality == m.id;
            });
            for (std::size_t u = 0; u < m.drop_off.uses.size(); ++u) {
                const Place* used = c.find_place(m.drop_off.uses[u]);
                if (!used || used->kind != PlaceKind::drop_off)
                    problems.push_back({kMunicipalities, at + ".drop_off.uses[" + std::to_string(u) + "]",
                                        "'" + m.drop_off.uses[u] + "' is not a drop-off place in content/places.json"});
            }
            if (!own && m.drop_off.empty())
                problems.push_back({kMunicipalities, at,
                                    m.id + " has no drop-off point in content/places.json and no \"drop_off\" saying "
                                           "which neighbour's point its residents use or where to look (a deep link)"});
        }
    }
    // What each place must say: the same checks as the editors' API (place_checks.h). A field the
    // reader already found wrong is not reported twice.
    PlaceCheckContext context;
    if (loaded.count(kMunicipalities)) {
        context.municipalities = &c.municipalities;
        context.provinces = &c.provinces;
    }
    if (loaded.count(kSources)) context.sources = &c.sources;
    for (std::size_t i = 0; i < c.places.size(); ++i) {
        std::string at = "places[" + std::to_string(i) + "]";
        for (const FieldError& error : check_place(c.places[i], context)) {
            std::string path = error.field.empty() ? at : at + "." + error.field;
            bool known = std::any_of(problems.begin(), problems.end(),
                                     [&](const Problem& p) { return p.file == kPlaces && p.path == path; });
            if (!known) problems.push_back({kPlaces, path, error.message});
        }
    }
}

// A campaign names a municipality, a device, a poll and places that must exist.
void check_campaign_links(const Content& c, Problems& problems) {
    for (const Campaign& campaign : c.campaigns) {
        const std::string file = "content/campaigns/" + campaign.id + ".json";
        if (!campaign.municipality.empty() && !c.find_municipality(campaign.municipality))
            problems.push_back({file, "municipality",
                                "'" + campaign.municipality + "' is not a municipality in content/municipalities.json"});
        if (!campaign.device.empty() && !c.find_device(campaign.device))
            problems.push_back({file, "device", "'" + campaign.device + "' is not a device in content/devices.json"});
        if (!campaign.poll.empty() && !c.find_poll(campaign.poll))
            problems.push_back({file, "poll", "'" + campaign.poll + "' is not a poll in content/polls/"});
        for (std::size_t i = 0; i < campaign.local_places.size(); ++i) {
            const Place* place = c.find_place(campaign.local_places[i]);
            std::string at = "local_places[" + std::to_string(i) + "]";
            if (!place)
                problems.push_back({file, at, "'" + campaign.local_places[i] + "' is not a place in content/places.json"});
            else if (place->municipality != campaign.municipality)
                problems.push_back({file, at, "'" + place->id + "' lies in " + place->municipality + ", not in " +
                                                  campaign.municipality});
        }
    }
}

}  // namespace

const Source* Content::find_source(std::string_view id) const { return find_by_id(sources, id); }
const Material* Content::find_material(std::string_view id) const { return find_by_id(materials, id); }
const Device* Content::find_device(std::string_view id) const { return find_by_id(devices, id); }
const Municipality* Content::find_municipality(std::string_view id) const { return find_by_id(municipalities, id); }
const Province* Content::find_province(std::string_view id) const { return find_by_id(provinces, id); }
const Place* Content::find_place(std::string_view id) const { return find_by_id(places, id); }
const Guidance* Content::find_guidance(std::string_view id) const { return find_by_id(guidance, id); }
const PollDefinition* Content::find_poll(std::string_view id) const { return find_by_id(polls, id); }
const Campaign* Content::find_campaign(std::string_view id) const { return find_by_id(campaigns, id); }

std::vector<const Composition*> Content::compositions_of(std::string_view device_id) const {
    std::vector<const Composition*> found;
    for (const auto& composition : compositions)
        if (composition.device == device_id) found.push_back(&composition);
    return found;
}

std::vector<const Guidance*> Content::guidance_for(GuidanceTopic topic, std::optional<DataKind> data) const {
    std::vector<const Guidance*> found;
    for (const auto& entry : guidance)
        if (entry.topic == topic && (!data || entry.data == data)) found.push_back(&entry);
    return found;
}

const GuidanceFact* Content::guidance_fact(std::string_view guidance_id, std::string_view fact_id) const {
    const Guidance* entry = find_guidance(guidance_id);
    if (!entry) return nullptr;
    for (const auto& fact : entry->facts)
        if (fact.id == fact_id) return &fact;
    return nullptr;
}

std::vector<const Municipality*> Content::municipalities_in(std::string_view province_id) const {
    std::vector<const Municipality*> found;
    for (const auto& municipality : municipalities)
        if (municipality.province == province_id) found.push_back(&municipality);
    return found;
}

std::vector<const Municipality*> Content::municipalities_matching(std::string_view query, std::size_t limit) const {
    std::vector<const Municipality*> found;
    const std::string wanted = normalise_search_text(query);
    if (wanted.empty()) return found;
    for (const auto& municipality : municipalities) {
        if (found.size() >= limit) break;
        if (normalise_search_text(municipality.name).find(wanted) != std::string::npos) found.push_back(&municipality);
    }
    return found;
}

const std::vector<std::string>& content_file_paths() {
    static const std::vector<std::string> paths = {kSources,        kMaterials, kDevices,  kCompositions,   kRepairOdds,
                                                   kMunicipalities, kPlaces,    kGuidance, kRepairEconomics,
                                                   kChain,          kActors};
    return paths;
}

LoadedContent load_content(const std::vector<ContentFile>& files) {
    LoadedContent loaded;
    Content& c = loaded.content;
    Problems& problems = loaded.problems;
    std::set<std::string> read_ok;  // files that parsed (their contents may still have problems)

    auto with_file = [&](const std::string& path, const auto& read) {
        const ContentFile* file = find_file(files, path);
        if (!file) {
            problems.push_back({path, "", "missing: every content file is required (see content/README.md)"});
            return;
        }
        if (auto document = parse_json(file->bytes, file->path, problems)) {
            read(JsonReader(*document, file->path, problems));
            read_ok.insert(path);
        }
    };
    with_file(kSources, [&](const JsonReader& root) { c.sources = read_sources(root); });
    with_file(kMaterials, [&](const JsonReader& root) { c.materials = read_materials(root); });
    with_file(kDevices, [&](const JsonReader& root) { c.devices = read_devices(root); });
    with_file(kCompositions, [&](const JsonReader& root) { c.compositions = read_compositions(root); });
    with_file(kRepairOdds, [&](const JsonReader& root) { c.repair_odds = read_repair_odds(root); });
    with_file(kMunicipalities, [&](const JsonReader& root) { read_municipalities(root, c.provinces, c.municipalities); });
    with_file(kPlaces, [&](const JsonReader& root) { c.places = read_places(root); });
    with_file(kGuidance, [&](const JsonReader& root) { c.guidance = read_guidance(root); });
    with_file(kRepairEconomics,
              [&](const JsonReader& root) { c.repair_economics = read_repair_economics(root, c.sources, c.devices); });
    with_file(kChain, [&](const JsonReader& root) { c.chain = read_chain(root); });
    with_file(kActors, [&](const JsonReader& root) { c.actors = read_actors(root); });

    for (const auto& file : files) {
        std::string poll_id = poll_id_from_path(file.path);
        if (poll_id.empty()) continue;
        if (auto document = parse_json(file.bytes, file.path, problems))
            c.polls.push_back(read_poll_definition(JsonReader(*document, file.path, problems), poll_id));
    }

    for (const auto& file : files) {
        std::string campaign_id = campaign_id_from_path(file.path);
        if (campaign_id.empty()) continue;
        if (auto document = parse_json(file.bytes, file.path, problems))
            c.campaigns.push_back(read_campaign(JsonReader(*document, file.path, problems), campaign_id));
    }

    for (const auto& file : files) {
        bool known = !poll_id_from_path(file.path).empty() || !campaign_id_from_path(file.path).empty();
        for (const auto& path : content_file_paths()) known = known || file.path == path;
        if (!known && file.path.starts_with("content/"))
            problems.push_back({file.path, "", "not a known content file: add its reader to load_content or move it out of content/"});
    }
    cross_check(c, problems, read_ok);
    check_chain_references(c.chain, c.actors, read_ok.count(kSources) ? c.sources : std::vector<Source>{},
                           read_ok.count(kMaterials) ? c.materials : std::vector<Material>{},
                           read_ok.count(kMunicipalities) ? c.municipalities : std::vector<Municipality>{},
                           read_ok.count(kCompositions) ? c.compositions : std::vector<Composition>{}, problems);
    if (read_ok.count(kSources) && read_ok.count(kDevices) && read_ok.count(kMaterials) && read_ok.count(kGuidance))
        check_poll_links(c.polls, c, problems);
    if (read_ok.count(kMunicipalities) && read_ok.count(kDevices) && read_ok.count(kPlaces))
        check_campaign_links(c, problems);
    return loaded;
}

}  // namespace stadsmijn
