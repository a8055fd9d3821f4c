#include "core/trace.h"

namespace vigie::internal {
namespace {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
  }
  return "?";
}

}  // namespace

TextTrace BuildTrace(const Document& doc) {
  TextTrace trace;
  trace.sentences.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    TextTrace::Sentence out;
    out.span = doc.ToOriginal(s.start, s.end);
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = doc.tokens[i];
      out.tokens.push_back({doc.ToOriginal(t.start, t.end), std::string(doc.TokenText(t)),
                            std::string(t.lemma), TokenKindName(t.kind)});
    }
    trace.sentences.push_back(std::move(out));
  }
  for (const NumberMention& n : doc.numbers) {
    trace.numbers.push_back(
        {doc.ToOriginal(n.start, n.end), n.value, NumberQualifierName(n.qualifier)});
  }
  return trace;
}

}  // namespace vigie::internal
