// The QR encoder (app/core/qr.h) against libqrencode's `qrencode` (Debian package qrencode):
// the same text gives the same version and, with qrencode's mask, the same modules bit for bit.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/qr.h"

using namespace stadsmijn;

namespace {

struct Reference {
    int size = 0;
    std::vector<bool> modules;
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};

// `qrencode -t ASCII` draws a dark module as "##", a light one as two spaces; -m 0: no quiet zone.
std::optional<Reference> qrencode(const std::string& text) {
    std::string command = "qrencode -l M -8 -m 0 -t ASCII -o - '" + text + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::vector<std::string> lines;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) {
        std::string line = buffer;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        lines.push_back(line);
    }
    if (pclose(pipe) != 0 || lines.empty()) return std::nullopt;
    Reference ref;
    ref.size = static_cast<int>(lines.size());
    for (const auto& line : lines)
        for (int x = 0; x < ref.size; ++x)
            ref.modules.push_back(static_cast<std::size_t>(2 * x) < line.size() && line[static_cast<std::size_t>(2 * x)] == '#');
    return ref;
}

// The mask a symbol uses, from its first copy of the format information (level M).
int mask_of(const Reference& ref) {
    int bits = 0;
    for (int i = 0; i <= 5; ++i) bits |= (ref.dark(8, i) ? 1 : 0) << i;
    bits |= (ref.dark(8, 7) ? 1 : 0) << 6;
    bits |= (ref.dark(8, 8) ? 1 : 0) << 7;
    bits |= (ref.dark(7, 8) ? 1 : 0) << 8;
    for (int i = 9; i < 15; ++i) bits |= (ref.dark(14 - i, 8) ? 1 : 0) << i;
    return ((bits ^ 0x5412) >> 10) & 0x7;
}

bool have_qrencode() { return std::system("command -v qrencode > /dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("capacities in byte mode at level M follow the standard's table") {
    CHECK(qr_byte_capacity(1) == 14);
    CHECK(qr_byte_capacity(2) == 26);
    CHECK(qr_byte_capacity(5) == 84);
    CHECK(qr_byte_capacity(7) == 122);
    CHECK(qr_byte_capacity(10) == 213);
}

TEST_CASE("a text longer than version 10 holds is refused with its length") {
    auto code = encode_qr(std::string(214, 'a'));
    REQUIRE_FALSE(code);
    CHECK(code.error() == "the text is 214 bytes; a QR code of version 10 holds at most 213");
}

TEST_CASE("the symbol has its finder patterns, timing pattern and dark module") {
    auto code = encode_qr("https://stadsmijn.nl/");
    REQUIRE(code);
    const QrCode& qr = code.value();
    CHECK(qr.version == 2);
    CHECK(qr.size == 25);
    for (int i = 0; i < 7; ++i) {
        CHECK(qr.dark(i, 0));
        CHECK(qr.dark(qr.size - 1 - i, 0));
        CHECK(qr.dark(0, qr.size - 1 - i));
    }
    CHECK_FALSE(qr.dark(1, 1));
    CHECK(qr.dark(3, 3));
    for (int i = 8; i < qr.size - 8; ++i) CHECK(qr.dark(i, 6) == (i % 2 == 0));
    CHECK(qr.dark(8, qr.size - 8));
}

TEST_CASE("every version from 1 to 10 matches qrencode module for module") {
    if (!have_qrencode()) {
        MESSAGE("qrencode is not installed (tools/setup/install-deps.sh installs it): skipped");
        return;
    }
    const std::vector<std::string> texts = {
        "HELLO",
        "https://stadsmijn.nl/",
        "https://stadsmijn.nl/?embed=praat-mee-haarlem#/poll/grondstoffen-repareren-inleveren?lang=nl",
        "https://stadsmijn.nl/?embed=repareren-loont-almere#/device/smartphone/repair?lang=en&municipality=almere&x=1",
        std::string(100, 'x'),
        std::string(122, 'y'),
        std::string(150, 'z'),
        std::string(180, 'w'),
        std::string(213, 'v'),
    };
    std::vector<bool> versions_seen(11, false);
    for (const auto& text : texts) {
        CAPTURE(text);
        auto reference = qrencode(text);
        REQUIRE(reference);
        auto ours = encode_qr(text, mask_of(*reference));
        REQUIRE(ours);
        CHECK(ours.value().size == reference->size);
        if (ours.value().size != reference->size) continue;
        versions_seen[static_cast<std::size_t>(ours.value().version)] = true;
        int differences = 0;
        for (int y = 0; y < reference->size; ++y)
            for (int x = 0; x < reference->size; ++x) differences += ours.value().dark(x, y) != reference->dark(x, y);
        CHECK(differences == 0);
    }
    CHECK(versions_seen[1]);
    CHECK(versions_seen[10]);
}

TEST_CASE("the chosen mask is the one with the lowest penalty, and forcing a mask is honoured") {
    auto chosen = encode_qr("https://stadsmijn.nl/#/embed");
    REQUIRE(chosen);
    for (int mask = 0; mask < 8; ++mask) {
        auto forced = encode_qr("https://stadsmijn.nl/#/embed", mask);
        REQUIRE(forced);
        CHECK(forced.value().mask == mask);
        if (mask == chosen.value().mask) CHECK(forced.value().modules == chosen.value().modules);
    }
}
