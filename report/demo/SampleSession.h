// A made-up but realistic played tour of a small MLP trainer, for the demo and screenshots.
#pragma once

#include "tourguide/report/SessionReport.h"

namespace tourguide::report::demo {

SessionRecord sampleSession();

} // namespace tourguide::report::demo
