// Syndicated copies that a site extended (a headline, paragraphs of its own, a paragraph printed
// twice) are found by the containment of their shingles, while two stories about one town that
// share a few phrases are not copies. The texts are made up for these tests.
#include <gtest/gtest.h>

#include <bit>
#include <string>
#include <vector>

#include "store/near_duplicate.h"
#include "store_test_data.h"
#include "store_test_fixture.h"

namespace vigie {
namespace {

using internal::ComputeMinHash;
using internal::CopyGroups;
using internal::EstimatedContainment;
using internal::MinHash;
using internal::TextPrint;

const char kLead[] =
    "Insurgent fighters entered the market town of Dastgird on Thursday morning after a night of "
    "shelling, and raised their flag over the district governor's office, two residents and a "
    "local official said.";
const char kBody[] =
    "The official, who asked not to be named because he was not allowed to speak to reporters, "
    "said the last police units had pulled back towards the river crossing at dawn, leaving the "
    "grain depot and the bus station to the attackers.\n\n"
    "A shopkeeper reached by telephone said families were loading carts with blankets and water "
    "cans and leaving by the northern road, while others stayed indoors with their shutters "
    "closed. He said he had counted at least four burned vehicles near the clinic.\n\n"
    "The provincial council asked the capital for reinforcements and air support, warning that "
    "the valley beyond the crossing had no defences left. A spokesman for the interior ministry "
    "said a counter-offensive was being prepared but gave no date.\n\n"
    "Dastgird, a town of some thirty thousand people on the old caravan road, is the third "
    "district centre in the valley to change hands this month.";
const char kExtra1[] =
    "Our correspondent in the regional capital reports that the road to the valley has been "
    "closed by the army since Wednesday evening and that buses no longer run to the border.";
const char kExtra2[] =
    "Aid agencies meeting in the capital on Friday said they were ready to send tents, food and "
    "medicine as soon as the crossing was safe, but had received no guarantee from either side.";

std::string WireText() {
  return std::string(kLead) + "\n\n" + kBody;
}

// The wire story as one site printed it: a headline of its own, the lead twice (once as a
// standfirst), then the story and two paragraphs of its own.
std::string ExtendedCopy() {
  return std::string("DASTGIRD FALLS: residents flee as fighters take the town\n") + kLead +
         "\n\n" + kLead + "\n\n" + kBody + "\n\n" + kExtra1 + "\n\n" + kExtra2;
}

// Another story about the same town, a week later, that repeats a few of the wire's phrases.
std::string OtherStoryOfTheTown() {
  return "Government troops said on Saturday they had retaken the market town of Dastgird, a "
         "week after insurgent fighters raised their flag over the district governor's office. "
         "An army colonel told a news conference in the regional capital that his men had met "
         "little resistance and that the grain depot was intact. Residents who had fled by the "
         "northern road began to return on foot, though many found their shops looted and the "
         "clinic without power. Dastgird, a town of some thirty thousand people on the old "
         "caravan road, had changed hands twice in a month. The interior ministry said the "
         "bridge would reopen to traffic once engineers had checked it for explosives.";
}

TEST(MinHashTest, SameTextGivesTheSameSignature) {
  const MinHash a = ComputeMinHash(WireText()), b = ComputeMinHash(WireText());
  EXPECT_EQ(a.signature, b.signature);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_GT(a.shingles, 150u);
  // Stored bytes read back to the same minima.
  auto decoded = internal::DecodeMinHash(internal::EncodeMinHash(a));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, a.signature);
  EXPECT_FALSE(internal::DecodeMinHash("short"));
  // Typography and case are not words: French quotes with no-break spaces, curly apostrophes
  // and capitals give the same shingles as plain ones.
  EXPECT_EQ(ComputeMinHash("Le porte-parole a déclaré « nous tenons la ville », selon l’AFP, à "
                           "État-major ce matin")
                .signature,
            ComputeMinHash("le porte parole a déclaré \"nous tenons la ville\", selon l'AFP, à "
                           "état major ce matin")
                .signature);
  EXPECT_EQ(ComputeMinHash("four short words only").shingles, 0u);
  EXPECT_EQ(internal::EncodeMinHash(ComputeMinHash("four short words only")), "");
}

TEST(CopyGroupsTest, ExtendedCopyGroupsWithTheOriginal) {
  const std::string wire = WireText(), copy = ExtendedCopy();
  const MinHash a = ComputeMinHash(wire), b = ComputeMinHash(copy);
  EXPECT_GE(EstimatedContainment(a.signature, a.shingles, b.signature, b.shingles),
            internal::kMinContainment);
  // Too far apart for SimHash alone.
  const uint64_t sa = internal::SimHash(wire), sb = internal::SimHash(copy);
  EXPECT_GT(std::popcount(sa ^ sb), StoreOptions().near_duplicate_bits);
  const std::vector<TextPrint> prints = {{sb, b}, {sa, a}};
  EXPECT_EQ(CopyGroups(prints, StoreOptions().near_duplicate_bits), (std::vector<size_t>{0, 0}));
}

TEST(CopyGroupsTest, StoriesOfOneTownSharingPhrasesAreNotCopies) {
  const std::string wire = WireText(), other = OtherStoryOfTheTown();
  const MinHash a = ComputeMinHash(wire), b = ComputeMinHash(other);
  EXPECT_LT(EstimatedContainment(a.signature, a.shingles, b.signature, b.shingles), 0.5);
  const std::vector<TextPrint> prints = {{internal::SimHash(wire), a},
                                         {internal::SimHash(other), b}};
  EXPECT_EQ(CopyGroups(prints, StoreOptions().near_duplicate_bits), (std::vector<size_t>{0, 1}));
}

// One sentence quoted in a longer story is contained in it, but is too short to be a copy of it.
TEST(CopyGroupsTest, ShortQuoteIsNotACopy) {
  const std::string quote =
      "Insurgent fighters entered the market town of Dastgird on Thursday morning after a night "
      "of shelling, and raised their flag";
  const std::string wire = WireText();
  const MinHash a = ComputeMinHash(quote), b = ComputeMinHash(wire);
  ASSERT_LT(a.shingles, internal::kMinContainmentShingles);
  const std::vector<TextPrint> prints = {{internal::SimHash(quote), a},
                                         {internal::SimHash(wire), b}};
  EXPECT_EQ(CopyGroups(prints, StoreOptions().near_duplicate_bits), (std::vector<size_t>{0, 1}));
}

// The same signature (a containment of 1) links two texts only when both have enough shingles.
TEST(CopyGroupsTest, ContainmentNeedsEnoughShingles) {
  const MinHash story = ComputeMinHash(WireText());
  for (uint32_t shingles :
       {internal::kMinContainmentShingles - 1, internal::kMinContainmentShingles}) {
    MinHash small = story;
    small.shingles = shingles;
    const std::vector<TextPrint> prints = {{0, small}, {0, small}};
    const size_t second = shingles < internal::kMinContainmentShingles ? 1 : 0;
    EXPECT_EQ(CopyGroups(prints, 6), (std::vector<size_t>{0, second})) << shingles;
  }
}

// A copy found by containment links a chain: the wire, its extended copy, and a copy of that
// copy with a byline, whatever order they come in.
TEST(CopyGroupsTest, GroupsAreLinkedComponents) {
  const std::string texts[] = {OtherStoryOfTheTown(), ExtendedCopy(), WireText(),
                               "By a staff reporter. " + ExtendedCopy()};
  std::vector<TextPrint> prints;
  for (const std::string& t : texts) prints.push_back({internal::SimHash(t), ComputeMinHash(t)});
  EXPECT_EQ(CopyGroups(prints, StoreOptions().near_duplicate_bits),
            (std::vector<size_t>{0, 1, 1, 1}));
}

class StoreCopiesTest : public testing::StoreFileTest {};

TEST_F(StoreCopiesTest, ExtendedCopyCountsAsOneSource) {
  const Event fall =
      testing::MakeEvent("capture", "Taliban", testing::KunduzCity(), "2021-08-08",
                         EventStatus::kReported, "Insurgent fighters entered the market town");
  // The extended copy has the smaller id: it names the group.
  std::vector<IngestItem> items = {
      testing::MakeItem("B-wire", "2021-08-08", WireText(), {fall}),
      testing::MakeItem("A-site", "2021-08-09", ExtendedCopy(), {fall}),
      testing::MakeItem("C-other", "2021-08-09", OtherStoryOfTheTown(), {fall}),
  };
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto events = store->Events({});
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].sources, 2);
  for (const Mention& m : (*events)[0].mentions) {
    EXPECT_EQ(m.dup_group, m.article == "C-other" ? "C-other" : "A-site") << m.article;
  }
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->dup_groups, 2);
}

}  // namespace
}  // namespace vigie
