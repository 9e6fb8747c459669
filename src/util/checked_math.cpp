#include "remedy/util/checked_math.h"

#include <limits>

#if defined(__has_builtin)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_mul_overflow)
#define REMEDY_OVERFLOW_BUILTINS 1
#endif
#endif

namespace remedy {

namespace {

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();

std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

// A signed result from its magnitude and sign, or nothing when it does not fit.
std::optional<std::int64_t> signed_of(std::uint64_t value, bool negative) {
    if (!negative)
        return value <= static_cast<std::uint64_t>(max64)
                   ? std::optional(static_cast<std::int64_t>(value))
                   : std::nullopt;
    if (value <= static_cast<std::uint64_t>(max64))
        return -static_cast<std::int64_t>(value);
    if (value == static_cast<std::uint64_t>(max64) + 1)
        return min64;
    return std::nullopt;
}

// 128 bits as two halves, for the portable product and division.
struct Unsigned128 {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
};

Unsigned128 product(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t a_low = a & 0xFFFFFFFFu, a_high = a >> 32;
    const std::uint64_t b_low = b & 0xFFFFFFFFu, b_high = b >> 32;
    const std::uint64_t low_low = a_low * b_low;
    const std::uint64_t high_low = a_high * b_low;
    const std::uint64_t low_high = a_low * b_high;
    const std::uint64_t high_high = a_high * b_high;
    const std::uint64_t middle =
        (low_low >> 32) + (high_low & 0xFFFFFFFFu) + (low_high & 0xFFFFFFFFu);
    return {high_high + (high_low >> 32) + (low_high >> 32) + (middle >> 32),
            (middle << 32) | (low_low & 0xFFFFFFFFu)};
}

} // namespace

namespace portable {

std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b) {
    if ((b > 0 && a > max64 - b) || (b < 0 && a < min64 - b))
        return std::nullopt;
    return a + b;
}

std::optional<std::int64_t> multiply_checked(std::int64_t a, std::int64_t b) {
    const Unsigned128 p = product(magnitude(a), magnitude(b));
    if (p.high != 0)
        return std::nullopt;
    return signed_of(p.low, (a < 0) != (b < 0) && p.low != 0);
}

namespace {

// n / divisor (0 < divisor < 2^63) and its remainder, by long division a bit at a time: the
// remainder stays below the divisor, so doubling it never overflows.
Unsigned128 divided(Unsigned128 n, std::uint64_t divisor, std::uint64_t& remainder) {
    remainder = 0;
    Unsigned128 quotient;
    for (int bit = 127; bit >= 0; --bit) {
        const std::uint64_t next = bit >= 64 ? (n.high >> (bit - 64)) & 1 : (n.low >> bit) & 1;
        remainder = remainder * 2 + next;
        const bool fits = remainder >= divisor;
        if (fits)
            remainder -= divisor;
        if (bit >= 64)
            quotient.high |= static_cast<std::uint64_t>(fits) << (bit - 64);
        else
            quotient.low |= static_cast<std::uint64_t>(fits) << bit;
    }
    return quotient;
}

// The quotient's magnitude, one more when the remainder is at least half the divisor (half away
// from zero), with the sign of a * b; nothing when it does not fit.
std::optional<std::int64_t> rounded(Unsigned128 quotient, bool half_or_more, bool negative) {
    if (quotient.high != 0)
        return std::nullopt;
    std::uint64_t magnitude = quotient.low;
    if (half_or_more) {
        if (magnitude == std::numeric_limits<std::uint64_t>::max())
            return std::nullopt;
        ++magnitude;
    }
    return signed_of(magnitude, negative && magnitude != 0);
}

} // namespace

std::optional<std::int64_t> multiply_divide_rounded(std::int64_t a, std::int64_t b,
                                                    std::int64_t c) {
    std::uint64_t remainder = 0;
    const std::uint64_t divisor = magnitude(c);
    const Unsigned128 quotient = divided(product(magnitude(a), magnitude(b)), divisor, remainder);
    return rounded(quotient, remainder >= divisor - remainder, (a < 0) != (b < 0));
}

std::optional<std::int64_t> multiply_shift_rounded(std::int64_t a, std::int64_t b, int exponent) {
    // Divided by ten once for each digit but the last dropped, which decides the rounding.
    Unsigned128 n = product(magnitude(a), magnitude(b));
    std::uint64_t digit = 0;
    for (int k = 0; k < exponent; ++k)
        n = divided(n, 10, digit);
    return rounded(n, exponent > 0 && digit >= 5, (a < 0) != (b < 0));
}

} // namespace portable

std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b) {
#ifdef REMEDY_OVERFLOW_BUILTINS
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return std::nullopt;
    return sum;
#else
    return portable::add_checked(a, b);
#endif
}

std::optional<std::int64_t> multiply_checked(std::int64_t a, std::int64_t b) {
#ifdef REMEDY_OVERFLOW_BUILTINS
    std::int64_t result = 0;
    if (__builtin_mul_overflow(a, b, &result))
        return std::nullopt;
    return result;
#else
    return portable::multiply_checked(a, b);
#endif
}

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 Wide;

// The quotient rounded half away from zero, when it fits.
std::optional<std::int64_t> rounded_wide(Wide quotient, Wide remainder, Wide divisor) {
    if (remainder * 2 >= divisor)
        ++quotient;
    else if (remainder * 2 <= -divisor)
        --quotient;
    if (quotient > max64 || quotient < min64)
        return std::nullopt;
    return static_cast<std::int64_t>(quotient);
}
#endif

std::optional<std::int64_t> multiply_divide_rounded(std::int64_t a, std::int64_t b,
                                                    std::int64_t c) {
#ifdef __SIZEOF_INT128__
    const Wide numerator = static_cast<Wide>(a) * b;
    return rounded_wide(numerator / c, numerator % c, c);
#else
    return portable::multiply_divide_rounded(a, b, c);
#endif
}

std::optional<std::int64_t> multiply_shift_rounded(std::int64_t a, std::int64_t b, int exponent) {
#ifdef __SIZEOF_INT128__
    if (exponent <= 36) { // 10^36 < 2^127
        Wide divisor = 1;
        for (int k = 0; k < exponent; ++k)
            divisor *= 10;
        const Wide numerator = static_cast<Wide>(a) * b;
        return rounded_wide(numerator / divisor, numerator % divisor, divisor);
    }
#endif
    return portable::multiply_shift_rounded(a, b, exponent);
}

} // namespace remedy
