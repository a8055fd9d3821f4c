// An article as read from input: the text exactly as it arrived plus what the feed says about it.
#ifndef VIGIE_ARTICLE_H_
#define VIGIE_ARTICLE_H_

#include <string>

namespace vigie {

struct Article {
  std::string id;         // record id, or one derived from the file name
  std::string url;        // may be empty
  std::string published;  // "2021-08-10", "2021-08", or empty when unknown
  std::string lang;       // a hint from the feed ("fr", "en"), may be empty
  std::string title;      // may be empty
  std::string text;       // the body, bytes as read (UTF-8 is checked by the readers)
  std::string where;      // "dev.jsonl:12" or "dispatch.txt": where it came from, for messages
};

}  // namespace vigie

#endif  // VIGIE_ARTICLE_H_
