#include "geo/gazetteer_sources.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "base/fold.h"
#include "geo/geonames_import.h"

namespace vigie::internal {
namespace {

using Json = nlohmann::json;
using NameSource = GazetteerBuilder::NameSource;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return std::move(out).str();
}

Result<Json> ReadJson(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return DataError(path + ": broken JSON");
  return j;
}

std::string StringField(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

uint32_t ReadU32(const std::string& bytes, size_t at, bool swap) {
  uint32_t v;
  std::memcpy(&v, bytes.data() + at, 4);
  return swap ? __builtin_bswap32(v) : v;
}

// iso-codes writes a second form in brackets: "A Coruña [La Coruña]" is two names.
std::string_view Unbracketed(std::string_view name) {
  size_t open = name.find(" [");
  return open == std::string_view::npos ? name : name.substr(0, open);
}

void AddBracketed(GazetteerBuilder* builder, uint32_t index, std::string_view name) {
  std::string_view first = Unbracketed(name);
  builder->AddName(index, first, NameSource::kCurated);
  if (first.size() + 3 < name.size() && name.back() == ']') {
    builder->AddName(index, name.substr(first.size() + 2, name.size() - first.size() - 3),
                     NameSource::kCurated);
  }
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ReadMoCatalog(const std::string& path) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string& b = *bytes;
  if (b.size() < 20) return DataError(path + ": too short for a .mo catalog");
  const uint32_t magic = ReadU32(b, 0, false);
  const bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return DataError(path + ": not a .mo catalog (bad magic)");
  const uint32_t count = ReadU32(b, 8, swap);
  const uint32_t ids = ReadU32(b, 12, swap), strs = ReadU32(b, 16, swap);
  if (ids > b.size() || strs > b.size() || uint64_t{count} * 8 > b.size() - std::max(ids, strs)) {
    return DataError(path + ": string tables outside the file");
  }
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t id_len = ReadU32(b, ids + 8 * i, swap),
                   id_at = ReadU32(b, ids + 8 * i + 4, swap);
    const uint32_t s_len = ReadU32(b, strs + 8 * i, swap),
                   s_at = ReadU32(b, strs + 8 * i + 4, swap);
    if (uint64_t{id_at} + id_len > b.size() || uint64_t{s_at} + s_len > b.size()) {
      return DataError(path + ": entry " + std::to_string(i) + " outside the file");
    }
    if (id_len == 0) continue;  // the header entry
    // Plural forms are NUL-separated: the first form is the name.
    std::string id(b.data() + id_at, strnlen(b.data() + id_at, id_len));
    std::string str(b.data() + s_at, strnlen(b.data() + s_at, s_len));
    out.emplace_back(std::move(id), std::move(str));
  }
  return out;
}

Status ReadCitiesJsonAdmins(const std::string& path, GazetteerBuilder* builder) {
  Result<Json> json = ReadJson(path);
  if (!json.ok()) return json.status();
  if (!json->is_array()) return DataError(path + ": expected an array of {code, name}");
  std::vector<std::string_view> code;
  size_t i = 0;
  for (const Json& row : *json) {
    ++i;
    if (!row.is_object())
      return DataError(path + ": element " + std::to_string(i) + " not an object");
    std::string c = StringField(row, "code"), name = StringField(row, "name");
    SplitFields(c, '.', &code);
    if (name.empty() || code.size() < 2 || code.size() > 3) {
      return DataError(path + ": element " + std::to_string(i) + ": bad code '" + c + "' or name");
    }
    if (code.size() == 2) {
      builder->AddAdmin1(code[0], code[1], name);
    } else {
      builder->AddAdmin2(code[0], code[1], code[2], name);
    }
  }
  return Status::Ok();
}

Status ReadCitiesJsonPlaces(const std::string& path, GazetteerBuilder* builder) {
  Result<Json> json = ReadJson(path);
  if (!json.ok()) return json.status();
  if (!json->is_array()) return DataError(path + ": expected an array of places");
  // Places already read, by ~5 km cell, to recognize the same town under another spelling
  // ("Zaporizhzhia" here, "Zaporizhzhya" in cities500).
  constexpr double kCell = 0.05;
  auto cell_key = [](const std::string& cc, int64_t la, int64_t lo) {
    return cc + ":" + std::to_string(la) + ":" + std::to_string(lo);
  };
  std::unordered_map<std::string, std::vector<uint32_t>> cells;
  const auto& entries = builder->entries();
  std::vector<std::string> prefixes(entries.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const BuildEntry& e = entries[i];
    if (e.kind != PlaceKind::kCity || !e.has_coords) continue;
    cells[cell_key(e.country, std::llround(e.lat / kCell), std::llround(e.lon / kCell))].push_back(
        i);
    prefixes[i] = FoldText(e.name).substr(0, 2);
  }
  auto known = [&](const std::string& cc, double lat, double lon, const std::string& prefix) {
    const int64_t la = std::llround(lat / kCell), lo = std::llround(lon / kCell);
    for (int64_t dla = -1; dla <= 1; ++dla) {
      for (int64_t dlo = -1; dlo <= 1; ++dlo) {
        auto it = cells.find(cell_key(cc, la + dla, lo + dlo));
        if (it == cells.end()) continue;
        for (uint32_t i : it->second) {
          const BuildEntry& e = builder->entries()[i];
          const double dy = e.lat - lat, dx = (e.lon - lon) * std::cos(lat * 3.14159265 / 180);
          if (dx * dx + dy * dy < 0.03 * 0.03 && prefixes[i] == prefix) return true;
        }
      }
    }
    return false;
  };
  size_t i = 0;
  for (const Json& row : *json) {
    ++i;
    if (!row.is_object())
      return DataError(path + ": element " + std::to_string(i) + " not an object");
    BuildEntry e;
    e.name = StringField(row, "name");
    e.country = StringField(row, "country");
    const std::string lat = StringField(row, "lat"), lon = StringField(row, "lng");
    char* end = nullptr;
    e.lat = std::strtod(lat.c_str(), &end);
    bool ok = !lat.empty() && *end == '\0';
    e.lon = std::strtod(lon.c_str(), &end);
    ok = ok && !lon.empty() && *end == '\0';
    if (e.name.empty() || e.country.size() != 2 || !ok) {
      return DataError(path + ": element " + std::to_string(i) + ": bad name, country or lat/lng");
    }
    if (known(e.country, e.lat, e.lon, FoldText(e.name).substr(0, 2))) continue;
    e.kind = PlaceKind::kCity;
    e.feature = "PPL";
    e.admin1_code = StringField(row, "admin1");
    e.admin2_code = StringField(row, "admin2");
    e.has_coords = true;
    builder->AddEntry(std::move(e));
  }
  return Status::Ok();
}

Status ReadIsoCountryNames(const std::string& path, GazetteerBuilder* builder) {
  Result<Json> json = ReadJson(path);
  if (!json.ok()) return json.status();
  auto countries = json->find("countries");
  if (countries == json->end() || !countries->is_object()) {
    return DataError(path + ": no \"countries\" object");
  }
  for (auto it = countries->begin(); it != countries->end(); ++it) {
    std::vector<std::string> names;
    if (it->is_string()) {
      names.push_back(it->get<std::string>());
    } else if (it->is_array()) {
      for (const Json& n : *it) {
        if (n.is_string()) names.push_back(n.get<std::string>());
      }
    }
    if (it.key().size() != 2 || names.empty()) {
      return DataError(path + ": country '" + it.key() + "': expected a name or a list of names");
    }
    uint32_t index = builder->FindCountry(it.key());
    if (index == kNoEntry) index = builder->AddCountry(it.key(), names[0]);
    for (const std::string& n : names) builder->AddName(index, n, NameSource::kCurated);
  }
  return Status::Ok();
}

Status ReadGeonamesCatalog(const std::string& path, GazetteerBuilder* builder) {
  auto catalog = ReadMoCatalog(path);
  if (!catalog.ok()) return catalog.status();
  std::vector<std::string_view> code;
  for (const auto& [id, name] : *catalog) {
    uint32_t index = kNoEntry;
    if (AllDigits(id)) {
      index = builder->FindGeonameId(std::strtoll(id.c_str(), nullptr, 10));
    } else if (id.size() == 2) {
      index = builder->FindCountry(id);
    } else {
      SplitFields(id, '.', &code);
      if (code.size() == 2) index = builder->FindAdmin1(code[0], code[1]);
    }
    if (index != kNoEntry) builder->AddName(index, name, NameSource::kCurated);
  }
  return Status::Ok();
}

Status ReadIsoCodes(const std::string& json_path, const std::string& mo_path, bool subdivisions,
                    GazetteerBuilder* builder) {
  Result<Json> json = ReadJson(json_path);
  if (!json.ok()) return json.status();
  std::unordered_map<std::string, std::string> french;
  auto catalog = ReadMoCatalog(mo_path);
  if (catalog.ok()) {
    for (auto& [id, str] : *catalog) french.emplace(std::move(id), std::move(str));
  }
  const char* list_key = subdivisions ? "3166-2" : "3166-1";
  auto list = json->find(list_key);
  if (list == json->end() || !list->is_array()) {
    return DataError(json_path + ": no \"" + std::string(list_key) + "\" array");
  }
  // Admin1 units by country and folded name, for the join by name.
  std::unordered_map<std::string, uint32_t> admin1_by_name;
  if (subdivisions) {
    const auto& entries = builder->entries();
    for (uint32_t i = 0; i < entries.size(); ++i) {
      if (entries[i].kind != PlaceKind::kAdmin1) continue;
      admin1_by_name.emplace(entries[i].country + "|" + FoldText(entries[i].name), i);
    }
  }
  for (const Json& row : *list) {
    if (!row.is_object()) continue;
    std::vector<std::string> names;
    for (const char* key : {"name", "common_name", "official_name"}) {
      std::string n = StringField(row, key);
      if (!n.empty()) names.push_back(std::move(n));
    }
    if (names.empty()) continue;
    uint32_t index;
    if (subdivisions) {
      std::string code = StringField(row, "code");
      if (code.size() < 4 || code[2] != '-') continue;
      auto it = admin1_by_name.find(code.substr(0, 2) + "|" + FoldText(Unbracketed(names[0])));
      if (it == admin1_by_name.end()) continue;
      index = it->second;
    } else {
      index = builder->FindCountry(StringField(row, "alpha_2"));
      if (index == kNoEntry) continue;
    }
    for (const std::string& n : names) {
      AddBracketed(builder, index, n);
      auto fr = french.find(n);
      if (fr != french.end()) AddBracketed(builder, index, fr->second);
    }
  }
  return Status::Ok();
}

}  // namespace vigie::internal
