#include "extract/rule_set.h"

#include <charconv>
#include <fstream>
#include <functional>
#include <string_view>

namespace vigie::internal {
namespace {

using Fields = std::vector<std::string_view>;
using LineFn = std::function<Status(uint32_t line, const Fields& fields)>;

// Reads a tab-separated rule file: '#' starts a comment line, blank lines are skipped. Each
// error comes back as "<file>:<line>: <what>".
Status ForEachRow(const std::string& path, const std::string& shown, const LineFn& fn) {
  std::ifstream in(path);
  if (!in) return NotFound(shown + ": cannot open rule file");
  std::string line;
  uint32_t number = 0;
  Fields fields;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    std::string_view rest(line);
    while (true) {
      size_t tab = rest.find('\t');
      fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    Status status = fn(number, fields);
    if (!status.ok()) {
      return Status(status.code(), shown + ":" + std::to_string(number) + ": " + status.message());
    }
  }
  return Status::Ok();
}

std::string_view Field(const Fields& f, size_t i) {
  return i < f.size() ? f[i] : std::string_view();
}

bool ParseInt(std::string_view s, int64_t* value) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && p == s.data() + s.size();
}

struct CueName {
  std::string_view name;
  CueKind kind;
};
constexpr CueName kCueNames[] = {
    {"hearsay", CueKind::kHearsay},
    {"speech", CueKind::kSpeech},
    {"claim", CueKind::kClaim},
    {"deny", CueKind::kDeny},
    {"negation", CueKind::kNegation},
    {"rumor", CueKind::kRumor},
    {"conditional", CueKind::kConditional},
    {"hedge", CueKind::kHedge},
    {"future", CueKind::kFuture},
    {"imminent", CueKind::kImminent},
    {"agent", CueKind::kAgent},
    {"lump_noun", CueKind::kLumpNoun},
    {"death_word", CueKind::kDeathWord},
    {"vague_number", CueKind::kVagueNumber},
    {"not_place", CueKind::kNotPlace},
    {"enumeration", CueKind::kEnumeration},
    {"cancel", CueKind::kCancel},
    {"anaphor", CueKind::kAnaphor},
    {"relative", CueKind::kRelative},
    {"determiner", CueKind::kDeterminer},
};

struct DateName {
  std::string_view name;
  DateWordKind kind;
};
constexpr DateName kDateNames[] = {
    {"weekday", DateWordKind::kWeekday},
    {"month", DateWordKind::kMonth},
    {"relative_day", DateWordKind::kRelativeDay},
    {"next", DateWordKind::kNext},
    {"last", DateWordKind::kLast},
    {"recent_hours", DateWordKind::kRecentHours},
    {"part_of_month", DateWordKind::kPartOfMonth},
};

RuleOrigin Origin(const std::string& shown, uint32_t line, std::string_view example) {
  return RuleOrigin{shown, line, std::string(example)};
}

}  // namespace

Result<std::vector<OntologyType>> LoadOntology(const std::string& path) {
  std::vector<OntologyType> types;
  Status status = ForEachRow(path, "ontology.tsv", [&](uint32_t, const Fields& f) -> Status {
    if (f.size() < 5)
      return InvalidArgument(
          "expected 5 columns: type, ACLED event, ACLED sub-event, PLOVER, CAMEO");
    types.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                     std::string(f[4])});
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (types.empty()) return DataError("ontology.tsv: no event types");
  return types;
}

Result<std::unique_ptr<RuleSet>> LoadRuleSet(const std::string& data_dir, const std::string& lang,
                                             const std::vector<OntologyType>& types) {
  auto rules = std::make_unique<RuleSet>();
  rules->lang = lang;
  const std::string dir = data_dir + "/rules/" + lang + "/";
  const std::string shown_dir = "rules/" + lang + "/";

  // triggers.tsv: type, pattern, options, example.
  std::string shown = shown_dir + "triggers.tsv";
  Status status =
      ForEachRow(dir + "triggers.tsv", shown, [&](uint32_t line, const Fields& f) -> Status {
        if (f.size() < 2)
          return InvalidArgument("expected type<TAB>pattern<TAB>options<TAB>example");
        TriggerRule rule;
        rule.type = std::string(f[0]);
        bool known = false;
        for (const OntologyType& t : types) known = known || t.type == rule.type;
        if (!known)
          return InvalidArgument("unknown type \"" + rule.type + "\" (not in ontology.tsv)");
        rule.pattern = std::string(f[1]);
        uint8_t gap = 2;
        std::string_view options = Field(f, 2);
        while (!options.empty() && options != "-") {
          size_t comma = options.find(',');
          std::string_view option = options.substr(0, comma);
          if (option == "agent_after") {
            rule.agent_after = true;
          } else if (option == "place_before") {
            rule.place_before = true;
          } else if (option == "needs_actor") {
            rule.needs_actor = true;
          } else if (option == "planned") {
            rule.planned = true;
          } else if (option == "country") {
            rule.country = true;
          } else if (option == "abroad") {
            rule.abroad = true;
          } else if (option.substr(0, 4) == "gap=") {
            int64_t n = 0;
            if (!ParseInt(option.substr(4), &n) || n < 0 || n > 8)
              return InvalidArgument("gap must be 0..8");
            gap = static_cast<uint8_t>(n);
          } else {
            return InvalidArgument("unknown option \"" + std::string(option) + "\"");
          }
          if (comma == std::string_view::npos) break;
          options.remove_prefix(comma + 1);
        }
        rule.origin = Origin(shown, line, Field(f, 3));
        VIGIE_RETURN_IF_ERROR(rules->lexicon.Add(
            f[1], PhraseKind::kTrigger, static_cast<uint32_t>(rules->triggers.size()), gap));
        rules->triggers.push_back(std::move(rule));
        return Status::Ok();
      });
  if (!status.ok()) return status;

  // actors.tsv: canonical, variants separated by '|' (each a phrase), flags, example.
  shown = shown_dir + "actors.tsv";
  status = ForEachRow(dir + "actors.tsv", shown, [&](uint32_t line, const Fields& f) -> Status {
    if (f.size() < 2)
      return InvalidArgument("expected canonical<TAB>variants<TAB>flags<TAB>example");
    ActorEntry actor;
    actor.canonical = std::string(f[0]);
    std::string_view flags = Field(f, 2);
    if (flags == "generic") {
      actor.generic = true;
    } else if (flags == "unnamed") {
      actor.unnamed = true;
    } else if (!flags.empty() && flags != "-") {
      return InvalidArgument("unknown flag \"" + std::string(flags) + "\"");
    }
    actor.origin = Origin(shown, line, Field(f, 3));
    uint32_t row = static_cast<uint32_t>(rules->actors.size());
    std::string_view variants = f[1];
    while (true) {
      size_t bar = variants.find('|');
      VIGIE_RETURN_IF_ERROR(
          rules->lexicon.Add(variants.substr(0, bar), PhraseKind::kActor, row, 0));
      if (bar == std::string_view::npos) break;
      variants.remove_prefix(bar + 1);
    }
    rules->actors.push_back(std::move(actor));
    return Status::Ok();
  });
  if (!status.ok()) return status;

  // cues.tsv: kind, pattern, value, example.
  shown = shown_dir + "cues.tsv";
  status = ForEachRow(dir + "cues.tsv", shown, [&](uint32_t line, const Fields& f) -> Status {
    if (f.size() < 2) return InvalidArgument("expected kind<TAB>pattern<TAB>value<TAB>example");
    Cue cue;
    bool known = false;
    for (const CueName& c : kCueNames) {
      if (c.name == f[0]) {
        cue.kind = c.kind;
        known = true;
      }
    }
    if (!known) return InvalidArgument("unknown cue kind \"" + std::string(f[0]) + "\"");
    std::string_view value = Field(f, 2);
    if (!value.empty() && value != "-" && !ParseInt(value, &cue.value)) {
      return InvalidArgument("value \"" + std::string(value) + "\" is not a number");
    }
    cue.origin = Origin(shown, line, Field(f, 3));
    uint8_t gap = cue.kind == CueKind::kNegation                                        ? 3
                  : (cue.kind == CueKind::kEnumeration || cue.kind == CueKind::kCancel) ? 0
                                                                                        : 1;
    VIGIE_RETURN_IF_ERROR(
        rules->lexicon.Add(f[1], PhraseKind::kCue, static_cast<uint32_t>(rules->cues.size()), gap));
    rules->cues.push_back(std::move(cue));
    return Status::Ok();
  });
  if (!status.ok()) return status;

  // sources.tsv: canonical, party|neutral, variants separated by '|', example.
  shown = shown_dir + "sources.tsv";
  status = ForEachRow(dir + "sources.tsv", shown, [&](uint32_t line, const Fields& f) -> Status {
    if (f.size() < 3)
      return InvalidArgument("expected canonical<TAB>party|neutral<TAB>variants<TAB>example");
    SourceEntry source;
    source.canonical = std::string(f[0]);
    if (f[1] == "party") {
      source.party = true;
    } else if (f[1] != "neutral") {
      return InvalidArgument("second column must be party or neutral");
    }
    source.origin = Origin(shown, line, Field(f, 3));
    uint32_t row = static_cast<uint32_t>(rules->sources.size());
    std::string_view variants = f[2];
    while (true) {
      size_t bar = variants.find('|');
      VIGIE_RETURN_IF_ERROR(
          rules->lexicon.Add(variants.substr(0, bar), PhraseKind::kSource, row, 0));
      if (bar == std::string_view::npos) break;
      variants.remove_prefix(bar + 1);
    }
    rules->sources.push_back(std::move(source));
    return Status::Ok();
  });
  if (!status.ok()) return status;

  // dates.tsv: kind, pattern, value.
  shown = shown_dir + "dates.tsv";
  status = ForEachRow(dir + "dates.tsv", shown, [&](uint32_t line, const Fields& f) -> Status {
    if (f.size() < 2) return InvalidArgument("expected kind<TAB>pattern<TAB>value");
    DateWord word;
    bool known = false;
    for (const DateName& d : kDateNames) {
      if (d.name == f[0]) {
        word.kind = d.kind;
        known = true;
      }
    }
    if (!known) return InvalidArgument("unknown date word kind \"" + std::string(f[0]) + "\"");
    int64_t value = 0;
    std::string_view v = Field(f, 2);
    if (!v.empty() && v != "-" && !ParseInt(v, &value)) {
      return InvalidArgument("value \"" + std::string(v) + "\" is not a number");
    }
    word.value = static_cast<int>(value);
    word.origin = Origin(shown, line, Field(f, 3));
    VIGIE_RETURN_IF_ERROR(rules->lexicon.Add(f[1], PhraseKind::kDateWord,
                                             static_cast<uint32_t>(rules->date_words.size()), 1));
    rules->date_words.push_back(std::move(word));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return rules;
}

}  // namespace vigie::internal
