#include "extract/lexicon.h"

#include <algorithm>

namespace vigie::internal {
namespace {

// French elided words written glued to the next word in rules ("d'après", "l'armée") are split
// off as their own token by the tokenizer, so the rule word is split the same way.
constexpr std::string_view kElided[] = {"l'", "d'", "s'", "n'",      "qu'",     "c'",
                                        "j'", "m'", "t'", "lorsqu'", "puisqu'", "jusqu'"};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void SplitWords(std::string_view pattern, std::vector<std::string>* words) {
  size_t i = 0;
  while (i < pattern.size()) {
    while (i < pattern.size() && pattern[i] == ' ') ++i;
    size_t j = i;
    while (j < pattern.size() && pattern[j] != ' ') ++j;
    if (j > i) {
      std::string word = LowerAscii(pattern.substr(i, j - i));
      bool split = false;
      for (std::string_view e : kElided) {
        if (word.size() > e.size() && word.compare(0, e.size(), e) == 0 &&
            word.find('|') == std::string::npos) {
          words->emplace_back(e);
          words->push_back(word.substr(e.size()));
          split = true;
          break;
        }
      }
      if (!split) words->push_back(std::move(word));
    }
    i = j;
  }
}

}  // namespace

bool IsClauseBreak(const Document& doc, const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  std::string_view t = doc.TokenText(token);
  return t == "." || t == ";" || t == ":" || t == "?" || t == "!" || t == "«" || t == "»" ||
         t == "\"" || t == "“" || t == "”" || t == "—" || t == "–";
}

uint32_t Lexicon::Intern(std::string_view word) {
  WordMap* map = &exact_;
  std::string key(word);
  if (key.size() > 1 && key.back() == '*') {
    map = &prefix_;
    key.pop_back();
  } else if (key.size() > 1 && key.front() == '*') {
    map = &suffix_;
    key.erase(0, 1);
  }
  auto it = map->find(key);
  if (it != map->end()) return it->second;
  uint32_t id = next_word_++;
  if (map == &prefix_ || map == &suffix_) {
    auto& lengths = map == &prefix_ ? prefix_lengths_ : suffix_lengths_;
    uint8_t n = static_cast<uint8_t>(std::min<size_t>(key.size(), 255));
    if (std::find(lengths.begin(), lengths.end(), n) == lengths.end()) {
      lengths.push_back(n);
      std::sort(lengths.begin(), lengths.end());
    }
  }
  map->emplace(std::move(key), id);
  phrases_by_first_word_.emplace_back();
  return id;
}

Status Lexicon::Add(std::string_view pattern, PhraseKind kind, uint32_t row, uint8_t max_gap) {
  std::vector<std::string> words;
  SplitWords(pattern, &words);
  if (words.empty()) return InvalidArgument("empty pattern");
  Phrase phrase;
  phrase.kind = kind;
  phrase.row = row;
  phrase.max_gap = max_gap;
  for (const std::string& w : words) {
    std::vector<uint32_t> alternatives;
    size_t i = 0;
    while (i <= w.size()) {
      size_t j = w.find('|', i);
      if (j == std::string::npos) j = w.size();
      std::string_view alt(w.data() + i, j - i);
      if (alt.empty() || alt == "*") {
        return InvalidArgument("empty alternative in \"" + std::string(pattern) + "\"");
      }
      alternatives.push_back(Intern(alt));
      i = j + 1;
    }
    phrase.positions.push_back(std::move(alternatives));
  }
  uint32_t index = static_cast<uint32_t>(phrases_.size());
  for (uint32_t first : phrase.positions.front()) phrases_by_first_word_[first].push_back(index);
  phrases_.push_back(std::move(phrase));
  return Status::Ok();
}

void Lexicon::TokenWords(const Token& token, std::vector<uint32_t>* out) const {
  size_t begin = out->size();
  auto add = [&](uint32_t id) {
    if (std::find(out->begin() + static_cast<std::ptrdiff_t>(begin), out->end(), id) ==
        out->end()) {
      out->push_back(id);
    }
  };
  // Most tokens read the same lower-cased, lemmatized and folded: look each distinct form up once
  // (halves the lookups on English text).
  const std::string_view forms[3] = {token.lower, token.lemma, token.folded};
  for (int i = 0; i < 3; ++i) {
    std::string_view form = forms[i];
    if (form.empty() || (i > 0 && form == forms[0]) || (i == 2 && form == forms[1])) continue;
    if (auto it = exact_.find(form); it != exact_.end()) add(it->second);
  }
  for (int i : {0, 2}) {
    std::string_view form = forms[i];
    if (i == 2 && form == forms[0]) break;
    for (uint8_t n : prefix_lengths_) {
      if (n > form.size()) break;
      if (auto it = prefix_.find(form.substr(0, n)); it != prefix_.end()) add(it->second);
    }
    for (uint8_t n : suffix_lengths_) {
      if (n >= form.size()) break;
      if (auto it = suffix_.find(form.substr(form.size() - n)); it != suffix_.end()) {
        add(it->second);
      }
    }
  }
}

bool Lexicon::MatchFrom(const Document& doc, const Scratch& scratch, const Phrase& phrase,
                        uint32_t first, uint32_t end, uint32_t* match_end) const {
  uint32_t t = first + 1;
  for (size_t p = 1; p < phrase.positions.size(); ++p) {
    const std::vector<uint32_t>& alternatives = phrase.positions[p];
    bool found = false;
    for (uint32_t gap = 0; t < end && gap <= phrase.max_gap; ++gap, ++t) {
      const uint32_t* w = scratch.words.data() + scratch.token_begin[t];
      const uint32_t* w_end = scratch.words.data() + scratch.token_begin[t + 1];
      for (; w != w_end && !found; ++w) {
        found = std::find(alternatives.begin(), alternatives.end(), *w) != alternatives.end();
      }
      if (found) break;
      if (IsClauseBreak(doc, doc.tokens[t])) return false;
    }
    if (!found) return false;
    ++t;
  }
  *match_end = t;
  return true;
}

void Lexicon::MatchAll(const Document& doc, Scratch* scratch, std::vector<PhraseMatch>* out) const {
  out->clear();
  scratch->words.clear();
  scratch->token_begin.clear();
  for (const Token& token : doc.tokens) {
    scratch->token_begin.push_back(static_cast<uint32_t>(scratch->words.size()));
    if (token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber) {
      TokenWords(token, &scratch->words);
    }
  }
  scratch->token_begin.push_back(static_cast<uint32_t>(scratch->words.size()));
  for (const Sentence& sentence : doc.sentences) {
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      size_t before = out->size();
      for (uint32_t i = scratch->token_begin[t]; i < scratch->token_begin[t + 1]; ++i) {
        for (uint32_t index : phrases_by_first_word_[scratch->words[i]]) {
          uint32_t match_end = 0;
          if (MatchFrom(doc, *scratch, phrases_[index], t, sentence.end_token, &match_end)) {
            out->push_back({index, t, match_end});
          }
        }
      }
      std::sort(
          out->begin() + static_cast<std::ptrdiff_t>(before), out->end(),
          [](const PhraseMatch& a, const PhraseMatch& b) { return a.end_token > b.end_token; });
    }
  }
}

}  // namespace vigie::internal
