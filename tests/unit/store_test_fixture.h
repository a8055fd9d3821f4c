// A fresh directory per test for store files, removed afterwards.
#ifndef VIGIE_TESTS_STORE_TEST_FIXTURE_H_
#define VIGIE_TESTS_STORE_TEST_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "vigie/store.h"

namespace vigie::testing {

class StoreFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Named by process and test, so that parallel test processes never share a file.
    dir_ = std::filesystem::temp_directory_path() /
           ("vigie_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> Open(const std::string& name = "a.db") {
    StoreOptions options;
    options.path = (dir_ / name).string();
    auto store = OpenSqliteStore(options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::filesystem::path dir_;
};

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_STORE_TEST_FIXTURE_H_
