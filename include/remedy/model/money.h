#pragma once

#include "remedy/util/expected.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// An amount of money as an exact count of the currency's minor units (cents for USD).
struct Money {
    std::int64_t minor = 0;

    auto operator<=>(const Money&) const = default;
};

// Arithmetic that reports overflow instead of wrapping around.
std::optional<Money> checked_add(Money a, Money b);
std::optional<Money> checked_multiply(Money a, std::int64_t factor);

// A non-negative decimal number as written: units / 10^scale ("2.50" is {250, 2}).
struct Decimal {
    std::int64_t units = 0;
    int scale = 0;
};

// Digits with an optional fraction ("12500", "12500.00", "2.5"); no sign, exponent or grouping.
Expected<Decimal> parse_decimal(std::string_view text);

// Money from the ways a plan can write it. `minor_digits` is the currency's (2 for USD).
Expected<Money> money_from_decimal(Decimal amount, int minor_digits);
Expected<Money> money_from_integer(std::int64_t major_units, int minor_digits);
// A TOML float: accepted when its shortest exact decimal form fits the currency's digits.
Expected<Money> money_from_float(double amount, int minor_digits);
// That shortest exact decimal form of a non-negative finite double (12.5 is {125, 1}).
Expected<Decimal> decimal_from_float(double amount);

// "1750.00": exactly the currency's minor digits, no grouping (the JSON form).
std::string format_money(Money amount, int minor_digits);
// "1,750.00": grouped thousands, for people.
std::string format_money_grouped(Money amount, int minor_digits);

// A share of the monthly fee, written "2.5%".
struct Percent {
    Decimal value;
};

// Parses "5%" or "2.5%".
Expected<Percent> parse_percent(std::string_view text);
std::string format_percent(Percent percent);

// The share of `fee`, rounded once, half away from zero, to the minor unit.
std::optional<Money> percent_of(Percent percent, Money fee);

} // namespace remedy
