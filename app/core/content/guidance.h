// Guidance: short, sourced texts the journeys show (the legal guarantee, the right to repair,
// the repairability class on the energy label, battery safety, wiping data per operating
// system, taking devices back to shops), plus the few numbers the advice logic needs from them
// (e.g. the 12 months of reversed burden of proof), each with its source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/devices.h"
#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

enum class GuidanceTopic { guarantee, right_to_repair, energy_label, battery_safety, data_wiping, take_back, repair_choice };

struct GuidancePoint {
    LocalText text;
    std::vector<std::string> sources;
};

struct GuidanceFact {
    std::string id;       // "burden-of-proof-months"
    double value = 0;
    std::string unit;     // "months", "years", "cm", "m2", "date" (value as yyyymmdd)
    std::vector<std::string> sources;
};

struct Guidance {
    std::string id;
    GuidanceTopic topic = GuidanceTopic::guarantee;
    LocalText title;
    LocalText summary;
    std::optional<DataKind> data;         // for data-wiping steps: the kind of device
    std::vector<GuidancePoint> points;    // in order: steps or facts
    std::vector<GuidanceFact> facts;
};

std::vector<Guidance> read_guidance(const JsonReader& root);

const char* guidance_topic_name(GuidanceTopic topic);

}  // namespace stadsmijn
