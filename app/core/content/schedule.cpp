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

}  // namespace

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
    node->reject_unknown_keys({"text", "rules", "closed_months"});
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
    return schedule;
}

std::optional<Opening> next_opening(const Schedule& schedule, const LocalDateTime& now) {
    LocalDate date{now.year, now.month, now.day};
    if (schedule.rules.empty() || !is_valid_date(date)) return std::nullopt;
    int now_minute = now.hour * 60 + now.minute;
    for (int step = 0; step <= 400; ++step, date = next_day(date)) {
        if (std::find(schedule.closed_months.begin(), schedule.closed_months.end(), date.month) !=
            schedule.closed_months.end())
            continue;
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
