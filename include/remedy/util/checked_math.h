#pragma once

#include <cstdint>
#include <optional>

// Exact integer arithmetic that cannot silently wrap: 64-bit sums and products checked, and a
// product of two 64-bit numbers divided and rounded without losing bits. With GCC and Clang the
// compiler's overflow built-ins and 128-bit integers do the work; any other compiler gets the
// portable forms below, which the unit tests check against them.
namespace remedy {

// a + b and a * b, or nothing when the result does not fit in 64 bits.
std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> multiply_checked(std::int64_t a, std::int64_t b);

// a * b / c rounded half away from zero (c > 0), exact whatever the size of a * b; nothing when
// the result does not fit in 64 bits.
std::optional<std::int64_t> multiply_divide_rounded(std::int64_t a, std::int64_t b, std::int64_t c);

// a * b / 10^exponent rounded half away from zero (0 <= exponent <= 38): a share of an amount
// given with up to 18 decimals, whose divisor 10^20 would not fit in 64 bits.
std::optional<std::int64_t> multiply_shift_rounded(std::int64_t a, std::int64_t b, int exponent);

// The portable forms, used where the compiler has no built-ins; here so that they are tested on
// every machine.
namespace portable {
std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> multiply_checked(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> multiply_divide_rounded(std::int64_t a, std::int64_t b, std::int64_t c);
std::optional<std::int64_t> multiply_shift_rounded(std::int64_t a, std::int64_t b, int exponent);
} // namespace portable

} // namespace remedy
