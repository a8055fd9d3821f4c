// The store: ingest of the dev corpus including extraction and store writes (articles/s on one
// core), store writes alone, and queries on a generated store of about 100,000 merged events
// (events and control queries must answer in under 100 ms).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "bench/corpus_loader.h"
#include "vigie/pipeline.h"
#include "vigie/store.h"

namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("vigie_store_bench_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

std::unique_ptr<vigie::Store> OpenStore(const std::string& path) {
  vigie::StoreOptions options;
  options.path = path;
  auto store = vigie::OpenSqliteStore(options);
  return store.ok() ? std::move(store).value() : nullptr;
}

const vigie::Pipeline* SharedPipeline() {
  static std::unique_ptr<vigie::Pipeline> pipeline = [] {
    auto p = vigie::Pipeline::Create({});
    return p.ok() ? std::move(p).value() : nullptr;
  }();
  return pipeline.get();
}

// Reading excluded: analysis, store writes and the final merge, into a fresh file each time.
void BM_IngestDevCorpus(benchmark::State& state) {
  const auto& corpus = vigie::bench::BenchCorpus();
  const vigie::Pipeline* pipeline = SharedPipeline();
  if (pipeline == nullptr) {
    state.SkipWithError("pipeline did not start");
    return;
  }
  auto workspace = pipeline->NewWorkspace();
  const std::string path = TempPath("ingest.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveStore(path);
    auto store = OpenStore(path);
    state.ResumeTiming();
    vigie::Ingester ingester(
        *store, [&](const vigie::Article& a) { return pipeline->Analyze(a, *workspace); });
    for (const auto& a : corpus) benchmark::DoNotOptimize(ingester.Add(a));
    benchmark::DoNotOptimize(ingester.Finish());
  }
  RemoveStore(path);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * vigie::bench::BenchCorpusBytes()));
}
BENCHMARK(BM_IngestDevCorpus)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// A second pass over stored articles: what a rerun after a crash costs per finished article.
void BM_IngestUnchanged(benchmark::State& state) {
  const auto& corpus = vigie::bench::BenchCorpus();
  const std::string path = TempPath("unchanged.db");
  RemoveStore(path);
  auto store = OpenStore(path);
  const vigie::Pipeline* pipeline = SharedPipeline();
  auto workspace = pipeline->NewWorkspace();
  auto analyze = [&](const vigie::Article& a) { return pipeline->Analyze(a, *workspace); };
  {
    vigie::Ingester first(*store, analyze);
    for (const auto& a : corpus) benchmark::DoNotOptimize(first.Add(a));
    benchmark::DoNotOptimize(first.Finish());
  }
  for (auto _ : state) {
    vigie::Ingester again(*store, analyze);
    for (const auto& a : corpus) benchmark::DoNotOptimize(again.Add(a));
    benchmark::DoNotOptimize(again.Finish());
  }
  RemoveStore(path);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_IngestUnchanged)->Unit(benchmark::kMillisecond);

// ---- A generated store: 25,000 articles of 4 reports each over 2,000 places in 5 countries and
// two years, so that nearly every report is its own event: about 100,000 merged events.

constexpr int kArticles = 25000;
constexpr int kPlaces = 2000;

vigie::Place GeneratedPlace(int i) {
  static const char* const kCountries[] = {"AF", "UA", "ML", "SY", "SD"};
  vigie::Place p;
  p.name = "Place" + std::to_string(i);
  p.text = p.name;
  p.kind = i % 10 == 0 ? vigie::PlaceKind::kAdmin2 : vigie::PlaceKind::kCity;
  p.country = kCountries[i % 5];
  p.admin1 = "Province" + std::to_string(i % 97);
  p.admin2 = "District" + std::to_string(i % 401);
  // Spread on a 0.3-degree grid: neighbours are over 10 km apart.
  p.lat = 10.0 + 0.3 * (i / 50);
  p.lon = 20.0 + 0.3 * (i % 50);
  p.geonameid = 100000 + i;
  return p;
}

std::vector<vigie::IngestItem> GeneratedBatch(int first, int count, std::mt19937& random) {
  static const char* const kTypes[] = {"capture", "attack", "strike", "civilian_harm",
                                       "withdrawal"};
  static const char* const kActors[] = {
      "Taliban", "Afghan forces", "Russian forces", "Ukrainian forces", "JNIM", "RSF", "SAF", ""};
  static const char* const kWords[] = {"combats",  "ville",   "armée",    "frappe", "aéroport",
                                       "district", "route",   "pont",     "convoi", "civils",
                                       "base",     "colonne", "marché",   "prison", "nuit",
                                       "matin",    "village", "province", "front",  "renforts"};
  const vigie::EventStatus statuses[] = {vigie::EventStatus::kAsserted,
                                         vigie::EventStatus::kReported,
                                         vigie::EventStatus::kClaimed, vigie::EventStatus::kDenied};
  std::vector<vigie::IngestItem> batch;
  for (int a = first; a < first + count; ++a) {
    vigie::IngestItem item;
    int day = static_cast<int>(random() % 730);
    char published[16];
    std::snprintf(published, sizeof published, "%04d-%02d-%02d", 2021 + day / 365,
                  1 + day % 365 / 31, 1 + day % 365 % 31 % 28);
    item.article.id = "G-" + std::to_string(a);
    item.article.url = "https://site" + std::to_string(a % 40) + ".example/" + std::to_string(a);
    item.article.published = published;
    for (int w = 0; w < 60; ++w) {
      item.article.text += kWords[random() % 20];
      item.article.text += ' ';
    }
    for (int e = 0; e < 4; ++e) {
      vigie::Event ev;
      ev.type = kTypes[random() % 5];
      ev.actor = kActors[random() % 8];
      ev.place = GeneratedPlace(static_cast<int>(random() % kPlaces));
      ev.date = {published, published, vigie::DateBasis::kText};
      ev.status = statuses[random() % 4];
      ev.evidence.text = std::string(kWords[random() % 20]) + " près de l'aéroport de " +
                         ev.place.name + " " + kWords[random() % 20];
      ev.evidence.span = {0, static_cast<uint32_t>(ev.evidence.text.size())};
      item.analysis.events.push_back(std::move(ev));
    }
    batch.push_back(std::move(item));
  }
  return batch;
}

vigie::Store* GeneratedStore() {
  static std::unique_ptr<vigie::Store> store = [] {
    const std::string path = TempPath("generated.db");
    RemoveStore(path);
    auto s = OpenStore(path);
    std::mt19937 random(2021);
    for (int first = 0; first < kArticles; first += 500) {
      auto batch = GeneratedBatch(first, 500, random);
      if (!s->Write(batch).ok()) return std::unique_ptr<vigie::Store>();
    }
    if (!s->Refresh().ok()) return std::unique_ptr<vigie::Store>();
    return s;
  }();
  return store.get();
}

void ReportSize(benchmark::State& state) {
  if (auto stats = GeneratedStore()->Stats(); stats.ok()) {
    state.counters["store_events"] = static_cast<double>(stats->events);
    state.counters["store_changes"] = static_cast<double>(stats->control_changes);
  }
}

void BM_GeneratedStoreRefresh(benchmark::State& state) {
  // Writing and merging 100,000 reports from scratch, once.
  for (auto _ : state) benchmark::DoNotOptimize(GeneratedStore());
  ReportSize(state);
}
BENCHMARK(BM_GeneratedStoreRefresh)->Unit(benchmark::kMillisecond)->Iterations(1);

void RunEvents(benchmark::State& state, const vigie::EventQuery& query) {
  vigie::Store* store = GeneratedStore();
  size_t found = 0;
  for (auto _ : state) {
    auto events = store->Events(query);
    if (!events.ok()) {
      state.SkipWithError(events.status().message().c_str());
      return;
    }
    found = events->size();
  }
  state.counters["events"] = static_cast<double>(found);
  ReportSize(state);
}

void BM_EventsCountryTypeMonth(benchmark::State& state) {
  vigie::EventQuery q;
  q.country = "AF";
  q.type = "capture";
  q.from = "2021-08-01";
  q.to = "2021-08-31";
  RunEvents(state, q);
}
BENCHMARK(BM_EventsCountryTypeMonth)->Unit(benchmark::kMillisecond);

void BM_EventsAdmin1Actor(benchmark::State& state) {
  vigie::EventQuery q;
  q.country = "UA";
  q.admin1 = "Province5";
  q.actor = "Russian forces";
  RunEvents(state, q);
}
BENCHMARK(BM_EventsAdmin1Actor)->Unit(benchmark::kMillisecond);

void BM_EventsFullText(benchmark::State& state) {
  vigie::EventQuery q;
  q.text = "Place77 AND aeroport";
  RunEvents(state, q);
}
BENCHMARK(BM_EventsFullText)->Unit(benchmark::kMillisecond);

void BM_EventsDisputedFirst500(benchmark::State& state) {
  vigie::EventQuery q;
  q.status = "disputed";
  q.limit = 500;
  RunEvents(state, q);
}
BENCHMARK(BM_EventsDisputedFirst500)->Unit(benchmark::kMillisecond);

void BM_ControlAt(benchmark::State& state) {
  vigie::Store* store = GeneratedStore();
  vigie::ControlQuery q;
  q.at = "2022-06-15";
  q.country = "AF";
  size_t found = 0;
  for (auto _ : state) {
    auto changes = store->Control(q);
    found = changes.ok() ? changes->size() : 0;
  }
  state.counters["changes"] = static_cast<double>(found);
  ReportSize(state);
}
BENCHMARK(BM_ControlAt)->Unit(benchmark::kMillisecond);

void BM_ControlAllCountriesByAdmin1(benchmark::State& state) {
  vigie::Store* store = GeneratedStore();
  size_t found = 0;
  for (auto _ : state) {
    auto rollups = store->ControlByAdmin1({});
    found = rollups.ok() ? rollups->size() : 0;
  }
  state.counters["rollups"] = static_cast<double>(found);
}
BENCHMARK(BM_ControlAllCountriesByAdmin1)->Unit(benchmark::kMillisecond);

void BM_ControlPlace(benchmark::State& state) {
  vigie::Store* store = GeneratedStore();
  vigie::ControlQuery q;
  q.place = "Place42";
  size_t found = 0;
  for (auto _ : state) {
    auto changes = store->Control(q);
    found = changes.ok() ? changes->size() : 0;
  }
  state.counters["changes"] = static_cast<double>(found);
}
BENCHMARK(BM_ControlPlace)->Unit(benchmark::kMillisecond);

// One more batch of 500 reports into the generated store, then the refresh: the part of the
// store those reports can reach is merged again, not the whole. Runs last, since it adds to the
// store the queries above read.
void BM_GeneratedStoreAddBatch(benchmark::State& state) {
  vigie::Store* store = GeneratedStore();
  std::mt19937 random(2022);
  int first = kArticles;
  for (auto _ : state) {
    auto batch = GeneratedBatch(first, 125, random);
    first += 125;
    if (!store->Write(batch).ok() || !store->Refresh().ok()) {
      state.SkipWithError("write or refresh failed");
      return;
    }
  }
  ReportSize(state);
}
BENCHMARK(BM_GeneratedStoreAddBatch)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
