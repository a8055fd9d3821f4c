#include "geo/gazetteer_format.h"

#include <cstring>
#include <fstream>

namespace vigie::internal::gazfmt {

void Fnv1a::Add(std::string_view bytes) {
  uint64_t h = h_;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h_ = h;
}

void Fnv1a::AddU64(uint64_t value) {
  char buf[8];
  std::memcpy(buf, &value, 8);
  Add(std::string_view(buf, 8));
}

namespace {

bool SectionFits(uint64_t offset, uint64_t size, uint64_t file_bytes) {
  return offset % 4 == 0 && offset <= file_bytes && size <= file_bytes - offset;
}

}  // namespace

Status ValidateFile(const std::string& path, std::string_view bytes) {
  const std::string rebuild = ": run `vigie gazetteer build`";
  if (bytes.size() < sizeof(Header)) {
    return DataError(path + ": " + std::to_string(bytes.size()) +
                     " bytes, too short for a gazetteer header (truncated?)" + rebuild);
  }
  Header h;
  std::memcpy(&h, bytes.data(), sizeof(Header));
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) {
    return DataError(path + ": not a Vigie gazetteer (bad magic number)" + rebuild);
  }
  if (h.format_version != kFormatVersion) {
    return Unsupported(path + ": format version " + std::to_string(h.format_version) +
                       ", this build reads " + std::to_string(kFormatVersion) + rebuild);
  }
  if (h.header_bytes != sizeof(Header) || h.entry_record_bytes != sizeof(EntryRecord)) {
    return DataError(path + ": header or entry size differs from this build's" + rebuild);
  }
  if (h.header_check != HeaderCheck(h)) {
    return DataError(path + ": header checksum mismatch (corrupt file)" + rebuild);
  }
  if (h.file_bytes != bytes.size()) {
    return DataError(path + ": " + std::to_string(bytes.size()) + " bytes, header says " +
                     std::to_string(h.file_bytes) + " (truncated or appended to)" + rebuild);
  }
  const uint64_t n = bytes.size();
  const uint64_t keys1 = uint64_t{h.key_count} + 1;
  if (!SectionFits(h.entries_offset, uint64_t{h.entry_count} * sizeof(EntryRecord), n) ||
      !SectionFits(h.key_offsets_offset, keys1 * 4, n) ||
      !SectionFits(h.posting_offsets_offset, keys1 * 4, n) ||
      !SectionFits(h.postings_offset, uint64_t{h.posting_count} * 4, n) ||
      !SectionFits(h.key_bytes_offset, h.key_bytes_size, n) ||
      !SectionFits(h.strings_offset, h.strings_size, n) || h.entries_offset % 8 != 0) {
    return DataError(path + ": a section lies outside the file (corrupt file)" + rebuild);
  }
  // The offset tables must be monotonic and end at their section's size; then every key and
  // posting slice read later is in bounds without further checks.
  auto table_ok = [&](uint64_t offset, uint64_t last) {
    const char* p = bytes.data() + offset;
    uint32_t prev = 0;
    for (uint64_t i = 0; i < keys1; ++i) {
      uint32_t v;
      std::memcpy(&v, p + i * 4, 4);
      if (v < prev) return false;
      prev = v;
    }
    return prev == last;
  };
  if (!table_ok(h.key_offsets_offset, h.key_bytes_size) ||
      !table_ok(h.posting_offsets_offset, h.posting_count)) {
    return DataError(path + ": key or posting table out of order (corrupt file)" + rebuild);
  }
  const char* postings = bytes.data() + h.postings_offset;
  for (uint64_t i = 0; i < h.posting_count; ++i) {
    uint32_t v;
    std::memcpy(&v, postings + i * 4, 4);
    if (v >= h.entry_count) {
      return DataError(path + ": posting " + std::to_string(i) + " names entry " +
                       std::to_string(v) + " of " + std::to_string(h.entry_count) +
                       " (corrupt file)" + rebuild);
    }
  }
  return Status::Ok();
}

Result<Header> ReadHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": no such file");
  Header h;
  in.read(reinterpret_cast<char*>(&h), sizeof(Header));
  if (in.gcount() != static_cast<std::streamsize>(sizeof(Header)) ||
      std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0 || h.header_check != HeaderCheck(h)) {
    return DataError(path + ": not a complete Vigie gazetteer header");
  }
  return h;
}

}  // namespace vigie::internal::gazfmt
