// data/gazetteer/overrides.tsv: what the packaged sources lack. Five row kinds, tab-separated,
// each ending with a "# why" column (format: data/gazetteer/README.md):
//   alias   REF  NAME|NAME...                          # why
//   rename  REF  CANONICAL ENGLISH NAME                # why
//   admin1  CC.CODE  LAT  LON  NAME|...                # why (a first-level unit GeoNames lacks)
//   site    FEATURE  CC[.ADMIN1]  LAT  LON  NAME|...   # why
//   place   FEATURE  CC[.ADMIN1]  LAT  LON  NAME|...   # why (a town the sources miss)
#include <charconv>

#include "geo/gazetteer_sources.h"
#include "geo/geonames_import.h"

namespace vigie::internal {
namespace {

void ForEachName(std::string_view list, const std::function<void(std::string_view)>& fn) {
  while (!list.empty()) {
    size_t bar = list.find('|');
    std::string_view name = list.substr(0, bar);
    if (!name.empty()) fn(name);
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
}

bool ParseDegrees(std::string_view s, double limit, double* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && *out >= -limit && *out <= limit;
}

}  // namespace

Status ReadOverrides(const std::string& path, GazetteerBuilder* builder) {
  std::vector<std::string_view> f, code;
  return ForEachLine(path, [&](std::string_view line, size_t n) -> Status {
    const std::string where = path + ":" + std::to_string(n) + ": ";
    if (line.empty() || line[0] == '#') return Status::Ok();
    SplitFields(line, '\t', &f);
    if (f.back().empty() || f.back()[0] != '#') {
      return InvalidArgument(where + "the last column must be a '# why' comment");
    }
    f.pop_back();
    const std::string_view op = f[0];
    if (op == "alias" || op == "rename") {
      if (f.size() != 3) return InvalidArgument(where + std::string(op) + " takes REF and NAMES");
      uint32_t index = builder->FindRef(f[1]);
      if (index == kNoEntry) {
        return NotFound(where + "no entry with geonameid or code '" + std::string(f[1]) + "'");
      }
      if (op == "rename") {
        BuildEntry& e = builder->entry(index);
        e.names.push_back(e.name);
        e.name = std::string(f[2]);
        return Status::Ok();
      }
      ForEachName(f[2], [&](std::string_view name) {
        builder->AddName(index, name, GazetteerBuilder::NameSource::kCurated);
      });
      return Status::Ok();
    }
    if (op == "admin1") {
      // A disputed or de facto unit news and ACLED name as a region, e.g. Nagorno-Karabakh:
      // « l'offensive azerbaïdjanaise au Haut-Karabakh ». Its code is then usable by sites.
      if (f.size() != 5) return InvalidArgument(where + "admin1 takes CC.CODE, LAT, LON, NAMES");
      SplitFields(f[1], '.', &code);
      if (code.size() != 2 || code[1].empty() || code[0].size() != 2 ||
          builder->FindCountry(code[0]) == kNoEntry) {
        return InvalidArgument(where + "bad admin1 code '" + std::string(f[1]) + "'");
      }
      if (builder->FindAdmin1(code[0], code[1]) != kNoEntry) {
        return InvalidArgument(where + "admin1 '" + std::string(f[1]) +
                               "' exists already (use alias or rename)");
      }
      BuildEntry e;
      e.kind = PlaceKind::kAdmin1;
      e.feature = "ADM1";
      e.country = std::string(code[0]);
      e.admin1_code = std::string(code[1]);
      if (!ParseDegrees(f[2], 90, &e.lat) || !ParseDegrees(f[3], 180, &e.lon)) {
        return InvalidArgument(where + "bad latitude or longitude");
      }
      e.has_coords = true;
      ForEachName(f[4], [&](std::string_view name) {
        if (e.name.empty()) e.name = std::string(name);
        e.names.emplace_back(name);
      });
      if (e.name.empty()) return InvalidArgument(where + "an admin1 unit needs a name");
      builder->AddEntry(std::move(e));
      return Status::Ok();
    }
    if (op == "site" || op == "place") {
      if (f.size() != 6)
        return InvalidArgument(where + std::string(op) +
                               " takes FEATURE, CC[.ADMIN1], LAT, LON, NAMES");
      BuildEntry e;
      e.kind = op == "site" ? PlaceKind::kSite : PlaceKind::kCity;
      e.feature = std::string(f[1]);
      SplitFields(f[2], '.', &code);
      if (code[0].size() != 2 || builder->FindCountry(code[0]) == kNoEntry) {
        return InvalidArgument(where + "unknown country '" + std::string(code[0]) + "'");
      }
      e.country = std::string(code[0]);
      if (code.size() > 1) {
        if (builder->FindAdmin1(code[0], code[1]) == kNoEntry) {
          return InvalidArgument(where + "unknown admin1 '" + std::string(f[2]) + "'");
        }
        e.admin1_code = std::string(code[1]);
      }
      if (!ParseDegrees(f[3], 90, &e.lat) || !ParseDegrees(f[4], 180, &e.lon)) {
        return InvalidArgument(where + "bad latitude or longitude");
      }
      e.has_coords = true;
      ForEachName(f[5], [&](std::string_view name) {
        if (e.name.empty()) e.name = std::string(name);
        e.names.emplace_back(name);
      });
      if (e.name.empty()) return InvalidArgument(where + "a site needs a name");
      builder->AddEntry(std::move(e));
      return Status::Ok();
    }
    return InvalidArgument(where + "unknown row kind '" + std::string(op) +
                           "' (alias, rename, admin1, site or place)");
  });
}

}  // namespace vigie::internal
