#include "tourguide/values/WatchReader.h"

#include "ValueFormatter.h"
#include "tourguide/tours/TourFile.h"

#include <lldb/API/SBError.h>
#include <lldb/API/SBExpressionOptions.h>
#include <lldb/API/SBProcess.h>
#include <lldb/API/SBThread.h>
#include <lldb/API/SBType.h>
#include <lldb/API/SBValue.h>

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <optional>

namespace tourguide::values {
namespace {

// A trusted expression that takes longer than this is abandoned (and unwound).
constexpr uint32_t ExpressionTimeoutMicros = 500000;

WatchResult errorLine(std::string label, std::string reason) {
  return {{std::move(label), std::move(reason), true}, std::nullopt};
}

std::string refusal(const std::string &what) {
  return "`" + what +
         "` is not a variable path: evaluating it could run code in the program "
         "(start the tour with `tour start --trust FILE` to allow it)";
}

/// First line of an LLDB error, without its "error: " prefix.
std::string firstLine(const char *message, const char *fallback) {
  std::string text = message && *message ? message : fallback;
  if (text.rfind("error: ", 0) == 0)
    text = text.substr(7);
  size_t end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

bool isDecimal(const std::string &text) {
  if (text.empty() || text.size() > 18)
    return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

/// The element count of a pointer watch: a literal, or a variable read like any watch.
std::optional<uint64_t> resolveCount(lldb::SBFrame frame, const std::string &count,
                                     std::string &error) {
  if (isDecimal(count))
    return std::stoull(count);
  if (!tours::isVariablePath(count)) {
    error = "count " + refusal(count);
    return std::nullopt;
  }
  lldb::SBValue value = frame.GetValueForVariablePath(count.c_str(), lldb::eDynamicDontRunTarget);
  lldb::SBError status;
  int64_t signedCount = value.IsValid() ? value.GetValueAsSigned(status, 0) : 0;
  if (!value.IsValid() || value.GetError().Fail() || status.Fail()) {
    error = "count `" + count + "` cannot be read: " +
            firstLine(value.GetError().GetCString(), "not in scope here");
    return std::nullopt;
  }
  if (signedCount < 0) {
    error = "count `" + count + "` is negative (" + std::to_string(signedCount) + ")";
    return std::nullopt;
  }
  return static_cast<uint64_t>(signedCount);
}

lldb::SBValue evaluateTrusted(lldb::SBFrame frame, const std::string &expr) {
  lldb::SBExpressionOptions options;
  options.SetTimeoutInMicroSeconds(ExpressionTimeoutMicros);
  options.SetTryAllThreads(false);  // never let other threads run behind the user's back
  options.SetUnwindOnError(true);
  options.SetIgnoreBreakpoints(true);
  options.SetFetchDynamicValue(lldb::eDynamicDontRunTarget);
  return frame.EvaluateExpression(expr.c_str(), options);
}

// Frames searched for the call whose locals hold an address.
constexpr uint32_t MaxOwnerFrames = 256;
// x86-64 leaf functions keep locals in the 128 bytes below the stack pointer (red zone).
constexpr uint64_t RedZoneBytes = 128;

/// Marks `snapshot` as on the stack when its address is, and names the call whose locals
/// hold it ("main@0x7ffe..."): the stack is reused by later calls for other variables, so
/// matchSnapshots() compares stack memory only within the same call.
void placeOnStack(lldb::SBFrame frame, NumericSnapshot &snapshot) {
  if (snapshot.address == 0)
    return;
  lldb::SBThread thread = frame.GetThread();
  lldb::SBFrame innermost = thread.GetFrameAtIndex(0);
  uint64_t sp = innermost.IsValid() ? innermost.GetSP() : LLDB_INVALID_ADDRESS;
  if (sp == LLDB_INVALID_ADDRESS)
    return;
  uint64_t low = sp > RedZoneBytes ? sp - RedZoneBytes : 0;
  if (snapshot.address < low)
    return; // below the stack: the heap, globals, code
  uint64_t top = 0;
  for (uint32_t i = 0; i < MaxOwnerFrames; ++i) {
    lldb::SBFrame f = thread.GetFrameAtIndex(i);
    if (!f.IsValid())
      break;
    uint64_t cfa = f.GetCFA();
    if (f.IsInlined() || cfa == LLDB_INVALID_ADDRESS)
      continue; // an inlined call lives in its caller's frame, which comes next
    uint64_t bottom = top == 0 ? low : f.GetSP(); // the innermost call owns the red zone
    top = std::max(top, cfa);
    if (snapshot.address >= bottom && snapshot.address < cfa) {
      const char *function = f.GetFunctionName();
      char text[32];
      std::snprintf(text, sizeof text, "@0x%" PRIx64, cfa);
      snapshot.onStack = true;
      snapshot.stackOwner = std::string(function ? function : "?") + text;
      return;
    }
  }
  // Between the frames (or above the deepest one searched): on the stack, owner unknown.
  // Above the outermost frame are argv and the environment, which no call reuses.
  if (snapshot.address < top || thread.GetFrameAtIndex(MaxOwnerFrames).IsValid())
    snapshot.onStack = true;
}

} // namespace

render::WatchLine readWatch(lldb::SBFrame frame, const WatchRequest &request) {
  return readWatchWithSnapshot(frame, request).line;
}

WatchResult readWatchWithSnapshot(lldb::SBFrame frame, const WatchRequest &request) {
  std::string label = request.label.empty() ? request.expr : request.label;
  if (request.expr.empty())
    return errorLine(label, "empty expression");
  if (!frame.IsValid())
    return errorLine(label, "no stopped frame to read from (is the program running?)");
  lldb::SBProcess process = frame.GetThread().GetProcess();
  if (process.IsValid() && process.GetState() != lldb::eStateStopped)
    return errorLine(label, "the program is not stopped");

  bool variablePath = tours::isVariablePath(request.expr);
  if (!variablePath && !request.trusted)
    return errorLine(label, refusal(request.expr));

  lldb::SBValue value;
  if (variablePath) {
    value = frame.GetValueForVariablePath(request.expr.c_str(), lldb::eDynamicDontRunTarget);
    if (value.IsValid() && value.GetError().Fail() && value.IsInScope() &&
        unreadableReason(value).rfind("optimized out", 0) == 0)
      return errorLine(label, unreadableReason(value));
    if (!value.IsValid() || value.GetError().Fail()) {
      // LLDB often says only "No value": name the expression and the function instead.
      std::string reason = firstLine(value.GetError().GetCString(), "");
      if (reason.empty() || reason == "No value") {
        const char *function = frame.GetDisplayFunctionName();
        std::string where = function ? function : "this frame";
        if (function && where.find('(') == std::string::npos)
          where += "()"; // C functions come without their parameter list
        reason = "`" + request.expr + "` is not in scope in " + where;
      }
      return errorLine(label, "not available here: " + reason);
    }
  } else {
    value = evaluateTrusted(frame, request.expr);
    if (!value.IsValid() || value.GetError().Fail())
      return errorLine(label, "evaluation failed: " +
                                  firstLine(value.GetError().GetCString(), "no result"));
  }

  ValueFormatter formatter(frame, ReadLimits{}, request.types);
  bool pointerWithCount = false;
  auto result = [&](const Formatted &text) {
    WatchResult out{{label, text.text, text.error}, std::nullopt};
    if (!text.error)
      out.snapshot = formatter.takeSnapshot();
    if (out.snapshot) {
      out.snapshot->key = request.expr + (request.count.empty() ? "" : "[" + request.count + "]");
      const char *function = frame.GetFunctionName();
      out.snapshot->function = function ? function : "";
      // An evaluated expression's value lives in LLDB's scratch memory, which the next
      // expression reuses: only the memory a pointer it returned points to is the program's.
      if (!variablePath && !pointerWithCount)
        out.snapshot->address = 0;
      placeOnStack(frame, *out.snapshot);
    }
    return out;
  };
  lldb::SBType type = value.GetType().GetCanonicalType();
  if (!request.count.empty() && type.IsPointerType()) {
    std::string error;
    std::optional<uint64_t> count = resolveCount(frame, request.count, error);
    if (!count)
      return errorLine(label, error);
    lldb::SBError status;
    uint64_t address = value.GetValueAsUnsigned(status, 0);
    if (status.Fail())
      return errorLine(label, "the pointer cannot be read: " + firstLine(status.GetCString(), "?"));
    if (address == 0)
      return {{label, "nullptr (count " + std::to_string(*count) + ")", false}, std::nullopt};
    pointerWithCount = true;
    return result(formatter.formatElements(address, type.GetPointeeType(), *count));
  }
  // `count` only means something for a pointer; arrays and vectors know their size.
  return result(formatter.format(value));
}

} // namespace tourguide::values
