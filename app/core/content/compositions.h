// Compositions: how many grams of a material one device holds.
//
// One entry per device and material. It holds one figure, or several when sources disagree
// (each kept with its own source, and a note that says so), or none at all with
// `"unknown": true` when nothing reliable exists. A derived figure lists its inputs.
#pragma once

#include <string>
#include <vector>

#include "core/content/local_text.h"
#include "core/content/materials.h"
#include "core/json_reader.h"

namespace stadsmijn {

enum class Method { measured, estimated, derived };

struct DerivationInput {
    LocalText name;          // "battery capacity"
    double value = 0;
    std::string unit;        // "Wh", "g/kWh", "%"
    std::vector<std::string> sources;
};

struct CompositionFigure {
    CitedRange grams;        // value or range, in grams
    Method method = Method::estimated;
    std::vector<DerivationInput> inputs;  // only for Method::derived
};

struct Composition {
    std::string device;      // device id
    std::string material;    // material id
    std::string unit;        // always "g"; kept so the linter can check files written by hand
    bool unknown = false;
    std::vector<CompositionFigure> figures;  // empty when unknown
    std::vector<std::string> unknown_sources;  // sources that looked and found nothing (optional)
    LocalText note;          // required when unknown or when figures disagree
    bool sources_disagree() const { return figures.size() > 1; }
};

std::vector<Composition> read_compositions(const JsonReader& root);

const char* method_name(Method method);

}  // namespace stadsmijn
