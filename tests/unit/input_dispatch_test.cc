// Plain-text dispatches: the seed header, key: value headers, no header, and bad dispatches.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "vigie/input.h"

namespace vigie {
namespace {

std::vector<Result<Article>> ReadAll(const std::string& content,
                                     std::string_view name = "reports/kunduz-nord.txt",
                                     InputOptions options = {}) {
  std::vector<Result<Article>> out;
  std::istringstream in(content);
  ReadStream(in, name, options, [&out](Result<Article> r) { out.push_back(std::move(r)); });
  return out;
}

Article ReadOne(const std::string& content, std::string_view name = "reports/kunduz-nord.txt") {
  auto records = ReadAll(content, name);
  EXPECT_EQ(records.size(), 1u);
  if (records.empty() || !records[0].ok()) {
    ADD_FAILURE() << (records.empty() ? "nothing read" : records[0].status().message());
    return {};
  }
  return std::move(records[0]).value();
}

TEST(Dispatch, SeedHeaderWithLeadingSpace) {
  Article a = ReadOne(" date 2021-07 Les combats ont repris mardi.\n\nLe bilan reste inconnu.\n");
  EXPECT_EQ(a.published, "2021-07");
  EXPECT_EQ(a.text, "Les combats ont repris mardi.\n\nLe bilan reste inconnu.\n");
  EXPECT_EQ(a.id, "kunduz-nord");
  EXPECT_EQ(a.where, "reports/kunduz-nord.txt");
  EXPECT_EQ(a.title, "");
}

TEST(Dispatch, SeedHeaderDateForms) {
  EXPECT_EQ(ReadOne("date 2021 Un texte.").published, "2021");
  EXPECT_EQ(ReadOne("date 2021-08-10 Un texte.").published, "2021-08-10");
  Article own_line = ReadOne("date 2021-08-10\r\nUn texte sur sa ligne.");
  EXPECT_EQ(own_line.published, "2021-08-10");
  EXPECT_EQ(own_line.text, "Un texte sur sa ligne.");
}

TEST(Dispatch, DateWordThatIsNotAHeader) {
  Article a = ReadOne("date limite pour les pourparlers : vendredi.");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.text, "date limite pour les pourparlers : vendredi.");
  EXPECT_EQ(ReadOne("date 2021-13 reste du texte").published, "");
}

TEST(Dispatch, KeyValueHeaders) {
  Article a = ReadOne(
      "Title: Trêve annoncée\n"
      "id: fr-truce-9\n"
      "lang: fr\n"
      "url: https://exemple.org/2022/03/12/treve\n"
      "\n"
      "Une trêve de trois jours a été annoncée.\n");
  EXPECT_EQ(a.title, "Trêve annoncée");
  EXPECT_EQ(a.id, "fr-truce-9");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.url, "https://exemple.org/2022/03/12/treve");
  EXPECT_EQ(a.published, "2022-03-12");  // from the URL
  EXPECT_EQ(a.text, "Une trêve de trois jours a été annoncée.\n");
}

TEST(Dispatch, PublishedHeaderWinsOverTheUrl) {
  Article a = ReadOne(
      "published: 2022-03-13\r\n"
      "url: https://exemple.org/2022/03/12/treve\r\n"
      "\r\n"
      "Shelling resumed at dawn.");
  EXPECT_EQ(a.published, "2022-03-13");
  EXPECT_EQ(a.text, "Shelling resumed at dawn.");
}

TEST(Dispatch, BadHeaderDateNamesItsLine) {
  auto records = ReadAll("title: Trêve\ndate: 12 mars 2022\n\nUne trêve a été annoncée.\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].status().message(),
            "reports/kunduz-nord.txt:2: date '12 mars 2022' is not YYYY, YYYY-MM or YYYY-MM-DD");
}

TEST(Dispatch, WithoutHeaderEverythingIsText) {
  // A dateline looks like "key: value" but "Kaboul" is no header key.
  std::string content = "Kaboul: les combats ont repris.\n\nDeuxième paragraphe.\n";
  EXPECT_EQ(ReadOne(content).text, content);
  // Header-like lines that no blank line closes are text too.
  std::string no_blank = "title: Un titre\nLe texte commence tout de suite.\n";
  EXPECT_EQ(ReadOne(no_blank).text, no_blank);
  EXPECT_EQ(ReadOne(no_blank).title, "");
}

TEST(Dispatch, IdFromFileNameWithoutExtension) {
  EXPECT_EQ(ReadOne("Un texte.", "dispatches/2022/herat_0312").id, "herat_0312");
  EXPECT_EQ(ReadOne("Un texte.", "herat.v2.txt").id, "herat.v2");
}

TEST(Dispatch, EmptyDispatchHasNoText) {
  auto records = ReadAll("");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status().message(), "reports/kunduz-nord.txt: no text");
  records = ReadAll("id: empty-1\n\n  \n");
  EXPECT_EQ(records[0].status().message(), "reports/kunduz-nord.txt: record 'empty-1': no text");
  records = ReadAll(" date 2021-07 ");
  EXPECT_EQ(records[0].status().message(), "reports/kunduz-nord.txt: no text");
}

TEST(Dispatch, InvalidUtf8GivesLineAndTextOffset) {
  // Line 3 of the file; the text starts after the 13-byte seed header "date 2021-07 ", and
  // "Premier paragraphe.\n\nL'arm" is 26 bytes, so the Latin-1 "é" is byte 26 of the text.
  auto records = ReadAll(
      "date 2021-07 Premier paragraphe.\n\nL'arm\xE9"
      "e recule.\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(records[0].status().message(),
            "reports/kunduz-nord.txt:3: invalid UTF-8 at byte 26 of the text");
}

TEST(Dispatch, InvalidUtf8InTheHeader) {
  auto records = ReadAll("title: Tr\xEAve\n\nUne trêve.\n");
  EXPECT_EQ(records[0].status().message(),
            "reports/kunduz-nord.txt:1: invalid UTF-8 in the header");
}

TEST(Dispatch, TextOverTheCap) {
  InputOptions options;
  options.max_article_bytes = 1 << 20;
  std::string text(3 << 20, 'a');
  auto records = ReadAll("date 2021-07 " + text, "big.txt", options);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(records[0].status().message(), "big.txt: text of 3 MiB is over the 1 MiB cap");
}

TEST(Dispatch, TextExactlyAtTheCap) {
  InputOptions options;
  options.max_article_bytes = 100;
  std::string text(100, 'b');
  auto records = ReadAll("date 2021-07 " + text, "edge.txt", options);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->text, text);
}

TEST(Dispatch, ByteOrderMarkIsNotText) {
  Article a = ReadOne("\xEF\xBB\xBF date 2022-01 Un texte.");
  EXPECT_EQ(a.published, "2022-01");
  EXPECT_EQ(a.text, "Un texte.");
}

}  // namespace
}  // namespace vigie
