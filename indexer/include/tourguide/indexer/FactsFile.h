// One TU's facts as a file (docs/facts-format.md): what `tourguide index --tu FILE -o FACTS`
// writes beside a compile, what `tourguide index --merge FACTS...` reads without parsing, and
// (in a compact binary form of the same fields) the payload of the indexer's cache entries.
#pragma once

#include "tourguide/indexer/Facts.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace tourguide::indexer {

/// The "format" and "version" a facts file carries; a reader refuses any other version.
/// Bumped whenever Facts.h's structs or what the extractor puts in them change meaning.
constexpr const char *kFactsFormat = "tourguide-tu-facts";
constexpr int kFactsVersion = 13; // 2: branches on struct fields, field writes, constant arguments; 3: base classes by
                                  // their full names, a call's specialised callee name; 4: where the program goes
                                  // after a statement, loop or call, Σ loops; 5: log_call only for one-argument logs,
                                  // an axpy into w_new updates the weights; 6: both 4 and 5; 7: function tables,
                                  // calls through them, parameters passed on as arguments; 8: also no loop for
                                  // do-while(0), command words may start with a digit, a call's `conditional`,
                                  // abs_error, products and weight names outside indices, ...; 9: a product of
                                  // two locals holding elements is a multiply-accumulate; 10: count_matches in
                                  // one call (countNonZero(a == b)) or as a 1/0 agreement, nll, a field
                                  // write's option and command; 11: an unresolved call's qualified name from
                                  // its lookup's candidates; 12: getline or read on a string stream parses;
                                  // 13: a container named like a rate (alpha) scales no step

/// The facts as a JSON document, keys sorted, so that equal facts give equal text.
std::string factsToJson(const TUFacts &facts);

/// Reads a document factsToJson wrote. An error names what is wrong: not JSON, another
/// format or version, a missing or mistyped key.
llvm::Expected<TUFacts> factsFromJson(llvm::StringRef text);

/// The same fields in binary, without names: what a cache entry holds, since reading it back
/// is the whole cost of a cache hit. Carries the format version as the JSON does.
std::string factsToBinary(const TUFacts &facts);
llvm::Expected<TUFacts> factsFromBinary(llvm::StringRef bytes);

} // namespace tourguide::indexer
