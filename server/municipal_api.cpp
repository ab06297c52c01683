#include "server/municipal_api.h"

#include <httplib.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/content/place_overlay.h"
#include "core/routes.h"
#include "server/campaigns.h"
#include "server/csv_text.h"
#include "server/request_guard.h"
#include "server/request_identity.h"

namespace stadsmijn::server {

namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxName = 100;
const char* const kProblems[] = {"closed", "wrong-hours", "does-not-take", "other"};

void json_answer(httplib::Response& res, int status, const Json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void json_error(httplib::Response& res, int status, const std::string& message) {
    json_answer(res, status, {{"error", message}});
}

void field_errors(httplib::Response& res, const std::vector<FieldError>& errors) {
    Json list = Json::array();
    for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
    json_answer(res, 422,
                {{"error", "the place is not valid: " +
                               (errors.empty() ? std::string() : errors[0].field + ": " + errors[0].message)},
                 {"errors", list}});
}

void retry_after(httplib::Response& res, std::chrono::milliseconds wait) {
    res.set_header("Retry-After", std::to_string(std::max<long long>(1, (wait.count() + 999) / 1000)));
}

bool is_json(const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Content-Type").rfind("application/json", 0) == 0) return true;
    json_error(res, 415, "send the body as JSON with \"Content-Type: application/json\"");
    return false;
}

// Text a person typed: no control characters, valid length in bytes.
bool is_plain_text(const std::string& text, std::size_t max) {
    if (text.size() > max) return false;
    return std::none_of(text.begin(), text.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b == 0x7f;
    });
}

// "\"12\"", "W/\"12\"" or "12" -> 12.
std::optional<std::int64_t> parse_etag(std::string text) {
    if (text.starts_with("W/")) text = text.substr(2);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoll(text);
}

std::string etag(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

// One place as the API knows it: bundled, edited, or both.
struct KnownPlace {
    bool exists = false;
    std::string municipality;
    std::int64_t version = 0;
    bool closed = false;
};

}  // namespace

bool Caller::covers(const std::string& municipality) const {
    return admin || std::find(editor.municipalities.begin(), editor.municipalities.end(), municipality) !=
                        editor.municipalities.end();
}

std::string Caller::name() const {
    return admin ? "provincie (beheerder)" : editor.name;
}

MunicipalApi::MunicipalApi(const Content& content, MunicipalStore& store, AdminToken admin_token,
                           MunicipalApiConfig config)
    : content_(content),
      store_(store),
      admin_token_(std::move(admin_token)),
      config_(config),
      addresses_(config.trusted_proxies),
      reports_per_address_(config.reports_per_address),
      reports_per_address_daily_(config.reports_per_address_per_day),
      reports_overall_(config.reports_overall),
      reads_per_address_(config.reads_per_address) {}

std::optional<Caller> MunicipalApi::authenticate(const httplib::Request& req, httplib::Response& res, bool admin_only) {
    Caller caller;
    bool store_failed = false;
    auto editor_lookup = [&](std::string_view token) {
        if (admin_only || token.size() < 32 || token.size() > 128) return false;
        auto found = store_.editor_by_token(std::string(token));
        if (!found) {
            store_failed = true;
            return false;
        }
        if (!found.value()) return false;
        caller.editor = *found.value();
        return true;
    };
    bool is_admin = false;
    AdminDecision decision =
        check_admin_or(admin_token_, client_address_key(addresses_, req), req,
                       admin_only ? std::function<bool(std::string_view)>{} : editor_lookup, is_admin);
    if (store_failed && !decision) {
        json_error(res, 503, "the editor accounts could not be read; try again later");
        return std::nullopt;
    }
    if (!decision) {
        if (decision.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        if (decision.status == 429) retry_after(res, decision.retry_after);
        json_error(res, decision.status, decision.message);
        return std::nullopt;
    }
    caller.admin = is_admin;
    return caller;
}

std::optional<std::string> MunicipalApi::municipality_in_scope(const httplib::Request& req, httplib::Response& res) {
    auto caller = authenticate(req, res, false);
    if (!caller) return std::nullopt;
    std::string municipality = req.get_param_value("municipality");
    if (municipality.empty() && !caller->admin) {
        json_error(res, 400, "municipality: give ?municipality=<id> of a municipality you edit");
        return std::nullopt;
    }
    if (!municipality.empty() && !caller->covers(municipality)) {
        json_error(res, 403, "you do not edit " + municipality);
        return std::nullopt;
    }
    return municipality;
}

std::optional<Campaign> MunicipalApi::edited_campaign(const std::string& id) {
    auto stored = store_.campaign(id);
    if (!stored || !stored.value()) return std::nullopt;
    Problems problems;
    auto document = parse_json(stored.value()->json, "campaign", problems);
    if (!document) return std::nullopt;
    return read_campaign(JsonReader(*document, "campaign", problems), id);
}

bool MunicipalApi::admit_read(const httplib::Request& req, httplib::Response& res) {
    if (auto wait = reads_per_address_.take(client_address_key(addresses_, req))) {
        retry_after(res, *wait);
        json_error(res, 429, "too many requests from this address; slow down");
        return false;
    }
    return true;
}

void MunicipalApi::install(httplib::Server& http) {
    // ---- editor accounts (admin) ----
    http.Post("/api/editors", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, true);
        if (!caller || !is_json(req, res)) return;
        auto body = Json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            return json_error(res, 400, "the body must be a JSON object {\"name\": ..., \"municipalities\": [...]}");
        for (const auto& [key, value] : body.items())
            if (key != "name" && key != "municipalities")
                return json_error(res, 400, "only \"name\" and \"municipalities\" are accepted, not \"" + key + "\"");
        std::vector<FieldError> errors;
        std::string name = body.contains("name") && body["name"].is_string() ? body["name"].get<std::string>() : "";
        if (name.empty() || !is_plain_text(name, kMaxName))
            errors.push_back({"name", "give a name of 1 to 100 characters, e.g. \"Team Afval Haarlem\""});
        std::vector<std::string> municipalities;
        if (!body.contains("municipalities") || !body["municipalities"].is_array() || body["municipalities"].empty() ||
            body["municipalities"].size() > 50) {
            errors.push_back({"municipalities", "give 1 to 50 municipality ids, e.g. [\"haarlem\"]"});
        } else {
            for (const auto& item : body["municipalities"]) {
                if (!item.is_string() || !content_.find_municipality(item.get<std::string>())) {
                    errors.push_back({"municipalities",
                                      "'" + (item.is_string() ? item.get<std::string>().substr(0, 60) : item.dump()) +
                                          "' is not a municipality in content/municipalities.json"});
                } else if (std::find(municipalities.begin(), municipalities.end(), item.get<std::string>()) ==
                           municipalities.end()) {
                    municipalities.push_back(item.get<std::string>());
                }
            }
        }
        if (!errors.empty()) {
            Json list = Json::array();
            for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
            return json_answer(res, 422, {{"error", errors[0].field + ": " + errors[0].message}, {"errors", list}});
        }
        auto created = store_.create_editor(name, municipalities, caller->name());
        if (!created) return json_error(res, 503, "the editor could not be stored; try again later");
        const auto& account = created.value().account;
        json_answer(res, 201,
                    {{"id", account.id},
                     {"name", account.name},
                     {"municipalities", account.municipalities},
                     {"created", account.created},
                     {"token", created.value().token}});
    });
    http.Get("/api/editors", [this](const httplib::Request& req, httplib::Response& res) {
        if (!authenticate(req, res, true)) return;
        auto list = store_.editors();
        if (!list) return json_error(res, 503, "the editors could not be read; try again later");
        Json editors = Json::array();
        for (const auto& e : list.value())
            editors.push_back({{"id", e.id},
                               {"name", e.name},
                               {"municipalities", e.municipalities},
                               {"created", e.created},
                               {"revoked", e.revoked.empty() ? Json(nullptr) : Json(e.revoked)}});
        json_answer(res, 200, {{"editors", editors}});
    });
    http.Delete(R"(/api/editors/(\d{1,18}))", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, true);
        if (!caller) return;
        auto revoked = store_.revoke_editor(std::stoll(req.matches[1].str()), caller->name());
        if (!revoked) return json_error(res, 503, "the editor could not be revoked; try again later");
        if (!revoked.value()) return json_error(res, 404, "no such editor, or revoked before");
        res.status = 204;
        res.set_header("Cache-Control", "no-store");
    });
    http.Get("/api/me", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, false);
        if (!caller) return;
        Json municipalities = Json::array();
        if (!caller->admin) municipalities = caller->editor.municipalities;
        json_answer(res, 200,
                    {{"role", caller->admin ? "admin" : "editor"},
                     {"name", caller->name()},
                     {"municipalities", municipalities}});
    });

    // ---- places ----
    // What the server knows of a place now: bundled, edited or neither.
    auto known_place = [this](const std::string& id) -> Result<KnownPlace> {
        KnownPlace known;
        if (const Place* bundled = content_.find_place(id)) {
            known.exists = true;
            known.municipality = bundled->municipality;
            known.closed = bundled->closed;
        }
        auto stored = store_.place(id);
        if (!stored) return fail(stored.error());
        if (stored.value()) {
            known.exists = true;
            known.municipality = stored.value()->municipality;
            known.version = stored.value()->version;
            auto json = Json::parse(stored.value()->json, nullptr, false);
            known.closed = json.is_object() && json.value("closed", false);
        }
        return known;
    };

    http.Get("/api/places/overlay", [this](const httplib::Request& req, httplib::Response& res) {
        if (!admit_read(req, res)) return;
        auto version = store_.overlay_version();
        if (!version) return json_error(res, 503, "the places could not be read; try again later");
        std::string body;
        {
            std::lock_guard lock(overlay_mutex_);
            if (overlay_cached_version_ != version.value()) {
                auto stored = store_.places();
                if (!stored) return json_error(res, 503, "the places could not be read; try again later");
                Json places = Json::array();
                std::int64_t highest = 0;
                for (const auto& place : stored.value()) {
                    places.push_back(Json::parse(place.json, nullptr, false));
                    highest = std::max(highest, place.version);
                }
                // Read under one version: a write between the two reads makes the body newer, never older.
                overlay_cached_version_ = std::max(version.value(), highest);
                overlay_cached_body_ = Json{{"version", overlay_cached_version_}, {"places", places}}.dump(
                    -1, ' ', false, Json::error_handler_t::replace);
            }
            body = overlay_cached_body_;
            version.value() = overlay_cached_version_;
        }
        res.set_header("ETag", etag(version.value()));
        res.set_header("Cache-Control", "no-cache");
        if (auto seen = parse_etag(req.get_header_value("If-None-Match")); seen && *seen == version.value()) {
            res.status = 304;
            return;
        }
        res.status = 200;
        res.set_content(body, "application/json; charset=utf-8");
    });

    http.Get("/api/places", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, false);
        if (!caller) return;
        const std::string municipality = req.get_param_value("municipality");
        if (!content_.find_municipality(municipality))
            return json_error(res, 400, "municipality: give the id of a municipality, e.g. ?municipality=haarlem");
        if (!caller->covers(municipality)) return json_error(res, 403, "you do not edit " + municipality);
        auto stored = store_.places();
        if (!stored) return json_error(res, 503, "the places could not be read; try again later");
        std::map<std::string, const StoredPlace*> edited;
        for (const auto& place : stored.value()) edited[place.id] = &place;
        Json places = Json::array();
        for (const auto& place : content_.places) {
            auto found = edited.find(place.id);
            if (found != edited.end()) {
                if (found->second->municipality == municipality) places.push_back(Json::parse(found->second->json));
                edited.erase(found);
            } else if (place.municipality == municipality) {
                Json json = place_json(place);
                json["version"] = 0;
                places.push_back(std::move(json));
            }
        }
        for (const auto& [id, place] : edited)
            if (place->municipality == municipality) places.push_back(Json::parse(place->json));
        json_answer(res, 200, {{"municipality", municipality}, {"places", places}});
    });

    http.Put(R"(/api/places/([a-z0-9-]{1,100}))", [this, known_place](const httplib::Request& req,
                                                                      httplib::Response& res) {
        auto caller = authenticate(req, res, false);
        if (!caller) return;
        const std::string id = req.matches[1].str();
        const std::string if_match = req.get_header_value("If-Match");
        const std::string if_none_match = req.get_header_value("If-None-Match");
        const bool create = if_none_match == "*";
        if (!create && if_match.empty())
            return json_error(res, 428,
                              "send If-Match: \"<version>\" (the version you read; \"0\" for a place never edited) or "
                              "If-None-Match: * for a new place");
        std::optional<std::int64_t> expected;
        if (!create) {
            expected = parse_etag(if_match);
            if (!expected) return json_error(res, 400, "If-Match must be a version such as \"3\"");
        }
        if (!is_json(req, res)) return;
        std::vector<FieldError> errors;
        auto place = read_place_json(req.body, errors);
        if (place && place->id.empty()) place->id = id;
        if (place && place->id != id) errors.push_back({"id", "must be '" + id + "', the id in the address"});
        if (!errors.empty() || !place) return field_errors(res, errors);
        // Who entered it and when: set here, whatever the body said.
        place->entered = PlaceEntered{place->municipality, caller->name(), {}};
        if (auto today = parse_date(utc_day_today())) place->entered->on = *today;
        if (place->checked == LocalDate{}) place->checked = place->entered->on;
        errors = check_place(*place, {&content_.municipalities, &content_.provinces, &content_.sources});
        // Scope before anything is said about the place's content: another municipality's editor learns nothing.
        auto known = known_place(id);
        if (!known) return json_error(res, 503, "the place could not be read; try again later");
        if ((known.value().exists && !caller->covers(known.value().municipality)) ||
            (!place->municipality.empty() && !caller->covers(place->municipality)))
            return json_error(
                res, 403,
                "you do not edit the places of " + (known.value().exists && !caller->covers(known.value().municipality)
                                                        ? known.value().municipality
                                                        : place->municipality));
        if (!errors.empty()) return field_errors(res, errors);
        if (create && known.value().exists)
            return json_error(res, 412, "a place with this id exists already; read it and send If-Match");
        if (!create && (!known.value().exists || known.value().version != *expected)) {
            res.set_header("ETag", etag(known.value().version));
            return json_error(res, 412,
                              known.value().exists ? "someone changed this place since you read it (now version " +
                                                         std::to_string(known.value().version) + "); read it again"
                                                   : "there is no such place; create it with If-None-Match: *");
        }
        const std::string action = create                                   ? "place-created"
                                   : place->closed && !known.value().closed ? "place-closed"
                                   : !place->closed && known.value().closed ? "place-reopened"
                                                                            : "place-changed";
        auto saved = store_.save_place(
            id, place->municipality, ExpectedVersion{create, expected.value_or(0)},
            [&](std::int64_t version) {
                place->version = version;
                return place_to_json(*place);
            },
            caller->name(), action);
        if (!saved) return json_error(res, 503, "the place could not be stored; try again later");
        if (saved.value().outcome == SaveOutcome::stale)
            return json_error(res, 412, "someone changed this place at the same moment; read it again");
        res.set_header("ETag", etag(saved.value().place.version));
        json_answer(res, create ? 201 : 200, Json::parse(saved.value().place.json));
    });

    // ---- audit log ----
    http.Get("/api/audit", [this](const httplib::Request& req, httplib::Response& res) {
        auto scope = municipality_in_scope(req, res);
        if (!scope) return;
        const std::string& municipality = *scope;
        auto entries = store_.audit(municipality);
        if (!entries) return json_error(res, 503, "the audit log could not be read; try again later");
        Json list = Json::array();
        for (const auto& e : entries.value())
            list.push_back({{"at", e.at},
                            {"who", e.who},
                            {"action", e.action},
                            {"target", e.target},
                            {"municipality", e.municipality}});
        json_answer(res, 200, {{"entries", list}});
    });

    // ---- reports from residents ----
    http.Post(R"(/api/places/([a-z0-9-]{1,100})/reports)", [this, known_place](const httplib::Request& req,
                                                                               httplib::Response& res) {
        const std::string client = client_address_key(addresses_, req);
        if (auto wait = take_all(
                {{&reports_per_address_, client}, {&reports_per_address_daily_, client}, {&reports_overall_, "all"}})) {
            retry_after(res, *wait);
            return json_error(res, 429, "too many reports from this address; try again later");
        }
        if (req.body.size() > kMunicipalSmallBody) return json_error(res, 413, "a report is at most 2048 bytes");
        if (!is_json(req, res)) return;
        auto body = Json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            return json_error(res, 400, "the body must be a JSON object {\"problem\": ..., \"note\": ...}");
        for (const auto& [key, value] : body.items())
            if (key != "problem" && key != "note")
                return json_error(res, 400, "only \"problem\" and \"note\" are accepted; nothing else is kept");
        const std::string problem =
            body.contains("problem") && body["problem"].is_string() ? body["problem"].get<std::string>() : "";
        if (std::find(std::begin(kProblems), std::end(kProblems), problem) == std::end(kProblems))
            return json_answer(
                res, 422,
                {{"error", "problem: must be closed, wrong-hours, does-not-take or other"},
                 {"errors",
                  {{{"field", "problem"}, {"message", "must be closed, wrong-hours, does-not-take or other"}}}}});
        std::string note;
        if (body.contains("note")) {
            if (!body["note"].is_string() || !is_plain_text(body["note"].get<std::string>(), kMaxNote))
                return json_answer(res, 422,
                                   {{"error", "note: at most 500 characters of text"},
                                    {"errors", {{{"field", "note"}, {"message", "at most 500 characters of text"}}}}});
            note = body["note"].get<std::string>();
        }
        auto known = known_place(req.matches[1].str());
        if (!known) return json_error(res, 503, "the report could not be stored; try again later");
        if (!known.value().exists) return json_error(res, 404, "no such place");
        auto stored = store_.add_report(req.matches[1].str(), known.value().municipality, problem, note);
        if (!stored) return json_error(res, 503, "the report could not be stored; try again later");
        json_answer(res, 202, {{"report", stored.value()}, {"status", "received"}});
    });
    http.Get("/api/reports", [this](const httplib::Request& req, httplib::Response& res) {
        auto scope = municipality_in_scope(req, res);
        if (!scope) return;
        const std::string& municipality = *scope;
        auto reports = store_.reports(municipality);
        if (!reports) return json_error(res, 503, "the reports could not be read; try again later");
        Json list = Json::array();
        for (const auto& r : reports.value())
            list.push_back({{"id", r.id},
                            {"place", r.place},
                            {"municipality", r.municipality},
                            {"problem", r.problem},
                            {"note", r.note},
                            {"at", r.at},
                            {"resolved", r.resolved}});
        json_answer(res, 200, {{"reports", list}});
    });
    http.Post(R"(/api/reports/(\d{1,18})/resolve)", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, false);
        if (!caller) return;
        auto report = store_.report(std::stoll(req.matches[1].str()));
        if (!report) return json_error(res, 503, "the report could not be read; try again later");
        if (!report.value()) return json_error(res, 404, "no such report");
        if (!caller->covers(report.value()->municipality))
            return json_error(res, 403, "you do not edit " + report.value()->municipality);
        auto resolved = store_.resolve_report(report.value()->id, caller->name());
        if (!resolved) return json_error(res, 503, "the report could not be stored; try again later");
        json_answer(res, 200, {{"report", report.value()->id}, {"resolved", true}});
    });

    // ---- campaigns ----
    auto campaign_answer = [](const std::string& text, std::int64_t version) {
        Json json = Json::parse(text, nullptr, false);
        if (json.is_object()) json["version"] = version;
        return json;
    };
    http.Get("/api/campaigns", [this, campaign_answer](const httplib::Request& req, httplib::Response& res) {
        if (!admit_read(req, res)) return;
        auto edited = store_.campaigns();
        if (!edited) return json_error(res, 503, "the campaigns could not be read; try again later");
        std::map<std::string, Json> all;
        for (const auto& [id, text] : config_.bundled_campaigns) all[id] = campaign_answer(text, 0);
        for (const auto& c : edited.value()) all[c.id] = campaign_answer(c.json, c.version);
        Json list = Json::array();
        for (auto& [id, json] : all) list.push_back(std::move(json));
        json_answer(res, 200, {{"campaigns", list}});
    });
    http.Get(R"(/api/campaigns/([a-z0-9-]{1,100}))",
             [this, campaign_answer](const httplib::Request& req, httplib::Response& res) {
                 if (!admit_read(req, res)) return;
                 const std::string id = req.matches[1].str();
                 auto edited = store_.campaign(id);
                 if (!edited) return json_error(res, 503, "the campaign could not be read; try again later");
                 if (edited.value()) {
                     res.set_header("ETag", etag(edited.value()->version));
                     return json_answer(res, 200, campaign_answer(edited.value()->json, edited.value()->version));
                 }
                 auto bundled = config_.bundled_campaigns.find(id);
                 if (bundled == config_.bundled_campaigns.end()) return json_error(res, 404, "no such campaign");
                 res.set_header("ETag", etag(0));
                 json_answer(res, 200, campaign_answer(bundled->second, 0));
             });
    http.Put(R"(/api/campaigns/([a-z0-9-]{1,100}))", [this](const httplib::Request& req, httplib::Response& res) {
        auto caller = authenticate(req, res, false);
        if (!caller) return;
        const std::string id = req.matches[1].str();
        const bool create = req.get_header_value("If-None-Match") == "*";
        if (!create && req.get_header_value("If-Match").empty())
            return json_error(res, 428,
                              "send If-Match: \"<version>\" (\"0\" for a campaign never edited) or If-None-Match: *");
        std::optional<std::int64_t> expected;
        if (!create && !(expected = parse_etag(req.get_header_value("If-Match"))))
            return json_error(res, 400, "If-Match must be a version such as \"3\"");
        if (!is_json(req, res)) return;
        Problems problems;
        auto document = parse_json(req.body, "campaign", problems);
        if (document && document->is_object()) document->erase("version");  // ours, not the campaign's
        Campaign campaign;
        if (document) campaign = read_campaign(JsonReader(*document, "campaign", problems), id);
        std::vector<FieldError> errors;
        for (const auto& p : problems) errors.push_back({p.path, p.message});
        if (document && errors.empty()) {
            // The links content-lint checks, and origins as the server's policy needs them.
            if (!content_.find_municipality(campaign.municipality))
                errors.push_back({"municipality", "'" + campaign.municipality + "' is not a municipality"});
            if (!campaign.poll.empty() && !content_.find_poll(campaign.poll))
                errors.push_back({"poll", "'" + campaign.poll + "' is not a poll"});
            if (!campaign.device.empty() && !content_.find_device(campaign.device))
                errors.push_back({"device", "'" + campaign.device + "' is not a device"});
            for (const auto& line : invalid_campaign_origins({campaign}))
                errors.push_back({"allowed_origins", line.substr(line.find(": ") + 2)});
        }
        if (!document) errors.push_back({"", "the body must be a campaign as JSON"});
        const bool bundled = config_.bundled_campaigns.count(id) > 0;
        std::string old_municipality;
        auto stored = store_.campaign(id);
        if (!stored) return json_error(res, 503, "the campaign could not be read; try again later");
        if (stored.value())
            old_municipality = stored.value()->municipality;
        else if (const Campaign* b = content_.find_campaign(id))
            old_municipality = b->municipality;
        if ((!old_municipality.empty() && !caller->covers(old_municipality)) ||
            (!campaign.municipality.empty() && !caller->covers(campaign.municipality)))
            return json_error(res, 403, "you do not edit the campaigns of this municipality");
        if (!errors.empty()) {
            Json list = Json::array();
            for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
            return json_answer(res, 422,
                               {{"error", "the campaign is not valid: " + errors[0].field + ": " + errors[0].message},
                                {"errors", list}});
        }
        const bool exists = bundled || stored.value().has_value();
        const std::int64_t current = stored.value() ? stored.value()->version : 0;
        if (create ? exists : (!exists || current != *expected)) {
            res.set_header("ETag", etag(current));
            return json_error(res, 412,
                              exists ? "someone changed this campaign since you read it; read it again"
                                     : "there is no such campaign; create it with If-None-Match: *");
        }
        const std::string text = document->dump(-1, ' ', false, Json::error_handler_t::replace);
        auto saved = store_.save_campaign(
            id, campaign.municipality, ExpectedVersion{create, expected.value_or(0)},
            [&](std::int64_t) { return text; }, caller->name());
        if (!saved) return json_error(res, 503, "the campaign could not be stored; try again later");
        if (saved.value().outcome == SaveOutcome::stale)
            return json_error(res, 412, "someone changed this campaign at the same moment; read it again");
        res.set_header("ETag", etag(saved.value().place.version));
        Json answer = *document;
        answer["version"] = saved.value().place.version;
        json_answer(res, create ? 201 : 200, answer);
    });

    // ---- open data ----
    auto municipality_places = [this](const std::string& municipality) -> Result<std::vector<Place>> {
        auto stored = store_.places();
        if (!stored) return fail(stored.error());
        PlaceOverlay overlay;
        for (const auto& s : stored.value()) {
            std::vector<FieldError> errors;
            if (auto place = read_place_json(s.json, errors)) overlay.places.push_back(std::move(*place));
        }
        std::vector<Place> all = apply_place_overlay(content_.places, overlay), mine;
        for (auto& place : all)
            if (place.municipality == municipality) mine.push_back(std::move(place));
        return mine;
    };
    auto source_licences = [this](const Place& place) {
        std::vector<std::string> licences;
        for (const auto& id : place.sources)
            if (const Source* source = content_.find_source(id))
                if (std::find(licences.begin(), licences.end(), source->licence) == licences.end())
                    licences.push_back(source->licence);
        return licences;
    };
    http.Get(R"(/api/municipalities/([a-z0-9-]{1,100})/places\.(csv|geojson))", [this, municipality_places,
                                                                                 source_licences](
                                                                                    const httplib::Request& req,
                                                                                    httplib::Response& res) {
        if (!admit_read(req, res)) return;
        const std::string municipality = req.matches[1].str();
        if (!content_.find_municipality(municipality)) return json_error(res, 404, "no such municipality");
        auto places = municipality_places(municipality);
        if (!places) return json_error(res, 503, "the places could not be read; try again later");
        res.set_header("Cache-Control", "no-cache");
        res.set_header("Access-Control-Allow-Origin", "*");  // open data: any site may read it
        if (req.matches[2].str() == "csv") {
            std::string csv =
                "id,kind,name,municipality,district,address,city,lat,lon,opening_hours,accepts,refuses,website,"
                "sources,source_licences,checked,entered_by,entered_on,closed,version,licence\n";
            auto join = [](const std::vector<std::string>& items) {
                std::string text;
                for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
                return text;
            };
            auto cell = [](const std::string& text) {
                std::string safe = csv_text_cell(text);
                return safe;
            };
            for (const auto& p : places.value()) {
                csv += cell(p.id) + "," + place_kind_name(p.kind) + "," + cell(p.name) + "," + cell(p.municipality) +
                       "," + cell(p.district) + "," + cell(p.address) + "," + cell(p.city) + "," +
                       (p.location ? std::to_string(p.location->lat) : "") + "," +
                       (p.location ? std::to_string(p.location->lon) : "") + "," +
                       cell(p.schedule ? p.schedule->text.nl : "") + "," + cell(join(p.handles.accepts)) + "," +
                       cell(join(p.handles.refuses)) + "," + cell(p.website) + "," + cell(join(p.sources)) + "," +
                       cell(join(source_licences(p))) + "," + format_date(p.checked) + "," +
                       cell(p.entered ? p.entered->editor : "") + "," + (p.entered ? format_date(p.entered->on) : "") +
                       "," + (p.closed ? "true" : "false") + "," + std::to_string(p.version) + "," +
                       cell(config_.open_data_licence) + "\n";
            }
            res.set_header("Content-Disposition", "attachment; filename=\"" + municipality + "-places.csv\"");
            res.set_content(csv, "text/csv; charset=utf-8");
            return;
        }
        Json features = Json::array();
        for (const auto& p : places.value()) {
            Json properties = place_json(p);
            properties.erase("location");
            properties["source_licences"] = source_licences(p);
            Json geometry = p.location ? Json{{"type", "Point"}, {"coordinates", {p.location->lon, p.location->lat}}}
                                       : Json(nullptr);
            features.push_back({{"type", "Feature"}, {"id", p.id}, {"geometry", geometry}, {"properties", properties}});
        }
        Json collection = {{"type", "FeatureCollection"},
                           {"licence", config_.open_data_licence},
                           {"attribution", "Stadsmijn; gemeente " + content_.find_municipality(municipality)->name +
                                               "; the sources named per place"},
                           {"municipality", municipality},
                           {"features", features}};
        res.status = 200;
        res.set_content(collection.dump(-1, ' ', false, Json::error_handler_t::replace),
                        "application/geo+json; charset=utf-8");
    });
}

}  // namespace stadsmijn::server
