#include "server/campaigns.h"

#include <chrono>
#include <ctime>

#include "core/routes.h"
#include "server/csv_text.h"

namespace stadsmijn::server {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS campaign_event_counts (
  campaign TEXT NOT NULL, day TEXT NOT NULL, event TEXT NOT NULL, count BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign, day, event));
)sql";

// Both languages, since the page cannot know the visitor's: Dutch first.
std::string message_page(const std::string& nl, const std::string& en) {
    return "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Stadsmijn</title>"
           "<main><h1>Stadsmijn</h1><p>" +
           nl + "</p><p lang=\"en\">" + en +
           "</p><p><a href=\"/\" target=\"_blank\" rel=\"noopener\">Open Stadsmijn</a></p></main></html>";
}

}  // namespace

bool is_campaign_event(std::string_view event) {
    for (std::string_view known : kCampaignEvents)
        if (event == known) return true;
    return false;
}

bool is_plain_origin(std::string_view origin) {
    std::string_view rest;
    if (origin.starts_with("http://"))
        rest = origin.substr(7);
    else if (origin.starts_with("https://"))
        rest = origin.substr(8);
    else
        return false;
    if (rest.empty()) return false;
    for (char c : rest)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':')) return false;
    return true;
}

std::vector<std::string> invalid_campaign_origins(const std::vector<Campaign>& campaigns) {
    std::vector<std::string> problems;
    for (const auto& campaign : campaigns) {
        const std::string file = "content/campaigns/" + campaign.id + ".json: ";
        if (campaign.allowed_origins.empty())
            problems.push_back(file + "allowed_origins: is empty; name at least the site that embeds the campaign");
        for (std::size_t i = 0; i < campaign.allowed_origins.size(); ++i)
            if (!is_https_origin(campaign.allowed_origins[i]))
                problems.push_back(file + "allowed_origins[" + std::to_string(i) + "]: '" +
                                   campaign.allowed_origins[i].substr(0, 200) +
                                   "' is not an https origin like https://www.example.nl (no path, no wildcard, "
                                   "no trailing slash)");
    }
    return problems;
}

EmbedPolicy::EmbedPolicy(std::vector<Campaign> campaigns, std::vector<std::string> extra_origins)
    : campaigns_(std::move(campaigns)), extra_origins_(std::move(extra_origins)) {}

const Campaign* EmbedPolicy::find(std::string_view id) const {
    for (const auto& campaign : campaigns_)
        if (campaign.id == id) return &campaign;
    return nullptr;
}

PageDecision EmbedPolicy::decide(const std::optional<std::string>& embed) const {
    PageDecision decision;
    if (!embed) return decision;  // the app itself: framed by no other site
    // The refusal pages hold no app and no data: any site may show them, so the citizen reads
    // why instead of a browser error.
    if (!is_valid_id(*embed)) {
        decision.refuse_status = 400;
        decision.refuse_html = message_page("Deze link naar Stadsmijn klopt niet: de campagne ontbreekt of is onleesbaar.",
                                            "This link to Stadsmijn is not right: the campaign is missing or unreadable.");
        decision.frame_ancestors = "*";
        return decision;
    }
    std::optional<Campaign> edited = edited_ ? edited_(*embed) : std::nullopt;
    const Campaign* campaign = edited ? &*edited : find(*embed);
    if (!campaign) {
        decision.refuse_status = 404;
        decision.refuse_html = message_page(
            "Deze campagne staat niet (meer) in Stadsmijn, dus Stadsmijn wordt hier niet getoond.",
            "This campaign is not (or no longer) in Stadsmijn, so Stadsmijn is not shown here.");
        decision.frame_ancestors = "*";
        return decision;
    }
    std::string list;
    for (const auto& origin : campaign->allowed_origins) list += (list.empty() ? "" : " ") + origin;
    for (const auto& origin : extra_origins_) list += (list.empty() ? "" : " ") + origin;
    decision.frame_ancestors = list.empty() ? "'none'" : list;
    return decision;
}

bool EmbedPolicy::known(const std::string& id) const {
    return find(id) || (edited_ && edited_(id));
}

Result<std::unique_ptr<CampaignEventStore>> CampaignEventStore::open(const std::string& database) {
    auto db = is_postgres_connection(database) ? open_postgres(database) : open_sqlite(database);
    if (!db) return fail(db.error());
    auto created = db.value()->execute_script(kSchema);
    if (!created) return fail("cannot create the campaign counts table: " + created.error());
    return std::unique_ptr<CampaignEventStore>(new CampaignEventStore(std::move(db).value()));
}

Result<bool> CampaignEventStore::count(const std::string& campaign, const std::string& event, const std::string& day) {
    std::lock_guard lock(mutex_);
    // One statement, so concurrent server instances on one PostgreSQL add up instead of overwriting.
    auto done = db_->query(
        "INSERT INTO campaign_event_counts (campaign, day, event, count) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (campaign, day, event) DO UPDATE SET count = campaign_event_counts.count + 1",
        {campaign, day, event});
    if (!done) return fail(done.error());
    return true;
}

Result<std::vector<EventCount>> CampaignEventStore::counts(const std::string& campaign) {
    std::lock_guard lock(mutex_);
    auto rows = db_->query("SELECT day, event, count FROM campaign_event_counts WHERE campaign = ? ORDER BY day, event",
                           {campaign});
    if (!rows) return fail(rows.error());
    std::vector<EventCount> counts;
    for (std::size_t r = 0; r < rows.value().size(); ++r)
        counts.push_back({rows.value().text(r, 0), rows.value().text(r, 1), rows.value().integer(r, 2)});
    return counts;
}

std::string utc_day_today() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::string event_counts_csv(const std::string& campaign, const std::vector<EventCount>& counts) {
    std::string csv = "campaign,day,event,count\n";
    for (const auto& row : counts)
        csv += csv_text_cell(campaign) + "," + row.day + "," + row.event + "," + std::to_string(row.count) + "\n";
    return csv;
}

}  // namespace stadsmijn::server
