#include "remedy/model/money.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <limits>

using namespace remedy;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// The share of `fee_minor` minor units; the test stops when percent_of refuses.
std::int64_t share(const char* percent, std::int64_t fee_minor) {
    const Expected<Percent> parsed = parse_percent(percent);
    REQUIRE(parsed.ok());
    const std::optional<Money> money = percent_of(*parsed, Money{fee_minor});
    REQUIRE(money.has_value());
    return money->minor;
}

} // namespace

TEST_SUITE("money") {
    TEST_CASE("a percentage of the fee rounds half away from zero") {
        const Percent half_cent = *parse_percent("0.004%"); // 12500.00 * 0.004% = 0.50 exactly
        CHECK(percent_of(half_cent, Money{1250000})->minor == 50);
        CHECK(percent_of(*parse_percent("2%"), Money{1250000})->minor == 25000);
    }

    // parse_decimal

    TEST_CASE("a decimal without a fraction has scale zero") {
        const Expected<Decimal> decimal = parse_decimal("12500");
        REQUIRE(decimal.ok());
        CHECK(decimal->units == 12500);
        CHECK(decimal->scale == 0);
    }

    TEST_CASE("a decimal keeps every written decimal in its scale") {
        const Expected<Decimal> decimal = parse_decimal("12500.00");
        REQUIRE(decimal.ok());
        CHECK(decimal->units == 1250000);
        CHECK(decimal->scale == 2);

        const Expected<Decimal> short_fraction = parse_decimal("2.5");
        REQUIRE(short_fraction.ok());
        CHECK(short_fraction->units == 25);
        CHECK(short_fraction->scale == 1);

        const Expected<Decimal> leading_zero = parse_decimal("0.05");
        REQUIRE(leading_zero.ok());
        CHECK(leading_zero->units == 5);
        CHECK(leading_zero->scale == 2);
    }

    TEST_CASE("a decimal point without digits after it is refused") {
        const Expected<Decimal> decimal = parse_decimal("1.");
        REQUIRE_FALSE(decimal.ok());
        CHECK(decimal.error() == "'1.' is not a decimal number (digits, optionally a '.' and more "
                                 "digits, without sign or separators)");
    }

    TEST_CASE("a decimal without digits before the point is refused") {
        const Expected<Decimal> decimal = parse_decimal(".5");
        REQUIRE_FALSE(decimal.ok());
        CHECK(decimal.error() == "'.5' is not a decimal number (digits, optionally a '.' and more "
                                 "digits, without sign or separators)");
    }

    TEST_CASE("a decimal with a sign is refused") {
        CHECK(parse_decimal("-1").error() ==
              "'-1' is not a decimal number (digits, optionally a '.' and more digits, without "
              "sign or separators)");
        CHECK_FALSE(parse_decimal("+1").ok());
    }

    TEST_CASE("a decimal with a thousands separator is refused") {
        CHECK(parse_decimal("1,000").error() ==
              "'1,000' is not a decimal number (digits, optionally a '.' and more digits, "
              "without sign or separators)");
        CHECK_FALSE(parse_decimal("1 000").ok());
    }

    TEST_CASE("text that is not one decimal number is refused") {
        CHECK_FALSE(parse_decimal("").ok());
        CHECK_FALSE(parse_decimal(".").ok());
        CHECK_FALSE(parse_decimal("1.2.3").ok());
        CHECK_FALSE(parse_decimal("1e3").ok());
        CHECK_FALSE(parse_decimal("12a").ok());
    }

    TEST_CASE("the largest decimal that fits in 64 bits is read exactly") {
        const Expected<Decimal> decimal = parse_decimal("9223372036854775807");
        REQUIRE(decimal.ok());
        CHECK(decimal->units == int64_max);
        CHECK(decimal->scale == 0);
    }

    TEST_CASE("a decimal one past 64 bits is refused as too large") {
        const Expected<Decimal> decimal = parse_decimal("9223372036854775808");
        REQUIRE_FALSE(decimal.ok());
        CHECK(decimal.error() == "'9223372036854775808' is too large to compute exactly");
    }

    TEST_CASE("a decimal with more than 18 decimals is refused") {
        const Expected<Decimal> eighteen = parse_decimal("0.123456789012345678");
        REQUIRE(eighteen.ok());
        CHECK(eighteen->units == 123456789012345678);
        CHECK(eighteen->scale == 18);

        const Expected<Decimal> nineteen = parse_decimal("0.1234567890123456789");
        REQUIRE_FALSE(nineteen.ok());
        CHECK(nineteen.error() == "'0.1234567890123456789' has more than 18 decimals");
    }

    // money_from_decimal

    TEST_CASE("a decimal with fewer decimals than the currency is padded to minor units") {
        const Expected<Money> money = money_from_decimal(Decimal{125, 1}, 2); // 12.5
        REQUIRE(money.ok());
        CHECK(money->minor == 1250);
        CHECK(money_from_decimal(Decimal{12500, 0}, 2)->minor == 1250000);
        CHECK(money_from_decimal(Decimal{1250000, 2}, 2)->minor == 1250000);
    }

    TEST_CASE("a decimal with more decimals than the currency is refused") {
        const Expected<Money> money = money_from_decimal(Decimal{12505, 3}, 2); // 12.505
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "has 3 decimals but the currency has 2");
    }

    TEST_CASE("a currency without minor units takes whole amounts only") {
        CHECK(money_from_decimal(Decimal{1500, 0}, 0)->minor == 1500);          // JPY 1500
        const Expected<Money> fraction = money_from_decimal(Decimal{15, 1}, 0); // JPY 1.5
        REQUIRE_FALSE(fraction.ok());
        CHECK(fraction.error() == "has 1 decimal but the currency has 0");
    }

    TEST_CASE("a currency with three minor digits counts thousandths") {
        CHECK(money_from_decimal(Decimal{12345, 3}, 3)->minor == 12345); // KWD 12.345
        CHECK(money_from_decimal(Decimal{125, 1}, 3)->minor == 12500);   // KWD 12.5
        CHECK(money_from_decimal(Decimal{7, 0}, 3)->minor == 7000);      // KWD 7
        CHECK_FALSE(money_from_decimal(Decimal{123456, 4}, 3).ok());     // KWD 12.3456
    }

    TEST_CASE("a decimal whose minor units do not fit in 64 bits is refused") {
        // 92233720368547758 * 100 = 9223372036854775800 <= INT64_MAX; one more does not fit.
        CHECK(money_from_decimal(Decimal{92233720368547758, 0}, 2)->minor == 9223372036854775800);
        const Expected<Money> money = money_from_decimal(Decimal{92233720368547759, 0}, 2);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "is too large to compute exactly");
    }

    // money_from_integer

    TEST_CASE("an integer amount is whole major units") {
        CHECK(money_from_integer(12500, 2)->minor == 1250000);
        CHECK(money_from_integer(0, 2)->minor == 0);
        CHECK(money_from_integer(1500, 0)->minor == 1500); // JPY
        CHECK(money_from_integer(7, 3)->minor == 7000);    // KWD
    }

    TEST_CASE("a negative integer amount is refused") {
        const Expected<Money> money = money_from_integer(-1, 2);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "must not be negative");
    }

    TEST_CASE("an integer amount whose minor units overflow is refused") {
        CHECK(money_from_integer(92233720368547758, 2)->minor == 9223372036854775800);
        const Expected<Money> money = money_from_integer(92233720368547759, 2);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "is too large to compute exactly");
        CHECK_FALSE(money_from_integer(int64_max, 2).ok());
        CHECK(money_from_integer(int64_max, 0)->minor == int64_max); // nothing to scale
    }

    // money_from_float

    TEST_CASE("a float with no more decimals than the currency is converted exactly") {
        CHECK(money_from_float(12.5, 2)->minor == 1250);
        CHECK(money_from_float(12500.0, 2)->minor == 1250000);
        CHECK(money_from_float(0.0, 2)->minor == 0);
    }

    TEST_CASE("a float with more decimals than the currency is refused") {
        const Expected<Money> money = money_from_float(12.505, 2);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "has 3 decimals but the currency has 2");
    }

    TEST_CASE("a float of 0.1 is ten cents exactly, not its binary approximation") {
        // The double nearest 0.1 is 0.1000000000000000055511151231257827...: read as written.
        const Expected<Money> money = money_from_float(0.1, 2);
        REQUIRE(money.ok());
        CHECK(money->minor == 10);
    }

    TEST_CASE("a float sum that is not what anyone wrote is refused") {
        // 0.1 + 0.2 is the double 0.30000000000000004, which has 17 decimals.
        CHECK_FALSE(money_from_float(0.1 + 0.2, 2).ok());
        CHECK(money_from_float(0.3, 2)->minor == 30);
    }

    TEST_CASE("a float in a currency without minor units must be whole") {
        CHECK(money_from_float(1500.0, 0)->minor == 1500);
        const Expected<Money> money = money_from_float(1500.5, 0);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "has 1 decimal but the currency has 0");
    }

    TEST_CASE("a float in a currency with three minor digits keeps thousandths") {
        CHECK(money_from_float(1.234, 3)->minor == 1234);
        CHECK(money_from_float(2.5, 3)->minor == 2500);
        CHECK_FALSE(money_from_float(1.2345, 3).ok());
    }

    TEST_CASE("a negative float is refused") {
        const Expected<Money> money = money_from_float(-1.0, 2);
        REQUIRE_FALSE(money.ok());
        CHECK(money.error() == "must not be negative");
    }

    TEST_CASE("negative zero as a float is zero") {
        // TOML allows -0.0; it is the number zero, which has no decimals at all.
        const Expected<Money> money = money_from_float(-0.0, 2);
        REQUIRE_MESSAGE(money.ok(), money.error());
        CHECK(money->minor == 0);
    }

    TEST_CASE("infinity and not-a-number are refused as floats") {
        CHECK(money_from_float(std::numeric_limits<double>::infinity(), 2).error() ==
              "must be a finite number");
        CHECK(money_from_float(-std::numeric_limits<double>::infinity(), 2).error() ==
              "must be a finite number");
        CHECK(money_from_float(std::numeric_limits<double>::quiet_NaN(), 2).error() ==
              "must be a finite number");
    }

    TEST_CASE("a huge float is refused as too large") {
        CHECK(money_from_float(1e300, 2).error() == "is too large to compute exactly");
        // 1e17 is exact as a double, but 10^17 * 100 cents is past INT64_MAX (about 9.2e18).
        CHECK(money_from_float(1e17, 2).error() == "is too large to compute exactly");
        CHECK(money_from_float(1e16, 2)->minor == 1000000000000000000);
    }

    TEST_CASE("a tiny float is refused rather than rounded") {
        CHECK_FALSE(money_from_float(1e-7, 2).ok());
        CHECK_FALSE(money_from_float(5e-324, 2).ok());
    }

    // percentages

    TEST_CASE("a percentage is digits with an optional fraction and a percent sign") {
        const Expected<Percent> whole = parse_percent("5%");
        REQUIRE(whole.ok());
        CHECK(whole->value.units == 5);
        CHECK(whole->value.scale == 0);
        const Expected<Percent> fraction = parse_percent("2.5%");
        REQUIRE(fraction.ok());
        CHECK(fraction->value.units == 25);
        CHECK(fraction->value.scale == 1);
    }

    TEST_CASE("a percentage without its percent sign or number is refused") {
        CHECK(parse_percent("5").error() == "'5' is not a percentage such as \"5%\" or \"2.5%\"");
        CHECK(parse_percent("%").error() == "'%' is not a percentage such as \"5%\" or \"2.5%\"");
        CHECK(parse_percent("-5%").error() ==
              "'-5%' is not a percentage such as \"5%\" or \"2.5%\"");
        CHECK_FALSE(parse_percent("").ok());
        CHECK_FALSE(parse_percent("5 %").ok());
    }

    TEST_CASE("a percentage of the fee that is whole minor units needs no rounding") {
        CHECK(share("2%", 1250000) == 25000);   // 2% of 12500.00 = 250.00
        CHECK(share("20%", 1250000) == 250000); // 20% of 12500.00 = 2500.00
        CHECK(share("2.5%", 1250000) == 31250); // 2.5% of 12500.00 = 312.50
        CHECK(share("100%", 1250000) == 1250000);
        CHECK(share("0%", 1250000) == 0);
    }

    TEST_CASE("a percentage exactly at half a minor unit rounds up, away from zero") {
        CHECK(share("50%", 1) == 1);        // 0.5 cent
        CHECK(share("150%", 1) == 2);       // 1.5 cents
        CHECK(share("250%", 1) == 3);       // 2.5 cents: not 2, as rounding half to even gives
        CHECK(share("10%", 12345) == 1235); // 1234.5 cents
        CHECK(share("0.04%", 1250) == 1);   // 1250 * 0.0004 = 0.5 cent
    }

    TEST_CASE("a percentage just below half a minor unit rounds down") {
        CHECK(share("49.999%", 1) == 0);     // 0.49999 cent
        CHECK(share("249.999%", 1) == 2);    // 2.49999 cents
        CHECK(share("0.04%", 1249) == 0);    // 0.4996 cent
        CHECK(share("0.333%", 10000) == 33); // 33.3 cents
    }

    TEST_CASE("a percentage just above half a minor unit rounds up") {
        CHECK(share("50.001%", 1) == 1);     // 0.50001 cent
        CHECK(share("0.04%", 1251) == 1);    // 0.5004 cent
        CHECK(share("0.666%", 10000) == 67); // 66.6 cents
    }

    TEST_CASE("a percentage of a negative amount rounds half away from zero too") {
        CHECK(share("50%", -1) == -1);     // -0.5 cent
        CHECK(share("250%", -1) == -3);    // -2.5 cents
        CHECK(share("49.999%", -1) == 0);  // -0.49999 cent
        CHECK(share("50.001%", -1) == -1); // -0.50001 cent
    }

    TEST_CASE("a percentage of the fee that does not fit in 64 bits is refused") {
        CHECK(share("100%", int64_max) == int64_max);
        CHECK_FALSE(percent_of(*parse_percent("200%"), Money{int64_max}).has_value());
        CHECK_FALSE(percent_of(*parse_percent("200%"), Money{int64_min}).has_value());
    }

    TEST_CASE("a percentage is shown as written") {
        CHECK(format_percent(*parse_percent("5%")) == "5%");
        CHECK(format_percent(*parse_percent("2.5%")) == "2.5%");
        CHECK(format_percent(*parse_percent("0.25%")) == "0.25%");
    }

    // checked arithmetic

    TEST_CASE("checked addition adds amounts that fit") {
        CHECK(checked_add(Money{150000}, Money{25000})->minor == 175000);
        CHECK(checked_add(Money{int64_max - 1}, Money{1})->minor == int64_max);
        CHECK(checked_add(Money{int64_min}, Money{int64_max})->minor == -1);
    }

    TEST_CASE("checked addition reports overflow at the 64-bit limits") {
        CHECK_FALSE(checked_add(Money{int64_max}, Money{1}).has_value());
        CHECK_FALSE(checked_add(Money{int64_min}, Money{-1}).has_value());
        CHECK_FALSE(checked_add(Money{int64_max}, Money{int64_max}).has_value());
    }

    TEST_CASE("checked multiplication multiplies amounts that fit") {
        CHECK(checked_multiply(Money{50000}, 3)->minor == 150000);
        CHECK(checked_multiply(Money{int64_max}, 1)->minor == int64_max);
        CHECK(checked_multiply(Money{4611686018427387903}, 2)->minor == 9223372036854775806);
        CHECK(checked_multiply(Money{-4611686018427387904}, 2)->minor == int64_min);
        CHECK(checked_multiply(Money{int64_max}, 0)->minor == 0);
    }

    TEST_CASE("checked multiplication reports overflow at the 64-bit limits") {
        CHECK_FALSE(checked_multiply(Money{int64_max}, 2).has_value());
        CHECK_FALSE(checked_multiply(Money{4611686018427387904}, 2).has_value()); // 2^63
        CHECK_FALSE(checked_multiply(Money{int64_min}, -1).has_value());
    }

    // formatting

    TEST_CASE("money is formatted with exactly the currency's minor digits") {
        CHECK(format_money(Money{0}, 2) == "0.00");
        CHECK(format_money(Money{5}, 2) == "0.05");
        CHECK(format_money(Money{50}, 2) == "0.50");
        CHECK(format_money(Money{175000}, 2) == "1750.00");
        CHECK(format_money(Money{100000000}, 2) == "1000000.00");
    }

    TEST_CASE("money of a currency without minor units has no decimal point") {
        CHECK(format_money(Money{0}, 0) == "0");
        CHECK(format_money(Money{1500}, 0) == "1500");
        CHECK(format_money_grouped(Money{1500}, 0) == "1,500");
        CHECK(format_money_grouped(Money{1234567}, 0) == "1,234,567");
    }

    TEST_CASE("money of a currency with three minor digits shows thousandths") {
        CHECK(format_money(Money{1234567}, 3) == "1234.567");
        CHECK(format_money(Money{5}, 3) == "0.005");
        CHECK(format_money_grouped(Money{1234567}, 3) == "1,234.567");
    }

    TEST_CASE("grouped money puts a comma every three digits of the whole part") {
        CHECK(format_money_grouped(Money{0}, 2) == "0.00");
        CHECK(format_money_grouped(Money{5}, 2) == "0.05");
        CHECK(format_money_grouped(Money{99999}, 2) == "999.99");
        CHECK(format_money_grouped(Money{100000}, 2) == "1,000.00");
        CHECK(format_money_grouped(Money{175000}, 2) == "1,750.00");
        CHECK(format_money_grouped(Money{12345600}, 2) == "123,456.00");
        CHECK(format_money_grouped(Money{100000000}, 2) == "1,000,000.00");
    }

    TEST_CASE("negative money keeps its sign in front") {
        CHECK(format_money(Money{-5}, 2) == "-0.05");
        CHECK(format_money(Money{-123456789}, 2) == "-1234567.89");
        CHECK(format_money_grouped(Money{-5}, 2) == "-0.05");
        CHECK(format_money_grouped(Money{-123456789}, 2) == "-1,234,567.89");
        CHECK(format_money_grouped(Money{-1500}, 0) == "-1,500");
    }

    TEST_CASE("the 64-bit extremes are formatted without overflow") {
        CHECK(format_money(Money{int64_max}, 2) == "92233720368547758.07");
        CHECK(format_money(Money{int64_min}, 2) == "-92233720368547758.08");
        CHECK(format_money_grouped(Money{int64_min}, 2) == "-92,233,720,368,547,758.08");
    }
}
