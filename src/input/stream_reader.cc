#include "input/stream_reader.h"

#include <algorithm>
#include <cstring>

namespace vigie::input {
namespace {

constexpr size_t kChunkBytes = size_t{64} << 10;

}  // namespace

StreamReader::StreamReader(std::istream& in) : in_(in), chunk_(kChunkBytes) {}

bool StreamReader::Refill() {
  if (at_eof_) return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  end_ = static_cast<size_t>(in_.gcount());
  pos_ = 0;
  if (in_.bad()) failed_ = true;
  if (!in_) at_eof_ = true;  // a short read sets failbit and eofbit: nothing more will come
  return end_ > 0;
}

std::string_view StreamReader::Peek() {
  if (pos_ == end_ && !Refill()) return {};
  // Top the chunk up to 64 KiB so that a stream fed in small pieces (a pipe) is judged on as many
  // bytes as a file.
  if (pos_ > 0 || end_ < chunk_.size()) {
    std::memmove(chunk_.data(), chunk_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    while (!at_eof_ && end_ < chunk_.size()) {
      in_.read(chunk_.data() + end_, static_cast<std::streamsize>(chunk_.size() - end_));
      end_ += static_cast<size_t>(in_.gcount());
      if (in_.bad()) failed_ = true;
      if (!in_) at_eof_ = true;
    }
  }
  return std::string_view(chunk_.data() + pos_, end_ - pos_);
}

bool StreamReader::NextLine(std::string* line, size_t max_line, uint64_t* full_size) {
  line->clear();
  *full_size = 0;
  bool any = false;
  while (pos_ < end_ || Refill()) {
    any = true;
    const char* begin = chunk_.data() + pos_;
    const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
    size_t n = newline ? static_cast<size_t>(newline - begin) : end_ - pos_;
    *full_size += n;
    if (line->size() < max_line) line->append(begin, std::min(n, max_line - line->size()));
    pos_ += n;
    if (newline) {
      ++pos_;
      break;
    }
  }
  if (!any) return false;
  if (*full_size <= max_line && !line->empty() && line->back() == '\r') {
    line->pop_back();
    --*full_size;
  }
  return true;
}

void StreamReader::ReadRest(std::string* out, size_t max_keep, uint64_t* total) {
  out->clear();
  *total = 0;
  while (pos_ < end_ || Refill()) {
    size_t n = end_ - pos_;
    *total += n;
    if (out->size() < max_keep)
      out->append(chunk_.data() + pos_, std::min(n, max_keep - out->size()));
    pos_ = end_;
  }
}

}  // namespace vigie::input
