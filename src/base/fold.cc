#include "base/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <vector>

namespace vigie::internal {
namespace {

// What one Basic Multilingual Plane code point folds to. Built once from ICU (full case folding,
// then canonical decomposition with the combining marks dropped) so FoldAppend itself is a table
// lookup per code point and allocates nothing.
enum FoldKind : uint8_t {
  kCopy,       // outside the table: simple case folding only
  kText,       // the bytes at `offset`
  kSeparator,  // a space, hyphen, dash or underscore: runs become one space
  kDrop,       // combining marks, soft hyphens, zero-width characters
};

struct FoldEntry {
  uint32_t offset : 24;
  uint32_t length : 6;
  uint32_t kind : 2;
};

class FoldTable {
 public:
  FoldTable() : entries_(0x10000) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    std::string utf8;
    for (UChar32 cp = 0x80; cp < 0x10000; ++cp) {
      FoldEntry& e = entries_[cp];
      e = FoldEntry{0, 0, kCopy};
      if (U_IS_SURROGATE(cp)) continue;
      if (IsSeparator(cp)) {
        e.kind = kSeparator;
        continue;
      }
      if (IsApostrophe(cp)) {
        Store("'", &e);
        continue;
      }
      if (IsDropped(cp)) {
        e.kind = kDrop;
        continue;
      }
      utf8.clear();
      if (!FoldOne(cp, U_SUCCESS(status) ? nfd : nullptr, U_SUCCESS(status) ? nfkd : nullptr,
                   &utf8)) {
        continue;
      }
      if (utf8.empty()) {
        e.kind = kDrop;
      } else {
        Store(utf8, &e);
      }
    }
  }

  const FoldEntry& Get(UChar32 cp) const { return entries_[cp]; }
  const char* bytes(const FoldEntry& e) const { return bytes_.data() + e.offset; }

 private:
  static bool IsSeparator(UChar32 cp) {
    if (cp == 0x00AD) return false;  // soft hyphen: invisible, dropped
    return u_isUWhiteSpace(cp) || u_charType(cp) == U_DASH_PUNCTUATION || cp == 0x2212 ||
           u_charType(cp) == U_SPACE_SEPARATOR;
  }
  static bool IsApostrophe(UChar32 cp) {
    return cp == 0x2019 || cp == 0x2018 || cp == 0x00B4 || cp == 0x02BC || cp == 0x02B9 ||
           cp == 0x2032 || cp == 0xFF07;
  }
  static bool IsDropped(UChar32 cp) {
    int8_t type = u_charType(cp);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0x00AD || cp == 0x200B ||
           cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
  }

  // Folds one code point into UTF-8; false when it folds to itself.
  static bool FoldOne(UChar32 cp, const icu::Normalizer2* nfd, const icu::Normalizer2* nfkd,
                      std::string* out) {
    // Letters without a decomposition that name spellings still fold: "Œuvre" -> "oeuvre",
    // "Łódź" -> "lodz", "Ørsted" -> "orsted".
    switch (cp) {
      case 0x0152:
      case 0x0153:
        *out = "oe";
        return true;
      case 0x00C6:
      case 0x00E6:
        *out = "ae";
        return true;
      case 0x0141:
      case 0x0142:
        *out = "l";
        return true;
      case 0x00D8:
      case 0x00F8:
        *out = "o";
        return true;
      case 0x0110:
      case 0x0111:
        *out = "d";
        return true;
      case 0x0126:
      case 0x0127:
        *out = "h";
        return true;
      case 0x0131:
        *out = "i";
        return true;
      default:
        break;
    }
    icu::UnicodeString s(cp);
    s.foldCase(U_FOLD_CASE_DEFAULT);
    UErrorCode status = U_ZERO_ERROR;
    // Presentation ligatures ("ﬁ") and full-width forms only decompose by compatibility.
    bool compat = (cp >= 0xFB00 && cp <= 0xFB4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    const icu::Normalizer2* norm = compat ? nfkd : nfd;
    icu::UnicodeString d = norm ? norm->normalize(s, status) : s;
    if (U_FAILURE(status)) d = s;
    icu::UnicodeString kept;
    for (int32_t i = 0; i < d.length();) {
      UChar32 c = d.char32At(i);
      i += U16_LENGTH(c);
      if (IsDropped(c)) continue;
      if (IsApostrophe(c)) c = '\'';
      kept.append(c);
    }
    if (kept.length() == U16_LENGTH(cp) && kept.char32At(0) == cp) return false;
    kept.toUTF8String(*out);
    return true;
  }

  void Store(std::string_view folded, FoldEntry* e) {
    e->offset = static_cast<uint32_t>(bytes_.size());
    e->length = static_cast<uint32_t>(folded.size());
    e->kind = kText;
    bytes_.append(folded);
  }

  std::vector<FoldEntry> entries_;
  std::string bytes_;
};

const FoldTable& Table() {
  static const FoldTable table;  // thread-safe one-time build (~20 ms)
  return table;
}

// ASCII: lower case, and the separators that collapse to one space.
constexpr bool IsAsciiSeparator(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-' ||
         c == '_';
}

}  // namespace

void FoldAppend(std::string_view text, std::string* out) {
  const FoldTable& table = Table();
  const size_t out_start = out->size();
  bool pending_space = false;
  auto emit_space = [&] {
    if (pending_space && out->size() > out_start) out->push_back(' ');
    pending_space = false;
  };
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (IsAsciiSeparator(c)) {
        pending_space = true;
        continue;
      }
      emit_space();
      if (c == '`') c = '\'';
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      continue;
    }
    int32_t begin = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) {  // invalid bytes are copied through
      emit_space();
      out->append(s + begin, static_cast<size_t>(i - begin));
      continue;
    }
    if (cp >= 0x10000) {
      emit_space();
      UChar32 folded = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, folded);
      out->append(buf, static_cast<size_t>(len));
      continue;
    }
    const FoldEntry& e = table.Get(cp);
    switch (e.kind) {
      case kSeparator:
        pending_space = true;
        break;
      case kDrop:
        break;
      case kText:
        emit_space();
        out->append(table.bytes(e), e.length);
        break;
      default:
        emit_space();
        out->append(s + begin, static_cast<size_t>(i - begin));
        break;
    }
  }
}

std::string FoldText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  FoldAppend(text, &out);
  return out;
}

}  // namespace vigie::internal
