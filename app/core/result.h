// Result<T>: a value, or a message a person can act on.
//
// The core never throws across its boundary: a function that can fail on input returns
// Result<T>. Check `ok()` (or use it as a bool), then read `value()`; on failure `error()`
// says what was wrong and where, in words a content editor or a citizen can act on.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace stadsmijn {

struct Error {
    std::string message;
};

template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const std::string& error() const { return std::get<Error>(state_).message; }

private:
    std::variant<T, Error> state_;
};

inline Error fail(std::string message) { return Error{std::move(message)}; }

}  // namespace stadsmijn
