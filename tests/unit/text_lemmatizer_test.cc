#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "base/fold.h"
#include "text/lemmatizer.h"

namespace vigie::internal {
namespace {

class LemmatizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LemmatizerOptions options;
    options.data_dir = VIGIE_DATA_DIR;
    auto l = Lemmatizer::Create(options);
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    lemmatizer_ = std::move(l.value()).release();
  }
  static void TearDownTestSuite() { delete lemmatizer_; }
  static std::string Fr(std::string_view w) {
    return std::string(lemmatizer_->Lookup(Lang::kFr, w).lemma);
  }
  static std::string En(std::string_view w) {
    return std::string(lemmatizer_->Lookup(Lang::kEn, w).lemma);
  }
  static Lemmatizer* lemmatizer_;
};
Lemmatizer* LemmatizerTest::lemmatizer_ = nullptr;

TEST_F(LemmatizerTest, FrenchVerbsFromHunspell) {
  EXPECT_EQ(Fr("conquis"), "conquérir");
  EXPECT_EQ(Fr("auraient"), "avoir");
  EXPECT_EQ(Fr("emparent"), "emparer");  // "s’emparent" after the elision split
  EXPECT_EQ(Fr("démentent"), "démentir");
  EXPECT_EQ(Fr("défendrons"), "défendre");
  EXPECT_EQ(Fr("tombée"), "tomber");
  EXPECT_EQ(Fr("fuira"), "fuir");
  EXPECT_EQ(Fr("Tués"), "tuer");
  EXPECT_EQ(Fr("est"), "être");
}

TEST_F(LemmatizerTest, FrenchNounsKeepTheirLemma) {
  EXPECT_EQ(Fr("attaque"), "attaque");
  EXPECT_EQ(Fr("talibans"), "taliban");
  EXPECT_EQ(Fr("Kaboul"), "kaboul");  // unknown in lower case: the lower form
}

TEST_F(LemmatizerTest, FrenchAmbiguousForms) {
  EXPECT_EQ(Fr("pendant"), "pendant");  // a preposition, not "pendre"
  EXPECT_EQ(Fr("lui"), "lui");
  EXPECT_EQ(Fr("maintenant"), "maintenant");
  EXPECT_EQ(Fr("continue"), "continuer");  // the verb before the adjective "continu"
  EXPECT_EQ(Fr("Gaza"), "gaza");           // a proper name, not "gazer"
  EXPECT_EQ(Fr("armée"), "armée");         // data/lemmas/fr/lemmas.tsv
  EXPECT_EQ(Fr("km"), "km");
  EXPECT_EQ(Fr("commandant"), "commandant");
}

TEST_F(LemmatizerTest, FrenchElisions) {
  EXPECT_EQ(Fr("l’"), "le");
  EXPECT_EQ(Fr("L'"), "le");
  EXPECT_EQ(Fr("qu’"), "que");
  EXPECT_EQ(Fr("Jusqu’"), "jusque");
}

TEST_F(LemmatizerTest, EnglishIrregularAndSuffixRules) {
  EXPECT_EQ(En("took"), "take");
  EXPECT_EQ(En("fled"), "flee");
  EXPECT_EQ(En("seized"), "seize");
  EXPECT_EQ(En("captured"), "capture");
  EXPECT_EQ(En("shelling"), "shell");
  EXPECT_EQ(En("attacked"), "attack");
  EXPECT_EQ(En("cities"), "city");
  EXPECT_EQ(En("stopped"), "stop");
  EXPECT_EQ(En("clashes"), "clash");
  EXPECT_EQ(En("Troops"), "troop");
  EXPECT_EQ(En("was"), "be");
  EXPECT_EQ(En("during"), "during");
  EXPECT_EQ(En("news"), "news");
}

TEST_F(LemmatizerTest, LowerAndFoldedForms) {
  WordForms f = lemmatizer_->Lookup(Lang::kFr, "Hérat");
  EXPECT_EQ(f.lower, "hérat");
  EXPECT_EQ(f.folded, "herat");
  for (std::string_view w : {"L’Otan", "Mazar-i-Sharif", "ÉTAT", "1\u00A0000", "Œuvre", "«"}) {
    EXPECT_EQ(lemmatizer_->Lookup(Lang::kFr, w).folded, FoldText(w)) << w;
    EXPECT_EQ(lemmatizer_->Lookup(Lang::kEn, w).folded, FoldText(w)) << w;
  }
}

TEST_F(LemmatizerTest, CachedViewsAreStable) {
  WordForms a = lemmatizer_->Lookup(Lang::kFr, "bombardements");
  for (int i = 0; i < 5000; ++i) {
    (void)lemmatizer_->Lookup(Lang::kEn, "word" + std::to_string(i));
  }
  WordForms b = lemmatizer_->Lookup(Lang::kFr, "bombardements");
  EXPECT_EQ(a.lemma.data(), b.lemma.data());
  EXPECT_EQ(a.lemma, "bombardement");
  size_t forms = lemmatizer_->CachedForms();
  (void)lemmatizer_->Lookup(Lang::kEn, "word42");
  EXPECT_EQ(lemmatizer_->CachedForms(), forms);
}

TEST_F(LemmatizerTest, ThreadsShareTheCache) {
  const std::vector<std::string> words = {"attaques", "tombées", "conquis", "défendrons",
                                          "fuiront",  "blessés", "villes",  "armées"};
  std::vector<std::thread> threads;
  std::vector<std::string> results(4 * words.size());
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < words.size(); ++i) {
          results[t * words.size() + i] =
              std::string(lemmatizer_->Lookup(Lang::kFr, words[i]).lemma);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) {
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(results[t * words.size() + i], results[i]);
    }
  }
  EXPECT_EQ(results[1], "tomber");
}

TEST_F(LemmatizerTest, RunFillsEveryToken) {
  Document doc;
  doc.text = "Les villes";
  doc.lang = Lang::kFr;
  doc.tokens.resize(2);
  doc.tokens[0].end = 3;
  doc.tokens[1].start = 4;
  doc.tokens[1].end = 10;
  lemmatizer_->Run(&doc);
  EXPECT_EQ(doc.tokens[0].lower, "les");
  EXPECT_EQ(doc.tokens[1].lemma, "ville");
  EXPECT_EQ(doc.tokens[1].folded, "villes");
}

TEST(LemmatizerCreateTest, MissingFilesNameThePath) {
  LemmatizerOptions options;
  options.data_dir = VIGIE_DATA_DIR;
  options.hunspell_dir = "/nonexistent/hunspell";
  auto l = Lemmatizer::Create(options);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("/nonexistent/hunspell/fr.aff"), std::string::npos);
  options.hunspell_dir = "/usr/share/hunspell";
  options.wordnet_dir = "/nonexistent/wordnet";
  l = Lemmatizer::Create(options);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("/nonexistent/wordnet/verb.exc"), std::string::npos);
}

}  // namespace
}  // namespace vigie::internal
