// Where a text stops being UTF-8. The readers refuse such a record and say at which byte, so the
// analyst can find the bad byte in the file; the text stage never sees ill-formed input.
#ifndef VIGIE_INPUT_UTF8_SCAN_H_
#define VIGIE_INPUT_UTF8_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vigie::input {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included), or std::string_view::npos when all is well.
size_t FirstInvalidUtf8Byte(std::string_view s);

// Replaces every byte of every ill-formed sequence with '?'. Only ever done on a copy, so that a
// JSON line with one bad byte can still be parsed far enough to name its record.
void ReplaceInvalidUtf8(std::string& s);

}  // namespace vigie::input

#endif  // VIGIE_INPUT_UTF8_SCAN_H_
