// Gazetteer::Open: maps the compiled index read-only and serves lookups from the mapping. Nothing
// is copied or parsed at start-up; the pages a lookup touches are the only ones read from disk.
#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "geo/gazetteer_format.h"

namespace vigie::internal {
namespace {

using gazfmt::EntryRecord;
using gazfmt::Header;

class MappedGazetteer final : public Gazetteer {
 public:
  MappedGazetteer(void* base, size_t bytes) : base_(base), bytes_(bytes) {
    const char* p = static_cast<const char*>(base);
    std::memcpy(&header_, p, sizeof(Header));
    entries_ = reinterpret_cast<const EntryRecord*>(p + header_.entries_offset);
    key_offsets_ = reinterpret_cast<const uint32_t*>(p + header_.key_offsets_offset);
    posting_offsets_ = reinterpret_cast<const uint32_t*>(p + header_.posting_offsets_offset);
    postings_ = reinterpret_cast<const uint32_t*>(p + header_.postings_offset);
    key_bytes_ = p + header_.key_bytes_offset;
    strings_ = std::string_view(p + header_.strings_offset, header_.strings_size);
  }
  ~MappedGazetteer() override { munmap(base_, bytes_); }
  MappedGazetteer(const MappedGazetteer&) = delete;
  MappedGazetteer& operator=(const MappedGazetteer&) = delete;

  std::span<const uint32_t> Candidates(std::string_view folded_name) const override {
    uint32_t key = LowerBound(folded_name, false);
    if (key == header_.key_count || Key(key) != folded_name) return {};
    return {postings_ + posting_offsets_[key], postings_ + posting_offsets_[key + 1]};
  }

  bool HasLongerName(std::string_view folded_prefix) const override {
    // The first key not below "prefix " is the smallest that could start with it.
    uint32_t key = LowerBound(folded_prefix, true);
    if (key == header_.key_count) return false;
    std::string_view k = Key(key);
    return k.size() > folded_prefix.size() && k[folded_prefix.size()] == ' ' &&
           k.substr(0, folded_prefix.size()) == folded_prefix;
  }

  GazEntry Entry(uint32_t index) const override {
    GazEntry e;
    if (index >= header_.entry_count) return e;
    const EntryRecord& r = entries_[index];
    e.index = index;
    e.geonameid = r.geonameid;
    e.kind = static_cast<PlaceKind>(r.kind);
    e.name = Str(r.name);
    e.feature = Str(r.feature);
    e.country = std::string_view(r.country, r.country[0] == 0 ? 0 : 2);
    e.admin1 = Str(r.admin1);
    e.admin2 = Str(r.admin2);
    e.admin1_index = r.admin1_index;
    e.country_index = r.country_index;
    e.lat = r.lat_e7 / 1e7;
    e.lon = r.lon_e7 / 1e7;
    e.population = r.population;
    e.approximate = (r.flags & gazfmt::kFlagApproximate) != 0;
    return e;
  }

  uint32_t size() const override { return header_.entry_count; }
  size_t mapped_bytes() const override { return bytes_; }

 private:
  std::string_view Key(uint32_t i) const {
    return std::string_view(key_bytes_ + key_offsets_[i], key_offsets_[i + 1] - key_offsets_[i]);
  }
  // Strings out of the pool are clamped rather than trusted: a corrupt record yields an empty name.
  std::string_view Str(gazfmt::StrRef ref) const {
    if (ref.offset > strings_.size() || ref.length > strings_.size() - ref.offset) return {};
    return strings_.substr(ref.offset, ref.length);
  }
  // First key >= `probe` (with a trailing space when `spaced`), by binary search over the sorted
  // keys; compares in place so a lookup allocates nothing.
  uint32_t LowerBound(std::string_view probe, bool spaced) const {
    uint32_t lo = 0, hi = header_.key_count;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (KeyLess(Key(mid), probe, spaced)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
  static bool KeyLess(std::string_view key, std::string_view probe, bool spaced) {
    size_t n = std::min(key.size(), probe.size());
    int c = std::memcmp(key.data(), probe.data(), n);
    if (c != 0) return c < 0;
    if (key.size() <= probe.size()) {
      // key is a prefix of probe (or equal): less unless equal without the space.
      return key.size() < probe.size() || spaced;
    }
    if (!spaced) return false;
    return static_cast<unsigned char>(key[probe.size()]) < static_cast<unsigned char>(' ');
  }

  void* base_;
  size_t bytes_;
  Header header_{};
  const EntryRecord* entries_ = nullptr;
  const uint32_t* key_offsets_ = nullptr;
  const uint32_t* posting_offsets_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const char* key_bytes_ = nullptr;
  std::string_view strings_;
};

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return NotFound(path + ": " + std::strerror(errno) + ": run `vigie gazetteer build`");
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd);
    return IoError(path + ": " + why);
  }
  size_t bytes = static_cast<size_t>(st.st_size);
  if (bytes < sizeof(Header)) {
    ::close(fd);
    return DataError(path + ": " + std::to_string(bytes) +
                     " bytes, too short for a gazetteer (truncated?): run `vigie gazetteer build`");
  }
  void* base = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return IoError(path + ": mmap: " + std::strerror(errno));
  // Lookups jump around the file: without read-around, a process keeps resident only the pages
  // it reads (10k corpus lookups: 26 MB -> 15 MB of the 27 MB file).
  ::madvise(base, bytes, MADV_RANDOM);
  Status valid =
      gazfmt::ValidateFile(path, std::string_view(static_cast<const char*>(base), bytes));
  if (!valid.ok()) {
    ::munmap(base, bytes);
    return valid;
  }
  return std::unique_ptr<Gazetteer>(new MappedGazetteer(base, bytes));
}

}  // namespace vigie::internal
