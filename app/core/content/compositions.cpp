#include "core/content/compositions.h"

#include <set>

namespace stadsmijn {

const char* method_name(Method method) {
    switch (method) {
        case Method::measured: return "measured";
        case Method::estimated: return "estimated";
        case Method::derived: return "derived";
    }
    return "estimated";
}

std::vector<Composition> read_compositions(const JsonReader& root) {
    std::vector<Composition> compositions;
    std::set<std::pair<std::string, std::string>> seen;
    if (!root.expect_object()) return compositions;
    root.reject_unknown_keys({"compositions", "note"});
    root.each("compositions", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"device", "material", "unit", "unknown", "figures", "sources", "note"});
        Composition composition;
        composition.device = item.string("device");
        composition.material = item.string("material");
        composition.unit = item.string("unit");
        if (!composition.unit.empty() && composition.unit != "g")
            item.problem_at("unit", "must be \"g\" (grams), found '" + composition.unit +
                                        "'; convert milligrams or kilograms to grams");
        if (!seen.insert({composition.device, composition.material}).second)
            item.problem("'" + composition.device + "' and '" + composition.material +
                         "' already have an entry; put disagreeing figures in one entry's \"figures\"");
        if (item.has("unknown")) composition.unknown = item.boolean("unknown");
        composition.note = read_local_text(item, "note", false);
        if (composition.unknown) {
            if (item.has("figures") && item.node()["figures"].is_array() && !item.node()["figures"].empty())
                item.problem_at("figures", "an entry marked unknown cannot hold figures");
            composition.unknown_sources = read_source_ids(item, "sources", false);
            if (composition.note.empty())
                item.problem_at("note", "missing; say why the amount is unknown (e.g. no source gives it)");
        } else {
            if (item.has("sources"))
                item.problem_at("sources", "cite sources on each figure; \"sources\" here is only for unknown entries");
            item.each("figures", [&](JsonReader figure_item) {
                if (!figure_item.expect_object()) return;
                figure_item.reject_unknown_keys({"value", "min", "max", "method", "sources", "inputs", "note"});
                CompositionFigure figure;
                std::string method = figure_item.string("method");
                if (method == "measured")
                    figure.method = Method::measured;
                else if (method == "estimated")
                    figure.method = Method::estimated;
                else if (method == "derived")
                    figure.method = Method::derived;
                else if (!method.empty())
                    figure_item.problem_at("method", "must be measured, estimated or derived, found '" + method + "'");
                if (auto grams = read_cited_range(figure_item)) figure.grams = *grams;
                if (figure.method == Method::derived) {
                    figure_item.each("inputs", [&](JsonReader input_item) {
                        if (!input_item.expect_object()) return;
                        input_item.reject_unknown_keys({"name", "value", "unit", "sources"});
                        DerivationInput input;
                        input.name = read_local_text(input_item, "name");
                        input.value = input_item.number("value");
                        input.unit = input_item.string("unit");
                        input.sources = read_source_ids(input_item);
                        figure.inputs.push_back(std::move(input));
                    });
                    if (figure.inputs.empty() && figure_item.has("inputs"))
                        figure_item.problem_at("inputs", "a derived figure names at least one input and its source");
                } else if (figure_item.has("inputs")) {
                    figure_item.problem_at("inputs", "only a derived figure has inputs");
                }
                composition.figures.push_back(std::move(figure));
            });
            if (composition.figures.empty() && item.has("figures") && item.node()["figures"].is_array())
                item.problem_at("figures", "is empty; give a figure or mark the entry \"unknown\": true");
            if (composition.figures.size() > 1 && composition.note.empty())
                item.problem_at("note", "missing; the figures disagree, so say how and why (keep both, explain)");
        }
        compositions.push_back(std::move(composition));
    });
    return compositions;
}

}  // namespace stadsmijn
