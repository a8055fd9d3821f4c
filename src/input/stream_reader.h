// Reads a stream chunk by chunk, so a JSON Lines file of any size costs one line of memory and a
// line far over the cap costs nothing but the time to skip it.
#ifndef VIGIE_INPUT_STREAM_READER_H_
#define VIGIE_INPUT_STREAM_READER_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::input {

class StreamReader {
 public:
  explicit StreamReader(std::istream& in);

  // The first bytes of the stream (up to 64 KiB, fewer when the stream is shorter), left unread:
  // enough to spot a binary file or tell JSON Lines from a plain-text dispatch.
  std::string_view Peek();

  // The next line into *line, without its "\n" or "\r\n". A line over `max_line` bytes keeps only
  // its first `max_line` bytes; *full_size always holds its real size. False at the end.
  bool NextLine(std::string* line, size_t max_line, uint64_t* full_size);

  // All that is left, of which at most `max_keep` bytes go to *out; *total counts every byte.
  void ReadRest(std::string* out, size_t max_keep, uint64_t* total);

  // True when the operating system refused a read (not at a clean end of stream).
  bool failed() const { return failed_; }

 private:
  bool Refill();  // false at the end of the stream

  std::istream& in_;
  std::vector<char> chunk_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool at_eof_ = false;
  bool failed_ = false;
};

}  // namespace vigie::input

#endif  // VIGIE_INPUT_STREAM_READER_H_
