#include "HostileSession.h"
#include "tourguide/report/SessionReport.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace tourguide::report;

namespace {

class WriteReportTest : public ::testing::Test {
protected:
  void SetUp() override {
    char pattern[] = "/tmp/tourguide-report-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir = pattern;
  }
  void TearDown() override {
    for (const std::string &name : entries())
      unlink((dir + "/" + name).c_str());
    rmdir(dir.c_str());
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    if (DIR *d = opendir(dir.c_str())) {
      while (dirent *e = readdir(d))
        if (std::string(e->d_name) != "." && std::string(e->d_name) != "..")
          names.push_back(e->d_name);
      closedir(d);
    }
    return names;
  }
  static std::string read(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string dir;
};

TEST_F(WriteReportTest, WritesThePageAndNothingElse) {
  SessionRecord session = tourguide::report::testing::hostileSession();
  std::string path = dir + "/report.html";
  EXPECT_EQ(writeHtmlReport(session, path), "");
  EXPECT_EQ(read(path), renderHtml(session));
  EXPECT_EQ(entries(), std::vector<std::string>{"report.html"});
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644u);
}

TEST_F(WriteReportTest, ReplacesAnOldReport) {
  std::string path = dir + "/report.html";
  std::ofstream(path) << "old";
  SessionRecord session;
  session.tourTitle = "new one";
  EXPECT_EQ(writeHtmlReport(session, path), "");
  EXPECT_NE(read(path).find("<h1>new one</h1>"), std::string::npos);
  EXPECT_EQ(entries().size(), 1u);
}

TEST_F(WriteReportTest, AMissingFolderIsAClearError) {
  std::string path = dir + "/no/such/folder/report.html";
  std::string error = writeHtmlReport(SessionRecord{}, path);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST_F(WriteReportTest, AnEmptyPathIsAnError) {
  EXPECT_EQ(writeHtmlReport(SessionRecord{}, ""), "no file name given for the report");
}

} // namespace
