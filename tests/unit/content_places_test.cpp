// Where a resident can go (issue 12): closed periods in opening schedules, what a place takes,
// the nearest places across municipal borders, and the four residents of the issue through the
// advice engine on the content the app ships.
#include <doctest/doctest.h>

#include <algorithm>

#include "advice_content.h"
#include "core/advice/plan.h"
#include "core/content/search.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

const Device& device(const char* id) {
    const Device* d = shipped_content().find_device(id);
    REQUIRE_MESSAGE(d, id);
    return *d;
}

const Place& place(const char* id) {
    const Place* p = shipped_content().find_place(id);
    REQUIRE_MESSAGE(p, id);
    return *p;
}

PlanSituation situation(const char* municipality, DeviceState state, bool keep) {
    PlanSituation s;
    s.state = state;
    s.keep = keep;
    s.municipality = municipality;
    s.today = LocalDate{2026, 12, 4};
    s.now = LocalDateTime{2026, 12, 4, 10, 0};  // a Friday morning
    return s;
}

bool has_address_and_next_opening(const PlanPlace& p) {
    return p.place && !p.place->address.empty() && p.next.has_value();
}

}  // namespace

TEST_CASE("closed periods parse in every form the café agenda uses, and nothing else") {
    for (const char* ok : {"07", "07:08", "12-24:12-31", "12-24:01-06", "2026-05-05", "2026-07", "2026:2035",
                           "2025-07-13:2035", "2024-12-23:2025-01-06", "12"})
        CHECK_MESSAGE(parse_closed_range(ok), ok);
    for (const char* bad : {"", "13", "07:2026", "2026-02-30", "12-24:", "2026-13", "zomer", "2027:2026", "02-30",
                            "07:08:09", "1-5"})
        CHECK_MESSAGE(!parse_closed_range(bad), bad);
}

TEST_CASE("the next opening skips closed summers, December and the days around new year") {
    Schedule s;
    s.rules = {{Every::week, {5}, {}, 14 * 60, 16 * 60}};  // Saturdays 14:00 - 16:00
    s.closed = {*parse_closed_range("07:08"), *parse_closed_range("12-24:01-06")};
    auto summer = next_opening(s, {2026, 6, 30, 9, 0});
    REQUIRE(summer);
    CHECK(summer->date == LocalDate{2026, 9, 5});
    auto winter = next_opening(s, {2026, 12, 20, 9, 0});
    REQUIRE(winter);
    CHECK(winter->date == LocalDate{2027, 1, 9});
    CHECK(next_opening(s, {2026, 12, 5, 9, 0})->date == LocalDate{2026, 12, 5});

    Schedule stopped = s;
    stopped.closed = {*parse_closed_range("2026:2035")};  // how the agenda marks a café that stopped
    CHECK_FALSE(next_opening(stopped, {2026, 12, 4, 9, 0}));
}

TEST_CASE("the Amsterdam cafés keep the closures of the café agenda: De Pijp skips December") {
    const Place& pijp = place("rc-de-pijp");
    REQUIRE(pijp.schedule);
    CHECK(pijp.schedule->closed_text.nl == "December");
    auto next = next_opening(*pijp.schedule, {2026, 12, 4, 10, 0});
    REQUIRE(next);
    CHECK(next->date == LocalDate{2027, 1, 31});  // the last Sunday of January, not 27 December
    CHECK_FALSE(place("rc-de-diem").schedule->closed.empty());
}

TEST_CASE("a clothes-only café, or one that refuses phones, is never a place for a phone") {
    const Device& phone = device("smartphone");
    CHECK(place_handles(place("rc-de-steek"), phone) == HandlesAnswer::no);
    CHECK(place_handles(place("rc-breedhuis"), phone) == HandlesAnswer::no);
    CHECK(place_handles(place("rc-kleding-repair-cafe"), phone) == HandlesAnswer::no);
    CHECK(place_handles(place("rc-oud-noord"), phone) == HandlesAnswer::no);
    CHECK(place_handles(place("rc-de-meevaart"), phone) == HandlesAnswer::no);
    CHECK(place_handles(place("rc-de-bonte-kraai"), phone) == HandlesAnswer::yes);
    CHECK(place_handles(place("rc-zonneplein"), phone) == HandlesAnswer::yes);
    CHECK(place_handles(place("rc-wormerveer"), phone) == HandlesAnswer::unknown);
    // "Electronics" is a small device, not a washing machine.
    CHECK(place_handles(place("rc-de-piramide"), device("washing-machine")) == HandlesAnswer::no);
    CHECK(place_handles(place("recyclingperron-almere-buiten"), device("e-bike-battery")) == HandlesAnswer::yes);
}

TEST_CASE("from Zaandam the nearest cafés that repair phones are offered, across the border with Amsterdam") {
    const Content& c = shipped_content();
    const Device& phone = device("smartphone");
    PlaceQuery q;
    q.kinds = {PlaceKind::repair_cafe};
    q.device = &phone;
    q.from = GeoPoint{52.4389, 4.8258};  // Zaandam station
    q.limit = 6;
    auto found = choose_places(c.places, c.municipalities, q);
    REQUIRE(found.size() == 6);
    for (const auto& f : found) {
        CAPTURE(f.place->id);
        CHECK(place_handles(*f.place, phone) != HandlesAnswer::no);
        REQUIRE(f.km);
        CHECK(*f.km < q.max_km);
    }
    CHECK(std::any_of(found.begin(), found.end(), [](const auto& f) { return f.place->municipality == "amsterdam"; }));

    // Without a location, Zaanstad's centre stands in, and the distance says it is approximate.
    q.from.reset();
    q.municipality = "zaanstad";
    auto by_municipality = choose_places(c.places, c.municipalities, q);
    REQUIRE_FALSE(by_municipality.empty());
    for (const auto& f : by_municipality)
        if (f.km) CHECK(f.km_approximate);
}

TEST_CASE("Fatima in Zaanstad with a broken phone screen reaches a café with an address and its next opening") {
    PlanSituation s = situation("zaanstad", DeviceState::broken, true);
    s.fault = "Screen";
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", s);
    const PlanOption* cafe = plan.find(OptionKind::repair_cafe);
    REQUIRE(cafe);
    REQUIRE_FALSE(cafe->places.empty());
    CHECK(std::any_of(cafe->places.begin(), cafe->places.end(), has_address_and_next_opening));
    for (const auto& p : cafe->places) CHECK(p.handles != HandlesAnswer::no);
    const PlanOption* drop = plan.find(OptionKind::hand_in_drop_off);
    REQUIRE(drop);
    CHECK(std::any_of(drop->places.begin(), drop->places.end(),
                      [](const PlanPlace& p) { return p.place->municipality == "zaanstad"; }));
}

TEST_CASE("Henk in Den Helder hands in an old laptop, two phones and cables at Den Helder's own station") {
    for (const char* id : {"laptop", "smartphone", "cables"}) {
        CAPTURE(id);
        DevicePlan plan = plan_for_device(shipped_content(), id, situation("den-helder", DeviceState::unused, false));
        REQUIRE(plan.ok());
        const PlanOption* drop = plan.find(OptionKind::hand_in_drop_off);
        REQUIRE(drop);
        REQUIRE_FALSE(drop->places.empty());
        CHECK(drop->places[0].place->id == "afvalstation-den-helder");
        CHECK(drop->places[0].in_municipality);
        CHECK_FALSE(drop->places[0].place->address.empty());
        // No hours in any source: the place says so instead of a time.
        CHECK_FALSE(drop->places[0].next);
        CHECK_FALSE(drop->places[0].place->note.nl.empty());
    }
}

TEST_CASE("Sanne in Almere with an e-bike battery that holds no charge reaches a recycling point that takes batteries") {
    PlanSituation s = situation("almere", DeviceState::broken, true);
    DevicePlan plan = plan_for_device(shipped_content(), "e-bike-battery", s);
    REQUIRE(plan.ok());
    CHECK_FALSE(plan.find(OptionKind::repair_cafe));  // a battery pack is never opened at a café
    const PlanOption* drop = plan.find(OptionKind::hand_in_drop_off);
    REQUIRE(drop);
    REQUIRE_FALSE(drop->places.empty());
    CHECK(std::any_of(drop->places.begin(), drop->places.end(), has_address_and_next_opening));
    for (const auto& p : drop->places) CHECK(p.handles == HandlesAnswer::yes);

    s.battery = BatteryCondition::swollen_or_damaged;
    CHECK(plan_for_device(shipped_content(), "e-bike-battery", s).has(SafetyFlag::swollen_battery));
}

TEST_CASE("a resident of Urk, where no source names a drop-off point, gets the municipality's own page and why") {
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", situation("urk", DeviceState::unused, false));
    const PlanOption* drop = plan.find(OptionKind::hand_in_drop_off);
    REQUIRE(drop);
    CHECK(drop->places.empty());
    REQUIRE(drop->drop_off_info);
    CHECK(drop->drop_off_info->link.starts_with("https://www.urk.nl/"));
    CHECK_FALSE(drop->drop_off_info->note.nl.empty());
    const PlanOption* give = plan.find(OptionKind::give_away);
    REQUIRE(give);
    CHECK(std::any_of(give->places.begin(), give->places.end(),
                      [](const PlanPlace& p) { return p.place->id == "kringloop-waypoint-urk"; }));
}

TEST_CASE("every municipality has a drop-off point, a neighbour's point it uses, or an explanation") {
    const Content& c = shipped_content();
    REQUIRE(c.municipalities.size() == 50);
    for (const Municipality& m : c.municipalities) {
        CAPTURE(m.id);
        bool own = std::any_of(c.places.begin(), c.places.end(), [&](const Place& p) {
            return p.kind == PlaceKind::drop_off && p.municipality == m.id;
        });
        CHECK((own || !m.drop_off.empty()));
    }
}

TEST_CASE("search understands several words, brands, a typo, fault words and other languages") {
    const auto& devices = shipped_content().devices;
    auto first = [&](const char* query) {
        auto found = search_devices(devices, query);
        return found.empty() ? std::string("(none)") : found[0].device->id;
    };
    auto among = [&](const char* query, const char* id, std::size_t top) {
        auto found = search_devices(devices, query);
        for (std::size_t i = 0; i < found.size() && i < top; ++i)
            if (found[i].device->id == id) return true;
        return false;
    };
    CHECK(first("Samsung Galaxy") == "smartphone");
    CHECK(first("telefoon scherm") == "smartphone");
    CHECK(first("telfoon") == "smartphone");
    CHECK(first("mijn telefoon is kapot") == "smartphone");
    CHECK(among("scherm kapot", "monitor", 3));
    CHECK(among("scherm kapot", "smartphone", 3));
    CHECK(first("kabels") == "cables");
    CHECK(first("snoer") == "cables");
    CHECK(first("usb-kabel") == "cables");
    CHECK(first("telefon bozuk") != "(none)");  // Turkish
    CHECK(among("ładowarka", "charger", 1));    // Polish
    CHECK(first("laptp") == "laptop");
    CHECK(search_devices(devices, "kapot").empty());
    CHECK(search_devices(devices, "phone dryer").empty());
}

TEST_CASE("the Amsterdam drawer campaign sends phones only to places that take them, and claims no cobalt in chargers") {
    const Content& c = shipped_content();
    const Campaign* campaign = nullptr;
    for (const auto& k : c.campaigns)
        if (k.id == "ruim-je-la-op-amsterdam") campaign = &k;
    REQUIRE(campaign);
    const Device& phone = device("smartphone");
    for (const auto& id : campaign->local_places) {
        CAPTURE(id);
        CHECK(place_handles(place(id.c_str()), phone) != HandlesAnswer::no);
    }
    CHECK(campaign->intro.nl.find("opladers bevatten kobalt") == std::string::npos);
}
