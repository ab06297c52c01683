#include "core/advice/estimate.h"

#include <algorithm>
#include <cmath>

namespace stadsmijn {

Estimate Estimate::exactly(double value) {
    return between(value, value);
}

Estimate Estimate::between(double a, double b) {
    Estimate e;
    if (!std::isfinite(a) || !std::isfinite(b)) return e;
    e.known_ = true;
    e.low_ = std::min(a, b);
    e.high_ = std::max(a, b);
    return e;
}

Estimate operator+(const Estimate& a, const Estimate& b) {
    if (!a.known() || !b.known()) return Estimate::unknown();
    return Estimate::between(a.low() + b.low(), a.high() + b.high());
}

Estimate operator-(const Estimate& a, const Estimate& b) {
    if (!a.known() || !b.known()) return Estimate::unknown();
    return Estimate::between(a.low() - b.high(), a.high() - b.low());
}

Estimate operator*(const Estimate& a, const Estimate& b) {
    if (!a.known() || !b.known()) return Estimate::unknown();
    double p[] = {a.low() * b.low(), a.low() * b.high(), a.high() * b.low(), a.high() * b.high()};
    return Estimate::between(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

Estimate operator/(const Estimate& a, const Estimate& b) {
    if (!a.known() || !b.known()) return Estimate::unknown();
    if (b.low() <= 0 && b.high() >= 0) return Estimate::unknown();
    return a * Estimate::between(1 / b.low(), 1 / b.high());
}

Ordering compare(const Estimate& a, const Estimate& b) {
    if (!a.known() || !b.known()) return Ordering::unknown;
    if (a.high() < b.low()) return Ordering::lower;
    if (a.low() > b.high()) return Ordering::higher;
    return Ordering::overlapping;
}

const char* ordering_name(Ordering ordering) {
    switch (ordering) {
        case Ordering::lower:
            return "lower";
        case Ordering::higher:
            return "higher";
        case Ordering::overlapping:
            return "overlapping";
        case Ordering::unknown:
            return "unknown";
    }
    return "unknown";
}

}  // namespace stadsmijn
