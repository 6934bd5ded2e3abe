// Random streams: the generator against its published output, the derivation of named
// streams, reproducibility and independence.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <vector>

#include "hallsim/sim/random.hpp"

namespace hallsim::sim {
namespace {

// Four standard errors: a two-sided normal tail of 6e-5 per check, so the whole file's
// checks together raise a false alarm well under 1% of the time for an arbitrary seed,
// while a real defect (a biased bit, a shared stream) misses by far more.
constexpr double kZ = 4.0;

TEST(RandomStream, MatchesThePublishedXoshiro256PlusPlusOutput) {
  // Reference output of xoshiro256++ 1.0 from the state {0, 0, 0, 1} as published with the
  // DSCF-1224/xoshiro-fortran test data (test/README.md), itself checked against Vigna's C.
  RandomStream rng({0, 0, 0, 1});
  const std::array<std::uint64_t, 10> expected = {
      0x0000000000800000ULL, 0x0000000000800011ULL, 0x0002200000800011ULL, 0x0002200044000020ULL,
      0x00022000448008A1ULL, 0x01102100802208A0ULL, 0x0114002284200880ULL, 0x0402896644A64095ULL,
      0x8A14A0A244ACC891ULL, 0x8C88BA4680B20495ULL};
  for (const std::uint64_t want : expected) {
    EXPECT_EQ(rng.next_u64(), want);
  }
}

TEST(RandomStream, MapsRawBitsToTheUnitIntervalExactly) {
  // The first raw value from {0, 0, 0, 1} is 2^23.
  RandomStream closed({0, 0, 0, 1});
  EXPECT_EQ(closed.uniform01(), std::ldexp(1.0, 23 - 11 - 53));  // top 53 bits: 2^12 * 2^-53
  RandomStream open({0, 0, 0, 1});
  EXPECT_EQ(open.uniform01_open(), (2048.0 + 0.5) * std::ldexp(1.0, -52));
}

TEST(RandomSource, NamedStreamsFollowTheDocumentedDerivation) {
  // Computed by the Python reference in docs/statistics.md (SplitMix64 over FNV-1a of the
  // name, then xoshiro256++). If these change, every saved scenario changes its visitors.
  const RandomSource source(2024);
  RandomStream arrivals = source.stream("arrivals");
  EXPECT_EQ(arrivals.next_u64(), 0xB085727E2E3B7449ULL);
  EXPECT_EQ(arrivals.next_u64(), 0x36844A0E8590D97CULL);
  EXPECT_EQ(arrivals.next_u64(), 0xBF8E96C56A2F38E4ULL);
  EXPECT_EQ(arrivals.next_u64(), 0xE0B66A65E0ECEEF2ULL);
  RandomStream service = source.stream("service", 3);
  EXPECT_EQ(service.next_u64(), 0xC2F3E943A460F32CULL);
  EXPECT_EQ(service.next_u64(), 0x001C4A8A548B4D55ULL);
  EXPECT_EQ(service.next_u64(), 0x5850B19B6867C8AEULL);
  EXPECT_EQ(service.next_u64(), 0xBC13A333C26962DDULL);
}

TEST(RandomSource, SameSeedAndNameGiveTheSameThousandValues) {
  RandomStream a = RandomSource(7).stream("arrivals", 2);
  RandomStream b = RandomSource(7).stream("arrivals", 2);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(a.next_u64(), b.next_u64()) << "at draw " << i;
  }
}

TEST(RandomSource, UnnumberedStreamIsStreamZero) {
  const RandomSource source(99);
  RandomStream a = source.stream("service");
  RandomStream b = source.stream("service", 0);
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(a.next_u64(), b.next_u64());
  }
}

TEST(RandomSource, NameIndexAndSeedEachChangeTheStream) {
  const RandomSource source(1);
  const auto first = [](RandomStream s) { return s.next_u64(); };
  const std::uint64_t base = first(source.stream("arrivals", 0));
  EXPECT_NE(first(source.stream("arrival", 0)), base);
  EXPECT_NE(first(source.stream("arrivals", 1)), base);
  EXPECT_NE(first(RandomSource(2).stream("arrivals", 0)), base);
  EXPECT_NE(first(source.stream("", 0)), base);
}

TEST(RandomStream, CopiesContinueFromTheSamePoint) {
  RandomStream a = RandomSource(5).stream("walk");
  a.next_u64();
  RandomStream b = a;
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(a.next_u64(), b.next_u64());
  }
  EXPECT_EQ(a.state(), b.state());
}

TEST(RandomSource, NeighbouringStreamsAreUncorrelated) {
  // Sample correlation of n pairs of independent uniforms has standard error 1/sqrt(n).
  const RandomSource source(11);
  constexpr int kN = 200000;
  for (const auto& [name_a, index_a, name_b, index_b] :
       std::vector<std::tuple<const char*, int, const char*, int>>{
           {"service", 0, "service", 1}, {"arrivals", 0, "service", 0}, {"a", 0, "b", 0}}) {
    RandomStream a = source.stream(name_a, index_a);
    RandomStream b = source.stream(name_b, index_b);
    double sxy = 0.0;
    for (int i = 0; i < kN; ++i) {
      sxy += (a.uniform01() - 0.5) * (b.uniform01() - 0.5);
    }
    const double correlation = sxy / kN / (1.0 / 12.0);
    EXPECT_LT(std::abs(correlation), kZ / std::sqrt(kN)) << name_a << index_a << name_b << index_b;
  }
}

TEST(RandomStream, EveryOutputBitIsFair) {
  RandomStream rng = RandomSource(3).stream("bits");
  constexpr int kN = 100000;
  std::array<int, 64> ones{};
  for (int i = 0; i < kN; ++i) {
    const std::uint64_t x = rng.next_u64();
    for (int bit = 0; bit < 64; ++bit) {
      ones[bit] += static_cast<int>((x >> bit) & 1U);
    }
  }
  // 64 checks at once: 4.5 standard errors keep the family-wise false alarm below 5e-4.
  const double half_width = 4.5 * std::sqrt(0.25 / kN);
  for (int bit = 0; bit < 64; ++bit) {
    EXPECT_NEAR(static_cast<double>(ones[bit]) / kN, 0.5, half_width) << "bit " << bit;
  }
}

TEST(RandomStream, UniformsHaveTheMomentsOfTheUnitInterval) {
  RandomStream rng = RandomSource(4).stream("u");
  constexpr int kN = 400000;
  double sum = 0.0;
  double sum_sq = 0.0;
  double low = 1.0;
  double high = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double u = (i % 2 == 0) ? rng.uniform01() : rng.uniform01_open();
    sum += u;
    sum_sq += u * u;
    low = std::min(low, u);
    high = std::max(high, u);
  }
  EXPECT_GE(low, 0.0);
  EXPECT_LT(high, 1.0);
  // Var(U) = 1/12; Var(U^2) = E[U^4] - E[U^2]^2 = 1/5 - 1/9 = 4/45.
  EXPECT_NEAR(sum / kN, 0.5, kZ * std::sqrt(1.0 / 12.0 / kN));
  EXPECT_NEAR(sum_sq / kN, 1.0 / 3.0, kZ * std::sqrt(4.0 / 45.0 / kN));
}

TEST(RandomStream, UniformBelowHitsEveryValueEquallyOften) {
  RandomStream rng = RandomSource(8).stream("pick");
  constexpr int kN = 120000;
  constexpr std::uint64_t kFaces = 6;
  std::array<int, kFaces> hits{};
  for (int i = 0; i < kN; ++i) {
    const std::uint64_t face = rng.uniform_below(kFaces);
    ASSERT_LT(face, kFaces);
    ++hits[face];
  }
  const double p = 1.0 / kFaces;
  for (const int h : hits) {
    EXPECT_NEAR(static_cast<double>(h) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
  }
  EXPECT_EQ(rng.uniform_below(1), 0U);
}

TEST(RandomStream, UniformBelowHasNoModuloBiasForHugeRanges) {
  // n = 3 * 2^62: plain x % n would give [0, 2^62) twice the probability of the rest
  // (1/2 instead of 1/3).
  RandomStream rng = RandomSource(12).stream("big");
  constexpr std::uint64_t kN = 3ULL << 62;
  constexpr int kDraws = 60000;
  int low = 0;
  for (int i = 0; i < kDraws; ++i) {
    low += rng.uniform_below(kN) < (1ULL << 62) ? 1 : 0;
  }
  const double p = 1.0 / 3.0;
  EXPECT_NEAR(static_cast<double>(low) / kDraws, p, kZ * std::sqrt(p * (1 - p) / kDraws));
}

}  // namespace
}  // namespace hallsim::sim
