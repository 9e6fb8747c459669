#include "remedy/money.h"

#include <doctest/doctest.h>

using namespace remedy;

TEST_SUITE("money") {
    TEST_CASE("a percentage of the fee rounds half away from zero") {
        const Percent half_cent = *parse_percent("0.004%"); // 12500.00 * 0.004% = 0.50 exactly
        CHECK(percent_of(half_cent, Money{1250000})->minor == 50);
        CHECK(percent_of(*parse_percent("2%"), Money{1250000})->minor == 25000);
    }
}
