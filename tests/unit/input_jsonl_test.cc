// JSON Lines records: fields, defaults, and every bad line reported at its place while the lines
// after it are still read.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "vigie/input.h"

namespace vigie {
namespace {

std::vector<Result<Article>> ReadAll(const std::string& content,
                                     std::string_view name = "feed.jsonl",
                                     InputOptions options = {}) {
  std::vector<Result<Article>> out;
  std::istringstream in(content);
  ReadStream(in, name, options, [&out](Result<Article> r) { out.push_back(std::move(r)); });
  return out;
}

TEST(JsonLines, ReadsEveryField) {
  auto records = ReadAll(
      R"({"id": "fr-1", "lang": "fr", "url": "https://exemple.org/a", "published": "2022-03-14", )"
      R"("title": "Convoi", "text": "Un convoi a été visé près du pont."})"
      "\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  const Article& a = *records[0];
  EXPECT_EQ(a.id, "fr-1");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.url, "https://exemple.org/a");
  EXPECT_EQ(a.published, "2022-03-14");
  EXPECT_EQ(a.title, "Convoi");
  EXPECT_EQ(a.text, "Un convoi a été visé près du pont.");
  EXPECT_EQ(a.where, "feed.jsonl:1");
}

TEST(JsonLines, TextIsUnescapedAsRead) {
  auto records =
      ReadAll(R"({"id": "e", "text": "L\u2019arm\u00e9e a dit :\n\"repli\" \ud83d\ude80."})");
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->text, "L\u2019armée a dit :\n\"repli\" \U0001F680.");
}

TEST(JsonLines, ExtraFieldsAndFieldOrderDoNotMatter) {
  auto records = ReadAll(
      R"({"text": "Des tirs ont été entendus.", "group": "north", "meta": {"n": [1, 2]}, "id": "x"})");
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "x");
  EXPECT_EQ(records[0]->text, "Des tirs ont été entendus.");
}

TEST(JsonLines, MissingIdIsFileAndLine) {
  auto records =
      ReadAll("\n\n{\"text\": \"Shelling was reported overnight.\"}\n", "/data/feeds/night.jsonl");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].ok());
  EXPECT_EQ(records[0]->id, "night.jsonl:3");
  EXPECT_EQ(records[0]->where, "/data/feeds/night.jsonl:3");
}

TEST(JsonLines, EmptyIdIsNoId) {
  auto records = ReadAll(R"({"id": "", "text": "Rebels claimed the bridge."})");
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "feed.jsonl:1");
}

TEST(JsonLines, NumericIdIsKeptAsWritten) {
  auto records = ReadAll(R"({"id": 1042 , "text": "Rebels claimed the bridge."})");
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "1042");
}

TEST(JsonLines, PublishedVariants) {
  auto records =
      ReadAll(R"({"id": "d", "published": "2021-08-10", "text": "t"})"
              "\n"
              R"({"id": "m", "published": "2021-08", "text": "t"})"
              "\n"
              R"({"id": "n", "published": null, "url": "https://x.org/2021/07/05/a", "text": "t"})"
              "\n"
              R"({"id": "e", "published": "", "url": "https://x.org/news/20210704-b", "text": "t"})"
              "\n"
              R"({"id": "u", "url": "https://x.org/story/3099743", "text": "t"})"
              "\n"
              R"({"id": "s", "published": "2021-08-10T06:30:00Z", "text": "t"})"
              "\n");
  ASSERT_EQ(records.size(), 6u);
  std::vector<std::string> published;
  for (const auto& r : records) {
    ASSERT_TRUE(r.ok()) << r.status().message();
    published.push_back(r->published);
  }
  EXPECT_EQ(published, (std::vector<std::string>{"2021-08-10", "2021-08", "2021-07-05",
                                                 "2021-07-04", "", "2021-08-10"}));
}

TEST(JsonLines, BadPublishedIsTheRecordsError) {
  auto records = ReadAll(R"({"id": "A-1", "published": "10/08/2021", "text": "t"})");
  ASSERT_FALSE(records[0].ok());
  EXPECT_EQ(
      records[0].status().message(),
      "feed.jsonl:1: record 'A-1': published '10/08/2021' is not YYYY, YYYY-MM or YYYY-MM-DD");
}

TEST(JsonLines, NoTextOrEmptyText) {
  auto records = ReadAll(R"({"id": "A-1", "lang": "fr"})"
                         "\n"
                         R"({"id": "A-2", "text": ""})"
                         "\n"
                         R"({"id": "A-3", "text": "  \n "})"
                         "\n"
                         R"({"text": null})"
                         "\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].status().message(), "feed.jsonl:1: record 'A-1': no text");
  EXPECT_EQ(records[1].status().message(), "feed.jsonl:2: record 'A-2': no text");
  EXPECT_EQ(records[2].status().message(), "feed.jsonl:3: record 'A-3': no text");
  EXPECT_EQ(records[3].status().message(), "feed.jsonl:4: no text");
  EXPECT_EQ(records[3].status().code(), StatusCode::kInvalidArgument);
}

TEST(JsonLines, WrongFieldType) {
  auto records = ReadAll(R"({"id": "A-1", "text": ["a", "b"]})");
  ASSERT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: field 'text' is neither a string nor null");
}

TEST(JsonLines, BrokenLinesAreReportedAndReadingGoesOn) {
  auto records = ReadAll(R"({"id": "ok-1", "text": "Les combats ont repris."})"
                         "\n"
                         R"({"id": "cut", "text": "Les deux camps s'accusent)"
                         "\n"
                         "[1, 2]\n"
                         R"({"id": "a"} {"id": "b"})"
                         "\n"
                         "not json at all\n"
                         R"({"id": "ok-2", "text": "A truce was announced."})"
                         "\n");
  ASSERT_EQ(records.size(), 6u);
  EXPECT_TRUE(records[0].ok());
  for (int i = 1; i <= 4; ++i) {
    ASSERT_FALSE(records[i].ok()) << i;
    EXPECT_EQ(records[i].status().code(), StatusCode::kInvalidArgument);
    std::string prefix = "feed.jsonl:" + std::to_string(i + 1) + ": broken JSON: ";
    EXPECT_TRUE(records[i].status().message().starts_with(prefix)) << records[i].status().message();
  }
  ASSERT_TRUE(records[5].ok());
  EXPECT_EQ(records[5]->id, "ok-2");
  EXPECT_EQ(records[5]->where, "feed.jsonl:6");
}

TEST(JsonLines, InvalidUtf8IsLocatedInTheText) {
  // "é" is written as a lone Latin-1 byte 0xE9 after "Arm": byte 3 of the text.
  auto records = ReadAll(
      "{\"id\": \"bad\", \"text\": \"Arm\xE9"
      "e en repli.\"}\n");
  ASSERT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: record 'bad': invalid UTF-8 at byte 3 of the text");
}

TEST(JsonLines, InvalidUtf8OffsetCountsUnescapedBytes) {
  // "\u00e9" is two bytes of text and "\n" one: the bad byte comes after 1+2+1+1 = 5 bytes.
  auto records = ReadAll("{\"text\": \"a\\u00e9\\nb\xFF\", \"id\": \"esc\"}\n");
  ASSERT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: record 'esc': invalid UTF-8 at byte 5 of the text");
}

TEST(JsonLines, InvalidUtf8OutsideTheText) {
  auto records = ReadAll(
      "{\"id\": \"t\", \"title\": \"\xC3(\", \"text\": \"ok\"}\n"
      "{\"id\": \"\xF5\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: record 't': invalid UTF-8 at byte 22 of the line");
  EXPECT_EQ(records[1].status().message(), "feed.jsonl:2: invalid UTF-8 at byte 8 of the line");
}

TEST(JsonLines, TextOverTheCap) {
  InputOptions options;
  options.max_article_bytes = 1000;
  std::string big(3000, 'x');
  auto records = ReadAll("{\"id\": \"A-1\", \"text\": \"" + big + "\"}\n" +
                             "{\"id\": \"A-2\", \"text\": \"Small enough.\"}\n",
                         "feed.jsonl", options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: record 'A-1': text of 2.9 KiB is over the 1000 bytes cap");
  EXPECT_TRUE(records[1].ok());
}

TEST(JsonLines, DefaultCapIsOneMebibyte) {
  std::string big(3u << 20, 'y');
  auto records = ReadAll("{\"id\": \"A-1\", \"text\": \"" + big + "\"}\n");
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: record 'A-1': text of 3 MiB is over the 1 MiB cap");
}

TEST(JsonLines, LineFarOverTheCapIsSkippedUnparsed) {
  InputOptions options;
  options.max_article_bytes = 100;  // lines are capped at 6 x 100 + 64 KiB
  std::string huge(200000, 'z');
  auto records = ReadAll("{\"id\": \"huge\", \"text\": \"" + huge + "\"}\n" +
                             "{\"id\": \"next\", \"text\": \"Read after the huge line.\"}\n",
                         "feed.jsonl", options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(records[0].status().message(),
            "feed.jsonl:1: line of 195.3 KiB is over the 64.6 KiB line cap");
  ASSERT_TRUE(records[1].ok());
  EXPECT_EQ(records[1]->id, "next");
}

TEST(JsonLines, LargeLinesWithinTheCapAreRead) {
  // Longer than the reader's 64 KiB chunks, so the line spans several of them.
  std::string text;
  while (text.size() < 300000) text += "Les forces ont repris la colline. ";
  auto records = ReadAll("{\"id\": \"long\", \"text\": \"" + text +
                         "\"}\r\n{\"id\": \"after\", "
                         "\"text\": \"Fin.\"}");
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->text, text);
  ASSERT_TRUE(records[1].ok()) << records[1].status().message();
  EXPECT_EQ(records[1]->text, "Fin.");
}

TEST(JsonLines, ByteOrderMarkIsSkipped) {
  auto records = ReadAll("\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"Calme relatif.\"}\n");
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "bom");
}

TEST(JsonLines, MixedFixtureFile) {
  std::vector<Result<Article>> records;
  ReadInputs({std::string(VIGIE_TEST_DIR) + "/data/input/mixed.jsonl"}, {},
             [&records](Result<Article> r) { records.push_back(std::move(r)); });
  ASSERT_EQ(records.size(), 4u);
  ASSERT_TRUE(records[0].ok());
  EXPECT_EQ(records[0]->published, "2022-03-14");  // from the URL
  EXPECT_EQ(records[0]->title, "Convoi attaqué");
  EXPECT_NE(records[1].status().message().find("mixed.jsonl:2: broken JSON: "), std::string::npos);
  EXPECT_NE(records[2].status().message().find("mixed.jsonl:3: record 'fr-3': no text"),
            std::string::npos);
  ASSERT_TRUE(records[3].ok());
  EXPECT_EQ(records[3]->id, "mixed.jsonl:5");
  EXPECT_EQ(records[3]->lang, "en");
}

}  // namespace
}  // namespace vigie
