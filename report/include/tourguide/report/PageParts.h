// The pieces of tourguide's HTML pages that the session report (`tour report`) and the exported
// walkthrough (`tourguide export html`) share, so both look alike and escape alike: the
// stylesheet, the page head with its content security policy, stage badges and source excerpts.
#pragma once

#include <string>
#include <vector>

namespace tourguide::report {

/// The stylesheet, inlined into every page.
const char *reportStyleSheet();

/// "<!DOCTYPE html>..." up to and including "<body>": charset, a policy under which nothing
/// loads or runs, the stylesheet, and `title` (escaped) as the page title.
std::string pageHead(const std::string &title);

/// Inline custom properties (--fg, --bg) that colour a stage's badge or card.
std::string stageStyle(const std::string &stage);

/// The stage's badge ("stop" when the stage is empty).
std::string stageBadge(const std::string &stage);

/// `lines` numbered from `firstLine`, line `line` highlighted, as a table; empty without lines.
std::string sourceTable(const std::vector<std::string> &lines, unsigned firstLine, unsigned line);

} // namespace tourguide::report
