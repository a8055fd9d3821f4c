// What the pipeline says about one article. Field names follow the output format read by the
// evaluation tools (ANALYSIS_FORMAT.md); every offset is a byte offset into Article::text, end
// exclusive.
#ifndef VIGIE_ANALYSIS_H_
#define VIGIE_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

enum class PlaceKind : uint8_t { kUnknown, kCountry, kAdmin1, kAdmin2, kCity, kSite };
const char* PlaceKindName(PlaceKind kind);

// A place mention, resolved against the gazetteer where possible. An unresolved mention keeps its
// text and offsets with kind kUnknown, so nothing the article names is dropped.
struct Place {
  std::string text;  // as written in the article
  Span span;
  std::string name;  // canonical English name
  PlaceKind kind = PlaceKind::kUnknown;
  std::string country;  // ISO 3166-1 alpha-2
  std::string admin1;
  std::string admin2;
  std::optional<double> lat, lon;
  int64_t geonameid = 0;
  // True when the coordinates are a fallback (an admin2 unit placed at its province's point).
  bool approximate = false;
  bool resolved() const { return kind != PlaceKind::kUnknown; }
};

// Where an event's date comes from. A store weighs them: a date the sentence writes beats the
// publication day, and both beat a day inferred from another date in an undated article (a
// murder recalled as "on 9 September 2001" must not date a town's fall twenty years later).
enum class DateBasis : uint8_t {
  kNone,         // no date
  kText,         // written in the event's sentence ("samedi", "le 4 juillet")
  kPublication,  // the publication day (and the day before) or month
  kInferred      // publication unknown: the latest full date the article writes
};
const char* DateBasisName(DateBasis basis);

struct DateRange {
  std::string earliest;  // ISO day, empty when unknown
  std::string latest;
  DateBasis basis = DateBasis::kNone;
};

enum class EventStatus : uint8_t {
  kAsserted,
  kReported,
  kClaimed,
  kRumored,
  kUncertain,
  kDenied,
  kPlanned,
  kNegated
};
const char* EventStatusName(EventStatus status);

struct Evidence {
  Span span;
  std::string text;
};

struct Event {
  std::string type;  // capture, attack, strike, ... (data/ontology.tsv)
  std::string actor;
  std::string target;
  Place place;
  DateRange date;
  EventStatus status = EventStatus::kAsserted;
  std::string source;  // who the dispatch attributes it to; empty in its own voice
  std::optional<int64_t> count;
  std::optional<int64_t> fatalities;
  Evidence evidence;
  std::string rule;  // which rule produced it, for --explain
  std::vector<std::string> explain;
};

struct Quote {
  std::string speaker;
  std::string role;
  std::string text;
  Span span;
};

// Why an article produced no analysis, or what went wrong in part of it.
struct Problem {
  std::string code;  // "unsupported-language", "empty-text", ...
  std::string message;
};

// A view of the text stages for --debug: sentences, tokens with lemmas, numbers.
struct TextTrace {
  struct Token {
    Span span;
    std::string text;
    std::string lemma;
    std::string kind;
  };
  struct Sentence {
    Span span;
    std::vector<Token> tokens;
  };
  struct Number {
    Span span;
    double value = 0;
    std::string qualifier;  // exact, approx, at_least, at_most
  };
  std::vector<Sentence> sentences;
  std::vector<Number> numbers;
};

// Counters of one article's analysis; the CLI adds them up for --stats.
struct AnalysisStats {
  uint32_t bytes = 0;
  uint32_t sentences = 0;
  uint32_t tokens = 0;
  std::vector<std::pair<std::string, uint32_t>> cleaning;  // rule name -> times fired
};

struct Analysis {
  std::string article;  // Article::id
  std::string lang;     // detected language, "fr" or "en"
  std::string published;
  std::vector<Event> events;
  std::vector<Place> places;
  std::vector<Quote> quotes;
  AnalysisStats stats;
  std::optional<TextTrace> trace;  // filled when AnalyzeOptions::trace is set
};

}  // namespace vigie

#endif  // VIGIE_ANALYSIS_H_
