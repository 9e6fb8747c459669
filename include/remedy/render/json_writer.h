#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// Writes JSON text, indented two spaces per level, with keys in the order they are given (the
// order SPEC.md shows). Strings are escaped; bytes that are not UTF-8 become U+FFFD.
class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();

    // The document, ending in a newline. Moved out, not copied (a big plan's report is
    // megabytes): the writer is empty afterwards.
    std::string finish() {
        out_ += '\n';
        return std::move(out_);
    }

private:
    void before_value();
    JsonWriter& close(char bracket);
    void newline();

    std::string out_;
    std::vector<bool> has_members_; // one per open object or array
    bool after_key_ = false;
};

// `text` as a quoted JSON string.
std::string json_quote(std::string_view text);
// The same, appended to `out`: what the writer does for every key and string value.
void append_json_quoted(std::string& out, std::string_view text);

} // namespace remedy
