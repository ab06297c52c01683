// Calendar arithmetic on LocalDate (core/content/schedule.h): day counts, adding months the way
// legal periods count them, ISO text. Pure: "today" is always a parameter, never read from a clock.
//
//   LocalDate delivered{2025, 3, 10};
//   days_between(delivered, {2026, 3, 10});       // 365
//   add_months(delivered, 12);                    // 2026-03-10, the last day of a 12-month period
//   add_months({2024, 2, 29}, 12);                // 2025-02-28: a missing day becomes the month's last
//   format_date({2026, 7, 31});                   // "2026-07-31"; parse_date() reads it back
#pragma once

#include <optional>
#include <string>

#include "core/content/schedule.h"

namespace stadsmijn {

// Days since 1970-01-01 (proleptic Gregorian); negative before it.
long long days_from_civil(const LocalDate& date);
LocalDate civil_from_days(long long days);

// `to` minus `from` in days: positive when `to` is later.
long long days_between(const LocalDate& from, const LocalDate& to);
LocalDate add_days(const LocalDate& date, long long days);
// The same day `months` later; when that month is shorter, its last day. This is where a period
// of months that starts on `date` ends (EU Regulation 1182/71, art. 3(2)(c) and 3(5)).
LocalDate add_months(const LocalDate& date, int months);

// Whole and fractional years between two dates (days / 365.2425), for ages.
double years_between(const LocalDate& from, const LocalDate& to);

// "yyyymmdd" numbers as content stores dates (guidance facts with unit "date"); nothing when not a date.
std::optional<LocalDate> date_from_number(double yyyymmdd);
// "2026-07-31"
std::string format_date(const LocalDate& date);

inline bool operator<(const LocalDate& a, const LocalDate& b) {
    return days_from_civil(a) < days_from_civil(b);
}
inline bool operator<=(const LocalDate& a, const LocalDate& b) {
    return !(b < a);
}
inline bool operator>(const LocalDate& a, const LocalDate& b) {
    return b < a;
}
inline bool operator>=(const LocalDate& a, const LocalDate& b) {
    return !(a < b);
}

}  // namespace stadsmijn
