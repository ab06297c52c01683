#include "core/civil_date.h"

#include <cmath>
#include <cstdio>

namespace stadsmijn {

// Howard Hinnant's days_from_civil / civil_from_days (public domain), on LocalDate.
long long days_from_civil(const LocalDate& date) {
    const int y = date.year - (date.month <= 2);
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

LocalDate civil_from_days(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(static_cast<long long>(yoe) + era * 400) + (month <= 2);
    return {year, month, day};
}

long long days_between(const LocalDate& from, const LocalDate& to) {
    return days_from_civil(to) - days_from_civil(from);
}

LocalDate add_days(const LocalDate& date, long long days) {
    return civil_from_days(days_from_civil(date) + days);
}

LocalDate add_months(const LocalDate& date, int months) {
    long long index = static_cast<long long>(date.year) * 12 + (date.month - 1) + months;
    int year = static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12);
    int month = static_cast<int>(index - static_cast<long long>(year) * 12) + 1;
    int last = days_in_month(year, month);
    return {year, month, date.day > last ? last : date.day};
}

double years_between(const LocalDate& from, const LocalDate& to) {
    return static_cast<double>(days_between(from, to)) / 365.2425;
}

std::optional<LocalDate> date_from_number(double yyyymmdd) {
    if (!std::isfinite(yyyymmdd) || yyyymmdd < 19000101 || yyyymmdd > 22001231 || std::floor(yyyymmdd) != yyyymmdd)
        return std::nullopt;
    long long n = static_cast<long long>(yyyymmdd);
    LocalDate date{static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100), static_cast<int>(n % 100)};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

std::string format_date(const LocalDate& date) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

}  // namespace stadsmijn
