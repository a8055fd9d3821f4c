// Small value helpers of the store: name keys for matching, ISO days as numbers, hashes.
#ifndef VIGIE_STORE_KEYS_H_
#define VIGIE_STORE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::internal {

// Names as the pipeline writes them are canonical English ("Taliban", "Afghan forces"), so a key
// only needs ASCII case and punctuation folded: "the Taliban" and "Taliban" -> "taliban",
// "Lashkar-Gah" -> "lashkar gah". Bytes of other scripts are kept as they are.
std::string NameKey(std::string_view name);

// A date range this many days wide at most is a date ("dimanche": the day of publication or the
// day before); a wider one ("en août") is only the month of a dispatch.
inline constexpr int kPreciseDays = 2;

// Days since 1970-01-01 for "2021-08-06"; nullopt for anything else.
std::optional<int> DayNumber(std::string_view iso_day);
std::string IsoDay(int day_number);

// The day range a published date stands for: "2021-08-06" -> that day, "2021-08" -> the month.
struct DayRange {
  int lo = 0, hi = 0;
};
std::optional<DayRange> PublishedRange(std::string_view published);

// splitmix64's finalizer: every input bit moves about half of the output bits.
constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// 64-bit FNV-1a with a final mix: stable across builds and machines, for content identity.
uint64_t Hash64(std::string_view bytes);

// Hash64 of the concatenation of the pieces given to Add, without building the string.
class Hasher {
 public:
  Hasher& Add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      h_ ^= c;
      h_ *= 1099511628211ull;
    }
    return *this;
  }
  Hasher& Add(int64_t number);  // as std::to_string writes it
  uint64_t Finish() const;

 private:
  uint64_t h_ = 14695981039346656037ull;
};
std::string Hex64(uint64_t value);

double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_KEYS_H_
