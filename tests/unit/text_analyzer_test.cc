#include "text/text_analyzer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/lemmatizer.h"

namespace vigie::internal {
namespace {

class TextAnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = TextAnalyzer::Create({VIGIE_DATA_DIR});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyzer_ = std::move(a.value()).release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  const Token* Find(std::string_view text) const {
    for (const Token& t : doc_.tokens) {
      if (doc_.TokenText(t) == text) return &t;
    }
    return nullptr;
  }

  static TextAnalyzer* analyzer_;
  Document doc_;
};
TextAnalyzer* TextAnalyzerTest::analyzer_ = nullptr;

constexpr std::string_view kFrench =
    "Les talibans s’emparent de Kunduz\n\n"
    "Les insurgés ont conquis la ville lundi. L’armée afghane dément et affirme que plus de "
    "treize villages restent sous son contrôle. Selon le Lt.-Col. Karimi, près de 300 familles "
    "ont fui vers Mazar-i-Sharif.";

TEST_F(TextAnalyzerTest, FrenchArticleEndToEnd) {
  std::string text(kFrench);
  ASSERT_TRUE(analyzer_->Run(text, "", &doc_).ok());
  EXPECT_EQ(doc_.lang, Lang::kFr);
  EXPECT_EQ(doc_.sentences.size(), 4u);  // the headline, then three sentences
  const Token* s = Find("s’");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->flags & kElision);
  EXPECT_EQ(s->lemma, "se");
  ASSERT_NE(Find("emparent"), nullptr);
  EXPECT_EQ(Find("emparent")->lemma, "emparer");
  EXPECT_EQ(Find("conquis")->lemma, "conquérir");
  EXPECT_EQ(Find("Mazar-i-Sharif")->folded, "mazar i sharif");
  ASSERT_NE(Find("Lt.-Col."), nullptr);
  ASSERT_EQ(doc_.numbers.size(), 2u);
  EXPECT_EQ(doc_.numbers[0].value, 13);
  EXPECT_EQ(doc_.numbers[0].qualifier, NumberQualifier::kAtLeast);
  EXPECT_EQ(doc_.numbers[1].value, 300);
  EXPECT_EQ(doc_.numbers[1].qualifier, NumberQualifier::kApprox);
}

TEST_F(TextAnalyzerTest, OffsetsMapBackToTheOriginal) {
  // "&nbsp;" and the decomposed "é" are rewritten; every token still cites the original bytes.
  std::string text =
      "Kaboul&nbsp;: l’arme\xCC\x81"
      "e a repris Herat. Les combats ont cessé.";
  ASSERT_TRUE(analyzer_->Run(text, "fr", &doc_).ok());
  for (const Token& t : doc_.tokens) {
    Span span = doc_.ToOriginal(t.start, t.end);
    ASSERT_LE(span.start, span.end);
    ASSERT_LE(span.end, text.size());
  }
  const Token* herat = Find("Herat");
  ASSERT_NE(herat, nullptr);
  Span span = doc_.ToOriginal(herat->start, herat->end);
  EXPECT_EQ(text.substr(span.start, span.end - span.start), "Herat");
}

TEST_F(TextAnalyzerTest, EnglishArticle) {
  std::string text =
      "Taliban fighters captured the provincial capital on Sunday after days of shelling. "
      "At least 20 civilians were killed and hundreds of families fled the city, officials said.";
  ASSERT_TRUE(analyzer_->Run(text, "", &doc_).ok());
  EXPECT_EQ(doc_.lang, Lang::kEn);
  EXPECT_EQ(Find("captured")->lemma, "capture");
  EXPECT_EQ(Find("shelling")->lemma, "shell");
  EXPECT_EQ(Find("fled")->lemma, "flee");
  ASSERT_EQ(doc_.numbers.size(), 2u);
  EXPECT_EQ(doc_.numbers[0].qualifier, NumberQualifier::kAtLeast);
  EXPECT_EQ(doc_.numbers[1].value, 100);
  EXPECT_EQ(doc_.sentences.size(), 2u);
}

TEST_F(TextAnalyzerTest, RejectsInvalidUtf8WithItsOffset) {
  std::string text = "Les combats\xFF continuent.";
  Status s = analyzer_->Run(text, "fr", &doc_);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("11"), std::string::npos) << s.message();
}

TEST_F(TextAnalyzerTest, RejectsTextWithoutWords) {
  Status s = analyzer_->Run(" \n 12 ... ", "fr", &doc_);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "empty text");
}

TEST_F(TextAnalyzerTest, RejectsOtherLanguages) {
  std::string text =
      "Die Regierung hat am Montag bestätigt, dass die Kämpfe in der nördlichen Provinz weiter "
      "andauern und zahlreiche Familien ihre Häuser verlassen mussten, um sich in Sicherheit zu "
      "bringen. Die Lage bleibt nach Angaben der Behörden angespannt.";
  Status s = analyzer_->Run(text, "", &doc_);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(), "unsupported language 'de'");
}

TEST_F(TextAnalyzerTest, ReusedDocumentIsReset) {
  ASSERT_TRUE(analyzer_->Run(std::string(kFrench), "", &doc_).ok());
  Status s = analyzer_->Run("Les talibans ont pris la ville de Kaboul.", "fr", &doc_);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc_.tokens.size(), 9u);
  EXPECT_EQ(doc_.sentences.size(), 1u);
  EXPECT_TRUE(doc_.numbers.empty());
}

TEST(LanguageSampleTest, CutsAtASpaceOrACharacterBoundary) {
  EXPECT_EQ(LanguageSample("Kaboul tombe."), "Kaboul tombe.");
  std::string words;
  while (words.size() < 2000) words += "les combats continuent ";
  std::string_view sample = LanguageSample(words);
  EXPECT_LE(sample.size(), 512u);
  EXPECT_GT(sample.size(), 400u);
  EXPECT_EQ(words[sample.size()], ' ');
  std::string accents;
  while (accents.size() < 2000) accents += "é";
  sample = LanguageSample(accents);
  EXPECT_EQ(sample.size() % 2, 0u);  // never half of "é"
  EXPECT_GT(sample.size(), 500u);
}

}  // namespace
}  // namespace vigie::internal
