// Reading JSON with every problem reported by file and JSON path.
//
// Content and catalogs are edited by people, not programs. A loader walks a parsed document
// with a JsonReader, which never throws and never aborts: a missing key or a wrong type adds a
// Problem such as `content/devices.json: devices[3].materials[1].grams: expected a number, found
// a string` and gives back a neutral value, so one pass reports everything that is wrong.
//
//   Problems problems;
//   auto doc = parse_json(bytes, "content/devices.json", problems);
//   if (!doc) return;                       // a syntax error, already in `problems`
//   JsonReader root(*doc, "content/devices.json", problems);
//   root.each("devices", [&](JsonReader device) {
//       std::string id = device.string("id");
//       double grams = device.number("grams", {.min = 0});
//   });
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace stadsmijn {

using Json = nlohmann::json;

struct Problem {
    std::string file;
    std::string path;  // "devices[3].grams"; empty for the whole file
    std::string message;

    std::string to_string() const;  // "file: path: message"
};

using Problems = std::vector<Problem>;

// Parses UTF-8 JSON text; on a syntax error adds a problem with line and column and returns nothing.
std::optional<Json> parse_json(std::string_view text, const std::string& file, Problems& problems);

struct NumberRange {
    std::optional<double> min = std::nullopt;
    std::optional<double> max = std::nullopt;
};

class JsonReader {
public:
    JsonReader(const Json& node, std::string file, Problems& problems, std::string path = "");

    const Json& node() const { return *node_; }
    const std::string& path() const { return path_; }
    const std::string& file() const { return file_; }

    bool has(const char* key) const;
    bool is_object() const { return node_->is_object(); }

    // Required fields: a missing or mistyped field is a problem.
    std::string string(const char* key) const;
    double number(const char* key, NumberRange range = {}) const;
    int integer(const char* key, NumberRange range = {}) const;
    bool boolean(const char* key) const;
    std::vector<std::string> strings(const char* key) const;

    // Optional fields: absent is fine, present with the wrong type is a problem.
    std::optional<std::string> optional_string(const char* key) const;
    std::optional<double> optional_number(const char* key, NumberRange range = {}) const;

    // Visits each element of a required array (or each member of an object with each_member).
    void each(const char* key, const std::function<void(JsonReader)>& visit) const;
    void each_member(const std::function<void(const std::string& key, JsonReader)>& visit) const;
    std::optional<JsonReader> child(const char* key, bool required = true) const;

    // Adds a problem at this node's path (or at `key` below it).
    void problem(std::string message) const;
    void problem_at(const char* key, std::string message) const;

    // Keys that this node has but the schema does not know: usually a typo by an editor.
    void reject_unknown_keys(std::initializer_list<std::string_view> known) const;

    bool expect_object() const;
    bool expect_array() const;

private:
    const Json* lookup(const char* key, bool required, const char* expected) const;
    std::string path_of(const char* key) const;

    const Json* node_;
    std::string file_;
    Problems* problems_;
    std::string path_;
};

// "a string", "a number", ... for messages.
const char* json_type_name(const Json& value);

}  // namespace stadsmijn
