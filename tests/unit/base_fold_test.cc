#include <gtest/gtest.h>

#include "base/fold.h"

namespace vigie::internal {
namespace {

TEST(FoldTest, DropsAccentsAndCase) {
  EXPECT_EQ(FoldText("Hérat"), "herat");
  EXPECT_EQ(FoldText("ÉTAT ISLAMIQUE"), "etat islamique");
  EXPECT_EQ(FoldText("Çà et là, Noël"), "ca et la, noel");
}

TEST(FoldTest, ApostrophesBecomeStraight) {
  EXPECT_EQ(FoldText("L’Otan"), "l'otan");
  EXPECT_EQ(FoldText("l‘armée"), "l'armee");
  EXPECT_EQ(FoldText("d`Hérat"), "d'herat");
  EXPECT_EQ(FoldText("qu'il"), "qu'il");
}

TEST(FoldTest, SeparatorRunsBecomeOneSpaceTrimmed) {
  EXPECT_EQ(FoldText("Mazar-e  Charif"), "mazar e charif");
  EXPECT_EQ(FoldText("  Mazar-i-Sharif \n"), "mazar i sharif");
  EXPECT_EQ(FoldText("Port\u00A0au\u202FPrince"), "port au prince");
  EXPECT_EQ(FoldText("al_Qaïda — branche"), "al qaida branche");
  EXPECT_EQ(FoldText("---"), "");
}

TEST(FoldTest, LigaturesAndSharpS) {
  EXPECT_EQ(FoldText("Œuvre"), "oeuvre");
  EXPECT_EQ(FoldText("cœur"), "coeur");
  EXPECT_EQ(FoldText("Straße"), "strasse");
  EXPECT_EQ(FoldText("ﬁn"), "fin");
  EXPECT_EQ(FoldText("Łódź"), "lodz");
}

TEST(FoldTest, DecomposedInputFoldsLikeComposed) {
  EXPECT_EQ(FoldText("He\xCC\x81rat"), FoldText("Hérat"));
}

TEST(FoldTest, OtherScriptsAreCaseFolded) {
  EXPECT_EQ(FoldText("КАБУЛ"), "кабул");
  EXPECT_EQ(FoldText("كابل"), "كابل");
}

TEST(FoldTest, InvalidBytesAreCopiedThrough) {
  std::string bad =
      "ab\xFF"
      "C";
  EXPECT_EQ(FoldText(bad),
            "ab\xFF"
            "c");
}

TEST(FoldTest, AppendsAfterExistingText) {
  std::string out = "x|";
  FoldAppend(" Kaboul ", &out);
  EXPECT_EQ(out, "x|kaboul");
}

}  // namespace
}  // namespace vigie::internal
