#include "geo/gazetteer_builder.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "base/fold.h"
#include "geo/gazetteer_format.h"

namespace vigie::internal {
namespace {

std::string Code(std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  std::string code(a);
  if (!b.empty()) code.append(".").append(b);
  if (!c.empty()) code.append(".").append(c);
  return code;
}

// GeoNames alternates without any capital are romanizations of foreign-script names ("ao er di
// nuo", "orudino jiao qu") that would match ordinary lowercase words; real names are capitalized
// ("la Massana", "les Escaldes").
bool HasCapital(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c >= 0 && (u_isupper(c) || u_istitle(c))) return true;
  }
  return false;
}

// Latin letters with any Common or Inherited characters (spaces, digits, apostrophes, combining
// accents): "Panjwā’ī" passes, "Кабул" and "كابل" do not.
bool IsLatinName(std::string_view s) {
  bool latin = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (U_FAILURE(err)) return false;
    if (script == USCRIPT_LATIN) {
      latin = true;
    } else if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      return false;
    }
  }
  return latin;
}

// "GAO" sits among Guantánamo's alternates (its airport code) and would outrank Gao, Mali.
bool IsShortCode(std::string_view s) {
  if (s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

struct Accumulator {
  double weight = 0, lat = 0, lon = 0;
  uint64_t population = 0;
  uint32_t seat = kNoEntry;
};

void Accumulate(Accumulator* acc, const BuildEntry& place, uint32_t index, bool is_seat,
                const std::vector<BuildEntry>& entries) {
  double w = static_cast<double>(std::max<uint64_t>(place.population, 1));
  acc->weight += w;
  acc->lat += w * place.lat;
  acc->lon += w * place.lon;
  acc->population += place.population;
  if (is_seat && (acc->seat == kNoEntry || entries[acc->seat].population < place.population)) {
    acc->seat = index;
  }
}

// Places `unit` at its seat, else at its places' centroid, else at `parent` (approximate).
void Place(BuildEntry* unit, const Accumulator& acc, const std::vector<BuildEntry>& entries,
           const BuildEntry* parent) {
  if (unit->has_coords) return;
  if (acc.seat != kNoEntry) {
    unit->lat = entries[acc.seat].lat;
    unit->lon = entries[acc.seat].lon;
    unit->has_coords = true;
  } else if (acc.weight > 0) {
    unit->lat = acc.lat / acc.weight;
    unit->lon = acc.lon / acc.weight;
    unit->has_coords = true;
  } else if (parent != nullptr && parent->has_coords) {
    unit->lat = parent->lat;
    unit->lon = parent->lon;
    unit->has_coords = true;
    unit->approximate = true;
  } else {
    unit->approximate = true;
  }
}

}  // namespace

int KindRank(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry:
      return 2;
    case PlaceKind::kAdmin1:
      return 1;
    default:
      return 0;
  }
}

uint32_t GazetteerBuilder::AddEntry(BuildEntry entry) {
  std::string key;
  switch (entry.kind) {
    case PlaceKind::kCountry:
      key = entry.country;
      break;
    case PlaceKind::kAdmin1:
      key = Code(entry.country, entry.admin1_code);
      break;
    case PlaceKind::kAdmin2:
      key = Code(entry.country, entry.admin1_code, entry.admin2_code);
      break;
    default:
      break;
  }
  if (!key.empty()) {
    auto it = by_code_.find(key);
    if (it != by_code_.end()) return it->second;
  } else if (entry.geonameid != 0) {
    auto it = by_geonameid_.find(entry.geonameid);
    if (it != by_geonameid_.end()) return it->second;
  }
  uint32_t index = static_cast<uint32_t>(entries_.size());
  if (!key.empty()) by_code_.emplace(std::move(key), index);
  if (entry.geonameid != 0) by_geonameid_.emplace(entry.geonameid, index);
  entries_.push_back(std::move(entry));
  return index;
}

uint32_t GazetteerBuilder::AddCountry(std::string_view iso2, std::string_view name) {
  BuildEntry e;
  e.kind = PlaceKind::kCountry;
  e.feature = "PCLI";
  e.country = std::string(iso2);
  e.name = std::string(name);
  return AddEntry(std::move(e));
}

uint32_t GazetteerBuilder::AddAdmin1(std::string_view country, std::string_view admin1,
                                     std::string_view name) {
  BuildEntry e;
  e.kind = PlaceKind::kAdmin1;
  e.feature = "ADM1";
  e.country = std::string(country);
  e.admin1_code = std::string(admin1);
  e.name = std::string(name);
  return AddEntry(std::move(e));
}

uint32_t GazetteerBuilder::AddAdmin2(std::string_view country, std::string_view admin1,
                                     std::string_view admin2, std::string_view name) {
  BuildEntry e;
  e.kind = PlaceKind::kAdmin2;
  e.feature = "ADM2";
  e.country = std::string(country);
  e.admin1_code = std::string(admin1);
  e.admin2_code = std::string(admin2);
  e.name = std::string(name);
  return AddEntry(std::move(e));
}

void GazetteerBuilder::AddName(uint32_t index, std::string_view name, NameSource source) {
  if (index >= entries_.size() || name.empty() || name.size() > 200) return;
  if (source == NameSource::kAlternate &&
      (IsShortCode(name) || !IsLatinName(name) || !HasCapital(name))) {
    ++dropped_names_;
    return;
  }
  entries_[index].names.emplace_back(name);
}

uint32_t GazetteerBuilder::FindCountry(std::string_view iso2) const {
  auto it = by_code_.find(std::string(iso2));
  return it == by_code_.end() ? kNoEntry : it->second;
}

uint32_t GazetteerBuilder::FindAdmin1(std::string_view country, std::string_view admin1) const {
  if (admin1.empty()) return kNoEntry;
  auto it = by_code_.find(Code(country, admin1));
  return it == by_code_.end() ? kNoEntry : it->second;
}

uint32_t GazetteerBuilder::FindAdmin2(std::string_view country, std::string_view admin1,
                                      std::string_view admin2) const {
  if (admin1.empty() || admin2.empty()) return kNoEntry;
  auto it = by_code_.find(Code(country, admin1, admin2));
  return it == by_code_.end() ? kNoEntry : it->second;
}

uint32_t GazetteerBuilder::FindGeonameId(int64_t geonameid) const {
  auto it = by_geonameid_.find(geonameid);
  return it == by_geonameid_.end() ? kNoEntry : it->second;
}

uint32_t GazetteerBuilder::FindRef(std::string_view ref) const {
  if (!ref.empty() &&
      std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return FindGeonameId(std::strtoll(std::string(ref).c_str(), nullptr, 10));
  }
  auto it = by_code_.find(std::string(ref));
  return it == by_code_.end() ? kNoEntry : it->second;
}

void GazetteerBuilder::SetGeonameId(uint32_t index, int64_t geonameid) {
  if (index >= entries_.size() || geonameid == 0) return;
  entries_[index].geonameid = geonameid;
  by_geonameid_.emplace(geonameid, index);
}

void GazetteerBuilder::Finish() {
  std::vector<Accumulator> acc(entries_.size());
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const BuildEntry& p = entries_[i];
    if (p.kind != PlaceKind::kCity || !p.has_coords) continue;
    const std::string_view f = p.feature;
    uint32_t c = FindCountry(p.country);
    if (c != kNoEntry) Accumulate(&acc[c], p, i, f == "PPLC", entries_);
    uint32_t a1 = FindAdmin1(p.country, p.admin1_code);
    if (a1 != kNoEntry) Accumulate(&acc[a1], p, i, f == "PPLA" || f == "PPLC", entries_);
    uint32_t a2 = FindAdmin2(p.country, p.admin1_code, p.admin2_code);
    if (a2 != kNoEntry) Accumulate(&acc[a2], p, i, f == "PPLA2", entries_);
  }
  // Parents first: a unit without places falls back to its parent's point.
  for (PlaceKind kind : {PlaceKind::kCountry, PlaceKind::kAdmin1, PlaceKind::kAdmin2}) {
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      BuildEntry& e = entries_[i];
      if (e.kind != kind) continue;
      const BuildEntry* parent = nullptr;
      if (kind == PlaceKind::kAdmin1) {
        uint32_t c = FindCountry(e.country);
        if (c != kNoEntry) parent = &entries_[c];
      } else if (kind == PlaceKind::kAdmin2) {
        uint32_t a1 = FindAdmin1(e.country, e.admin1_code);
        if (a1 != kNoEntry) parent = &entries_[a1];
      }
      Place(&e, acc[i], entries_, parent);
    }
  }
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    BuildEntry& e = entries_[i];
    switch (e.kind) {
      case PlaceKind::kCountry:
      case PlaceKind::kAdmin1:
        e.prior = e.population != 0 ? e.population : acc[i].population;
        break;
      case PlaceKind::kAdmin2:
        // A district counts half its towns: "Panjwai" the district still finds its town first
        // when the town carries most of the population.
        e.prior = acc[i].population / 2;
        break;
      case PlaceKind::kSite:
        // Sites carry no population; a named air base or dam outranks a village of that name.
        e.prior = e.population != 0 ? e.population : 100000;
        break;
      default:
        e.prior = e.population;
        break;
    }
  }
}

Status GazetteerBuilder::Write(const std::string& path, uint64_t source_hash,
                               BuildCounts* counts) const {
  const uint32_t n = static_cast<uint32_t>(entries_.size());
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int ra = KindRank(entries_[a].kind), rb = KindRank(entries_[b].kind);
    if (ra != rb) return ra > rb;
    return entries_[a].prior > entries_[b].prior;
  });
  std::vector<uint32_t> rank(n);
  for (uint32_t r = 0; r < n; ++r) rank[order[r]] = r;

  // (folded name, rank) pairs; sorting them groups each key's entries in prior order.
  std::vector<std::pair<std::string, uint32_t>> pairs;
  pairs.reserve(n * 4);
  std::string folded;
  for (uint32_t i = 0; i < n; ++i) {
    const BuildEntry& e = entries_[i];
    auto add = [&](const std::string& name) {
      folded.clear();
      FoldAppend(name, &folded);
      if (folded.empty()) return;
      pairs.emplace_back(folded, rank[i]);
      // GeoNames marks the Arabic ayn with an apostrophe that dispatches leave out:
      // "Pul-e ‘Alam" is written "Pul-e-Alam", "Ma‘arrat al-Nu‘man" "Maarrat al-Numan".
      if (folded.find('\'') != std::string::npos) {
        std::string bare = folded;
        bare.erase(std::remove(bare.begin(), bare.end(), '\''), bare.end());
        if (!bare.empty()) pairs.emplace_back(std::move(bare), rank[i]);
      }
    };
    add(e.name);
    for (const std::string& name : e.names) add(name);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  std::vector<uint32_t> key_offsets{0}, posting_offsets{0}, postings;
  std::string key_bytes;
  postings.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i > 0 && pairs[i].first != pairs[i - 1].first) {
      key_offsets.push_back(static_cast<uint32_t>(key_bytes.size()));
      posting_offsets.push_back(static_cast<uint32_t>(postings.size()));
    }
    if (i == 0 || pairs[i].first != pairs[i - 1].first) key_bytes += pairs[i].first;
    postings.push_back(order[pairs[i].second]);
  }
  if (!pairs.empty()) {
    key_offsets.push_back(static_cast<uint32_t>(key_bytes.size()));
    posting_offsets.push_back(static_cast<uint32_t>(postings.size()));
  }
  const uint32_t key_count = static_cast<uint32_t>(key_offsets.size() - 1);

  std::string strings;
  std::unordered_map<std::string, gazfmt::StrRef> interned;
  auto intern = [&](const std::string& s) {
    auto [it, fresh] = interned.try_emplace(s);
    if (fresh) {
      it->second = {static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(s.size())};
      strings += s;
    }
    return it->second;
  };
  std::vector<gazfmt::EntryRecord> records(n);
  static const std::string kEmpty;
  for (uint32_t i = 0; i < n; ++i) {
    const BuildEntry& e = entries_[i];
    gazfmt::EntryRecord& r = records[i];
    r.geonameid = e.geonameid;
    r.population = e.population;
    r.lat_e7 = static_cast<int32_t>(std::lround(e.lat * 1e7));
    r.lon_e7 = static_cast<int32_t>(std::lround(e.lon * 1e7));
    r.name = intern(e.name);
    r.feature = intern(e.feature);
    uint32_t a1 = FindAdmin1(e.country, e.admin1_code);
    uint32_t a2 = e.kind == PlaceKind::kAdmin1
                      ? kNoEntry
                      : FindAdmin2(e.country, e.admin1_code, e.admin2_code);
    r.admin1 = intern(a1 != kNoEntry && e.kind != PlaceKind::kCountry ? entries_[a1].name : kEmpty);
    r.admin2 = intern(a2 != kNoEntry ? entries_[a2].name : kEmpty);
    r.admin1_index = e.kind == PlaceKind::kCountry ? kNoEntry : a1;
    r.country_index = FindCountry(e.country);
    if (e.country.size() == 2) std::memcpy(r.country, e.country.data(), 2);
    r.kind = static_cast<uint8_t>(e.kind);
    r.flags = e.approximate || !e.has_coords ? gazfmt::kFlagApproximate : 0;
  }

  gazfmt::Header h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, gazfmt::kMagic, sizeof(h.magic));
  h.format_version = gazfmt::kFormatVersion;
  h.header_bytes = sizeof(gazfmt::Header);
  h.source_hash = source_hash;
  h.entry_count = n;
  h.key_count = key_count;
  h.posting_count = static_cast<uint32_t>(postings.size());
  h.entry_record_bytes = sizeof(gazfmt::EntryRecord);
  uint64_t at = sizeof(gazfmt::Header);
  auto place = [&at](uint64_t size) {
    uint64_t start = at;
    at = (at + size + 7) & ~uint64_t{7};
    return start;
  };
  h.entries_offset = place(uint64_t{n} * sizeof(gazfmt::EntryRecord));
  h.key_offsets_offset = place(key_offsets.size() * 4);
  h.posting_offsets_offset = place(posting_offsets.size() * 4);
  h.postings_offset = place(postings.size() * 4);
  h.key_bytes_offset = place(key_bytes.size());
  h.key_bytes_size = key_bytes.size();
  h.strings_offset = place(strings.size());
  h.strings_size = strings.size();
  h.file_bytes = at;
  h.header_check = gazfmt::HeaderCheck(h);

  std::string file(at, '\0');
  auto put = [&file](uint64_t offset, const void* data, size_t size) {
    if (size != 0) std::memcpy(file.data() + offset, data, size);
  };
  put(0, &h, sizeof(h));
  put(h.entries_offset, records.data(), records.size() * sizeof(gazfmt::EntryRecord));
  put(h.key_offsets_offset, key_offsets.data(), key_offsets.size() * 4);
  put(h.posting_offsets_offset, posting_offsets.data(), posting_offsets.size() * 4);
  put(h.postings_offset, postings.data(), postings.size() * 4);
  put(h.key_bytes_offset, key_bytes.data(), key_bytes.size());
  put(h.strings_offset, strings.data(), strings.size());

  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return IoError(tmp + ": " + std::strerror(errno));
  bool written = std::fwrite(file.data(), 1, file.size(), f) == file.size();
  written = std::fclose(f) == 0 && written;
  if (!written) return IoError(tmp + ": short write");
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return IoError(path + ": rename: " + std::strerror(errno));
  }
  if (counts != nullptr) {
    *counts = BuildCounts{};
    counts->entries = n;
    for (const BuildEntry& e : entries_) {
      switch (e.kind) {
        case PlaceKind::kCountry:
          ++counts->countries;
          break;
        case PlaceKind::kAdmin1:
          ++counts->admin1;
          break;
        case PlaceKind::kAdmin2:
          ++counts->admin2;
          break;
        case PlaceKind::kSite:
          ++counts->sites;
          break;
        default:
          ++counts->places;
          break;
      }
    }
    counts->keys = key_count;
    counts->postings = h.posting_count;
    counts->dropped_names = dropped_names_;
    counts->file_bytes = at;
  }
  return Status::Ok();
}

}  // namespace vigie::internal
