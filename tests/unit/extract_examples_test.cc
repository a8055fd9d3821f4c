// Every trigger rule carries the sentence it exists for; each of those sentences must give an
// event of the rule's type.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

void CheckExamples(Lang lang, std::string_view code) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  const RuleSet* rules = f.rules(lang);
  size_t checked = 0;
  for (const TriggerRule& rule : rules->triggers) {
    if (rule.origin.example.empty()) continue;
    ++checked;
    ExtractFixture::Output out = f.Run(rule.origin.example, code, "2021-07-04");
    ASSERT_TRUE(out.error.empty()) << rule.origin.Where() << ": " << out.error;
    bool found = false;
    std::string got;
    for (const Event& e : out.events) {
      found = found || e.type == rule.type;
      got += " [" + e.type + " " + e.place.text + "]";
    }
    EXPECT_TRUE(found) << rule.origin.Where() << ": no " << rule.type << " event in \""
                       << rule.origin.example << "\"; got" << got;
  }
  EXPECT_GT(checked, 30u);
}

TEST(ExtractExamplesTest, EveryFrenchTriggerExampleGivesItsType) {
  CheckExamples(Lang::kFr, "fr");
}

TEST(ExtractExamplesTest, EveryEnglishTriggerExampleGivesItsType) {
  CheckExamples(Lang::kEn, "en");
}

TEST(ExtractExamplesTest, EveryActorExampleNamesItsActor) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  for (auto [lang, code] : {std::pair{Lang::kFr, "fr"}, std::pair{Lang::kEn, "en"}}) {
    for (const ActorEntry& actor : f.rules(lang)->actors) {
      if (actor.origin.example.empty() || actor.generic) continue;
      ExtractFixture::Output out = f.Run(actor.origin.example, code, "2021-07-04");
      bool found = false;
      std::string got;
      for (const Event& e : out.events) {
        found = found || e.actor == actor.canonical;
        got += " [" + e.type + " by " + e.actor + "]";
      }
      EXPECT_TRUE(found) << actor.origin.Where() << ": no event by " << actor.canonical << " in \""
                         << actor.origin.example << "\"; got" << got << out.error;
    }
  }
}

}  // namespace
}  // namespace vigie::internal
