// Closed word classes the quote speaker search needs: capitalized words that open or close a
// run of capitals without being part of a person's name, titles before a surname, and words that
// make the name after them the listener rather than the speaker.
#ifndef VIGIE_EXTRACT_QUOTE_WORDS_H_
#define VIGIE_EXTRACT_QUOTE_WORDS_H_

#include <string_view>

namespace vigie::internal {

// "M. Khairzad", "Gen. McKenzie", "Mr Wallace": a surname may stand alone after these, and the
// full stop after them does not end the sentence.
bool IsNameTitle(std::string_view lower);
// "M.", "Mme", "Mr", "Dr": a title before which a surname alone is a name ("a déclaré M. Aliev").
bool IsHonorific(std::string_view lower);

// "Selon Zabihullah Hamidi", "From Amy Cassidy", "On Wednesday", "Telegram Sunday": capitalized
// words that sit at the edge of a name run without belonging to the name.
bool IsNameEdgeWord(std::string_view lower);

// "told Reuters", "à la chaîne de télévision Al Jazeera": the capitals after these name whoever
// heard the words, not whoever said them.
bool IsListenerMarker(std::string_view lower);

// Articles and quantifiers before an unnamed speaker: "un habitant", "a resident", "the source".
bool IsSpeakerDeterminer(std::string_view lower, bool english);

// Words ending an unnamed speaker's description: "un insurgé à la chaîne", "a commander told".
bool EndsSpeakerPhrase(std::string_view lower);

// "dans une allocution télévisée", "in a border town": a noun phrase after these is no speaker.
bool IntroducesCircumstance(std::string_view lower);
// "de", "des", "du", "d'", "of": joins a noun to its complement ("le porte-parole des talibans",
// "le retrait des troupes").
bool IsOfWord(std::string_view lower);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_QUOTE_WORDS_H_
