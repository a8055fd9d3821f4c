#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/sentences.h"
#include "text/tokenize.h"

namespace vigie::internal {
namespace {

class SentencesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Tokenizer::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tokenizer_ = std::move(t.value()).release();
    auto s = SentenceSplitter::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    splitter_ = std::move(s.value()).release();
  }
  static void TearDownTestSuite() {
    delete tokenizer_;
    delete splitter_;
  }

  std::vector<std::string> Split(std::string_view text, Lang lang) {
    doc_.Clear();
    doc_.text = std::string(text);
    doc_.lang = lang;
    tokenizer_->Run(&doc_);
    splitter_->Run(&doc_);
    std::vector<std::string> out;
    for (const Sentence& s : doc_.sentences) {
      out.push_back(doc_.text.substr(s.start, s.end - s.start));
    }
    return out;
  }

  static Tokenizer* tokenizer_;
  static SentenceSplitter* splitter_;
  Document doc_;
};
Tokenizer* SentencesTest::tokenizer_ = nullptr;
SentenceSplitter* SentencesTest::splitter_ = nullptr;

using V = std::vector<std::string>;

TEST_F(SentencesTest, SplitsOnFullStops) {
  EXPECT_EQ(Split("Les rebelles ont pris la ville. L’armée dément. Qui croire ?", Lang::kFr),
            (V{"Les rebelles ont pris la ville.", "L’armée dément.", "Qui croire ?"}));
  EXPECT_TRUE(doc_.tokens[0].flags & kSentenceStart);
  EXPECT_FALSE(doc_.tokens[1].flags & kSentenceStart);
  EXPECT_EQ(doc_.sentences[1].first_token, 7u);
  EXPECT_EQ(doc_.sentences.back().end_token, doc_.tokens.size());
}

TEST_F(SentencesTest, AbbreviationsAndInitialsDoNotEnd) {
  EXPECT_EQ(Split("M. Dupont et Mme Martin sont arrivés. Le Dr. Ali aussi.", Lang::kFr),
            (V{"M. Dupont et Mme Martin sont arrivés.", "Le Dr. Ali aussi."}));
  EXPECT_EQ(Split("Gen. Miller met J. Biden in the U.S. on Monday. Talks failed.", Lang::kEn),
            (V{"Gen. Miller met J. Biden in the U.S. on Monday.", "Talks failed."}));
  EXPECT_EQ(Split("Le Lt.-Col. Karimi commande. Il a 40 ans.", Lang::kFr),
            (V{"Le Lt.-Col. Karimi commande.", "Il a 40 ans."}));
}

TEST_F(SentencesTest, DecimalsAndEllipses) {
  EXPECT_EQ(Split("Il a reçu 2,5 millions. Puis 3.5 de plus... Rien ensuite.", Lang::kFr),
            (V{"Il a reçu 2,5 millions.", "Puis 3.5 de plus...", "Rien ensuite."}));
  EXPECT_EQ(Split("Ils attendent… puis repartent.", Lang::kFr),
            (V{"Ils attendent… puis repartent."}));
}

TEST_F(SentencesTest, QuotesCloseAfterTheStop) {
  EXPECT_EQ(Split("« Nous tenons la ville. » Le porte-parole l’a répété.", Lang::kFr),
            (V{"« Nous tenons la ville. »", "Le porte-parole l’a répété."}));
  EXPECT_EQ(Split("« Qui a tiré ? » demande un témoin.", Lang::kFr),
            (V{"« Qui a tiré ? » demande un témoin."}));
  EXPECT_EQ(Split("\"We hold the bridge.\" The army denied it.", Lang::kEn),
            (V{"\"We hold the bridge.\"", "The army denied it."}));
}

TEST_F(SentencesTest, NewlinesEndHeadlinesAndParagraphs) {
  EXPECT_EQ(Split("Offensive sur Kunduz\nLes combats continuent\n\nDeuxième paragraphe", Lang::kFr),
            (V{"Offensive sur Kunduz", "Les combats continuent", "Deuxième paragraphe"}));
  EXPECT_EQ(Split("Il parle de M.\nDupont", Lang::kFr), (V{"Il parle de M.", "Dupont"}));
}

TEST_F(SentencesTest, EmptyDocumentHasNoSentences) {
  EXPECT_TRUE(Split("   \n ", Lang::kFr).empty());
}

}  // namespace
}  // namespace vigie::internal
