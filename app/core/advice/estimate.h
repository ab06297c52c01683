// Estimate: a quantity known to lie between a low and a high value, or unknown.
//
// Sources disagree, so the advice works with ranges; and where nothing reliable exists the
// figure is unknown, which is not zero. Arithmetic keeps both honest: unknown in, unknown out.
//
//   Estimate cost = Estimate::between(40, 100);          // euros, two sources
//   Estimate years = Estimate::between(2.5, 3);
//   Estimate per_year = cost / years;                    // 13.33 .. 40
//   Estimate parts = Estimate::unknown();
//   (cost + parts).known();                              // false
//   compare(per_year, Estimate::exactly(20));            // Ordering::overlapping
#pragma once

namespace stadsmijn {

class Estimate {
public:
    static Estimate unknown() { return {}; }
    static Estimate exactly(double value);
    // In either order; a non-finite end gives unknown.
    static Estimate between(double a, double b);

    Estimate() = default;

    bool known() const { return known_; }
    bool is_range() const { return known_ && low_ != high_; }
    double low() const { return low_; }    // 0 when unknown
    double high() const { return high_; }  // 0 when unknown

    bool operator==(const Estimate&) const = default;

private:
    bool known_ = false;
    double low_ = 0;
    double high_ = 0;
};

// Interval arithmetic. Any unknown operand gives unknown; so does dividing by a range that
// reaches zero (the result would be unbounded).
Estimate operator+(const Estimate& a, const Estimate& b);
Estimate operator-(const Estimate& a, const Estimate& b);
Estimate operator*(const Estimate& a, const Estimate& b);
Estimate operator/(const Estimate& a, const Estimate& b);

// Whether the first lies wholly below or above the second; touching or overlapping ranges are
// `overlapping`: the assumptions decide, and the citizen should see both.
enum class Ordering { lower, higher, overlapping, unknown };
Ordering compare(const Estimate& a, const Estimate& b);
const char* ordering_name(Ordering ordering);

}  // namespace stadsmijn
