#include "remedy/model/money.h"

#include "remedy/util/checked_math.h"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace remedy {

namespace {

constexpr int max_scale = 18; // 10^18 is the largest power of ten in an int64

std::int64_t power_of_ten(int exponent) {
    std::int64_t result = 1;
    for (int i = 0; i < exponent; ++i)
        result *= 10;
    return result;
}

// The magnitude as unsigned, so that the most negative int64 is formatted too.
std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string group_thousands(const std::string& digits) {
    std::string out;
    const std::size_t lead = digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (i + 3 - lead) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

enum class Grouping { none, thousands };

std::string format_with(Money amount, int minor_digits, Grouping grouping) {
    const std::uint64_t abs = magnitude(amount.minor);
    const auto unit = static_cast<std::uint64_t>(power_of_ten(minor_digits));
    std::string whole = std::to_string(abs / unit);
    if (grouping == Grouping::thousands)
        whole = group_thousands(whole);
    std::string out = amount.minor < 0 ? "-" + whole : whole;
    if (minor_digits > 0) {
        // The fraction zero-padded to minor_digits, by hand: fmt's dynamic width was most of
        // the cost of a big status table's penalty column. It has at most minor_digits digits.
        const std::string fraction = std::to_string(abs % unit);
        out += '.';
        out.append(static_cast<std::size_t>(minor_digits) - fraction.size(), '0');
        out += fraction;
    }
    return out;
}

} // namespace

std::optional<Money> checked_add(Money a, Money b) {
    const std::optional<std::int64_t> sum = add_checked(a.minor, b.minor);
    return sum ? std::optional(Money{*sum}) : std::nullopt;
}

std::optional<Money> checked_multiply(Money a, std::int64_t factor) {
    const std::optional<std::int64_t> product = multiply_checked(a.minor, factor);
    return product ? std::optional(Money{*product}) : std::nullopt;
}

Expected<Decimal> parse_decimal(std::string_view text) {
    const auto invalid = [&] {
        return fail(fmt::format("'{}' is not a decimal number (digits, optionally a '.' and more "
                                "digits, without sign or separators)",
                                text));
    };
    Decimal result;
    std::size_t i = 0;
    bool seen_point = false;
    std::size_t digits_before_point = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9')
            return invalid();
        if (seen_point) {
            if (++result.scale > max_scale)
                return fail(fmt::format("'{}' has more than {} decimals", text, max_scale));
        } else {
            ++digits_before_point;
        }
        const std::optional<std::int64_t> tens = multiply_checked(result.units, 10);
        const std::optional<std::int64_t> units = tens ? add_checked(*tens, c - '0') : std::nullopt;
        if (!units)
            return fail(fmt::format("'{}' is too large to compute exactly", text));
        result.units = *units;
    }
    if (digits_before_point == 0 || (seen_point && result.scale == 0))
        return invalid();
    return result;
}

Expected<Money> money_from_decimal(Decimal amount, int minor_digits) {
    if (amount.scale > minor_digits)
        return fail(fmt::format("has {} decimal{} but the currency has {}", amount.scale,
                                amount.scale == 1 ? "" : "s", minor_digits));
    const std::optional<std::int64_t> minor =
        multiply_checked(amount.units, power_of_ten(minor_digits - amount.scale));
    if (!minor)
        return fail("is too large to compute exactly");
    return Money{*minor};
}

Expected<Money> money_from_integer(std::int64_t major_units, int minor_digits) {
    if (major_units < 0)
        return fail("must not be negative");
    return money_from_decimal(Decimal{major_units, 0}, minor_digits);
}

Expected<Decimal> decimal_from_float(double amount) {
    if (!std::isfinite(amount))
        return fail("must be a finite number");
    if (amount < 0)
        return fail("must not be negative");
    if (amount == 0)
        return Decimal{}; // also -0.0, whose shortest form "-0" has a sign
    // The shortest decimal that reads back as the same double is what the user wrote (or an
    // equal number with fewer digits), so it is the exact value to convert.
    char buffer[512];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, amount, std::chars_format::fixed);
    if (ec != std::errc())
        return fail("is too large to compute exactly");
    const Expected<Decimal> decimal =
        parse_decimal(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    if (!decimal)
        return fail("is too large to compute exactly");
    return decimal;
}

Expected<Money> money_from_float(double amount, int minor_digits) {
    const Expected<Decimal> decimal = decimal_from_float(amount);
    if (!decimal)
        return fail(decimal.error());
    return money_from_decimal(*decimal, minor_digits);
}

std::string format_money(Money amount, int minor_digits) {
    return format_with(amount, minor_digits, Grouping::none);
}

std::string format_money_grouped(Money amount, int minor_digits) {
    return format_with(amount, minor_digits, Grouping::thousands);
}

Expected<Percent> parse_percent(std::string_view text) {
    if (text.empty() || text.back() != '%')
        return fail(fmt::format("'{}' is not a percentage such as \"5%\" or \"2.5%\"", text));
    const Expected<Decimal> value = parse_decimal(text.substr(0, text.size() - 1));
    if (!value)
        return fail(fmt::format("'{}' is not a percentage such as \"5%\" or \"2.5%\"", text));
    return Percent{*value};
}

std::string format_percent(Percent percent) {
    const Money as_money{percent.value.units};
    return format_money(as_money, percent.value.scale) + "%";
}

std::optional<Money> percent_of(Percent percent, Money fee) {
    // fee x units / (100 x 10^scale), rounded once, half away from zero.
    const std::optional<std::int64_t> share =
        multiply_shift_rounded(fee.minor, percent.value.units, percent.value.scale + 2);
    return share ? std::optional(Money{*share}) : std::nullopt;
}

} // namespace remedy
