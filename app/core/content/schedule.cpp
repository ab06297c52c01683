#include "core/content/schedule.h"

#include <algorithm>
#include <array>

namespace stadsmijn {

namespace {

constexpr std::array<const char*, 7> kDayNames = {"mo", "tu", "we", "th", "fr", "sa", "su"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

LocalDate next_day(LocalDate date) {
    if (++date.day > days_in_month(date.year, date.month)) {
        date.day = 1;
        if (++date.month > 12) {
            date.month = 1;
            ++date.year;
        }
    }
    return date;
}

bool rule_matches(const RecurrenceRule& rule, const LocalDate& date) {
    int weekday = weekday_of(date);
    if (std::find(rule.weekdays.begin(), rule.weekdays.end(), weekday) == rule.weekdays.end()) return false;
    if (rule.every == Every::week) return true;
    int from_start = (date.day - 1) / 7 + 1;
    bool is_last = date.day + 7 > days_in_month(date.year, date.month);
    for (int n : rule.nth)
        if (n == from_start || (n == -1 && is_last)) return true;
    return false;
}

// One end of a closed range: absolute (year known) or yearly, widened to its first or last day.
struct ClosedPoint {
    bool yearly = false;
    int year = 0, month = 0, day = 0;  // month/day 0: the whole year/month
};

std::optional<ClosedPoint> parse_closed_point(std::string_view text) {
    auto number = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        if (from + count > text.size()) return std::nullopt;
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    ClosedPoint p;
    std::optional<int> a, b, c;
    switch (text.size()) {
        case 2:  // "07"
            a = number(0, 2);
            if (!a) return std::nullopt;
            p = {true, 0, *a, 0};
            break;
        case 4:  // "2026"
            a = number(0, 4);
            if (!a) return std::nullopt;
            p = {false, *a, 0, 0};
            break;
        case 5:  // "12-24"
            a = number(0, 2), b = number(3, 2);
            if (!a || !b || text[2] != '-') return std::nullopt;
            p = {true, 0, *a, *b};
            break;
        case 7:  // "2026-07"
            a = number(0, 4), b = number(5, 2);
            if (!a || !b || text[4] != '-') return std::nullopt;
            p = {false, *a, *b, 0};
            break;
        case 10:  // "2026-12-24"
            a = number(0, 4), b = number(5, 2), c = number(8, 2);
            if (!a || !b || !c || text[4] != '-' || text[7] != '-') return std::nullopt;
            p = {false, *a, *b, *c};
            break;
        default:
            return std::nullopt;
    }
    if (p.month < 0 || p.month > 12 || (p.month == 0 && p.day != 0)) return std::nullopt;
    if (!p.yearly && (p.year < 1900 || p.year > 2200)) return std::nullopt;
    if (p.yearly && p.month == 0) return std::nullopt;
    if (p.day != 0 && p.day > days_in_month(p.yearly ? 2000 : p.year, p.month)) return std::nullopt;
    return p;
}

}  // namespace

std::optional<ClosedRange> parse_closed_range(std::string_view text) {
    std::size_t colon = text.find(':');
    std::string_view first = text.substr(0, colon), last = colon == std::string_view::npos ? text : text.substr(colon + 1);
    if (last.find(':') != std::string_view::npos) return std::nullopt;
    auto a = parse_closed_point(first), b = parse_closed_point(last);
    if (!a || !b || a->yearly != b->yearly) return std::nullopt;
    ClosedRange range;
    range.yearly = a->yearly;
    if (range.yearly) {
        range.from = a->month * 100 + (a->day ? a->day : 1);
        range.to = b->month * 100 + (b->day ? b->day : 31);
    } else {
        range.from = days_from_civil(a->year, a->month ? a->month : 1, a->day ? a->day : 1);
        int end_month = b->month ? b->month : 12;
        range.to = days_from_civil(b->year, end_month, b->day ? b->day : days_in_month(b->year, end_month));
        if (range.to < range.from) return std::nullopt;
    }
    return range;
}

bool ClosedRange::contains(const LocalDate& date) const {
    if (yearly) {
        long long key = date.month * 100 + date.day;
        return from <= to ? key >= from && key <= to : key >= from || key <= to;  // wraps the new year
    }
    long long days = days_from_civil(date.year, date.month, date.day);
    return days >= from && days <= to;
}

bool Schedule::closed_on(const LocalDate& date) const {
    if (std::find(closed_months.begin(), closed_months.end(), date.month) != closed_months.end()) return true;
    return std::any_of(closed.begin(), closed.end(), [&](const ClosedRange& r) { return r.contains(date); });
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool is_valid_date(const LocalDate& date) {
    return date.year >= 1900 && date.year <= 2200 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

int weekday_of(const LocalDate& date) {
    long long days = days_from_civil(date.year, date.month, date.day);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::optional<LocalDate> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d) return std::nullopt;
    LocalDate date{*y, *m, *d};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

std::optional<int> parse_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::string format_minutes(int minutes) {
    int h = minutes / 60, m = minutes % 60;
    std::string text;
    text += static_cast<char>('0' + h / 10);
    text += static_cast<char>('0' + h % 10);
    text += ':';
    text += static_cast<char>('0' + m / 10);
    text += static_cast<char>('0' + m % 10);
    return text;
}

std::optional<Schedule> read_schedule(const JsonReader& parent, const char* key) {
    if (!parent.has(key)) return std::nullopt;
    auto node = parent.child(key);
    if (!node) return std::nullopt;
    node->reject_unknown_keys({"text", "rules", "closed_months", "closed", "closed_text"});
    Schedule schedule;
    schedule.text = read_local_text(*node, "text");
    if (node->has("rules")) {
        node->each("rules", [&](JsonReader item) {
            if (!item.expect_object()) return;
            item.reject_unknown_keys({"every", "days", "nth", "start", "end"});
            RecurrenceRule rule;
            std::string every = item.string("every");
            if (every == "week")
                rule.every = Every::week;
            else if (every == "month")
                rule.every = Every::month;
            else if (!every.empty())
                item.problem_at("every", "must be \"week\" or \"month\", found '" + every + "'");
            for (const auto& day : item.strings("days")) {
                auto found = std::find_if(kDayNames.begin(), kDayNames.end(), [&](const char* n) { return day == n; });
                if (found == kDayNames.end())
                    item.problem_at("days", "'" + day + "' is not a day; use mo, tu, we, th, fr, sa or su");
                else
                    rule.weekdays.push_back(static_cast<int>(found - kDayNames.begin()));
            }
            if (rule.weekdays.empty() && item.has("days") && item.node()["days"].is_array())
                item.problem_at("days", "needs at least one day");
            if (item.has("nth")) {
                if (rule.every == Every::week) item.problem_at("nth", "only a monthly rule has \"nth\"");
                const Json& list = item.node()["nth"];
                if (!list.is_array()) {
                    item.problem_at("nth", std::string("expected a list of whole numbers, found ") + json_type_name(list));
                } else {
                    for (const auto& value : list) {
                        if (value.is_number_integer()) {
                            long long n = value.get<long long>();
                            if ((n >= 1 && n <= 5) || n == -1)
                                rule.nth.push_back(static_cast<int>(n));
                            else
                                item.problem_at("nth", "must hold 1 to 5 (from the start of the month) or -1 (the last)");
                        } else {
                            item.problem_at("nth", "must hold whole numbers");
                        }
                    }
                }
            } else if (rule.every == Every::month && every == "month") {
                item.problem_at("nth", "missing; a monthly rule says which: [1, 3] or [-1] for the last");
            }
            std::string start = item.string("start"), end = item.string("end");
            auto start_minute = parse_time(start), end_minute = parse_time(end);
            if (!start.empty() && !start_minute) item.problem_at("start", "must be a time as HH:MM, found '" + start + "'");
            if (!end.empty() && !end_minute) item.problem_at("end", "must be a time as HH:MM, found '" + end + "'");
            if (start_minute && end_minute && *end_minute <= *start_minute)
                item.problem_at("end", "must be later than \"start\"");
            rule.start_minute = start_minute.value_or(0);
            rule.end_minute = end_minute.value_or(0);
            if (start_minute && end_minute && *end_minute > *start_minute && !rule.weekdays.empty())
                schedule.rules.push_back(std::move(rule));
        });
    }
    if (node->has("closed_months")) {
        const Json& list = node->node()["closed_months"];
        if (!list.is_array()) {
            node->problem_at("closed_months", std::string("expected a list of months, found ") + json_type_name(list));
        } else {
            for (const auto& value : list) {
                if (value.is_number_integer() && value.get<long long>() >= 1 && value.get<long long>() <= 12)
                    schedule.closed_months.push_back(static_cast<int>(value.get<long long>()));
                else
                    node->problem_at("closed_months", "must hold month numbers 1 to 12");
            }
        }
    }
    for (const auto& text : node->has("closed") ? node->strings("closed") : std::vector<std::string>{}) {
        if (auto range = parse_closed_range(text))
            schedule.closed.push_back(*range);
        else
            node->problem_at("closed", "'" + text +
                                           "' is not a closed period; use 07, 07:08, 12-24:12-31, 2026-05-05 or "
                                           "2026-07-01:2026-08-15");
    }
    schedule.closed_text = read_local_text(*node, "closed_text", false);
    return schedule;
}

std::optional<Opening> next_opening(const Schedule& schedule, const LocalDateTime& now) {
    LocalDate date{now.year, now.month, now.day};
    if (schedule.rules.empty() || !is_valid_date(date)) return std::nullopt;
    int now_minute = now.hour * 60 + now.minute;
    for (int step = 0; step <= 400; ++step, date = next_day(date)) {
        if (schedule.closed_on(date)) continue;
        std::optional<Opening> best;
        for (const auto& rule : schedule.rules) {
            if (!rule_matches(rule, date)) continue;
            if (step == 0 && rule.end_minute <= now_minute) continue;
            if (!best || rule.start_minute < best->start_minute)
                best = Opening{date, rule.start_minute, rule.end_minute,
                               step == 0 && rule.start_minute <= now_minute};
        }
        if (best) return best;
    }
    return std::nullopt;
}

}  // namespace stadsmijn
