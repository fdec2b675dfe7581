// The report's stylesheet, inlined into every page.
#pragma once

namespace tourguide::report {

const char *reportStyleSheet();

} // namespace tourguide::report
