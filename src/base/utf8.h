// UTF-8 checks and conversions on bytes, with no allocation and no ICU call, for the hot loops of
// cleaning and normalization ("é" is C3 A9; "’" is E2 80 99).
#ifndef VIGIE_BASE_UTF8_H_
#define VIGIE_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vigie::internal {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates, > U+10FFFF
// rejected), or npos.
size_t FindInvalidUtf8(std::string_view s);
// Decodes one code point at s[i]; returns its length (1..4), or 0 when invalid. *cp receives it.
int DecodeUtf8(std::string_view s, size_t i, char32_t* cp);
void AppendUtf8(char32_t cp, std::string* out);

// The byte a Windows-1252 decoder turned into `cp`, or -1. U+0080..U+00FF give their own value
// (Latin-1, and the five bytes CP1252 leaves undefined, which decoders pass through as C1
// controls); "€" gives 0x80, "’" gives 0x92, "™" gives 0x99. Mojibake repair runs this backwards:
// "â€™" -> E2 80 99 -> "’".
int Cp1252Byte(char32_t cp);

// UTF-8 text that was decoded as Windows-1252 and encoded again ("é" became "Ã©", "’" became
// "â€™"). If the characters at s[i] are one such character, writes its UTF-8 bytes into `bytes`
// (4 bytes of room), sets *byte_count and returns how many input bytes it replaces; else returns 0.
// Only sequences that decode to well-formed UTF-8 as a whole are taken, so the real "àé" or
// "Ã©rico" never match. A plain space after "Ã" stands for the no-break space 0xA0 that scraping
// turned into a space ("Ã  la" -> "à la"): it is taken only when a second space follows. A "Â"
// before a plain space is dropped (*byte_count is 0): "«Â Kaboul" -> "« Kaboul".
size_t DecodeMojibakeAt(std::string_view s, size_t i, char* bytes, int* byte_count);

}  // namespace vigie::internal

#endif  // VIGIE_BASE_UTF8_H_
