// ReadInputs and ReadStream: which reader a file goes to, and the errors that concern a whole file.
#include "vigie/input.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "input/readers.h"
#include "input/stream_reader.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;
using input::JsonLinesReader;
using input::StreamReader;

// A NUL byte this early means an image, an archive or a UTF-16 file, not a dispatch.
constexpr size_t kBinarySniffBytes = size_t{8} << 10;

std::string LowerExtension(std::string_view name) {
  std::string_view file = input::FileName(name);
  size_t dot = file.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(file.substr(dot));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool IsJsonLinesName(std::string_view name) {
  std::string ext = LowerExtension(name);
  return ext == ".jsonl" || ext == ".json";
}

// What a directory walk reads: JSON Lines, .txt and extension-less dispatches. README.md, a .pdf
// or a .gz beside them are left alone.
bool IsReadableName(std::string_view name) {
  std::string ext = LowerExtension(name);
  return ext.empty() || ext == ".txt" || ext == ".jsonl" || ext == ".json";
}

// By name first; a stream named otherwise (stdin, "notes.dat") is JSON Lines when its first
// non-blank byte opens an object.
bool LooksLikeJsonLines(std::string_view name, std::string_view head) {
  if (IsJsonLinesName(name)) return true;
  if (LowerExtension(name) == ".txt") return false;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

void ReadOne(std::istream& in, std::string_view name, const InputOptions& options,
             const ArticleSink& sink, JsonLinesReader& jsonl) {
  StreamReader reader(in);
  std::string_view head = reader.Peek();
  if (reader.failed()) {
    sink(IoError(std::string(name) + ": read error"));
    return;
  }
  if (size_t nul = head.substr(0, kBinarySniffBytes).find('\0'); nul != std::string_view::npos) {
    sink(InvalidArgument(std::string(name) + ": binary file (NUL byte at offset " +
                         std::to_string(nul) + ")"));
    return;
  }
  if (LooksLikeJsonLines(name, head)) {
    jsonl.Read(reader, name, options, sink);
  } else {
    input::ReadDispatch(reader, name, options, sink);
  }
}

void ReadFile(const std::string& path, const InputOptions& options, const ArticleSink& sink,
              JsonLinesReader& jsonl) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink(IoError(path + ": cannot open: " + std::strerror(errno)));
    return;
  }
  ReadOne(in, path, options, sink, jsonl);
}

bool IsHidden(const fs::path& p) {
  return p.filename().string().starts_with('.');
}

void ReadDirectory(const std::string& dir, const InputOptions& options, const ArticleSink& sink,
                   JsonLinesReader& jsonl) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (IsHidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::string s = p.string();
    if (it->is_regular_file(ec) && IsReadableName(s)) files.push_back(std::move(s));
  }
  if (ec) sink(IoError(dir + ": cannot list: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) ReadFile(f, options, sink, jsonl);
}

}  // namespace

namespace input {

std::string FormatSize(uint64_t bytes) {
  constexpr uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
  if (bytes < kKiB) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  const char* unit = bytes >= kGiB ? "GiB" : bytes >= kMiB ? "MiB" : "KiB";
  double scaled = static_cast<double>(bytes) / static_cast<double>(bytes >= kGiB   ? kGiB
                                                                   : bytes >= kMiB ? kMiB
                                                                                   : kKiB);
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", scaled);
  std::string s = out;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s + " " + unit;
}

std::string_view FileName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view FileStem(std::string_view path) {
  std::string_view file = FileName(path);
  size_t dot = file.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? file : file.substr(0, dot);
}

size_t SaturatingAdd(size_t a, size_t b) {
  return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

}  // namespace input

void ReadStream(std::istream& in, std::string_view name, const InputOptions& options,
                const ArticleSink& sink) {
  JsonLinesReader jsonl;
  ReadOne(in, name, options, sink, jsonl);
}

void ReadInputs(const std::vector<std::string>& paths, const InputOptions& options,
                const ArticleSink& sink) {
  JsonLinesReader jsonl;  // one parser for every file
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadOne(std::cin, "stdin", options, sink, jsonl);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      std::string why = ec ? ec.message() : "no such file or directory";
      if (!why.empty() && why[0] >= 'A' && why[0] <= 'Z')
        why[0] = static_cast<char>(why[0] - 'A' + 'a');
      sink(NotFound(path + ": " + why));
      continue;
    }
    if (fs::is_directory(status)) {
      ReadDirectory(path, options, sink, jsonl);
    } else {
      ReadFile(path, options, sink, jsonl);
    }
  }
}

}  // namespace vigie
