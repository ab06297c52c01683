// A small QR code encoder (ISO/IEC 18004): byte mode, versions 1 to 10, error correction level
// M, with the mask chosen by the standard's penalty rules. Enough for a poster link of up to
// 213 bytes; written here because no QR library may be vendored.
//
//   auto code = encode_qr("https://stadsmijn.nl/?embed=x#/poll/y");
//   if (!code) show(code.error());                 // too long for version 10
//   for (int y = 0; y < code.value().size; ++y)
//       for (int x = 0; x < code.value().size; ++x) if (code.value().dark(x, y)) fill(x, y);
//
// Draw it with a quiet zone of 4 light modules on every side.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"

namespace stadsmijn {

struct QrCode {
    int version = 0;  // 1 .. 10
    int size = 0;     // 17 + 4 * version modules per side
    int mask = 0;     // 0 .. 7
    std::vector<bool> modules;  // row by row, true = dark

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};

inline constexpr int kQrMaxVersion = 10;

// The smallest version that holds `bytes`; `mask` -1 chooses the mask with the lowest penalty,
// 0..7 forces one (tests compare with other encoders that way).
Result<QrCode> encode_qr(std::string_view bytes, int mask = -1);

// The capacity of a version in byte mode at level M.
int qr_byte_capacity(int version);

}  // namespace stadsmijn
