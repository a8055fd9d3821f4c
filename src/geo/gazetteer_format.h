// On-disk layout of the compiled gazetteer (data/gazetteer/world.vgz), shared by the builder that
// writes it and the loader that maps it. Everything is little-endian, fixed-size and 8-byte
// aligned, so the loader reads it in place with no parse step.
//
//   Header | entries (EntryRecord x entry_count) | key offsets (u32 x key_count+1) |
//   posting offsets (u32 x key_count+1) | postings (u32) | key bytes | string pool
//
// Keys are the folded names (FoldText), sorted bytewise; key i is key_bytes[key_off[i],
// key_off[i+1]) and its entries are postings[post_off[i], post_off[i+1]), ranked by the static
// prior (RankEntries). Strings of an entry are (offset, length) pairs into the string pool.
#ifndef VIGIE_GEO_GAZETTEER_FORMAT_H_
#define VIGIE_GEO_GAZETTEER_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/status.h"

namespace vigie::internal::gazfmt {

inline constexpr char kMagic[8] = {'V', 'I', 'G', 'Z', 'G', 'A', 'Z', '\n'};
// Bump whenever the layout or the meaning of a field changes; old files are then refused.
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint8_t kFlagApproximate = 1;

struct StrRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t header_bytes;  // sizeof(Header), so a layout change is caught even at equal versions
  uint64_t source_hash;   // SourceHasher over every input file: `build` skips when it matches
  uint64_t file_bytes;    // the whole file; a shorter file was truncated
  uint32_t entry_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t entry_record_bytes;
  uint64_t entries_offset;
  uint64_t key_offsets_offset;
  uint64_t posting_offsets_offset;
  uint64_t postings_offset;
  uint64_t key_bytes_offset;
  uint64_t key_bytes_size;
  uint64_t strings_offset;
  uint64_t strings_size;
  uint64_t header_check;  // Fnv1a of the header bytes before this field
};

struct EntryRecord {
  int64_t geonameid;
  uint64_t population;
  int32_t lat_e7;  // degrees x 1e7: 1 cm, fits in int32
  int32_t lon_e7;
  StrRef name;
  StrRef feature;
  StrRef admin1;
  StrRef admin2;
  uint32_t admin1_index;  // UINT32_MAX when none
  uint32_t country_index;
  char country[2];
  uint8_t kind;  // vigie::PlaceKind
  uint8_t flags;
  uint32_t reserved;
};
static_assert(sizeof(EntryRecord) == 72);
static_assert(sizeof(Header) % 8 == 0);

// 64-bit FNV-1a, streamed: the source hash and the header check.
class Fnv1a {
 public:
  void Add(std::string_view bytes);
  void AddU64(uint64_t value);
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

inline uint64_t HeaderCheck(const Header& h) {
  Fnv1a f;
  f.Add(std::string_view(reinterpret_cast<const char*>(&h), offsetof(Header, header_check)));
  return f.value();
}

// Checks that `bytes` (the whole mapped file named `path`) holds a complete index this build can
// read: magic, version, header check, and every section inside the file.
Status ValidateFile(const std::string& path, std::string_view bytes);

// Reads only the header of `path`; NotFound when absent, DataError when it is not an index.
Result<Header> ReadHeader(const std::string& path);

}  // namespace vigie::internal::gazfmt

#endif  // VIGIE_GEO_GAZETTEER_FORMAT_H_
