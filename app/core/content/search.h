// Finding a device by what a citizen types, in Dutch, English, Turkish or Polish: "Mobiele
// telefoon", "e-bike accu", "Fön", "scherm kapot", "Samsung Galaxy", "telfoon". Case and accents do
// not matter; words that only say what is wrong ("kapot", "broken") are ignored; every other word
// must fit the device; whole words rank above prefixes above parts of words; a word no device
// knows may match with one typo (two from eight letters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content/devices.h"

namespace stadsmijn {

// Lower case, accents removed (é -> e, ü -> u, ß -> ss), every run of other punctuation or space
// turned into one space, trimmed. UTF-8 in, ASCII-ish out (unknown letters are kept as they are).
std::string normalise_search_text(std::string_view text);

struct DeviceMatch {
    const Device* device = nullptr;
    int score = 0;  // higher is better
};

// Devices matching every non-filler word of `query`, best first (ties in file order). Empty
// query or only filler words: none.
std::vector<DeviceMatch> search_devices(const std::vector<Device>& devices, std::string_view query);

}  // namespace stadsmijn
