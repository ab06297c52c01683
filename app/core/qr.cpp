#include "core/qr.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace stadsmijn {

namespace {

// Level M, versions 1..10: all codewords, error correction codewords per block, blocks.
struct VersionInfo {
    int total_codewords;
    int ecc_per_block;
    int blocks;
};
constexpr std::array<VersionInfo, 11> kVersions = {{{0, 0, 0},
                                                    {26, 10, 1},
                                                    {44, 16, 1},
                                                    {70, 26, 1},
                                                    {100, 18, 2},
                                                    {134, 24, 2},
                                                    {172, 16, 4},
                                                    {196, 18, 4},
                                                    {242, 22, 4},
                                                    {292, 22, 5},
                                                    {346, 26, 5}}};

// Centres of the alignment patterns per version (the table of ISO/IEC 18004 annex E).
std::vector<int> alignment_positions(int version) {
    static const std::array<std::vector<int>, 11> table = {{{},
                                                            {},
                                                            {6, 18},
                                                            {6, 22},
                                                            {6, 26},
                                                            {6, 30},
                                                            {6, 34},
                                                            {6, 22, 38},
                                                            {6, 24, 42},
                                                            {6, 26, 46},
                                                            {6, 28, 50}}};
    return table[static_cast<std::size_t>(version)];
}

int data_codewords(int version) {
    const VersionInfo& v = kVersions[static_cast<std::size_t>(version)];
    return v.total_codewords - v.ecc_per_block * v.blocks;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
std::uint8_t gf_multiply(std::uint8_t x, std::uint8_t y) {
    int z = 0;
    for (int i = 7; i >= 0; --i) {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= ((y >> i) & 1) * x;
    }
    return static_cast<std::uint8_t>(z);
}

std::vector<std::uint8_t> rs_divisor(int degree) {
    std::vector<std::uint8_t> result(static_cast<std::size_t>(degree), 0);
    result.back() = 1;
    std::uint8_t root = 1;
    for (int i = 0; i < degree; ++i) {
        for (std::size_t j = 0; j < result.size(); ++j) {
            result[j] = gf_multiply(result[j], root);
            if (j + 1 < result.size()) result[j] ^= result[j + 1];
        }
        root = gf_multiply(root, 0x02);
    }
    return result;
}

std::vector<std::uint8_t> rs_remainder(const std::vector<std::uint8_t>& data, const std::vector<std::uint8_t>& divisor) {
    std::vector<std::uint8_t> result(divisor.size(), 0);
    for (std::uint8_t b : data) {
        std::uint8_t factor = b ^ result.front();
        result.erase(result.begin());
        result.push_back(0);
        for (std::size_t i = 0; i < result.size(); ++i) result[i] ^= gf_multiply(divisor[i], factor);
    }
    return result;
}

class Matrix {
public:
    explicit Matrix(int version)
        : version_(version),
          size_(17 + 4 * version),
          dark_(static_cast<std::size_t>(size_ * size_)),
          function_(static_cast<std::size_t>(size_ * size_)) {}

    int size() const { return size_; }
    bool dark(int x, int y) const { return dark_[index(x, y)]; }
    bool is_function(int x, int y) const { return function_[index(x, y)]; }
    void set_function(int x, int y, bool is_dark) {
        dark_[index(x, y)] = is_dark;
        function_[index(x, y)] = true;
    }
    void set(int x, int y, bool is_dark) { dark_[index(x, y)] = is_dark; }
    void flip(int x, int y) { dark_[index(x, y)] = !dark_[index(x, y)]; }
    const std::vector<bool>& modules() const { return dark_; }

    void draw_function_patterns() {
        for (int i = 0; i < size_; ++i) {
            set_function(6, i, i % 2 == 0);
            set_function(i, 6, i % 2 == 0);
        }
        draw_finder(3, 3);
        draw_finder(size_ - 4, 3);
        draw_finder(3, size_ - 4);
        const std::vector<int> positions = alignment_positions(version_);
        const std::size_t n = positions.size();
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                const bool on_finder = (i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0);
                if (!on_finder) draw_alignment(positions[i], positions[j]);
            }
        draw_format_bits(0);  // reserves the area; drawn for real once the mask is known
        draw_version_bits();
    }

    void draw_format_bits(int mask) {
        const int data = (0 << 3) | mask;  // level M is 00
        int remainder = data;
        for (int i = 0; i < 10; ++i) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        const int bits = ((data << 10) | remainder) ^ 0x5412;
        auto bit = [bits](int i) { return ((bits >> i) & 1) != 0; };
        for (int i = 0; i <= 5; ++i) set_function(8, i, bit(i));
        set_function(8, 7, bit(6));
        set_function(8, 8, bit(7));
        set_function(7, 8, bit(8));
        for (int i = 9; i < 15; ++i) set_function(14 - i, 8, bit(i));
        for (int i = 0; i < 8; ++i) set_function(size_ - 1 - i, 8, bit(i));
        for (int i = 8; i < 15; ++i) set_function(8, size_ - 15 + i, bit(i));
        set_function(8, size_ - 8, true);  // the dark module
    }

    void draw_codewords(const std::vector<std::uint8_t>& data) {
        std::size_t i = 0;
        for (int right = size_ - 1; right >= 1; right -= 2) {
            if (right == 6) right = 5;  // skip the vertical timing pattern
            for (int vertical = 0; vertical < size_; ++vertical)
                for (int j = 0; j < 2; ++j) {
                    const int x = right - j;
                    const bool upward = ((right + 1) & 2) == 0;
                    const int y = upward ? size_ - 1 - vertical : vertical;
                    if (!is_function(x, y) && i < data.size() * 8) {
                        set(x, y, ((data[i >> 3] >> (7 - (i & 7))) & 1) != 0);
                        ++i;
                    }
                }
        }
    }

    void apply_mask(int mask) {
        for (int y = 0; y < size_; ++y)
            for (int x = 0; x < size_; ++x) {
                bool invert = false;
                switch (mask) {
                    case 0: invert = (x + y) % 2 == 0; break;
                    case 1: invert = y % 2 == 0; break;
                    case 2: invert = x % 3 == 0; break;
                    case 3: invert = (x + y) % 3 == 0; break;
                    case 4: invert = (x / 3 + y / 2) % 2 == 0; break;
                    case 5: invert = x * y % 2 + x * y % 3 == 0; break;
                    case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0; break;
                    case 7: invert = ((x + y) % 2 + x * y % 3) % 2 == 0; break;
                }
                if (invert && !is_function(x, y)) flip(x, y);
            }
    }

    // The four penalty rules of ISO/IEC 18004 section 7.8.3.
    long penalty() const {
        long result = 0;
        auto line_penalty = [&](bool by_row) {
            for (int a = 0; a < size_; ++a) {
                int run = 0;
                bool colour = false;
                std::vector<bool> line;
                for (int b = 0; b < size_; ++b) {
                    const bool d = by_row ? dark(b, a) : dark(a, b);
                    line.push_back(d);
                    if (b > 0 && d == colour) {
                        ++run;
                    } else {
                        if (run >= 5) result += 3 + (run - 5);
                        colour = d;
                        run = 1;
                    }
                }
                if (run >= 5) result += 3 + (run - 5);
                // 1:1:3:1:1 finder-like pattern with four light modules on one side.
                static const bool pattern[] = {true, false, true, true, true, false, true};
                for (int b = 0; b + 7 <= size_; ++b) {
                    bool match = true;
                    for (int k = 0; k < 7 && match; ++k) match = line[static_cast<std::size_t>(b + k)] == pattern[k];
                    if (!match) continue;
                    auto light = [&](int from, int to) {
                        for (int k = from; k < to; ++k)
                            if (k >= 0 && k < size_ && line[static_cast<std::size_t>(k)]) return false;
                        return true;
                    };
                    if (light(b - 4, b) || light(b + 7, b + 11)) result += 40;
                }
            }
        };
        line_penalty(true);
        line_penalty(false);
        for (int y = 0; y + 1 < size_; ++y)
            for (int x = 0; x + 1 < size_; ++x) {
                const bool d = dark(x, y);
                if (d == dark(x + 1, y) && d == dark(x, y + 1) && d == dark(x + 1, y + 1)) result += 3;
            }
        long dark_count = 0;
        for (bool d : dark_) dark_count += d ? 1 : 0;
        const long total = static_cast<long>(size_) * size_;
        const long k = (std::labs(dark_count * 20 - total * 10) + total - 1) / total - 1;
        result += k * 10;
        return result;
    }

private:
    std::size_t index(int x, int y) const { return static_cast<std::size_t>(y * size_ + x); }

    void draw_finder(int cx, int cy) {
        for (int dy = -4; dy <= 4; ++dy)
            for (int dx = -4; dx <= 4; ++dx) {
                const int distance = std::max(std::abs(dx), std::abs(dy));
                const int x = cx + dx, y = cy + dy;
                if (x >= 0 && x < size_ && y >= 0 && y < size_) set_function(x, y, distance != 2 && distance != 4);
            }
    }

    void draw_alignment(int cx, int cy) {
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) set_function(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
    }

    void draw_version_bits() {
        if (version_ < 7) return;
        int remainder = version_;
        for (int i = 0; i < 12; ++i) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
        const long bits = (static_cast<long>(version_) << 12) | remainder;
        for (int i = 0; i < 18; ++i) {
            const bool bit = ((bits >> i) & 1) != 0;
            const int a = size_ - 11 + i % 3, b = i / 3;
            set_function(a, b, bit);
            set_function(b, a, bit);
        }
    }

    int version_;
    int size_;
    std::vector<bool> dark_;
    std::vector<bool> function_;
};

// Mode, length, bytes, terminator and padding, split into blocks with their error correction
// codewords, interleaved.
std::vector<std::uint8_t> codewords(std::string_view bytes, int version) {
    std::vector<bool> bits;
    auto append = [&](unsigned value, int count) {
        for (int i = count - 1; i >= 0; --i) bits.push_back(((value >> i) & 1) != 0);
    };
    append(0x4, 4);  // byte mode
    append(static_cast<unsigned>(bytes.size()), version <= 9 ? 8 : 16);
    for (char c : bytes) append(static_cast<unsigned char>(c), 8);
    const std::size_t capacity_bits = static_cast<std::size_t>(data_codewords(version)) * 8;
    append(0, static_cast<int>(std::min<std::size_t>(4, capacity_bits - bits.size())));
    append(0, static_cast<int>((8 - bits.size() % 8) % 8));
    for (unsigned pad = 0xEC; bits.size() < capacity_bits; pad ^= 0xEC ^ 0x11) append(pad, 8);
    std::vector<std::uint8_t> data(bits.size() / 8, 0);
    for (std::size_t i = 0; i < bits.size(); ++i)
        if (bits[i]) data[i >> 3] |= static_cast<std::uint8_t>(1 << (7 - (i & 7)));

    const VersionInfo& info = kVersions[static_cast<std::size_t>(version)];
    const int short_blocks = info.blocks - info.total_codewords % info.blocks;
    const int short_block_length = info.total_codewords / info.blocks;
    const std::vector<std::uint8_t> divisor = rs_divisor(info.ecc_per_block);
    std::vector<std::vector<std::uint8_t>> blocks;
    std::size_t at = 0;
    for (int i = 0; i < info.blocks; ++i) {
        const std::size_t length =
            static_cast<std::size_t>(short_block_length - info.ecc_per_block + (i < short_blocks ? 0 : 1));
        std::vector<std::uint8_t> block(data.begin() + static_cast<long>(at), data.begin() + static_cast<long>(at + length));
        at += length;
        const std::vector<std::uint8_t> ecc = rs_remainder(block, divisor);
        if (i < short_blocks) block.push_back(0);  // a gap, skipped when interleaving
        block.insert(block.end(), ecc.begin(), ecc.end());
        blocks.push_back(std::move(block));
    }
    std::vector<std::uint8_t> result;
    for (std::size_t i = 0; i < blocks[0].size(); ++i)
        for (std::size_t j = 0; j < blocks.size(); ++j)
            if (i != static_cast<std::size_t>(short_block_length - info.ecc_per_block) || static_cast<int>(j) >= short_blocks)
                result.push_back(blocks[j][i]);
    return result;
}

}  // namespace

int qr_byte_capacity(int version) {
    if (version < 1 || version > kQrMaxVersion) return 0;
    const int header_bits = 4 + (version <= 9 ? 8 : 16);
    return (data_codewords(version) * 8 - header_bits) / 8;
}

Result<QrCode> encode_qr(std::string_view bytes, int mask) {
    int version = 1;
    while (version <= kQrMaxVersion && static_cast<int>(bytes.size()) > qr_byte_capacity(version)) ++version;
    if (version > kQrMaxVersion)
        return fail("the text is " + std::to_string(bytes.size()) + " bytes; a QR code of version 10 holds at most " +
                    std::to_string(qr_byte_capacity(kQrMaxVersion)));
    if (mask < -1 || mask > 7) return fail("a QR mask is 0 to 7");

    Matrix matrix(version);
    matrix.draw_function_patterns();
    matrix.draw_codewords(codewords(bytes, version));
    if (mask < 0) {
        long best = std::numeric_limits<long>::max();
        for (int candidate = 0; candidate < 8; ++candidate) {
            matrix.apply_mask(candidate);
            matrix.draw_format_bits(candidate);
            const long score = matrix.penalty();
            if (score < best) {
                best = score;
                mask = candidate;
            }
            matrix.apply_mask(candidate);  // masking twice undoes it
        }
    }
    matrix.apply_mask(mask);
    matrix.draw_format_bits(mask);
    return QrCode{version, matrix.size(), mask, matrix.modules()};
}

}  // namespace stadsmijn
