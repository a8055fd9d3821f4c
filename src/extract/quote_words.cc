#include "extract/quote_words.h"

#include <algorithm>
#include <array>

namespace vigie::internal {
namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Titles before which a surname alone is a name ("M. Aliev").
constexpr std::array<std::string_view, 7> kHonorifics = {"m",   "mr",   "mrs", "ms",
                                                         "mme", "mlle", "dr"};
// Other titles, which open a name but do not make one of a lone surname.
constexpr std::array<std::string_view, 17> kTitles = {
    "mm", "gen",  "gén", "lt",  "col", "sgt",     "capt",    "cpt",      "maj",
    "pr", "prof", "sen", "rep", "gov", "general", "général", "president"};

constexpr std::array<std::string_view, 73> kEdges = {
    // Function words that open a sentence.
    "selon", "from", "on", "in", "at", "by", "for", "with", "according", "after", "before", "the",
    "a", "an", "le", "la", "les", "l'", "un", "une", "des", "du", "de", "et", "and", "but", "mais",
    "pour", "par", "dans", "sur", "avec", "lors", "quand", "when", "while", "as", "if", "ce",
    "cette", "this", "that", "also", "aussi", "read",
    // Days and platforms that follow a name ("Telegram Sunday", "Twitter Zabihullah Mujahid").
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "twitter",
    "telegram", "facebook", "instagram", "youtube", "x", "earlier", "later", "today", "aujourd'hui",
    // Pronouns opening a sentence ("She told AFP"): the speaker is someone named before.
    "he", "she", "they", "il", "elle", "ils", "elles", "jr", "sr"};

constexpr std::array<std::string_view, 23> kListeners = {
    "on",        "sur",       "told",     "to",          "à",           "au",
    "aux",       "auprès",    "chaîne",   "télévision",  "agence",      "radio",
    "journal",   "quotidien", "magazine", "site",        "journalists", "journalistes",
    "reporters", "channel",   "agency",   "broadcaster", "newspaper"};

constexpr std::array<std::string_view, 9> kFrenchDeterminers = {
    "un", "une", "le", "la", "l'", "les", "des", "deux", "plusieurs"};
// "a" is also the French "a déclaré": English articles only count in English text.
constexpr std::array<std::string_view, 7> kEnglishDeterminers = {"a",   "an",      "the",    "one",
                                                                 "two", "another", "several"};

constexpr std::array<std::string_view, 38> kPhraseEnds = {
    "à", "au", "aux", "to", "told", "on", "in", "by", "par", "sur", "dans", "who", "qui", "said",
    "says", "dit", "cité", "citée", "quoted", "via", "with", "avec", "pour", "from", "at", "lors",
    "en", "that", "que", "qu'",
    // Verbs after the description: "le Conseil provincial de Nimroz a confirmé".
    "a", "ont", "avait", "est", "has", "had", "is", "was"};

// "dans une allocution télévisée", "in a border town": after these the article describes where
// or how the words were said, not who said them.
constexpr std::array<std::string_view, 14> kPlacePrepositions = {
    "dans", "in",   "lors", "during", "pendant", "sur",   "on",
    "at",   "from", "into", "near",   "près",    "après", "after"};

}  // namespace

bool IsNameTitle(std::string_view lower) {
  return In(kHonorifics, lower) || In(kTitles, lower);
}
bool IsHonorific(std::string_view lower) {
  return In(kHonorifics, lower);
}
bool IsOfWord(std::string_view lower) {
  return lower == "de" || lower == "des" || lower == "du" || lower == "d'" || lower == "of";
}
bool IsNameEdgeWord(std::string_view lower) {
  return In(kEdges, lower);
}
bool IsListenerMarker(std::string_view lower) {
  return In(kListeners, lower);
}
bool IsSpeakerDeterminer(std::string_view lower, bool english) {
  return english ? In(kEnglishDeterminers, lower) : In(kFrenchDeterminers, lower);
}
bool IntroducesCircumstance(std::string_view lower) {
  return In(kPlacePrepositions, lower);
}
bool EndsSpeakerPhrase(std::string_view lower) {
  return In(kPhraseEnds, lower);
}

}  // namespace vigie::internal
