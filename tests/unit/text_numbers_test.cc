#include <gtest/gtest.h>

#include <string>

#include "text/lemmatizer.h"
#include "text/numbers.h"
#include "text/sentences.h"
#include "text/tokenize.h"

namespace vigie::internal {
namespace {

TEST(ParseDigitsTest, SeparatorsFollowTheLanguage) {
  double v = 0;
  ASSERT_TRUE(ParseDigits("1 000", Lang::kFr, &v));
  EXPECT_EQ(v, 1000);
  ASSERT_TRUE(ParseDigits("1\u202F500\u00A0000", Lang::kFr, &v));
  EXPECT_EQ(v, 1500000);
  ASSERT_TRUE(ParseDigits("1.000", Lang::kFr, &v));
  EXPECT_EQ(v, 1000);
  ASSERT_TRUE(ParseDigits("2,5", Lang::kFr, &v));
  EXPECT_EQ(v, 2.5);
  ASSERT_TRUE(ParseDigits("1,000", Lang::kEn, &v));
  EXPECT_EQ(v, 1000);
  ASSERT_TRUE(ParseDigits("2.5", Lang::kEn, &v));
  EXPECT_EQ(v, 2.5);
  ASSERT_TRUE(ParseDigits("1.000.000", Lang::kEn, &v));
  EXPECT_EQ(v, 1000000);
  ASSERT_TRUE(ParseDigits("1.234,5", Lang::kEn, &v));
  EXPECT_EQ(v, 1234.5);
  ASSERT_TRUE(ParseDigits("1,234.5", Lang::kFr, &v));
  EXPECT_EQ(v, 1234.5);
  ASSERT_TRUE(ParseDigits("2021", Lang::kFr, &v));
  EXPECT_EQ(v, 2021);
  EXPECT_FALSE(ParseDigits("12a", Lang::kFr, &v));
}

class NumbersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Tokenizer::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tokenizer_ = std::move(t.value()).release();
    auto s = SentenceSplitter::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    splitter_ = std::move(s.value()).release();
    LemmatizerOptions options;
    options.data_dir = VIGIE_DATA_DIR;
    auto l = Lemmatizer::Create(options);
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    lemmatizer_ = std::move(l.value()).release();
    auto n = NumberReader::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    numbers_ = std::move(n.value()).release();
  }
  static void TearDownTestSuite() {
    delete tokenizer_;
    delete splitter_;
    delete lemmatizer_;
    delete numbers_;
  }

  // "text|value|qualifier" of each number found.
  std::vector<std::string> Numbers(std::string_view text, Lang lang) {
    doc_.Clear();
    doc_.text = std::string(text);
    doc_.lang = lang;
    tokenizer_->Run(&doc_);
    splitter_->Run(&doc_);
    lemmatizer_->Run(&doc_);
    numbers_->Run(&doc_);
    std::vector<std::string> out;
    for (const NumberMention& m : doc_.numbers) {
      char value[32];
      snprintf(value, sizeof(value), "%g", m.value);
      out.push_back(doc_.text.substr(m.start, m.end - m.start) + "|" + value + "|" +
                    NumberQualifierName(m.qualifier));
    }
    return out;
  }

  static Tokenizer* tokenizer_;
  static SentenceSplitter* splitter_;
  static Lemmatizer* lemmatizer_;
  static NumberReader* numbers_;
  Document doc_;
};
Tokenizer* NumbersTest::tokenizer_ = nullptr;
SentenceSplitter* NumbersTest::splitter_ = nullptr;
Lemmatizer* NumbersTest::lemmatizer_ = nullptr;
NumberReader* NumbersTest::numbers_ = nullptr;

using V = std::vector<std::string>;

TEST_F(NumbersTest, FrenchGroupNouns) {
  EXPECT_EQ(Numbers("Une dizaine de roquettes et des dizaines de blessés.", Lang::kFr),
            (V{"Une dizaine|10|approx", "des dizaines|12|approx"}));
  EXPECT_EQ(Numbers("Une centaine de maisons, des centaines de familles.", Lang::kFr),
            (V{"Une centaine|100|approx", "des centaines|100|approx"}));
  EXPECT_EQ(Numbers("Des dizaines de milliers de déplacés.", Lang::kFr),
            (V{"Des dizaines de milliers|12000|approx"}));
}

TEST_F(NumbersTest, FrenchQualifiers) {
  EXPECT_EQ(Numbers("Plus de treize villages et au moins 20 morts.", Lang::kFr),
            (V{"Plus de treize|13|at_least", "au moins 20|20|at_least"}));
  EXPECT_EQ(Numbers("Près de 300 familles, quelque 200 rebelles.", Lang::kFr),
            (V{"Près de 300|300|approx", "quelque 200|200|approx"}));
  EXPECT_EQ(Numbers("Jusqu’à 50 hommes et plus d’une centaine de tirs.", Lang::kFr),
            (V{"Jusqu’à 50|50|at_most", "plus d’une centaine|100|at_least"}));
}

TEST_F(NumbersTest, FrenchWordsAndDigits) {
  EXPECT_EQ(Numbers("Vingt-cinq civils, quatre-vingt-dix soldats, deux cents obus.", Lang::kFr),
            (V{"Vingt-cinq|25|exact", "quatre-vingt-dix|90|exact", "deux cents|200|exact"}));
  EXPECT_EQ(Numbers("1,5 million de déplacés et 1 000 blessés en 2021 en 24 heures.", Lang::kFr),
            (V{"1,5 million|1.5e+06|exact", "1 000|1000|exact", "2021|2021|exact", "24|24|exact"}));
  EXPECT_EQ(Numbers("vingt et un blessés", Lang::kFr), (V{"vingt et un|21|exact"}));
}

TEST_F(NumbersTest, LoneArticlesAreNotNumbers) {
  EXPECT_TRUE(Numbers("Une attaque a visé un poste.", Lang::kFr).empty());
  EXPECT_TRUE(Numbers("A convoy was hit by an IED.", Lang::kEn).empty());
}

TEST_F(NumbersTest, English) {
  EXPECT_EQ(Numbers("Dozens of homes and hundreds of families.", Lang::kEn),
            (V{"Dozens|12|approx", "hundreds|100|approx"}));
  EXPECT_EQ(Numbers("More than a thousand fled; at least 20 died.", Lang::kEn),
            (V{"More than a thousand|1000|at_least", "at least 20|20|at_least"}));
  EXPECT_EQ(Numbers("Two dozen trucks, three tanks and 1,000 troops.", Lang::kEn),
            (V{"Two dozen|24|exact", "three|3|exact", "1,000|1000|exact"}));
  EXPECT_EQ(Numbers("Tens of thousands left; several hundred stayed.", Lang::kEn),
            (V{"Tens of thousands|10000|approx", "several hundred|100|approx"}));
  EXPECT_EQ(Numbers("Some 2.5 million people, two hundred and fifty of them hurt.", Lang::kEn),
            (V{"Some 2.5 million|2.5e+06|approx", "two hundred and fifty|250|exact"}));
}

TEST_F(NumbersTest, OfJoinsOnlyAfterAGroupNoun) {
  EXPECT_EQ(Numbers("He was one of a dozen guards.", Lang::kEn),
            (V{"one|1|exact", "a dozen|12|exact"}));
  EXPECT_EQ(Numbers("Trois de ses gardes.", Lang::kFr), (V{"Trois|3|exact"}));
}

TEST_F(NumbersTest, TokenRangesMatchTheSpan) {
  Numbers("Au moins 20 morts.", Lang::kFr);
  ASSERT_EQ(doc_.numbers.size(), 1u);
  EXPECT_EQ(doc_.numbers[0].first_token, 0u);
  EXPECT_EQ(doc_.numbers[0].end_token, 3u);
}

TEST(NumberReaderCreateTest, BadLineNamesFileAndLine) {
  auto n = NumberReader::Create("/nonexistent");
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("/nonexistent/lemmas/fr/numbers.tsv"), std::string::npos);
}

}  // namespace
}  // namespace vigie::internal
