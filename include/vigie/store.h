// The store: analyses of many articles kept together, merged into the picture they make as a whole.
//
//   vigie::StoreOptions options;
//   options.path = "afg.db";
//   auto store = vigie::OpenSqliteStore(options);
//   if (!store.ok()) { /* store.status().message() names the file at fault */ }
//   vigie::Ingester ingester(**store, analyze);   // analyze: Article -> Result<Analysis>
//   for (...) ingester.Add(article);              // skips articles already stored unchanged
//   auto summary = ingester.Finish();             // writes the last batch, merges events
//   vigie::EventQuery query;
//   query.country = "AF";
//   query.type = "capture";
//   auto events = (*store)->Events(query);   // each with the reports behind it
//
// Each article's mentions of events are kept as they were reported; mentions of the same
// real-world event in several articles are merged into one MergedEvent that lists them all.
// Syndicated copies of one wire story (near-duplicate texts) count as one source.
//
// Store is an interface so that a server backend can stand beside the embedded SQLite one.
// A Store object is used by one thread at a time; several processes may read one SQLite file.
#ifndef VIGIE_STORE_H_
#define VIGIE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "vigie/analysis.h"
#include "vigie/article.h"
#include "vigie/status.h"

namespace vigie {

// One article with what the pipeline made of it. `problem` is set (and `analysis` empty) when the
// pipeline refused the article, so that a rerun does not analyze it again.
struct IngestItem {
  Article article;
  Analysis analysis;
  std::string problem;
};

// One article's report of an event, as stored.
struct Mention {
  std::string article;  // Article::id
  std::string url;
  std::string published;
  std::string dup_group;  // the article id that stands for all near-duplicate copies of this one
  int ordinal = 0;        // index in the article's Analysis::events
  Event event;
};

// Merged statuses: every EventStatus name, plus "disputed" (asserted or claimed by some reports
// and denied by others) and "corroborated" (reported by `corroborate_sources` independent sources).
// `date` comes from the reports with the best date basis (text, then publication, then inferred),
// and `date.basis` says which.
struct MergedEvent {
  std::string id;  // "E" + 16 hex digits, stable while its earliest mention stays
  std::string type;
  std::string actor;
  std::string target;
  Place place;
  DateRange date;
  std::string status;
  int sources = 0;  // independent sources: near-duplicate groups of articles
  std::string first_reported, last_reported;  // publication dates of the articles
  std::optional<int64_t> fatalities;          // the lowest figure reported, as ACLED does
  std::vector<Mention> mentions;
};

// One change of control of one place, after merging the reports of all articles about it.
// `date.basis` is the basis of the reports that date it. A weak reversal (one source that claims,
// reports or rumours it, not asserted) within two days after a corroborated change of the same
// place to the other side is kept with status "disputed" and `overruled`. `--at` answers skip
// overruled changes, and changes dated only by inference far (over 60 days) from every change of
// their country dated by text or publication.
struct ControlChange {
  Place place;
  std::string to, from;
  DateRange date;
  std::string status;
  int sources = 0;
  bool overruled = false;
  std::vector<std::string> articles;
};

// "Badakhshan: 6 districts reported taken by the Taliban by 2021-07-05".
struct ControlRollup {
  std::string country, admin1, controller;
  int places = 0;
  std::string as_of;  // the latest change among them
  std::vector<std::string> place_names;
};

// Filters; an empty field does not filter. Dates are ISO days; an event matches a range when its
// own date range overlaps it.
struct EventQuery {
  std::string country, admin1, type, status, actor;  // actor matches the actor or the target
  std::string from, to;
  std::string text;  // FTS5 query over the evidence of the mentions ("Kunduz AND aéroport")
  size_t limit = 0;  // 0: no limit
  bool with_mentions = true;
};

struct ControlQuery {
  std::string at;       // only the last change of each place on or before this day
  std::string place;    // canonical name or the text of a mention, folded
  std::string country;  // ISO 3166-1 alpha-2
};

struct StoreStats {
  int64_t articles = 0, mentions = 0, events = 0, control_changes = 0, dup_groups = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // True when an article with this id and exactly this text is already stored.
  virtual Result<bool> Contains(const Article& article) = 0;
  // Writes a batch in one transaction: all of it or none. An article stored under the same id with
  // other text is replaced; one stored with the same text is left as it is.
  virtual Status Write(std::span<const IngestItem> batch) = 0;
  // Recomputes near-duplicate groups, merged events and the control timeline when anything was
  // written since the last refresh. One transaction.
  virtual Status Refresh() = 0;

  virtual Result<std::vector<MergedEvent>> Events(const EventQuery& query) = 0;
  virtual Result<std::vector<ControlChange>> Control(const ControlQuery& query) = 0;
  virtual Result<std::vector<ControlRollup>> ControlByAdmin1(const ControlQuery& query) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // Every stored fact as sorted text lines with no storage-specific ids: two stores that hold the
  // same information give the same dump.
  virtual Result<std::string> CanonicalDump() = 0;
};

struct StoreOptions {
  std::string path;             // the SQLite file, created when missing
  double merge_km = 10;         // mentions of places closer than this may be one event
  int date_slack_days = 1;      // date ranges this close still overlap
  int corroborate_sources = 3;  // independent sources for "corroborated"
  int near_duplicate_bits = 6;  // SimHash distance at or under which two texts are copies
  // A refresh merges again only the reports that new, corrected or regrouped ones can reach;
  // when they are more than this share of all reports, it recomputes everything in one pass.
  double incremental_refresh_limit = 0.25;
  // For tests: called inside a batch's transaction after each article's rows are written.
  std::function<void(size_t written_in_batch)> after_article_written;
  // For tests: called inside the refresh transaction, after the merged view is rewritten.
  std::function<void()> before_refresh_commit;
};

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options);

// Feeds a store article by article: skips what is stored already, analyzes the rest, writes in
// batches, and refreshes the merged view at the end. Killing the process at any point and running
// the same input again gives the same store as one uninterrupted run.
using AnalyzeFunction = std::function<Result<Analysis>(const Article&)>;

struct IngestSummary {
  size_t read = 0, unchanged = 0, written = 0, refused = 0;
};

class Ingester {
 public:
  Ingester(Store& store, AnalyzeFunction analyze, size_t batch_size = 64);
  Status Add(const Article& article);
  Result<IngestSummary> Finish();

 private:
  Status Flush();
  Store& store_;
  AnalyzeFunction analyze_;
  size_t batch_size_;
  std::vector<IngestItem> batch_;
  IngestSummary summary_;
};

// Exports. CSV columns follow ACLED: event_date, time_precision, event_type, sub_event_type,
// actor1, actor2, country, admin1, admin2, location, latitude, longitude, geo_precision, source,
// notes, fatalities.
std::string MergedEventToJson(const MergedEvent& event);
std::string ControlChangeToJson(const ControlChange& change);
std::string ControlRollupToJson(const ControlRollup& rollup);
void WriteEventsCsv(std::span<const MergedEvent> events, std::ostream& out);
void WriteEventsGeoJson(std::span<const MergedEvent> events, std::ostream& out);

}  // namespace vigie

#endif  // VIGIE_STORE_H_
