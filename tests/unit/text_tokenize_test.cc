#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/tokenize.h"

namespace vigie::internal {
namespace {

class TokenizeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Tokenizer::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tokenizer_ = std::move(t.value()).release();
  }
  static void TearDownTestSuite() { delete tokenizer_; }

  std::vector<std::string> Texts(std::string_view text) {
    doc_.Clear();
    doc_.text = std::string(text);
    tokenizer_->Run(&doc_);
    std::vector<std::string> out;
    for (const Token& t : doc_.tokens) out.emplace_back(doc_.TokenText(t));
    return out;
  }

  static Tokenizer* tokenizer_;
  Document doc_;
};
Tokenizer* TokenizeTest::tokenizer_ = nullptr;

using V = std::vector<std::string>;

TEST_F(TokenizeTest, SplitsFrenchElisions) {
  EXPECT_EQ(Texts("L’avancée d'un convoi qu’on attendait"),
            (V{"L’", "avancée", "d'", "un", "convoi", "qu’", "on", "attendait"}));
  EXPECT_TRUE(doc_.tokens[0].flags & kElision);
  EXPECT_TRUE(doc_.tokens[0].flags & kCapitalized);
  EXPECT_FALSE(doc_.tokens[1].flags & kElision);
  EXPECT_EQ(Texts("jusqu’à Lorsqu'ils S’EMPARENT"),
            (V{"jusqu’", "à", "Lorsqu'", "ils", "S’", "EMPARENT"}));
}

TEST_F(TokenizeTest, KeepsAujourdhuiAndHyphenatedNamesWhole) {
  EXPECT_EQ(Texts("aujourd’hui à Mazar-i-Sharif, vingt-cinq morts"),
            (V{"aujourd’hui", "à", "Mazar-i-Sharif", ",", "vingt-cinq", "morts"}));
  EXPECT_EQ(Texts("O'Brien don't"), (V{"O'Brien", "don't"}));
}

TEST_F(TokenizeTest, SplitsEnglishPossessive) {
  EXPECT_EQ(Texts("Kabul’s governor and Herat's"),
            (V{"Kabul", "’s", "governor", "and", "Herat", "'s"}));
}

TEST_F(TokenizeTest, DottedAbbreviationsStayOneToken) {
  EXPECT_EQ(Texts("le Lt.-Col. Durand et les U.S. troops."),
            (V{"le", "Lt.-Col.", "Durand", "et", "les", "U.S.", "troops", "."}));
  EXPECT_EQ(Texts("M. Dupont"), (V{"M", ".", "Dupont"}));
}

TEST_F(TokenizeTest, NumbersWithSeparatorsAreOneToken) {
  EXPECT_EQ(Texts("1 000 morts, 1\u00A0000, 1\u202F500 000 et 1.000 ou 1,000 et 2,5 km"),
            (V{"1 000", "morts", ",", "1\u00A0000", ",", "1\u202F500 000", "et", "1.000", "ou",
               "1,000", "et", "2,5", "km"}));
  EXPECT_EQ(doc_.tokens[0].kind, TokenKind::kNumber);
  // A year followed by a count is two numbers; a sentence-final period is not a decimal.
  EXPECT_EQ(Texts("en 2021 300 soldats. 12."), (V{"en", "2021", "300", "soldats", ".", "12", "."}));
  EXPECT_EQ(Texts("3 1234"), (V{"3", "1234"}));
}

TEST_F(TokenizeTest, PunctuationAndSymbols) {
  EXPECT_EQ(Texts("« Non ! » (dit-il)... 20 % $"),
            (V{"«", "Non", "!", "»", "(", "dit-il", ")", "...", "20", "%", "$"}));
  EXPECT_EQ(doc_.tokens[0].kind, TokenKind::kPunct);
  EXPECT_EQ(doc_.tokens[9].kind, TokenKind::kSymbol);
  EXPECT_EQ(Texts("\"Yes\" — he said…"), (V{"\"", "Yes", "\"", "—", "he", "said", "…"}));
}

TEST_F(TokenizeTest, CaseFlags) {
  Texts("REUTERS Kaboul ONU x A Élysée");
  EXPECT_EQ(doc_.tokens[0].flags, kCapitalized | kAllCaps);
  EXPECT_EQ(doc_.tokens[1].flags, kCapitalized);
  EXPECT_EQ(doc_.tokens[2].flags, kCapitalized | kAllCaps);
  EXPECT_EQ(doc_.tokens[3].flags, 0);
  EXPECT_EQ(doc_.tokens[4].flags, kCapitalized);  // one letter is not "all caps"
  EXPECT_EQ(doc_.tokens[5].flags, kCapitalized);
}

// The slow reference: whatever the input, tokens are in order, never overlap, round-trip through
// their offsets, and together cover every byte that is not a space.
void CheckInvariants(const Document& doc) {
  std::vector<bool> covered(doc.text.size(), false);
  uint32_t last_end = 0;
  for (const Token& t : doc.tokens) {
    ASSERT_LT(t.start, t.end);
    ASSERT_LE(last_end, t.start) << "overlap at " << t.start;
    ASSERT_LE(t.end, doc.text.size());
    last_end = t.end;
    for (uint32_t i = t.start; i < t.end; ++i) covered[i] = true;
  }
  for (size_t i = 0; i < doc.text.size(); ++i) {
    if (covered[i]) continue;
    unsigned char c = static_cast<unsigned char>(doc.text[i]);
    bool ascii_space = c <= ' ' || c == 127;
    bool nbsp = doc.text.compare(i, 2, "\u00A0") == 0 ||
                (i > 0 && doc.text.compare(i - 1, 2, "\u00A0") == 0);
    bool nnbsp = false;
    for (size_t k = 0; k < 3 && k <= i; ++k) {
      if (doc.text.compare(i - k, 3, "\u202F") == 0 || doc.text.compare(i - k, 3, "\u2009") == 0) {
        nnbsp = true;
      }
    }
    ASSERT_TRUE(ascii_space || nbsp || nnbsp) << "byte " << i << " not covered in: " << doc.text;
  }
}

TEST_F(TokenizeTest, RandomTextKeepsOffsetInvariants) {
  const std::vector<std::string> pieces = {
      "a",      "É",      "l", "’",   "'",           "-",    ".",        ",",      " ",
      "\u00A0", "\u202F", "1", "000", "qu",          "U.S.", "Lt.-Col.", "«",      "»",
      "\n",     "s",      "…", "%",   "aujourd’hui", "x",    "9",        "\u2009", "M"};
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int len = static_cast<int>(rng() % 20);
    for (int i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    doc_.Clear();
    doc_.text = text;
    tokenizer_->Run(&doc_);
    CheckInvariants(doc_);
    if (HasFatalFailure()) return;
  }
}

TEST(TokenizerCreateTest, MissingDataNamesThePath) {
  auto t = Tokenizer::Create("/nonexistent/data");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("/nonexistent/data/lemmas/fr/elisions.tsv"),
            std::string::npos);
}

}  // namespace
}  // namespace vigie::internal
