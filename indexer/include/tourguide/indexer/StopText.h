// The words of a drafted stop, written to read like the hand-written sample tours: a title in the
// stage's words, what the code does in one sentence and the line the stop is on, the math with
// the lines that implement it, what to look for in the values shown, where the run goes next;
// the evidence last and short ("Why this stop"), all of it in `tourguide index --format=json`.
// Plain C++: the plugin's `tour draft` writes drafts too.
#pragma once

#include "tourguide/indexer/Finding.h"

#include <string>
#include <vector>

namespace tourguide::indexer {

/// The function as a title names it: its name, with its class when it is a method.
/// "sentencepiece::unigram::Trainer::Train" -> "Trainer::Train", "at::nll_loss" -> "nll_loss",
/// "sp::(anonymous namespace)::ToLogProb" -> "ToLogProb", "main" -> "main".
std::string shortFunctionName(const std::string &qualified);

/// The stop's title in the stage's words: "Forward pass: `fann_run`", "The loss: squared error in
/// `fann_update_MSE`", "Optimizer step in `train`: `Optimizer::step`", "The epoch loop in `main`".
std::string stopTitle(const Finding &f);

/// The stage as the text of the stop before names it: "the loss", "the forward pass", "the
/// mini-batch loop".
std::string stagePhrase(const Finding &f);

/// One idiom's math with the lines that implement it: its description, its formula as an indented
/// block when it is short enough to read, and "The Σ over `i` is the loop on lines 625-632."
std::string idiomParagraph(const IdiomFact &idiom, const std::vector<IdiomFact> &all = {});

/// What to look for in the values a stop of this stage shows, after "Look at `a`, `b` here. ".
std::string whatToLookFor(const Finding &f);

/// The stop's Markdown text. `relFile`: the finding's file as the tour names it; `next`: the
/// stop the run reaches after this one, nullptr at the last; `alsoHere`: other stages found at
/// the same call (the loss and the optimizer's step inside a fit call), named in this stop.
std::string stopText(const Finding &f, const std::string &relFile, const Finding *next,
                     const std::vector<const Finding *> &alsoHere = {});

} // namespace tourguide::indexer
