// `vigie gazetteer build` compiles data/gazetteer/world.vgz from the npm packages (or official
// GeoNames dumps) and the curated overrides; `vigie gazetteer lookup NAME` prints the entries a
// name finds, in the gazetteer's static order.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "base/fold.h"
#include "cli/commands.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"

namespace vigie::cli {
namespace {

std::string DataDir(const GlobalOptions& global) {
  if (!global.data_dir.empty()) return global.data_dir;
  if (const char* env = std::getenv("VIGIE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return VIGIE_DATA_DIR;
}

struct BuildArgs {
  std::string geonames_dir;
  std::string out;
  std::string npm_dir;
  std::string overrides;
  bool force = false;
};

struct LookupArgs {
  std::string name;
  std::string gazetteer;
  size_t limit = 20;
};

// Pads to `width` characters, counting UTF-8 code points rather than bytes, so "Mazār-e Sharīf"
// lines up with ASCII names.
std::string Padded(std::string_view text, size_t width) {
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string out(text);
  if (chars < width) out.append(width - chars, ' ');
  return out;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int RunBuild(const GlobalOptions& global, const BuildArgs& args) {
  const std::string data = DataDir(global);
  internal::GazetteerBuildOptions options;
  options.geonames_dir = args.geonames_dir;
  options.out_path = args.out.empty() ? data + "/gazetteer/world.vgz" : args.out;
  options.npm_dir = args.npm_dir.empty() ? data + "/npm/node_modules" : args.npm_dir;
  options.overrides_path =
      args.overrides.empty() ? data + "/gazetteer/overrides.tsv" : args.overrides;
  options.force = args.force;
  auto start = std::chrono::steady_clock::now();
  auto report = internal::BuildGazetteer(options);
  if (!report.ok()) {
    std::fprintf(stderr, "vigie gazetteer build: %s\n", report.status().ToString().c_str());
    return 1;
  }
  if (report->skipped) {
    std::printf("%s is up to date (source hash %016" PRIx64 ")\n", options.out_path.c_str(),
                report->source_hash);
    return 0;
  }
  const internal::BuildCounts& c = report->counts;
  std::printf(
      "%s: %u entries (%u countries, %u admin1, %u admin2, %u places, %u sites), "
      "%u names, %u postings, %u alternates dropped, %.1f MB, %.1f s\n",
      options.out_path.c_str(), c.entries, c.countries, c.admin1, c.admin2, c.places, c.sites,
      c.keys, c.postings, c.dropped_names, c.file_bytes / 1e6, SecondsSince(start));
  std::printf("source hash %016" PRIx64 " over %zu files\n", report->source_hash,
              report->sources.size());
  return 0;
}

int RunLookup(const GlobalOptions& global, const LookupArgs& args) {
  const std::string path =
      args.gazetteer.empty() ? DataDir(global) + "/gazetteer/world.vgz" : args.gazetteer;
  auto gazetteer = internal::Gazetteer::Open(path);
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "vigie gazetteer lookup: %s\n", gazetteer.status().ToString().c_str());
    return 1;
  }
  const std::string folded = internal::FoldText(args.name);
  auto candidates = (*gazetteer)->Candidates(folded);
  if (candidates.empty()) {
    std::printf("no entry named \"%s\" (folded \"%s\")\n", args.name.c_str(), folded.c_str());
    return 2;
  }
  std::printf("%zu candidates for \"%s\"\n", candidates.size(), folded.c_str());
  std::printf("%-4s %-32s %-8s %-6s %-2s %-24s %-24s %10s %11s  %10s %10s\n", "rank", "name",
              "kind", "feat", "cc", "admin1", "admin2", "lat", "lon", "population", "geonameid");
  size_t rank = 0;
  for (uint32_t index : candidates) {
    if (rank == args.limit) break;
    internal::GazEntry e = (*gazetteer)->Entry(index);
    std::printf("%-4zu %s %-8s %-6.*s %-2.*s %s %s %10.5f %11.5f%s %10" PRIu64 " %10" PRId64 "\n",
                ++rank, Padded(e.name, 32).c_str(), PlaceKindName(e.kind),
                static_cast<int>(e.feature.size()), e.feature.data(),
                static_cast<int>(e.country.size()), e.country.data(), Padded(e.admin1, 24).c_str(),
                Padded(e.admin2, 24).c_str(), e.lat, e.lon, e.approximate ? "~" : " ", e.population,
                e.geonameid);
  }
  if (candidates.size() > args.limit) {
    std::printf("... %zu more (--limit)\n", candidates.size() - args.limit);
  }
  return 0;
}

}  // namespace

void AddGazetteerCommands(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* gaz = app.add_subcommand("gazetteer", "Build or query the world gazetteer");
  gaz->require_subcommand(1);

  auto build_args = std::make_shared<BuildArgs>();
  CLI::App* build = gaz->add_subcommand(
      "build", "Compile data/gazetteer/world.vgz (skipped when its sources are unchanged)");
  build->add_option("--geonames-dir", build_args->geonames_dir,
                    "Official GeoNames dumps to import instead of the npm packages");
  build->add_option("--out", build_args->out, "Output file (default: <data>/gazetteer/world.vgz)");
  build->add_option("--npm-dir", build_args->npm_dir,
                    "npm packages (default: <data>/npm/node_modules)");
  build->add_option("--overrides", build_args->overrides,
                    "Curated overrides (default: <data>/gazetteer/overrides.tsv)");
  build->add_flag("--force", build_args->force, "Rebuild even when the sources are unchanged");
  build->callback([&global, exit_code, build_args] { *exit_code = RunBuild(global, *build_args); });

  auto lookup_args = std::make_shared<LookupArgs>();
  CLI::App* lookup = gaz->add_subcommand("lookup", "Print the ranked entries a name finds");
  lookup->add_option("name", lookup_args->name, "A place name, in any case and accents")
      ->required();
  lookup->add_option("--gazetteer", lookup_args->gazetteer,
                     "Index file (default: <data>/gazetteer/world.vgz)");
  lookup->add_option("--limit", lookup_args->limit, "Print at most this many candidates");
  lookup->callback(
      [&global, exit_code, lookup_args] { *exit_code = RunLookup(global, *lookup_args); });
}

}  // namespace vigie::cli
