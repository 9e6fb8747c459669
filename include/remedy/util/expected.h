#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace remedy {

// Why an operation failed: converts into any Expected<T, E> whose E can be made from it.
template <class E> struct Unexpected { E error; };

// The failure of the many operations whose error is a message for a person.
inline Unexpected<std::string> fail(std::string message) {
    return {std::move(message)};
}

// A value or the reason there is none (std::expected is C++23; this is the part remedy needs).
template <class T, class E = std::string> class Expected {
public:
    Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    template <class F, class = std::enable_if_t<std::is_constructible_v<E, F&&>>>
    Expected(Unexpected<F> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const { return std::get<0>(state_); }
    T& value() { return std::get<0>(state_); }
    const T& operator*() const { return value(); }
    T& operator*() { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const E& error() const { return std::get<1>(state_); }
    E& error() { return std::get<1>(state_); }

private:
    std::variant<T, E> state_;
};

// Success that carries no value, or the reason for the failure.
template <class E> class Expected<void, E> {
public:
    Expected() = default;
    template <class F, class = std::enable_if_t<std::is_constructible_v<E, F&&>>>
    Expected(Unexpected<F> failure) : error_(std::move(failure.error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const E& error() const { return error_; }
    E& error() { return error_; }

private:
    E error_{};
    bool failed_ = false;
};

} // namespace remedy

#define REMEDY_CONCAT_INNER(a, b) a##b
#define REMEDY_CONCAT(a, b) REMEDY_CONCAT_INNER(a, b)

// Returns the failure of `expr` (an Expected) from the enclosing function, which returns an
// Expected whose error can be made from it. Instead of `if (!x) return fail(x.error());`.
#define TRY(expr)                                                                                  \
    do {                                                                                           \
        auto&& remedy_try_result = (expr);                                                         \
        if (!remedy_try_result)                                                                    \
            return ::remedy::Unexpected<std::decay_t<decltype(remedy_try_result.error())>>{        \
                std::move(remedy_try_result.error())};                                             \
    } while (false)

// `declaration` = the value of `expr` (an Expected), or the failure returned as TRY does:
// TRY_ASSIGN(const Plan plan, read(...));
#define TRY_ASSIGN(declaration, expr)                                                              \
    auto&& REMEDY_CONCAT(remedy_try_, __LINE__) = (expr);                                          \
    if (!REMEDY_CONCAT(remedy_try_, __LINE__))                                                     \
        return ::remedy::Unexpected<                                                               \
            std::decay_t<decltype(REMEDY_CONCAT(remedy_try_, __LINE__).error())>>{                 \
            std::move(REMEDY_CONCAT(remedy_try_, __LINE__).error())};                              \
    declaration = std::move(*REMEDY_CONCAT(remedy_try_, __LINE__))
