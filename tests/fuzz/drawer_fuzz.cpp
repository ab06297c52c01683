// libFuzzer target for the drawer store: any text read as a stored drawer must give a drawer
// without crashing, keep the original text, and the recovered drawer must save and load back
// unchanged and without issues. Importing the text into a drawer must never lose that drawer's
// entries. Seeds: tests/fixtures/drawer.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/drawer/drawer_store.h"

namespace {

const std::vector<stadsmijn::Device>& devices() {
    static const std::vector<stadsmijn::Device> all = [] {
        std::vector<stadsmijn::Device> list;
        for (const char* id : {"smartphone", "laptop", "tablet", "e-bike-battery", "kettle"}) {
            stadsmijn::Device device;
            device.id = id;
            list.push_back(device);
        }
        return list;
    }();
    return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stadsmijn;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    DrawerLoad loaded = load_drawer(text, devices());
    if (loaded.original != text) std::abort();

    DrawerLoad again = load_drawer(save_drawer(loaded.drawer), devices());
    if (!again.clean() || !(again.drawer == loaded.drawer)) std::abort();

    Drawer current;
    DrawerEntry mine;
    mine.id = "mine";
    mine.device = "laptop";
    current.entries.push_back(mine);
    for (ImportMode mode : {ImportMode::merge, ImportMode::replace}) {
        DrawerImport result = import_drawer(current, text, mode, devices());
        if (!result.applied && !(result.drawer == current)) std::abort();
        if (mode == ImportMode::merge && !result.drawer.find("mine")) std::abort();
    }
    return 0;
}
