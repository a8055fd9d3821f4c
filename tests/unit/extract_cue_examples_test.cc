// The example sentences of the cue and source tables are tests: a source's example attributes its
// event to that source with the status its kind implies, a cancelling cue's example gives no
// armed event, a status cue's example gives its status.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

constexpr std::pair<Lang, const char*> kLanguages[] = {{Lang::kFr, "fr"}, {Lang::kEn, "en"}};

bool IsArmed(const std::string& type) {
  return type == "capture" || type == "attack" || type == "strike" || type == "civilian_harm";
}

TEST(ExtractCueExamplesTest, EverySourceExampleNamesItsSource) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  size_t checked = 0;
  for (auto [lang, code] : kLanguages) {
    for (const SourceEntry& source : f.rules(lang)->sources) {
      if (source.origin.example.empty()) continue;
      ++checked;
      ExtractFixture::Output out = f.Run(source.origin.example, code, "2021-07-04");
      // A party claims; others report, or spread a rumour ("selon les rumeurs").
      const std::set<EventStatus> want =
          source.party ? std::set<EventStatus>{EventStatus::kClaimed}
                       : std::set<EventStatus>{EventStatus::kReported, EventStatus::kRumored};
      bool found = false;
      std::string got;
      for (const Event& e : out.events) {
        // "le porte-parole des talibans" is the "Taliban spokesman".
        found = found ||
                (e.source.find(source.canonical) != std::string::npos && want.count(e.status) != 0);
        got += " [" + e.type + " " + EventStatusName(e.status) + " by " + e.source + "]";
      }
      EXPECT_TRUE(found) << source.origin.Where() << ": no event "
                         << (source.party ? "claimed" : "reported") << " by " << source.canonical
                         << " in \"" << source.origin.example << "\"; got" << got << out.error;
    }
  }
  EXPECT_GT(checked, 20u);
}

TEST(ExtractCueExamplesTest, EveryCancelExampleGivesNoArmedEvent) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  size_t checked = 0;
  for (auto [lang, code] : kLanguages) {
    for (const Cue& cue : f.rules(lang)->cues) {
      if (cue.kind != CueKind::kCancel || cue.origin.example.empty()) continue;
      ++checked;
      ExtractFixture::Output out = f.Run(cue.origin.example, code, "2021-07-04");
      for (const Event& e : out.events) {
        EXPECT_FALSE(IsArmed(e.type))
            << cue.origin.Where() << ": " << e.type << " in \"" << cue.origin.example << "\"";
      }
    }
  }
  EXPECT_GT(checked, 20u);
}

// The status a cue's example must give, by cue kind.
TEST(ExtractCueExamplesTest, EveryStatusCueExampleGivesItsStatus) {
  const std::pair<CueKind, std::set<EventStatus>> kWanted[] = {
      {CueKind::kDeny, {EventStatus::kDenied}},
      {CueKind::kNegation, {EventStatus::kNegated}},
      {CueKind::kRumor, {EventStatus::kRumored}},
      {CueKind::kConditional, {EventStatus::kUncertain}},
      {CueKind::kHedge, {EventStatus::kReported}},
      {CueKind::kFuture, {EventStatus::kPlanned}},
      {CueKind::kImminent, {EventStatus::kUncertain, EventStatus::kRumored}},
      {CueKind::kHearsay, {EventStatus::kReported, EventStatus::kClaimed}},
      {CueKind::kClaim, {EventStatus::kClaimed}},
  };
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  size_t checked = 0;
  for (auto [lang, code] : kLanguages) {
    for (const Cue& cue : f.rules(lang)->cues) {
      if (cue.origin.example.empty()) continue;
      for (const auto& [kind, statuses] : kWanted) {
        if (cue.kind != kind) continue;
        ++checked;
        ExtractFixture::Output out = f.Run(cue.origin.example, code, "2021-07-04");
        bool found = false;
        std::string got;
        for (const Event& e : out.events) {
          found = found || statuses.count(e.status) != 0;
          got += " [" + e.type + " " + EventStatusName(e.status) + "]";
        }
        EXPECT_TRUE(found) << cue.origin.Where() << ": \"" << cue.origin.example << "\"; got" << got
                           << out.error;
      }
    }
  }
  EXPECT_GT(checked, 20u);
}

}  // namespace
}  // namespace vigie::internal
