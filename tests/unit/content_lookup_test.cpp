// The lookups the screens call: search, odds with fallbacks, next opening, nearest place.
#include <doctest/doctest.h>

#include "core/content/content.h"
#include "core/content/search.h"

using namespace stadsmijn;

namespace {

Device device(std::string id, std::string nl, std::string en, std::vector<std::string> words_nl,
              std::vector<std::string> words_en = {}) {
    Device d;
    d.id = std::move(id);
    d.name = {std::move(nl), std::move(en)};
    d.words_nl = std::move(words_nl);
    d.words_en = std::move(words_en);
    return d;
}

std::vector<Device> some_devices() {
    return {device("feature-phone", "Mobiele telefoon zonder apps", "Feature phone", {"mobiele telefoon (geen smartphone)", "klaptelefoon"}),
            device("smartphone", "Smartphone", "Smartphone", {"mobiele telefoon", "mobieltje", "telefoon"}, {"mobile phone"}),
            device("hair-dryer", "Föhn", "Hair dryer", {"föhn", "haardroger"}, {"hair dryer"}),
            device("e-bike-battery", "Accu van een elektrische fiets", "E-bike battery", {"fietsaccu", "e-bike accu"})};
}

Schedule schedule(std::vector<RecurrenceRule> rules, std::vector<int> closed_months = {}) {
    Schedule s;
    s.rules = std::move(rules);
    s.closed_months = std::move(closed_months);
    return s;
}

RecurrenceRule weekly(std::vector<int> days, int start, int end) { return {Every::week, std::move(days), {}, start, end}; }
RecurrenceRule monthly(std::vector<int> days, std::vector<int> nth, int start, int end) {
    return {Every::month, std::move(days), std::move(nth), start, end};
}

constexpr int kMon = 0, kTue = 1, kWed = 2, kFri = 4, kSat = 5;

}  // namespace

TEST_CASE("search text is folded to lower case without accents and with single spaces") {
    CHECK(normalise_search_text("  Föhn-Apparaat! ") == "fohn apparaat");
    CHECK(normalise_search_text("CAFÉ  crème") == "cafe creme");
    CHECK(normalise_search_text("") == "");
}

TEST_CASE("a device is found by its Dutch words, whole phrase first, whatever the case or accents") {
    auto devices = some_devices();
    auto found = search_devices(devices, "Mobiele telefoon");
    REQUIRE(found.size() == 2);
    CHECK(found[0].device->id == "smartphone");
    CHECK(found[1].device->id == "feature-phone");
    CHECK(search_devices(devices, "FOHN").at(0).device->id == "hair-dryer");
    CHECK(search_devices(devices, "föhn").at(0).device->id == "hair-dryer");
    CHECK(search_devices(devices, "fietsacc").at(0).device->id == "e-bike-battery");
}

TEST_CASE("a device is found by English words, and every typed word must match") {
    auto devices = some_devices();
    CHECK(search_devices(devices, "hair dryer").at(0).device->id == "hair-dryer");
    CHECK(search_devices(devices, "e-bike battery").at(0).device->id == "e-bike-battery");
    CHECK(search_devices(devices, "phone dryer").empty());
    CHECK(search_devices(devices, "   ").empty());
    CHECK(search_devices(devices, "zzz").empty());
}

TEST_CASE("odds come from the fault when the data has it, else the age band, else the category") {
    RepairOdds odds;
    odds.categories = {{"Mobile", {50, 30, 20}}};
    odds.ages = {{"Mobile", "2-5", {40, 40, 20}}};
    odds.faults = {{"Mobile", "Screen", {"Scherm", "Screen"}, "MobiFix", {55, 40, 5}}};

    auto by_fault = find_repair_odds(odds, "Mobile", "Screen", 3.0);
    REQUIRE(by_fault);
    CHECK(by_fault->basis == OddsBasis::fault);
    CHECK(by_fault->counts.n() == 100);
    CHECK(by_fault->counts.fixed_share() == doctest::Approx(0.55));
    CHECK(by_fault->fault_name.nl == "Scherm");

    auto by_age = find_repair_odds(odds, "Mobile", "Camera", 3.0);
    REQUIRE(by_age);
    CHECK(by_age->basis == OddsBasis::age);
    CHECK(by_age->age == "2-5");

    auto by_category = find_repair_odds(odds, "Mobile", "Camera", 12.0);
    REQUIRE(by_category);
    CHECK(by_category->basis == OddsBasis::category);
    CHECK(by_category->counts.end_of_life_share() == doctest::Approx(0.2));

    CHECK_FALSE(find_repair_odds(odds, "Kettle"));
}

TEST_CASE("product ages fall into the age bands of the repair data") {
    CHECK(age_band_of(0) == "0-2");
    CHECK(age_band_of(1.9) == "0-2");
    CHECK(age_band_of(2) == "2-5");
    CHECK(age_band_of(9.5) == "5-10");
    CHECK(age_band_of(10) == "10-20");
    CHECK(age_band_of(35) == "20+");
}

TEST_CASE("the faults of a category are listed most often seen first") {
    RepairOdds odds;
    odds.faults = {{"Mobile", "Camera", {"Camera", "Camera"}, "MobiFix", {10, 10, 10}},
                   {"Mobile", "Screen", {"Scherm", "Screen"}, "MobiFix", {300, 200, 30}},
                   {"Laptop", "Boot", {"Start niet op", "Boot"}, "CompCat", {10, 10, 10}}};
    auto faults = faults_for_category(odds, "Mobile");
    REQUIRE(faults.size() == 2);
    CHECK(faults[0]->fault == "Screen");
}

TEST_CASE("calendar arithmetic knows weekdays and leap years") {
    CHECK(weekday_of({2026, 11, 28}) == kSat);
    CHECK(weekday_of({2024, 2, 29}) == 3);  // a Thursday
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(parse_date("2026-02-29") == std::nullopt);
    CHECK(parse_date("2026-03-10") == LocalDate{2026, 3, 10});
    CHECK(parse_time("13:05") == 13 * 60 + 5);
    CHECK(parse_time("1305") == std::nullopt);
    CHECK(format_minutes(9 * 60 + 5) == "09:05");
}

TEST_CASE("the next opening of a weekly café is the coming session, or the one under way") {
    Schedule tuesdays = schedule({weekly({kTue}, 13 * 60, 15 * 60)});
    auto next = next_opening(tuesdays, {2026, 3, 9, 10, 0});  // a Monday morning
    REQUIRE(next);
    CHECK(next->date == LocalDate{2026, 3, 10});
    CHECK(next->start_minute == 13 * 60);
    CHECK_FALSE(next->open_now);

    auto during = next_opening(tuesdays, {2026, 3, 10, 14, 0});
    REQUIRE(during);
    CHECK(during->date == LocalDate{2026, 3, 10});
    CHECK(during->open_now);

    auto after = next_opening(tuesdays, {2026, 3, 10, 15, 0});
    REQUIRE(after);
    CHECK(after->date == LocalDate{2026, 3, 17});
}

TEST_CASE("monthly rules find the nth and the last weekday of the month") {
    Schedule second_and_fourth_wednesday = schedule({monthly({kWed}, {2, 4}, 14 * 60, 16 * 60)});
    CHECK(next_opening(second_and_fourth_wednesday, {2026, 2, 1, 9, 0})->date == LocalDate{2026, 2, 11});
    CHECK(next_opening(second_and_fourth_wednesday, {2026, 2, 12, 9, 0})->date == LocalDate{2026, 2, 25});
    CHECK(next_opening(second_and_fourth_wednesday, {2026, 2, 26, 9, 0})->date == LocalDate{2026, 3, 11});

    Schedule last_friday = schedule({monthly({kFri}, {-1}, 15 * 60, 18 * 60)});
    CHECK(next_opening(last_friday, {2026, 1, 1, 12, 0})->date == LocalDate{2026, 1, 30});
    CHECK(next_opening(last_friday, {2026, 1, 31, 12, 0})->date == LocalDate{2026, 2, 27});
}

TEST_CASE("a café closed in summer opens again in September, and the earliest of several rules wins") {
    Schedule first_saturday = schedule({monthly({kSat}, {1}, 14 * 60, 16 * 60)}, {7, 8});
    CHECK(next_opening(first_saturday, {2026, 6, 10, 12, 0})->date == LocalDate{2026, 9, 5});

    Schedule two_rules = schedule({weekly({kSat}, 14 * 60, 16 * 60), weekly({kTue}, 10 * 60 + 30, 12 * 60)});
    auto next = next_opening(two_rules, {2026, 3, 9, 8, 0});  // Monday
    REQUIRE(next);
    CHECK(next->date == LocalDate{2026, 3, 10});
    CHECK(next->start_minute == 10 * 60 + 30);
}

TEST_CASE("a schedule known only as text has no computed next opening") {
    CHECK_FALSE(next_opening(Schedule{}, {2026, 3, 9, 8, 0}));
    CHECK_FALSE(next_opening(schedule({weekly({kMon}, 600, 700)}), {2026, 2, 30, 8, 0}));  // not a date
}

TEST_CASE("distances are great-circle kilometres") {
    GeoPoint amsterdam_centraal{52.3791, 4.9003}, haarlem_station{52.3874, 4.6385};
    CHECK(distance_km(amsterdam_centraal, haarlem_station) == doctest::Approx(17.8).epsilon(0.02));
    CHECK(distance_km(amsterdam_centraal, amsterdam_centraal) == doctest::Approx(0));
}

TEST_CASE("the nearest places come first, places without coordinates are skipped, and kinds can be filtered") {
    std::vector<Place> places(4);
    places[0].id = "far";
    places[0].location = GeoPoint{52.5, 4.6};
    places[1].id = "no-coordinates";
    places[2].id = "near";
    places[2].location = GeoPoint{52.37, 4.89};
    places[3].id = "near-drop-off";
    places[3].kind = PlaceKind::drop_off;
    places[3].location = GeoPoint{52.371, 4.891};

    auto near = nearest_places(places, {52.37, 4.89}, 10);
    REQUIRE(near.size() == 3);
    CHECK(near[0].place->id == "near");
    CHECK(near[1].place->id == "near-drop-off");
    CHECK(near[2].place->id == "far");
    CHECK(near[0].km < 0.001);

    auto cafes = nearest_places(places, {52.37, 4.89}, 1, PlaceKind::repair_cafe);
    REQUIRE(cafes.size() == 1);
    CHECK(cafes[0].place->id == "near");
}

TEST_CASE("places are listed per municipality") {
    std::vector<Place> places(3);
    places[0].municipality = "haarlem";
    places[1].municipality = "amsterdam";
    places[2].municipality = "haarlem";
    places[2].kind = PlaceKind::drop_off;
    CHECK(places_in(places, "haarlem").size() == 2);
    CHECK(places_in(places, "haarlem", PlaceKind::drop_off).size() == 1);
    CHECK(places_in(places, "texel").empty());
}
