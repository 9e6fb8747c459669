// The portable forms beside the fast ones: checked arithmetic without the compiler's built-ins
// and 128-bit integers, and the CPUs this process may run on.

#include "remedy/io/usable_cpus.h"
#include "remedy/util/checked_math.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#ifdef REMEDY_HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif

using namespace remedy;

namespace {

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();

} // namespace

TEST_SUITE("portability") {
    TEST_CASE("checked sums and products: the portable forms agree with the built-ins") {
        const std::vector<std::int64_t> edges = {
            0,           1,     -1,        2,     -2,        3037000499, 3037000500,
            -3037000500, max64, max64 - 1, min64, min64 + 1, 1LL << 32,  -(1LL << 32)};
        std::mt19937_64 random(20261206);
        std::vector<std::int64_t> values = edges;
        for (int k = 0; k < 200; ++k)
            values.push_back(static_cast<std::int64_t>(random()) >> (random() % 64));
        for (std::int64_t a : values)
            for (std::int64_t b : values) {
                INFO(a, " ", b);
                CHECK(portable::add_checked(a, b) == add_checked(a, b));
                CHECK(portable::multiply_checked(a, b) == multiply_checked(a, b));
                if (b > 0) {
                    for (std::int64_t c : {std::int64_t{1}, std::int64_t{3}, std::int64_t{7}, b,
                                           max64, std::int64_t{1000000007}})
                        CHECK(portable::multiply_divide_rounded(a, b, c) ==
                              multiply_divide_rounded(a, b, c));
                }
            }
        for (int exponent = 0; exponent <= 38; ++exponent)
            for (std::int64_t a : values)
                CHECK(portable::multiply_shift_rounded(a, 12345, exponent) ==
                      multiply_shift_rounded(a, 12345, exponent));
    }

    TEST_CASE("rounded quotients, worked by hand") {
        CHECK(multiply_divide_rounded(5, 1, 2) == 3);   // 2.5 -> 3
        CHECK(multiply_divide_rounded(-5, 1, 2) == -3); // half away from zero
        CHECK(multiply_divide_rounded(7, 1, 3) == 2);   // 2.33
        CHECK(multiply_divide_rounded(max64, max64, max64) == max64);
        CHECK(multiply_divide_rounded(max64, 2, 1) == std::nullopt);
        // 5% of 12,500.00: 1250000 x 500 / 10^4 = 62500; 2.5% of 0.01 rounds 0.025 cents to 0.
        CHECK(multiply_shift_rounded(1250000, 500, 4) == 62500);
        CHECK(multiply_shift_rounded(1, 25, 3) == 0);
        CHECK(multiply_shift_rounded(1, 5, 1) == 1); // 0.5 -> 1
        // A share with 18 decimals: the divisor 10^20 does not fit in 64 bits.
        CHECK(multiply_shift_rounded(max64, 100000000000000000LL, 20) == 9223372036854776LL);
        for (auto* function : {&portable::multiply_shift_rounded, &multiply_shift_rounded}) {
            CHECK(function(max64, max64, 0) == std::nullopt);
            CHECK(function(-3, 5, 1) == -2); // -1.5 -> -2
        }
    }

    TEST_CASE("a cgroup quota gives its CPUs, rounded up; max gives none") {
        CHECK(cpus_of_quota("200000 100000") == 2U);
        CHECK(cpus_of_quota("150000 100000") == 2U);
        CHECK(cpus_of_quota("50000 100000") == 1U);
        CHECK(cpus_of_quota("max 100000") == std::nullopt);
        CHECK(cpus_of_quota("") == std::nullopt);
        CHECK(cpus_of_quota("garbage") == std::nullopt);
    }

    TEST_CASE("the CPUs this process may run on follow its affinity mask") {
        // The finding: hardware_concurrency ignored affinity and cgroup limits, so a 2-CPU
        // container on a 64-core host started 63 threads.
        const unsigned all = usable_cpus();
        CHECK(all >= 1U);
#ifdef REMEDY_HAVE_SCHED_GETAFFINITY
        cpu_set_t before;
        REQUIRE(::sched_getaffinity(0, sizeof before, &before) == 0);
        int first = 0;
        while (!CPU_ISSET(first, &before))
            ++first;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(first, &one);
        REQUIRE(::sched_setaffinity(0, sizeof one, &one) == 0);
        CHECK(usable_cpus() == 1U);
        REQUIRE(::sched_setaffinity(0, sizeof before, &before) == 0);
        CHECK(usable_cpus() == all);
#endif
    }
}
