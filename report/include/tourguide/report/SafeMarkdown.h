// Markdown from an untrusted tour, as HTML that cannot run code or load anything.
#pragma once

#include <string>

namespace tourguide::report {

/// CommonMark through cmark in its safe mode: raw HTML is dropped and javascript:/data: links
/// are emptied. Images become plain links, so opening the page never fetches a URL.
std::string markdownToSafeHtml(const std::string &markdown);

} // namespace tourguide::report
