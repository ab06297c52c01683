// A small seeded random generator whose output is the same on every platform.
//
// std::mt19937 is portable but std::uniform_*_distribution is not (libstdc++ and libc++ map bits
// to numbers differently), so the opinion-group maths draws from this instead: splitmix64 for
// the bits, and our own mappings to [0, 1) and [0, n). Only integer arithmetic and one exact
// multiplication by 2^-53 are involved, so native and WebAssembly builds draw identical values.
#pragma once

#include <cstdint>

namespace stadsmijn::polls {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1): the top 53 bits scaled exactly.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform in [0, n) without modulo bias; n must be > 0.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
        for (;;) {
            const std::uint64_t x = next();
            if (x >= threshold) return x % n;
        }
    }

    // An independent stream for a numbered sub-task (a restart, a resample), so that adding
    // draws to one task never shifts the numbers another task sees.
    SplitMix64 fork(std::uint64_t stream) const {
        SplitMix64 mixer(state_ ^ (0xd1b54a32d192ed03ULL * (stream + 1)));
        return SplitMix64(mixer.next());
    }

private:
    std::uint64_t state_;
};

}  // namespace stadsmijn::polls
