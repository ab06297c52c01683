#include "core/json_reader.h"

#include <cmath>
#include <sstream>

namespace stadsmijn {

std::string Problem::to_string() const {
    std::string text = file;
    if (!path.empty()) text += ": " + path;
    return text + ": " + message;
}

namespace {

// Records where parsing failed; nlohmann reports the byte offset, we turn it into line:column.
struct SyntaxErrorFinder : nlohmann::json_sax<Json> {
    std::size_t position = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string& token, const nlohmann::detail::exception&) override {
        position = pos;
        what = token;
        return false;
    }
};

std::string describe_syntax_error(std::string_view text) {
    SyntaxErrorFinder finder;
    Json::sax_parse(text.begin(), text.end(), &finder, nlohmann::detail::input_format_t::json, false);
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < finder.position && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    std::ostringstream message;
    message << "not valid JSON at line " << line << ", column " << column;
    if (finder.what.empty() || finder.what == "<end of input>") {
        message << " (the file ends too early: a missing bracket or quote?)";
    } else {
        std::string near = finder.what.substr(0, 20);
        for (char& c : near)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        message << " near '" << near << "'";
    }
    return message.str();
}

}  // namespace

std::optional<Json> parse_json(std::string_view text, const std::string& file, Problems& problems) {
    Json document = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) {
        problems.push_back({file, "", describe_syntax_error(text)});
        return std::nullopt;
    }
    return document;
}

const char* json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "a list";
        case Json::value_t::object: return "an object";
        case Json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

JsonReader::JsonReader(const Json& node, std::string file, Problems& problems, std::string path)
    : node_(&node), file_(std::move(file)), problems_(&problems), path_(std::move(path)) {}

std::string JsonReader::path_of(const char* key) const {
    return path_.empty() ? std::string(key) : path_ + "." + key;
}

void JsonReader::problem(std::string message) const { problems_->push_back({file_, path_, std::move(message)}); }

void JsonReader::problem_at(const char* key, std::string message) const {
    problems_->push_back({file_, path_of(key), std::move(message)});
}

bool JsonReader::expect_object() const {
    if (node_->is_object()) return true;
    problem(std::string("expected an object, found ") + json_type_name(*node_));
    return false;
}

bool JsonReader::expect_array() const {
    if (node_->is_array()) return true;
    problem(std::string("expected a list, found ") + json_type_name(*node_));
    return false;
}

bool JsonReader::has(const char* key) const { return node_->is_object() && node_->contains(key); }

const Json* JsonReader::lookup(const char* key, bool required, const char* expected) const {
    if (!node_->is_object()) return nullptr;  // the parent's type problem is reported by whoever made us
    auto found = node_->find(key);
    if (found == node_->end()) {
        if (required) problem_at(key, std::string("missing; expected ") + expected);
        return nullptr;
    }
    return &*found;
}

std::string JsonReader::string(const char* key) const {
    const Json* value = lookup(key, true, "a string");
    if (!value) return {};
    if (!value->is_string()) {
        problem_at(key, std::string("expected a string, found ") + json_type_name(*value));
        return {};
    }
    return value->get<std::string>();
}

std::optional<std::string> JsonReader::optional_string(const char* key) const {
    const Json* value = lookup(key, false, "a string");
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_string()) {
        problem_at(key, std::string("expected a string, found ") + json_type_name(*value));
        return std::nullopt;
    }
    return value->get<std::string>();
}

namespace {
std::string format_number(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}
}  // namespace

static std::optional<double> checked_number(const JsonReader& reader, const char* key, const Json& value,
                                            NumberRange range) {
    if (!value.is_number()) {
        reader.problem_at(key, std::string("expected a number, found ") + json_type_name(value));
        return std::nullopt;
    }
    double number = value.get<double>();
    if (!std::isfinite(number)) {
        reader.problem_at(key, "expected a finite number");
        return std::nullopt;
    }
    if (range.min && number < *range.min) {
        reader.problem_at(key, "must be at least " + format_number(*range.min) + ", found " + format_number(number));
        return std::nullopt;
    }
    if (range.max && number > *range.max) {
        reader.problem_at(key, "must be at most " + format_number(*range.max) + ", found " + format_number(number));
        return std::nullopt;
    }
    return number;
}

double JsonReader::number(const char* key, NumberRange range) const {
    const Json* value = lookup(key, true, "a number");
    if (!value) return 0;
    return checked_number(*this, key, *value, range).value_or(0);
}

std::optional<double> JsonReader::optional_number(const char* key, NumberRange range) const {
    const Json* value = lookup(key, false, "a number");
    if (!value || value->is_null()) return std::nullopt;
    return checked_number(*this, key, *value, range);
}

int JsonReader::integer(const char* key, NumberRange range) const {
    const Json* value = lookup(key, true, "a whole number");
    if (!value) return 0;
    if (!value->is_number_integer()) {
        problem_at(key, std::string("expected a whole number, found ") + json_type_name(*value));
        return 0;
    }
    return static_cast<int>(checked_number(*this, key, *value, range).value_or(0));
}

bool JsonReader::boolean(const char* key) const {
    const Json* value = lookup(key, true, "true or false");
    if (!value) return false;
    if (!value->is_boolean()) {
        problem_at(key, std::string("expected true or false, found ") + json_type_name(*value));
        return false;
    }
    return value->get<bool>();
}

std::vector<std::string> JsonReader::strings(const char* key) const {
    std::vector<std::string> result;
    const Json* value = lookup(key, true, "a list of strings");
    if (!value) return result;
    if (!value->is_array()) {
        problem_at(key, std::string("expected a list of strings, found ") + json_type_name(*value));
        return result;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& item = (*value)[i];
        if (item.is_string()) {
            result.push_back(item.get<std::string>());
        } else {
            problems_->push_back({file_, path_of(key) + "[" + std::to_string(i) + "]",
                                  std::string("expected a string, found ") + json_type_name(item)});
        }
    }
    return result;
}

void JsonReader::each(const char* key, const std::function<void(JsonReader)>& visit) const {
    const Json* value = lookup(key, true, "a list");
    if (!value) return;
    if (!value->is_array()) {
        problem_at(key, std::string("expected a list, found ") + json_type_name(*value));
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i)
        visit(JsonReader((*value)[i], file_, *problems_, path_of(key) + "[" + std::to_string(i) + "]"));
}

void JsonReader::each_member(const std::function<void(const std::string&, JsonReader)>& visit) const {
    if (!expect_object()) return;
    for (auto it = node_->begin(); it != node_->end(); ++it)
        visit(it.key(), JsonReader(it.value(), file_, *problems_, path_of(it.key().c_str())));
}

std::optional<JsonReader> JsonReader::child(const char* key, bool required) const {
    const Json* value = lookup(key, required, "an object");
    if (!value) return std::nullopt;
    JsonReader reader(*value, file_, *problems_, path_of(key));
    if (!reader.expect_object()) return std::nullopt;
    return reader;
}

void JsonReader::reject_unknown_keys(std::initializer_list<std::string_view> known) const {
    if (!node_->is_object()) return;
    for (auto it = node_->begin(); it != node_->end(); ++it) {
        bool found = false;
        for (auto name : known) found = found || name == it.key();
        if (!found) problem_at(it.key().c_str(), "unknown field (a typo?)");
    }
}

}  // namespace stadsmijn
