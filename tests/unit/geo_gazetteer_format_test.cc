// The loader refuses files it cannot read, naming the file and what differs: a bad magic
// number, another format version, a truncated or corrupt file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"
#include "geo/gazetteer_format.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class GazetteerFormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vigie_gaz_format_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    GazetteerBuildOptions o;
    o.out_path = (dir_ / "good.vgz").string();
    o.geonames_dir = std::string(VIGIE_TEST_DIR) + "/data/geonames";
    o.overrides_path = o.geonames_dir + "/overrides.tsv";
    o.locale_dir = o.iso_codes_dir = "/nonexistent";
    auto report = BuildGazetteer(o);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::ifstream in(o.out_path, std::ios::binary);
    good_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ASSERT_GT(good_.size(), sizeof(gazfmt::Header));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  gazfmt::Header HeaderOf(const std::string& bytes) {
    gazfmt::Header h;
    std::memcpy(&h, bytes.data(), sizeof(h));
    return h;
  }
  std::string WithHeader(gazfmt::Header h, bool recheck) {
    if (recheck) h.header_check = gazfmt::HeaderCheck(h);
    std::string bytes = good_;
    std::memcpy(bytes.data(), &h, sizeof(h));
    return bytes;
  }

  fs::path dir_;
  std::string good_;
};

TEST_F(GazetteerFormatTest, GoodFileOpens) {
  auto gaz = Gazetteer::Open(Write("copy.vgz", good_));
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  EXPECT_EQ((*gaz)->mapped_bytes(), good_.size());
  EXPECT_GT((*gaz)->size(), 10u);
  EXPECT_TRUE((*gaz)->Candidates("").empty());
  EXPECT_TRUE((*gaz)->Candidates("zzzz").empty());
  EXPECT_EQ((*gaz)->Entry(UINT32_MAX).kind, PlaceKind::kUnknown);
}

TEST_F(GazetteerFormatTest, MissingFileIsNamed) {
  auto gaz = Gazetteer::Open((dir_ / "absent.vgz").string());
  ASSERT_FALSE(gaz.ok());
  EXPECT_EQ(gaz.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(gaz.status().message(), HasSubstr("absent.vgz"));
  EXPECT_THAT(gaz.status().message(), HasSubstr("vigie gazetteer build"));
}

TEST_F(GazetteerFormatTest, BadMagicIsRefused) {
  std::string bytes = good_;
  bytes[0] = 'X';
  auto gaz = Gazetteer::Open(Write("magic.vgz", bytes));
  ASSERT_FALSE(gaz.ok());
  EXPECT_THAT(gaz.status().message(), HasSubstr("magic.vgz: not a Vigie gazetteer"));
}

TEST_F(GazetteerFormatTest, OtherFormatVersionIsRefusedWithBothVersions) {
  gazfmt::Header h = HeaderOf(good_);
  h.format_version = gazfmt::kFormatVersion + 1;
  auto gaz = Gazetteer::Open(Write("version.vgz", WithHeader(h, true)));
  ASSERT_FALSE(gaz.ok());
  EXPECT_EQ(gaz.status().code(), StatusCode::kUnsupported);
  EXPECT_THAT(
      gaz.status().message(),
      HasSubstr("version.vgz: format version " + std::to_string(gazfmt::kFormatVersion + 1) +
                ", this build reads " + std::to_string(gazfmt::kFormatVersion)));
}

TEST_F(GazetteerFormatTest, TruncatedFileIsRefused) {
  auto gaz = Gazetteer::Open(Write("cut.vgz", good_.substr(0, good_.size() - 100)));
  ASSERT_FALSE(gaz.ok());
  EXPECT_THAT(gaz.status().message(), HasSubstr("cut.vgz"));
  EXPECT_THAT(gaz.status().message(), HasSubstr("truncated"));

  auto tiny = Gazetteer::Open(Write("tiny.vgz", good_.substr(0, 10)));
  ASSERT_FALSE(tiny.ok());
  EXPECT_THAT(tiny.status().message(), HasSubstr("tiny.vgz: 10 bytes"));
}

TEST_F(GazetteerFormatTest, EditedHeaderFailsItsCheck) {
  gazfmt::Header h = HeaderOf(good_);
  h.entry_count += 1;
  auto gaz = Gazetteer::Open(Write("edited.vgz", WithHeader(h, false)));
  ASSERT_FALSE(gaz.ok());
  EXPECT_THAT(gaz.status().message(), HasSubstr("header checksum"));
}

TEST_F(GazetteerFormatTest, SectionOutsideTheFileIsRefused) {
  gazfmt::Header h = HeaderOf(good_);
  h.strings_size = good_.size();
  auto gaz = Gazetteer::Open(Write("section.vgz", WithHeader(h, true)));
  ASSERT_FALSE(gaz.ok());
  EXPECT_THAT(gaz.status().message(), HasSubstr("outside the file"));
}

TEST_F(GazetteerFormatTest, PostingBeyondTheEntriesIsRefused) {
  gazfmt::Header h = HeaderOf(good_);
  std::string bytes = good_;
  const uint32_t bad = h.entry_count + 5;
  std::memcpy(bytes.data() + h.postings_offset, &bad, 4);
  auto gaz = Gazetteer::Open(Write("posting.vgz", bytes));
  ASSERT_FALSE(gaz.ok());
  EXPECT_THAT(gaz.status().message(), HasSubstr("posting 0 names entry"));
}

}  // namespace
}  // namespace vigie::internal
