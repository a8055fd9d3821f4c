// Removes the junk that web scraping leaves in news text, keeping a map to the original bytes.
//
//   "la ville.<br>EFE-EPA/JALIL REZAYEE Les talibans"  -> "la ville.\nLes talibans"
//   "Kaboul&nbsp;: l’armÃ©e"                            -> "Kaboul\u00a0: l’armée"
//   "\n\nLIRE AUSSI Les talibans prennent Herat\n\n"    -> "\n\n\n\n"
//
// Removed junk becomes one space (a newline when it was a line or a block tag), and none at all
// when a space or newline is already there, so words never glue. The rules (agency names, "read
// also" markers, HTML entities...) are the files of data/text/, described in its README.md.
#ifndef VIGIE_TEXT_CLEAN_H_
#define VIGIE_TEXT_CLEAN_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/offset_map.h"
#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

class Cleaner {
 public:
  // Loads data/text/*.txt (agency names for photo credits, "read also" markers per language, ...).
  // The Cleaner is immutable afterwards and Clean may run on many threads at once: its scratch
  // buffers are per thread and keep their capacity between articles.
  static Result<std::unique_ptr<Cleaner>> Create(const std::string& data_dir);
  // Writes the cleaned text of `original` into *out and, for each output byte, its original offset
  // into *map (map->Finish(original.size()) at the end); adds each rule's firings to
  // counts[CleanRule]. Reuses the capacity of *out and *map. Never fails: junk it cannot recognise
  // is left as it is.
  void Clean(std::string_view original, std::string* out, OffsetMap* map,
             std::array<uint32_t, size_t(CleanRule::kCount)>* counts) const;

  // The compiled rules, shared with the line pass (clean_lines.h); read-only after Create.
  struct Rules {
    std::array<std::vector<std::string>, 26> agencies_by_initial;  // lower case, longest first
    std::vector<std::string> read_also;                            // as written, longest first
    std::vector<std::string> photo_lines;                          // as written, longest first
    std::vector<std::string> caps_not_names;                       // upper case, sorted
    std::vector<std::pair<std::string, char32_t>> entities;        // sorted by name
  };

 private:
  explicit Cleaner(Rules rules) : rules_(std::move(rules)) {}
  Rules rules_;
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_CLEAN_H_
