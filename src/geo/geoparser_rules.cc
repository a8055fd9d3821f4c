#include "geo/geoparser_rules.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "base/fold.h"

namespace vigie::internal {
namespace {

bool ParseKind(std::string_view s, PlaceKind* kind) {
  static constexpr std::pair<std::string_view, PlaceKind> kKinds[] = {
      {"country", PlaceKind::kCountry}, {"admin1", PlaceKind::kAdmin1},
      {"admin2", PlaceKind::kAdmin2},   {"city", PlaceKind::kCity},
      {"site", PlaceKind::kSite},
  };
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

// Tokens the geoparser sees in a folded phrase: words split by spaces, and an elided article
// ("l'est" is "l'" + "est") counts as its own token.
size_t PhraseTokens(std::string_view folded) {
  size_t n = 1;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == ' ') ++n;
    if (folded[i] == '\'' && i + 1 < folded.size() && folded[i + 1] != ' ') ++n;
  }
  return n;
}

// The last token of a folded phrase: "de la" -> "la", "de l'" -> "l'", "l'est" -> "est".
std::string_view LastToken(std::string_view folded) {
  size_t space = folded.rfind(' ');
  std::string_view last = space == std::string_view::npos ? folded : folded.substr(space + 1);
  size_t apostrophe = last.rfind('\'');
  if (apostrophe != std::string_view::npos && apostrophe + 1 < last.size()) {
    last.remove_prefix(apostrophe + 1);
  }
  return last;
}

// The first token of a folded phrase: "de la" -> "de", "l'est" -> "l'", "a l'est" -> "a".
std::string_view FirstToken(std::string_view folded) {
  size_t cut = folded.find_first_of(" '");
  if (cut == std::string_view::npos) return folded;
  return folded.substr(0, folded[cut] == '\'' ? cut + 1 : cut);
}

}  // namespace

Status ParsePlaceRules(std::string_view content, const std::string& where, PlaceRules* rules) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    const std::string at = where + ":" + std::to_string(line_no) + ": ";
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 2 || fields[1].empty()) {
      return InvalidArgument(at + "expected <category> TAB <phrase> [TAB <value> [TAB <example>]]");
    }
    std::string_view category = fields[0];
    std::string phrase = FoldText(fields[1]);
    if (phrase.empty()) return InvalidArgument(at + "phrase folds to nothing");
    std::string_view value = fields.size() > 2 ? fields[2] : std::string_view();
    rules->max_phrase_tokens = std::max(rules->max_phrase_tokens, PhraseTokens(phrase));
    // A hyphenated token folds to several words ("porte-parole" -> "porte parole"), so every
    // run of whole words at either end may be a phrase's first or last token.
    rules->first_words.insert(std::string(FirstToken(phrase)));
    rules->last_words.insert(std::string(LastToken(phrase)));
    for (size_t sp = phrase.find(' '); sp != std::string::npos; sp = phrase.find(' ', sp + 1)) {
      rules->first_words.insert(phrase.substr(0, sp));
      rules->last_words.insert(phrase.substr(sp + 1));
    }
    rules->first_words.insert(phrase);
    rules->last_words.insert(phrase);

    if (category == "kind" || category == "kind_after" || category == "landmark") {
      PlaceKind kind;
      if (!ParseKind(value, &kind)) {
        return InvalidArgument(at + "unknown kind '" + std::string(value) +
                               "' (country, admin1, admin2, city, site)");
      }
      PhraseMap<PlaceKind>& kinds = category == "kind"         ? rules->kind_before
                                    : category == "kind_after" ? rules->kind_after
                                                               : rules->landmarks;
      kinds[phrase] = kind;
    } else if (category == "translate") {
      std::string to = FoldText(value);
      if (to.empty() || phrase.find(' ') != std::string::npos) {
        return InvalidArgument(at + "translate needs one word and its translation");
      }
      rules->translations[phrase] = std::move(to);
    } else if (category == "prefer") {
      if (value.size() != 2 || value[0] < 'A' || value[0] > 'Z' || value[1] < 'A' ||
          value[1] > 'Z') {
        return InvalidArgument(at + "prefer needs an ISO 3166-1 alpha-2 code, got '" +
                               std::string(value) + "'");
      }
      rules->preferred[phrase] = std::string(value);
    } else {
      static const std::pair<std::string_view, PhraseSet PlaceRules::*> kSets[] = {
          {"connector", &PlaceRules::connectors},  {"list", &PlaceRules::list_words},
          {"particle", &PlaceRules::particles},    {"relative", &PlaceRules::relative},
          {"locative", &PlaceRules::locative},     {"title", &PlaceRules::titles},
          {"firstname", &PlaceRules::first_names}, {"surname", &PlaceRules::surnames},
          {"common", &PlaceRules::common_words},   {"direction", &PlaceRules::directions},
          {"never", &PlaceRules::never},
      };
      auto it = std::find_if(std::begin(kSets), std::end(kSets),
                             [&](const auto& s) { return s.first == category; });
      if (it == std::end(kSets)) {
        return InvalidArgument(at + "unknown category '" + std::string(category) + "'");
      }
      if (it->second == &PlaceRules::connectors) {
        if (rules->connector_last_words.insert(std::string(LastToken(phrase))).second) {
          rules->connector_last_word_list.emplace_back(LastToken(phrase));
        }
      }
      (rules->*(it->second)).insert(std::move(phrase));
    }
  }
  return Status::Ok();
}

Status LoadPlaceRules(const std::string& path, PlaceRules* rules) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open place rules");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ParsePlaceRules(content.str(), path, rules);
}

}  // namespace vigie::internal
