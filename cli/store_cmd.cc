// vigie ingest --db FILE [inputs...]: analyzes dispatches into a store, skipping those stored
// already. vigie events --db FILE [filters] [--format jsonl|csv|geojson]: merged events with their
// reports. vigie control --db FILE [--at DAY] [--place NAME] [--country XX] [--by-admin1]: who took
// what, when. Exit status: 0 done, 1 some records could not be read or a query failed, 2 the store
// or the pipeline could not open.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "vigie/input.h"
#include "vigie/pipeline.h"
#include "vigie/store.h"

namespace vigie::cli {
namespace {

struct IngestFlags {
  std::string db;
  std::vector<std::string> inputs;
  size_t batch = 64;
  size_t max_bytes = size_t{1} << 20;
};

struct EventsFlags {
  std::string db;
  EventQuery query;
  std::string format = "jsonl";
};

struct ControlFlags {
  std::string db;
  ControlQuery query;
  bool by_admin1 = false;
};

void WriteLine(const std::string& line) {
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
}

// Queries refuse a missing file rather than create an empty store.
Result<std::unique_ptr<Store>> OpenExisting(const std::string& path) {
  if (!std::filesystem::exists(path)) return NotFound(path + ": no such store (run vigie ingest)");
  StoreOptions options;
  options.path = path;
  return OpenSqliteStore(options);
}

int RunIngest(const IngestFlags& flags, const GlobalOptions& global) {
  StoreOptions store_options;
  store_options.path = flags.db;
  auto store = OpenSqliteStore(store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "vigie: %s\n", store.status().ToString().c_str());
    return 2;
  }
  std::unique_ptr<Pipeline> pipeline = CreatePipelineOrReport(global, flags.max_bytes);
  if (pipeline == nullptr) return 2;
  auto workspace = pipeline->NewWorkspace();
  Ingester ingester(
      **store, [&](const Article& article) { return pipeline->Analyze(article, *workspace); },
      flags.batch);

  InputOptions input_options;
  input_options.max_article_bytes = flags.max_bytes;
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  bool failed = false;
  Status store_error;
  auto begin = std::chrono::steady_clock::now();
  ReadInputs(inputs, input_options, [&](Result<Article> record) {
    if (!store_error.ok()) return;
    if (!record.ok()) {
      std::fprintf(stderr, "vigie: %s\n", record.status().message().c_str());
      failed = true;
      return;
    }
    store_error = ingester.Add(*record);
  });
  if (!store_error.ok()) {
    std::fprintf(stderr, "vigie: %s\n", store_error.ToString().c_str());
    return 1;
  }
  auto summary = ingester.Finish();
  if (!summary.ok()) {
    std::fprintf(stderr, "vigie: %s\n", summary.status().ToString().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::fprintf(stderr,
               "vigie: %zu articles read, %zu unchanged, %zu analysed and stored, %zu refused "
               "(stored with the reason) in %.2f s, %.0f articles/s\n",
               summary->read, summary->unchanged, summary->written, summary->refused, seconds,
               seconds > 0 ? static_cast<double>(summary->read) / seconds : 0.0);
  if (auto stats = (*store)->Stats(); stats.ok()) {
    std::fprintf(stderr,
                 "vigie: %s: %lld articles (%lld after merging copies), %lld event reports, "
                 "%lld merged events, %lld control changes\n",
                 flags.db.c_str(), static_cast<long long>(stats->articles),
                 static_cast<long long>(stats->dup_groups), static_cast<long long>(stats->mentions),
                 static_cast<long long>(stats->events),
                 static_cast<long long>(stats->control_changes));
  }
  return failed ? 1 : 0;
}

int RunEvents(const EventsFlags& flags) {
  auto store = OpenExisting(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "vigie: %s\n", store.status().ToString().c_str());
    return 2;
  }
  auto events = (*store)->Events(flags.query);
  if (!events.ok()) {
    std::fprintf(stderr, "vigie: %s\n", events.status().ToString().c_str());
    return 1;
  }
  if (flags.format == "csv") {
    WriteEventsCsv(*events, std::cout);
  } else if (flags.format == "geojson") {
    WriteEventsGeoJson(*events, std::cout);
  } else {
    for (const MergedEvent& e : *events) WriteLine(MergedEventToJson(e));
  }
  std::cout.flush();
  std::fflush(stdout);
  return 0;
}

int RunControl(const ControlFlags& flags) {
  auto store = OpenExisting(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "vigie: %s\n", store.status().ToString().c_str());
    return 2;
  }
  if (flags.by_admin1) {
    auto rollups = (*store)->ControlByAdmin1(flags.query);
    if (!rollups.ok()) {
      std::fprintf(stderr, "vigie: %s\n", rollups.status().ToString().c_str());
      return 1;
    }
    for (const ControlRollup& r : *rollups) WriteLine(ControlRollupToJson(r));
  } else {
    auto changes = (*store)->Control(flags.query);
    if (!changes.ok()) {
      std::fprintf(stderr, "vigie: %s\n", changes.status().ToString().c_str());
      return 1;
    }
    for (const ControlChange& c : *changes) WriteLine(ControlChangeToJson(c));
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace

void AddStoreCommands(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto ingest = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand("ingest", "Analyse dispatches into a store (idempotent)");
  cmd->add_option("--db", ingest->db, "SQLite store file, created when missing")->required();
  cmd->add_option("inputs", ingest->inputs,
                  "JSON Lines files, plain-text dispatches, directories, or - for stdin");
  cmd->add_option("--batch", ingest->batch, "Articles per transaction")->capture_default_str();
  cmd->add_option("--max-bytes", ingest->max_bytes, "Skip articles longer than this (bytes)")
      ->capture_default_str();
  cmd->callback([ingest, &global, exit_code] { *exit_code = RunIngest(*ingest, global); });

  auto events = std::make_shared<EventsFlags>();
  cmd = app.add_subcommand("events", "Merged events of a store, filtered");
  cmd->add_option("--db", events->db, "SQLite store file")->required();
  cmd->add_option("--country", events->query.country, "ISO 3166-1 alpha-2 code");
  cmd->add_option("--admin1", events->query.admin1, "Province or region (English name)");
  cmd->add_option("--type", events->query.type, "capture, attack, strike, ...");
  cmd->add_option("--status", events->query.status, "Merged status: corroborated, disputed, ...");
  cmd->add_option("--actor", events->query.actor, "Actor or target");
  cmd->add_option("--from", events->query.from, "First day (ISO)");
  cmd->add_option("--to", events->query.to, "Last day (ISO)");
  cmd->add_option("--text", events->query.text, "Full-text query over the evidence (FTS5)");
  cmd->add_option("--limit", events->query.limit, "At most this many events (0: all)");
  cmd->add_option("--format", events->format, "jsonl, csv (ACLED columns) or geojson")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->callback([events, exit_code] { *exit_code = RunEvents(*events); });

  auto control = std::make_shared<ControlFlags>();
  cmd = app.add_subcommand("control", "Control timeline: changes of control of places");
  cmd->add_option("--db", control->db, "SQLite store file")->required();
  cmd->add_option("--at", control->query.at, "Who controls what on this day (ISO)");
  cmd->add_option("--place", control->query.place, "One place's history");
  cmd->add_option("--country", control->query.country, "ISO 3166-1 alpha-2 code");
  cmd->add_flag("--by-admin1", control->by_admin1, "Places per province and controller");
  cmd->callback([control, exit_code] { *exit_code = RunControl(*control); });
}

}  // namespace vigie::cli
