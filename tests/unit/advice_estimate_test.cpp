#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/advice/estimate.h"

using namespace stadsmijn;

TEST_CASE("an unknown figure stays unknown through every operation, never becoming zero") {
    Estimate known = Estimate::between(40, 100);
    Estimate unknown = Estimate::unknown();
    CHECK_FALSE((known + unknown).known());
    CHECK_FALSE((unknown - known).known());
    CHECK_FALSE((known * unknown).known());
    CHECK_FALSE((unknown / known).known());
    CHECK_FALSE((known / unknown).known());
    CHECK(compare(known, unknown) == Ordering::unknown);
    CHECK(unknown.low() == 0);  // the value is not meant to be read, but it is defined
}

TEST_CASE("ranges add end to end and subtract crosswise") {
    CHECK(Estimate::between(1, 2) + Estimate::between(10, 20) == Estimate::between(11, 22));
    CHECK(Estimate::between(10, 20) - Estimate::between(1, 2) == Estimate::between(8, 19));
    CHECK(Estimate::exactly(3) + Estimate::exactly(4) == Estimate::exactly(7));
    CHECK_FALSE(Estimate::exactly(7).is_range());
}

TEST_CASE("a range divided by a range takes the widest honest bounds") {
    Estimate per_year = Estimate::between(40, 100) / Estimate::between(2.5, 3);
    REQUIRE(per_year.known());
    CHECK(per_year.low() == doctest::Approx(40.0 / 3));
    CHECK(per_year.high() == doctest::Approx(40.0));
}

TEST_CASE("dividing by a range that reaches zero gives unknown instead of infinity") {
    CHECK_FALSE((Estimate::exactly(10) / Estimate::between(0, 2)).known());
    CHECK_FALSE((Estimate::exactly(10) / Estimate::exactly(0)).known());
    CHECK((Estimate::exactly(0) / Estimate::exactly(2)) == Estimate::exactly(0));
}

TEST_CASE("multiplying ranges with a negative end keeps the true extremes") {
    CHECK(Estimate::between(-2, 3) * Estimate::between(4, 5) == Estimate::between(-10, 15));
}

TEST_CASE("bounds are sorted and a non-finite bound makes the figure unknown") {
    CHECK(Estimate::between(9, 3) == Estimate::between(3, 9));
    CHECK_FALSE(Estimate::between(1, std::numeric_limits<double>::infinity()).known());
    CHECK_FALSE(Estimate::exactly(std::nan("")).known());
}

TEST_CASE("ranges compare only when one lies wholly below the other; touching ranges overlap") {
    CHECK(compare(Estimate::between(1, 2), Estimate::between(3, 4)) == Ordering::lower);
    CHECK(compare(Estimate::between(5, 6), Estimate::between(3, 4)) == Ordering::higher);
    CHECK(compare(Estimate::between(1, 3), Estimate::between(3, 4)) == Ordering::overlapping);
    CHECK(compare(Estimate::between(1, 9), Estimate::between(3, 4)) == Ordering::overlapping);
    CHECK(std::string(ordering_name(Ordering::overlapping)) == "overlapping");
}
