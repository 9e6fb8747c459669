#pragma once

#include <string>
#include <utility>
#include <variant>

namespace remedy {

// The message of an operation that failed; converts into any Expected<T>.
struct Failure {
    std::string message;
};

inline Failure fail(std::string message) {
    return Failure{std::move(message)};
}

// A value or the reason there is none (std::expected is C++23; this is the part remedy needs).
template <class T> class Expected {
public:
    Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Expected(Failure failure) : state_(std::in_place_index<1>, std::move(failure.message)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const { return std::get<0>(state_); }
    T& value() { return std::get<0>(state_); }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<1>(state_); }

private:
    std::variant<T, std::string> state_;
};

} // namespace remedy
