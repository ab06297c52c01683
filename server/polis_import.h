// Importing a Pol.is export folder into the store as a closed poll, so its results and exports
// are served like any other poll (and our own exports can be read back in).
//
//   stadsmijn-server --db build/stadsmijn.sqlite3 --import-polis ../shared/data/polis/vtaiwan.uberx --poll
//   vtaiwan-uberx
//
// Reads comments.csv (required), votes.csv (every vote, with times) or else
// participants-votes.csv (the latest votes only), and summary.csv for the topic when present.
// Participant and comment ids are kept, so an export of the imported poll has the same matrix.
// The vote sign of votes.csv is checked against comments.csv's counts (poll_anchors.md 1.2: some
// 2024 files carry Pol.is's database sign, agree = -1) and read the way that fits.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/vote_store.h"

namespace stadsmijn::server {

struct PolisImport {
    PollToImport poll;
    std::vector<std::string> notes;  // which files were read, the sign convention, oddities
};

Result<PolisImport> read_polis_export(const std::filesystem::path& folder, const std::string& poll_id);

}  // namespace stadsmijn::server
