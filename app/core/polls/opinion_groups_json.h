// Opinion groups as JSON: the results a screen or an embedding partner reads, the state a server
// keeps between updates, and the manifest that makes an export reproducible.
//
//     Json body = polls::to_json(groups, {});               // GET /api/polls/{poll}/results
//     store(polls::to_json(groups.state).dump());           // next update starts from here
//     auto state = polls::state_from_json(stored_text);     // errors carry the JSON path
//     Json manifest = polls::opinion_groups_manifest(desc); // export/manifest.json
// Doubles are written with 17 significant digits, so a stored state reads back bit for bit.
#pragma once

#include <string_view>

#include "core/json_reader.h"
#include "core/polls/opinion_groups.h"
#include "core/result.h"

namespace stadsmijn::polls {

struct ResultsJsonOptions {
    bool participant_ids = false;  // map points carry ids only when asked (they are pseudonyms)
};

// {"status", "groups": [{"id", "label": "A", "size", "center", "stability", "representative": [...]}],
//  "consensus": {"agree", "disagree"}, "statements": [...], "stability", "silhouettes", "map": [...]}
Json to_json(const OpinionGroups& groups, const ResultsJsonOptions& options);

Json to_json(const OpinionGroupsState& state);
Result<OpinionGroupsState> state_from_json(std::string_view text);

// Algorithm, version, vote sign and every parameter with its default filled in.
Json opinion_groups_manifest(const OpinionGroupsDesc& desc);

const char* status_name(GroupingStatus status);  // "grouped", "too_few_participants", "no_disagreement"

}  // namespace stadsmijn::polls
