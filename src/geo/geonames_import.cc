#include "geo/geonames_import.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>

namespace vigie::internal {
namespace {

using NameSource = GazetteerBuilder::NameSource;

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string Where(const std::string& path, size_t line) {
  return path + ":" + std::to_string(line) + ": ";
}

// GeoNames lists alternates comma-separated in one column.
void AddAlternates(GazetteerBuilder* builder, uint32_t index, std::string_view list) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    builder->AddName(index, list.substr(0, comma), NameSource::kAlternate);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

bool IsSeatFeature(std::string_view f) {
  return f == "PPLC" || f == "PPLA" || f == "PPLA2" || f == "PPLA3" || f == "PPLG";
}

}  // namespace

void SplitFields(std::string_view line, char sep, std::vector<std::string_view>* fields) {
  fields->clear();
  while (true) {
    size_t at = line.find(sep);
    fields->push_back(line.substr(0, at));
    if (at == std::string_view::npos) return;
    line.remove_prefix(at + 1);
  }
}

Status ForEachLine(const std::string& path,
                   const std::function<Status(std::string_view, size_t)>& fn) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return NotFound(path + ": " + std::strerror(errno));
  constexpr size_t kBlock = 1 << 22;
  std::string buffer;
  std::string block(kBlock, '\0');
  size_t line_number = 0;
  auto emit = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return fn(line, ++line_number);
  };
  while (true) {
    size_t got = std::fread(block.data(), 1, kBlock, file.get());
    if (got == 0) break;
    buffer.append(block.data(), got);
    size_t start = 0;
    while (true) {
      size_t nl = buffer.find('\n', start);
      if (nl == std::string::npos) break;
      VIGIE_RETURN_IF_ERROR(emit(std::string_view(buffer).substr(start, nl - start)));
      start = nl + 1;
    }
    buffer.erase(0, start);
  }
  if (std::ferror(file.get())) return IoError(path + ": read error");
  if (!buffer.empty()) VIGIE_RETURN_IF_ERROR(emit(buffer));
  return Status::Ok();
}

Status ReadGeonameRows(const std::string& path, GazetteerBuilder* builder) {
  std::vector<std::string_view> f;
  return ForEachLine(path, [&](std::string_view line, size_t n) -> Status {
    if (line.empty()) return Status::Ok();
    SplitFields(line, '\t', &f);
    if (f.size() < 19) {
      return DataError(Where(path, n) + std::to_string(f.size()) +
                       " columns, a geoname row has 19");
    }
    int64_t id = 0;
    double lat = 0, lon = 0;
    uint64_t population = 0;
    if (!ParseNumber(f[0], &id) || !ParseNumber(f[4], &lat) || !ParseNumber(f[5], &lon) ||
        (!f[14].empty() && !ParseNumber(f[14], &population))) {
      return DataError(Where(path, n) + "bad geonameid, latitude, longitude or population");
    }
    const std::string_view cls = f[6], feature = f[7], country = f[8];
    uint32_t index = kNoEntry;
    if (cls == "P" && (population >= 1000 || IsSeatFeature(feature))) {
      BuildEntry e;
      e.kind = PlaceKind::kCity;
      e.geonameid = id;
      e.name = std::string(f[1]);
      e.feature = std::string(feature);
      e.country = std::string(country);
      e.admin1_code = std::string(f[10]);
      e.admin2_code = std::string(f[11]);
      e.lat = lat;
      e.lon = lon;
      e.has_coords = true;
      e.population = population;
      index = builder->AddEntry(std::move(e));
    } else if (cls == "A" && (feature == "ADM1" || feature == "ADM2" || feature == "PCLI")) {
      if (feature == "PCLI") {
        index = builder->FindCountry(country);
        if (index == kNoEntry) index = builder->AddCountry(country, f[1]);
      } else if (feature == "ADM1") {
        index = builder->AddAdmin1(country, f[10], f[1]);
      } else {
        index = builder->AddAdmin2(country, f[10], f[11], f[1]);
      }
      BuildEntry& unit = builder->entry(index);
      unit.lat = lat;
      unit.lon = lon;
      unit.has_coords = true;
      unit.approximate = false;
      if (population != 0) unit.population = population;
      builder->SetGeonameId(index, id);
      builder->AddName(index, f[1], NameSource::kCurated);
    } else {
      return Status::Ok();
    }
    builder->AddName(index, f[2], NameSource::kCurated);
    AddAlternates(builder, index, f[3]);
    return Status::Ok();
  });
}

Status ReadAdminCodes(const std::string& path, GazetteerBuilder* builder) {
  std::vector<std::string_view> f, code;
  return ForEachLine(path, [&](std::string_view line, size_t n) -> Status {
    if (line.empty()) return Status::Ok();
    SplitFields(line, '\t', &f);
    if (f.size() < 4) {
      return DataError(Where(path, n) + "expected code, name, asciiname, geonameid");
    }
    SplitFields(f[0], '.', &code);
    int64_t id = 0;
    if (!f[3].empty() && !ParseNumber(f[3], &id)) {
      return DataError(Where(path, n) + "bad geonameid '" + std::string(f[3]) + "'");
    }
    uint32_t index;
    if (code.size() == 2) {
      index = builder->AddAdmin1(code[0], code[1], f[1]);
    } else if (code.size() == 3) {
      index = builder->AddAdmin2(code[0], code[1], code[2], f[1]);
    } else {
      return DataError(Where(path, n) + "bad admin code '" + std::string(f[0]) + "'");
    }
    builder->SetGeonameId(index, id);
    builder->AddName(index, f[2], NameSource::kCurated);
    return Status::Ok();
  });
}

Status ReadCountryInfo(const std::string& path, GazetteerBuilder* builder) {
  std::vector<std::string_view> f;
  return ForEachLine(path, [&](std::string_view line, size_t n) -> Status {
    if (line.empty() || line[0] == '#') return Status::Ok();
    SplitFields(line, '\t', &f);
    if (f.size() < 17 || f[0].size() != 2) {
      return DataError(Where(path, n) + "expected 19 columns starting with an ISO2 code");
    }
    uint64_t population = 0;
    int64_t id = 0;
    if ((!f[7].empty() && !ParseNumber(f[7], &population)) ||
        (!f[16].empty() && !ParseNumber(f[16], &id))) {
      return DataError(Where(path, n) + "bad population or geonameid");
    }
    uint32_t index = builder->AddCountry(f[0], f[4]);
    builder->entry(index).population = population;
    builder->SetGeonameId(index, id);
    return Status::Ok();
  });
}

Status ReadAlternateNames(const std::string& path, GazetteerBuilder* builder) {
  std::vector<std::string_view> f;
  return ForEachLine(path, [&](std::string_view line, size_t n) -> Status {
    if (line.empty()) return Status::Ok();
    SplitFields(line, '\t', &f);
    if (f.size() < 4) {
      return DataError(Where(path, n) + "expected id, geonameid, isolanguage, name");
    }
    const std::string_view lang = f[2];
    if (!(lang.empty() || lang == "fr" || lang == "en" || lang == "abbr")) return Status::Ok();
    int64_t id = 0;
    if (!ParseNumber(f[1], &id)) {
      return DataError(Where(path, n) + "bad geonameid '" + std::string(f[1]) + "'");
    }
    uint32_t index = builder->FindGeonameId(id);
    if (index != kNoEntry) builder->AddName(index, f[3], NameSource::kAlternate);
    return Status::Ok();
  });
}

}  // namespace vigie::internal
