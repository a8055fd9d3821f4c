// ReadInputs: directories, stdin, format sniffing, and errors that concern a whole file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/input.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(VIGIE_TEST_DIR) + "/data/input";

std::vector<Result<Article>> Read(const std::vector<std::string>& paths) {
  std::vector<Result<Article>> out;
  ReadInputs(paths, {}, [&out](Result<Article> r) { out.push_back(std::move(r)); });
  return out;
}

// A scratch directory removed at the end of the test.
class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("vigie_input_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
};

TEST(InputFiles, DirectoryIsReadRecursivelyInPathOrder) {
  auto records = Read({kFixtures + "/tree"});
  ASSERT_EQ(records.size(), 3u);  // README.md and the hidden file are skipped
  for (const auto& r : records) ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(records[0]->id, "en-7");
  EXPECT_EQ(records[0]->published, "2022-03-17");
  EXPECT_EQ(records[0]->where, kFixtures + "/tree/a_feed.jsonl:1");
  EXPECT_EQ(records[1]->id, "b_dispatch");
  EXPECT_EQ(records[1]->published, "2022-03-16");
  EXPECT_EQ(records[1]->text,
            "Des habitants affirment avoir entendu des explosions au nord de la ville.\n");
  EXPECT_EQ(records[2]->id, "c_headers");
  EXPECT_EQ(records[2]->title, "Trêve annoncée");
  EXPECT_EQ(records[2]->published, "2022-03");
}

TEST(InputFiles, MissingPathIsOneErrorAndTheRestIsRead) {
  auto records = Read({kFixtures + "/no-such-file.jsonl", kFixtures + "/tree/a_feed.jsonl",
                       kFixtures + "/mixed.jsonl/inside"});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].status().code(), StatusCode::kNotFound);
  EXPECT_EQ(records[0].status().message(),
            kFixtures + "/no-such-file.jsonl: no such file or directory");
  EXPECT_TRUE(records[1].ok());
  ASSERT_FALSE(records[2].ok());
  EXPECT_TRUE(records[2].status().message().starts_with(kFixtures + "/mixed.jsonl/inside: "))
      << records[2].status().message();
}

TEST_F(InputFilesTest, BinaryFileIsOneError) {
  std::string blob = Write("photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string after = Write("z_after.txt", "Le calme est revenu dans la soirée.");
  auto records = Read({dir_.string()});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].status().message(), blob + ": binary file (NUL byte at offset 8)");
  ASSERT_TRUE(records[1].ok());
  EXPECT_EQ(records[1]->id, "z_after");
}

TEST_F(InputFilesTest, BinaryJsonLinesFileIsOneError) {
  std::string path = Write("feed.jsonl", std::string("{\"id\": \"a\", \"text\": \"x\"}\n\0\0", 27));
  auto records = Read({path});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status().message(), path + ": binary file (NUL byte at offset 25)");
}

TEST_F(InputFilesTest, ExtensionlessFileOpeningAnObjectIsJsonLines) {
  std::string path =
      Write("export", "  \n{\"id\": \"j1\", \"text\": \"A convoy was ambushed.\"}\n");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "j1");
  EXPECT_EQ(records[0]->where, path + ":2");
}

TEST_F(InputFilesTest, TxtFileIsAlwaysADispatch) {
  std::string path = Write("brace.txt", "{ce texte commence par une accolade}");
  auto records = Read({path});
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->text, "{ce texte commence par une accolade}");
}

TEST_F(InputFilesTest, HiddenDirectoriesAndOtherExtensionsAreSkipped) {
  Write(".git/HEAD", "ref: refs/heads/main\n");
  Write("notes.md", "# notes\n");
  Write("archive.gz", "not read");
  Write("keep/one.txt", "Un seul texte est lu.");
  auto records = Read({dir_.string()});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]->id, "one");
}

TEST_F(InputFilesTest, GoodRecordsAfterBadOnesAreRead) {
  std::string path = Write("feed.jsonl",
                           "{\"id\": \"a\", \"text\": \"Premier.\"}\n"
                           "{\"id\": \"b\", \"text\": \"Arm\xE9\"}\n"
                           "{broken\n"
                           "{\"id\": \"c\"}\n"
                           "{\"id\": \"d\", \"text\": \"Dernier.\"}\n");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 5u);
  EXPECT_TRUE(records[0].ok());
  EXPECT_EQ(records[1].status().message(),
            path + ":2: record 'b': invalid UTF-8 at byte 3 of the text");
  EXPECT_TRUE(records[2].status().message().starts_with(path + ":3: broken JSON: "));
  EXPECT_EQ(records[3].status().message(), path + ":4: record 'c': no text");
  ASSERT_TRUE(records[4].ok());
  EXPECT_EQ(records[4]->id, "d");
}

// Swaps std::cin for a string while a test reads "-".
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& s) : in_(s), old_(std::cin.rdbuf(in_.rdbuf())) {}
  ~StdinFrom() {
    std::cin.rdbuf(old_);
    std::cin.clear();
  }

 private:
  std::istringstream in_;
  std::streambuf* old_;
};

TEST(InputFiles, StdinJsonLines) {
  StdinFrom stdin_text("\n{\"id\": \"s1\", \"text\": \"Des renforts sont arrivés.\"}\n");
  auto records = Read({"-"});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "s1");
  EXPECT_EQ(records[0]->where, "stdin:2");
}

TEST(InputFiles, StdinDispatch) {
  StdinFrom stdin_text(" date 2022-02 Les renforts sont arrivés dans la nuit.");
  auto records = Read({"-"});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].ok()) << records[0].status().message();
  EXPECT_EQ(records[0]->id, "stdin");
  EXPECT_EQ(records[0]->published, "2022-02");
  EXPECT_EQ(records[0]->text, "Les renforts sont arrivés dans la nuit.");
}

}  // namespace
}  // namespace vigie
