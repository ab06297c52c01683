// Opening schedules as recurrences, and the next opening after a moment.
//
//   "schedule": {"text": {"nl": "Elke 1e en 3e dinsdag 13:00 - 17:00"},
//                "rules": [{"every": "month", "days": ["tu"], "nth": [1, 3], "start": "13:00", "end": "17:00"}],
//                "closed_months": [7, 8],
//                "closed": ["07:08", "12-24:12-31", "2026-05-05"], "closed_text": {"nl": "Zomer en kerst"}}
//
//   auto next = next_opening(place.schedule, {2026, 3, 10, 9, 30});   // local time, Europe/Amsterdam
//   if (next) show(next->date, next->start, next->open_now);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

// A local date and time (the app and the places are in one time zone, so no zone is stored).
struct LocalDateTime {
    int year = 2000;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int hour = 0;
    int minute = 0;

    bool operator==(const LocalDateTime&) const = default;
};

struct LocalDate {
    int year = 2000;
    int month = 1;
    int day = 1;
    bool operator==(const LocalDate&) const = default;
};

// 0 = Monday .. 6 = Sunday.
int weekday_of(const LocalDate& date);
int days_in_month(int year, int month);
bool is_valid_date(const LocalDate& date);
// "2026-03-10" -> date; nothing when not a real calendar date.
std::optional<LocalDate> parse_date(std::string_view text);
// "13:30" -> minutes after midnight; nothing when not HH:MM.
std::optional<int> parse_time(std::string_view text);

enum class Every { week, month };

struct RecurrenceRule {
    Every every = Every::week;
    std::vector<int> weekdays;  // 0 = Monday .. 6 = Sunday
    std::vector<int> nth;       // for monthly rules: 1..5 from the start, -1 the last such weekday
    int start_minute = 0;       // minutes after midnight
    int end_minute = 0;
};

// A closed period as the Amsterdam café agenda writes it (its "closedRanges"): one point or
// "from:to" of points, each a year ("2026"), a month ("2026-07"), a day ("2026-12-24"), or, every
// year, a month ("07") or a day ("12-24"). Yearly ranges may wrap the new year ("12-24:01-06").
struct ClosedRange {
    bool yearly = false;
    // Absolute: days since 1970 of the first and last closed day. Yearly: month*100+day.
    long long from = 0, to = 0;
    bool contains(const LocalDate& date) const;
};

// "07:08" -> a range; nothing when the text is not one of the forms above.
std::optional<ClosedRange> parse_closed_range(std::string_view text);

struct Schedule {
    LocalText text;                    // as the source wrote it; always shown beside computed dates
    std::vector<RecurrenceRule> rules; // empty: only the text is known
    std::vector<int> closed_months;    // 1..12
    std::vector<ClosedRange> closed;   // closed periods the source gives
    LocalText closed_text;             // closures as the source words them ("Zomervakantie")
    bool closed_on(const LocalDate& date) const;
};

struct Opening {
    LocalDate date;
    int start_minute = 0;
    int end_minute = 0;
    bool open_now = false;  // the moment asked about falls inside this opening
};

std::optional<Schedule> read_schedule(const JsonReader& parent, const char* key = "schedule");

// The first opening that has not ended at `now` (closures skipped) (an opening under way counts, with open_now),
// looking up to 400 days ahead. Nothing when the schedule has no rules or nothing matches.
std::optional<Opening> next_opening(const Schedule& schedule, const LocalDateTime& now);

// "13:05"
std::string format_minutes(int minutes);

}  // namespace stadsmijn
