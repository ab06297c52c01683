// Municipal campaigns on the server: which sites may frame an embed, and the anonymous daily
// counts of what citizens did inside it.
//
//   EmbedPolicy policy(content.campaigns, {"http://localhost:5173"});   // extra: --embed-demo-origin
//   PageDecision page = policy.decide(request has ?embed, its value);
//   auto events = CampaignEventStore::open("build/stadsmijn.sqlite3");  // the poll store's database
//   events.value()->count("praat-mee-haarlem", "vote-cast", "2026-03-14");
//
// Privacy by construction: an event is stored as nothing but +1 on the row (campaign, day,
// event). No identifier, address, user agent, time of day or referrer reaches the database,
// so the table cannot say who did what, nor link two events of one person.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/campaigns.h"
#include "core/result.h"
#include "server/sql_database.h"

namespace stadsmijn::server {

// The events an embed reports (README.md, "Embedding").
inline constexpr std::string_view kCampaignEvents[] = {"journey-started", "plan-made", "return-intent", "vote-cast"};
bool is_campaign_event(std::string_view event);

// What to do with a request for the app's page (/ or /index.html).
struct PageDecision {
    // Set when the page is not served: the status and a short HTML page saying why.
    int refuse_status = 0;
    std::string refuse_html;
    // The frame-ancestors source list for the page (or for the refusal page).
    std::string frame_ancestors = "'self'";
};

class EmbedPolicy {
public:
    // `extra_origins`: allowed for every campaign on top of its own list, for a local demo or test
    // (stadsmijn-server --embed-demo-origin http://localhost:PORT). Production passes none.
    EmbedPolicy(std::vector<Campaign> campaigns, std::vector<std::string> extra_origins = {});

    // `embed`: the value of ?embed= when the URL has one.
    PageDecision decide(const std::optional<std::string>& embed) const;

    const Campaign* find(std::string_view id) const;
    const std::vector<Campaign>& campaigns() const { return campaigns_; }
    // Campaigns edited through the API (issue 18) come first: `lookup` reads the stored one, so
    // frame-ancestors follows an edit at once, on every instance. Set before serving.
    void set_edited_lookup(std::function<std::optional<Campaign>(const std::string& id)> lookup) {
        edited_ = std::move(lookup);
    }
    // A bundled or edited campaign of this id exists.
    bool known(const std::string& id) const;

private:
    std::vector<Campaign> campaigns_;
    std::vector<std::string> extra_origins_;
    std::function<std::optional<Campaign>(const std::string& id)> edited_;
};

// Every campaign's allowed_origins entry that is not an https origin (or an empty list), as
// "content/campaigns/<id>.json: allowed_origins[1]: ..." lines. The server does not start with
// any: the list goes into a Content-Security-Policy header verbatim.
std::vector<std::string> invalid_campaign_origins(const std::vector<Campaign>& campaigns);

// An origin as --embed-demo-origin accepts it: http(s)://host[:port], nothing more.
bool is_plain_origin(std::string_view origin);

struct EventCount {
    std::string day;  // YYYY-MM-DD (UTC)
    std::string event;
    std::int64_t count = 0;
};

// Daily counts in the same database as the polls (its own table, its own connection).
class CampaignEventStore {
public:
    static Result<std::unique_ptr<CampaignEventStore>> open(const std::string& database);

    Result<bool> count(const std::string& campaign, const std::string& event, const std::string& day);
    // Every day and event of a campaign, oldest day first.
    Result<std::vector<EventCount>> counts(const std::string& campaign);

private:
    explicit CampaignEventStore(std::unique_ptr<SqlDatabase> db) : db_(std::move(db)) {}
    std::mutex mutex_;
    std::unique_ptr<SqlDatabase> db_;
};

// Today's date in UTC as YYYY-MM-DD.
std::string utc_day_today();

// The counts as CSV: "campaign,day,event,count" and one row per count.
std::string event_counts_csv(const std::string& campaign, const std::vector<EventCount>& counts);

}  // namespace stadsmijn::server
