#include "text/sentences.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/tokenize.h"

namespace vigie::internal {
namespace {

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 cp;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), cp);
  return cp;
}

bool StartsLowerCase(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kWord || (t.flags & kCapitalized)) return false;
  UChar32 cp = FirstCodePoint(doc.TokenText(t));
  if (cp >= 'a' && cp <= 'z') return true;
  return cp >= 0x80 && u_islower(cp);
}

bool IsTerminal(std::string_view p) {
  return p == "." || p == "!" || p == "?" || p == "..." || p == "…" || p == "‼" || p == "⁇";
}

bool IsClosing(std::string_view p) {
  return p == "»" || p == "”" || p == ")" || p == "]" || p == "’" || p == "›";
}

bool HasNewline(std::string_view text, uint32_t from, uint32_t to) {
  return text.substr(from, to - from).find('\n') != std::string_view::npos;
}

}  // namespace

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(const std::string& data_dir) {
  std::unique_ptr<SentenceSplitter> s(new SentenceSplitter());
  for (const char* lang : {"fr", "en"}) {
    auto& set = std::string_view(lang) == "fr" ? s->fr_ : s->en_;
    Status status = ForEachDataLine(
        data_dir + "/lemmas/" + lang + "/abbreviations.txt",
        [&](int, const std::vector<std::string_view>& cols) -> Status {
          std::string_view a = cols[0];
          if (a.size() < 2 || a.back() != '.') {
            return InvalidArgument("abbreviation '" + std::string(a) + "' must end with a period");
          }
          a.remove_suffix(1);
          if (a.find('.') == std::string_view::npos) set.emplace(a);
          return Status::Ok();
        });
    if (!status.ok()) return status;
  }
  return s;
}

bool SentenceSplitter::IsAbbreviation(Lang lang, std::string_view word) const {
  // std::unordered_set<std::string> has no heterogeneous lookup here; abbreviations are short, so
  // the key fits the small-string buffer and building it allocates nothing.
  std::string key(word);
  if (lang == Lang::kFr) return fr_.count(key) > 0;
  if (lang == Lang::kEn) return en_.count(key) > 0;
  return fr_.count(key) > 0 || en_.count(key) > 0;
}

void SentenceSplitter::Run(Document* doc) const {
  doc->sentences.clear();
  std::vector<Token>& tokens = doc->tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size());
  if (count == 0) return;
  const std::string_view text = doc->text;
  uint32_t first = 0;
  auto close = [&](uint32_t end_token) {
    Sentence s;
    s.first_token = first;
    s.end_token = end_token;
    s.start = tokens[first].start;
    s.end = tokens[end_token - 1].end;
    tokens[first].flags |= kSentenceStart;
    doc->sentences.push_back(s);
    first = end_token;
  };

  for (uint32_t i = 0; i + 1 < count; ++i) {
    const Token& t = tokens[i];
    if (HasNewline(text, t.end, tokens[i + 1].start)) {
      close(i + 1);
      continue;
    }
    if (t.kind != TokenKind::kPunct || !IsTerminal(doc->TokenText(t))) continue;
    // « Nous tenons la ville. » Le lendemain... : the closing quote belongs to the sentence.
    uint32_t j = i + 1;
    while (j < count && !HasNewline(text, tokens[j - 1].end, tokens[j].start)) {
      std::string_view p = doc->TokenText(tokens[j]);
      bool straight_closing = p == "\"" && tokens[j].start == tokens[j - 1].end;
      if (tokens[j].kind != TokenKind::kPunct || !(IsClosing(p) || straight_closing)) break;
      ++j;
    }
    if (j >= count) break;
    if (HasNewline(text, tokens[j - 1].end, tokens[j].start)) {
      close(j);
      i = j - 1;
      continue;
    }
    // "« Qui ? » demanda-t-il", "il y a... trois jours": a lower-case word goes on.
    if (StartsLowerCase(*doc, tokens[j])) continue;
    if (doc->TokenText(t) == "." && i > first) {
      const Token& prev = tokens[i - 1];
      if (prev.kind == TokenKind::kWord && prev.end == t.start) {
        std::string_view word = doc->TokenText(prev);
        // "M. Dupont", "Gen. Miller"
        if (IsAbbreviation(doc->lang, word)) continue;
        // "J. Biden": a single capital letter is an initial.
        UChar32 cp = FirstCodePoint(word);
        if ((prev.flags & kCapitalized) && U8_LENGTH(cp) == static_cast<int>(word.size())) continue;
      }
    }
    close(j);
    i = j - 1;
  }
  if (first < count) close(count);
}

}  // namespace vigie::internal
