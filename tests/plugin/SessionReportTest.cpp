// `tour report` on the toy program, whose every value toy.c makes known: the HTML report holds
// each reached stop's title and the values it showed, and why the others were not reached.
#include "LldbSession.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

class SessionReport : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
    folder = fs::temp_directory_path() / ("tourguide-report-" + std::to_string(getpid()));
    fs::create_directories(folder);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  static std::string slurp(const fs::path &path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  LldbSession lldb;
  fs::path folder;
};

TEST_F(SessionReport, WritesReachedStopsWithValuesAndUnreachedOnesWithWhy) {
  ASSERT_TRUE(lldb.run(std::string("tour start ") + TG_TOY_TOUR).ok);
  ASSERT_TRUE(lldb.run("tour next").ok);
  ASSERT_TRUE(lldb.run("tour next").ok); // stop 3: step 2, loss 2.75, total 2.5
  fs::path page = folder / "toy.html";
  Reply r = lldb.run("tour report " + page.string());
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("3 of 4 stops reached"), std::string::npos) << r.out;
  std::string html = slurp(page);
  EXPECT_NE(html.find("The toy training loop"), std::string::npos);
  for (const char *title : {"The number of steps comes from the command line", "The loss averages the batch",
                            "The loss is added to the total", "The total is printed"})
    EXPECT_NE(html.find(title), std::string::npos) << title;
  EXPECT_NE(html.find("2.75"), std::string::npos);  // loss at stop 3
  EXPECT_NE(html.find("1000"), std::string::npos);  // steps at stop 1
  EXPECT_NE(html.find("the session has not got there yet"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(SessionReport, RefusesAMissingFolderAndNeedsATour) {
  Reply r = lldb.run("tour report " + (folder / "x.html").string());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "no tour is active: start one with 'tour start FILE'");
  ASSERT_TRUE(lldb.run(std::string("tour start ") + TG_TOY_TOUR).ok);
  fs::path missing = folder / "missing";
  r = lldb.run("tour report " + (missing / "x.html").string());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "cannot write the report: the folder '" + missing.string() + "' does not exist");
  EXPECT_FALSE(fs::exists(missing));
  r = lldb.run("tour report");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "usage: tour report FILE.html");
}

} // namespace
