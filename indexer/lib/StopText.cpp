#include "tourguide/indexer/StopText.h"

#include <algorithm>
#include <set>
#include <vector>

namespace tourguide::indexer {

namespace {

/// The "::"-separated parts of a qualified name, template arguments and parentheses kept whole.
std::vector<std::string> nameParts(const std::string &qualified) {
  std::vector<std::string> parts(1);
  int depth = 0;
  for (size_t i = 0; i < qualified.size(); ++i) {
    char c = qualified[i];
    if (c == '<' || c == '(')
      ++depth;
    else if ((c == '>' || c == ')') && depth > 0)
      --depth;
    if (depth == 0 && c == ':' && i + 1 < qualified.size() && qualified[i + 1] == ':') {
      parts.emplace_back();
      ++i;
      continue;
    }
    parts.back() += c;
  }
  return parts;
}

bool anyEvidence(const Finding &f, const char *words) {
  return std::any_of(f.evidence.begin(), f.evidence.end(),
                     [&](const Evidence &e) { return e.text.find(words) != std::string::npos; });
}

bool hasIdiom(const Finding &f, const char *kind) {
  return std::any_of(f.idioms.begin(), f.idioms.end(), [&](const IdiomFact &i) { return i.kind == kind; });
}

/// What a framework API does, as its profile words it (the evidence "libtorch: the loss ...").
std::string frameworkWords(const Finding &f) {
  for (const Evidence &e : f.evidence)
    if (size_t at = e.text.find(f.framework + ": "); !f.framework.empty() && at != std::string::npos)
      return e.text.substr(at + f.framework.size() + 2);
  return {};
}

/// The loss's kind when the math says it (the idiom recogniser's cross-entropy) or the framework
/// does (libtorch's nll_loss), "" otherwise: a title and a hint state it as fact, and the stage
/// rules' line patterns ("squares a difference", "takes the log of a probability") also match
/// batch-norm's variance and FANN's atanh error.
std::string lossKind(const Finding &f) {
  std::string framework = frameworkWords(f);
  if (hasIdiom(f, "cross_entropy") || framework.find("negative log-likelihood") != std::string::npos ||
      framework.find("cross-entropy") != std::string::npos)
    return "cross-entropy";
  return {};
}

std::string code(const std::string &s) { return "`" + s + "`"; }

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

/// A checkpoint stop that writes (by its role, else by its name: darknet's `save_weights` has no
/// role), not one that reads.
bool savesCheckpoint(const Finding &f) {
  if (f.role == "save" || f.role == "load")
    return f.role == "save";
  std::string name = shortFunctionName(f.function);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(tolower(c)); });
  return name.find("save") != std::string::npos || name.find("write") != std::string::npos ||
         name.find("dump") != std::string::npos || name.find("store") != std::string::npos;
}

bool isRunEvidence(const Evidence &e) {
  return e.text.rfind("reached in the run", 0) == 0 || e.text.rfind("the run entered", 0) == 0;
}

/// The first sentence: what the code at this stop does.
std::string whatItDoes(const Finding &f) {
  std::string fn = code(shortFunctionName(f.function));
  if (!f.via.empty()) {
    std::string what = frameworkWords(f);
    std::string owner = f.framework.empty() ? "the framework" : f.framework;
    std::string call = f.anchorText.empty() || f.anchorText.size() > 80 ? "" : ", " + code(f.anchorText);
    return fn + " calls " + (f.framework.empty() ? "" : f.framework + "'s ") + code(f.via) +
           (f.anchorLine ? " on line " + std::to_string(f.anchorLine) + call : "") +
           (what.empty() ? "." : ": " + what + ".") + " The work happens inside " + owner +
           (f.stop.line ? "; we stop just after the call, with what it returned stored (line " +
                              std::to_string(f.stop.line) + ")."
                        : f.watch.empty() ? "; we stop before the call, and lldb's `next` runs it."
                                          : "; this stop shows what goes in, and lldb's `next` runs the call.");
  }
  if (f.stage == "loop")
    return "Each pass of this loop is one " +
           std::string(f.role == "epochs"       ? "epoch: one pass over the training data"
                       : f.role == "batches"    ? "mini-batch: forward, loss, backward and update on a few examples"
                       : f.role == "steps"      ? "training step"
                       : f.role == "evaluation" ? "evaluation of the model on some examples"
                                                : "iteration of the training") +
           ". We stop at the start of its first pass.";
  if (f.stage == "data")
    return fn + " is part of reading the data the program works on.";
  if (f.stage == "model")
    return f.role == "backward" ? fn + " computes gradients: how the loss changes with each value the forward pass used."
           : f.role == "build"  ? fn + " builds the model: its layers and their parameters."
                                : fn + " computes part of the model's forward pass: inputs in, activations or scores out.";
  if (f.stage == "loss")
    return fn + " turns the model's outputs and the targets into the one number training minimises" +
           (lossKind(f).empty() ? "." : ", a " + lossKind(f) + ".");
  if (f.stage == "optimizer")
    return f.role == "zero_grad" ? fn + " clears the gradients, so that the next backward pass starts from zero."
                                 : fn + " moves the parameters against their gradients: this is where the model learns.";
  if (f.stage == "metrics")
    return fn + " measures how well the model does (an accuracy, an average loss).";
  if (f.stage == "checkpoint")
    return savesCheckpoint(f) ? fn + " writes the model's parameters to a file." : fn + " reads saved parameters back.";
  return fn + " is part of the " + f.stage + " stage.";
}

/// What the evidence says the anchor line does ("squares a difference ..."), "" when it says nothing.
std::string anchorDoes(const Finding &f) {
  const std::string prefix = "line " + std::to_string(f.anchorLine) + ": `";
  for (const Evidence &e : f.evidence)
    if (e.text.rfind(prefix, 0) == 0)
      if (size_t end = e.text.find("` ", prefix.size()); end != std::string::npos)
        return e.text.substr(end + 2);
  return {};
}

std::string linesText(unsigned first, unsigned last) {
  return first == last ? "line " + std::to_string(first) : "lines " + std::to_string(first) + "-" + std::to_string(last);
}

/// The stages whose values the text describes: a stop before the statement that computes them
/// says so, rather than let a newcomer read an unset value as a wrong one.
bool describesComputedValues(const Finding &f) {
  return f.stage == "data" || f.stage == "model" || f.stage == "loss" || f.stage == "optimizer";
}

/// "We stop on line 143, `x = y;`, which squares ..." from the evidence about the anchor line;
/// for a stop placed past it (f.stop), where it is and what has run by then.
std::string whereWeStop(const Finding &f) {
  if (!f.via.empty() || f.stage == "loop" || !f.anchorLine || f.anchorText.empty())
    return {};
  std::string does = anchorDoes(f);
  std::string decided = "line " + std::to_string(f.anchorLine) + ", " + code(f.anchorText) +
                        (does.empty() ? "" : ", which " + does);
  if (f.stop.line) {
    std::string at = f.stop.line == f.functionEnd ? "at the end of " + code(shortFunctionName(f.function)) + " (line " +
                                              std::to_string(f.stop.line) + ")"
                                        : "on line " + std::to_string(f.stop.line) + ", " + code(f.stop.text) + ",";
    std::string loop = "the loop on " + linesText(f.stop.pastLine, f.stop.pastEndLine);
    if (f.stop.pastLoop && f.stop.pastLine <= f.anchorLine && f.anchorLine <= f.stop.pastEndLine)
      return "We stop " + at + " once " + loop + " has finished, so its work is complete: " + decided +
             ", has run for every pass.";
    if (f.stop.pastLoop) // the anchor adds the first terms of a sum that loop completes
      return "We stop " + at + " once " + loop + " has completed the sum begun on " + decided + ".";
    bool sameLine = f.stop.pastLine == f.anchorLine && f.stop.pastEndLine == f.anchorLine;
    return "We stop " + at + " just after " + decided + (sameLine ? "" : " (the whole statement, " +
                                                                           linesText(f.stop.pastLine, f.stop.pastEndLine) + ")") +
           ": what it computes is set.";
  }
  std::string sentence = "We stop on " + decided + ".";
  if (describesComputedValues(f))
    sentence += " The stop is before that line runs, so what it computes is not set yet: lldb's `next` runs it.";
  return sentence;
}

/// The index a Σ runs over, from a formula's "Σ_i" or "Σ_{batch ∈ data_loader}"; "" if none.
std::string sigmaIndex(const std::string &formula) {
  const std::string sigma = "Σ_";
  size_t at = formula.find(sigma);
  if (at == std::string::npos)
    return {};
  at += sigma.size();
  if (at < formula.size() && formula[at] == '{') {
    size_t end = formula.find('}', at);
    std::string inside = formula.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    return inside.substr(0, inside.find(" "));
  }
  size_t end = at;
  while (end < formula.size() && (isalnum(static_cast<unsigned char>(formula[end])) || formula[end] == '_'))
    ++end;
  return formula.substr(at, end - at);
}

/// The variable an idiom's formula computes: "cost" in "cost = Σ_i ...", "" when none.
std::string formulaTarget(const std::string &formula) {
  size_t eq = formula.find(" =");
  if (eq == std::string::npos)
    eq = formula.find(" +=");
  std::string lhs = eq == std::string::npos ? "" : formula.substr(0, eq);
  return lhs.substr(0, lhs.find('['));
}

/// The idioms worth a paragraph: at most two, from different lines; first the one that computes
/// what the stop's line assigns, then those around the stop's line, then the others.
std::vector<const IdiomFact *> idiomsToShow(const Finding &f) {
  auto rank = [&](const IdiomFact &i) {
    std::string target = formulaTarget(i.formula);
    if (!target.empty() && f.anchorText.find(target) != std::string::npos)
      return 0;
    return f.anchorLine && i.beginLine <= f.anchorLine + 1 && f.anchorLine <= i.endLine + 1 ? 1 : 2;
  };
  std::vector<const IdiomFact *> out;
  for (int r : {0, 1, 2})
    for (const IdiomFact &i : f.idioms) {
      // genann_run's four layers each sum `*w++ * i[k]`: one paragraph, which names the others.
      bool sameLines = std::any_of(out.begin(), out.end(), [&](const IdiomFact *o) {
        return (o->beginLine == i.beginLine && o->endLine == i.endLine) || o->formula == i.formula;
      });
      if (rank(i) == r && out.size() < 2 && !sameLines)
        out.push_back(&i);
    }
  return out;
}

} // namespace

std::string shortFunctionName(const std::string &qualified) {
  std::vector<std::string> parts = nameParts(qualified);
  parts.erase(std::remove_if(parts.begin(), parts.end(),
                             [](const std::string &p) { return p.empty() || p == "(anonymous namespace)"; }),
              parts.end());
  if (parts.empty())
    return qualified;
  // A class (by convention capitalised) stays with its method; a namespace does not.
  if (parts.size() >= 2 && isupper(static_cast<unsigned char>(parts[parts.size() - 2][0])))
    return parts[parts.size() - 2] + "::" + parts.back();
  return parts.back();
}

std::string stagePhrase(const Finding &f) {
  if (f.stage == "loop")
    return f.role == "epochs" ? "the epoch loop" : f.role == "batches" ? "the mini-batch loop"
                                                 : f.role == "evaluation" ? "the evaluation loop" : "the training loop";
  if (f.stage == "data")
    return f.role == "dataset" ? "the data set" : "reading the data";
  if (f.stage == "model")
    return f.role == "backward" ? "the backward pass" : f.role == "build" ? "building the model" : "the forward pass";
  if (f.stage == "loss")
    return "the loss";
  if (f.stage == "optimizer")
    return f.role == "zero_grad" ? "clearing the gradients" : "the parameter update";
  if (f.stage == "metrics")
    return "the metrics";
  if (f.stage == "checkpoint")
    return savesCheckpoint(f) ? "saving the model" : "loading saved parameters";
  return "the " + f.stage + " stage";
}

std::string stopTitle(const Finding &f) {
  std::string fn = code(shortFunctionName(f.function));
  if (!f.via.empty()) {
    std::string head = f.role == "step" ? "Optimizer step" : f.role == "zero_grad" ? "Clearing the gradients"
                       : f.stage == "loop" && f.role != "evaluation" ? "The training loop"
                                                                      : capitalized(stagePhrase(f));
    return head + " in " + fn + ": " + code(shortFunctionName(f.via));
  }
  if (f.stage == "loop")
    return capitalized(stagePhrase(f)) + " in " + fn;
  if (f.stage == "loss")
    return "The loss: " + (lossKind(f).empty() ? fn : lossKind(f) + " in " + fn);
  if (f.stage == "optimizer" && f.role != "zero_grad") {
    std::string kind = hasIdiom(f, "adam_update")       ? " (Adam)"
                       : anyEvidence(f, "Adam / RMSProp")   ? " (RMSProp or Adam)"
                       : hasIdiom(f, "momentum_update") ? " (SGD with momentum)"
                       : hasIdiom(f, "sgd_update")      ? " (SGD)"
                                                        : "";
    return "The parameter update" + kind + ": " + fn;
  }
  if (f.stage == "metrics" && anyEvidence(f, "counts correct predictions"))
    return "Accuracy: " + fn + " counts the right answers";
  return capitalized(stagePhrase(f)) + ": " + fn;
}

namespace {
std::string linesOf(const IdiomFact &i) {
  return i.beginLine == i.endLine ? "line " + std::to_string(i.beginLine)
                                  : "lines " + std::to_string(i.beginLine) + "-" + std::to_string(i.endLine);
}
} // namespace

std::string idiomParagraph(const IdiomFact &i, const std::vector<IdiomFact> &all) {
  std::string range = linesOf(i);
  std::vector<std::string> again; // "240-242", "252"
  for (const IdiomFact &o : all)
    if (&o != &i && o.formula == i.formula && !i.formula.empty() && o.beginLine != i.beginLine)
      again.push_back(linesOf(o).substr(linesOf(o).find(' ') + 1));
  if (!again.empty()) {
    range += again.size() == 1 && again[0].find('-') == std::string::npos ? " (the same again on line "
                                                                            : " (the same again on lines ";
    for (size_t k = 0; k < again.size(); ++k)
      range += (k == 0 ? "" : k + 1 == again.size() ? " and " : ", ") + again[k];
    range += ")";
  }
  std::string what = capitalized(i.description.empty() ? i.kind : i.description);
  std::string index = sigmaIndex(i.formula);
  std::string where = index.empty() ? "it is computed on " + range : "the Σ over " + code(index) + " is the loop on " + range;
  // A formula longer than a line (an unrolled loop) is left to the source.
  if (i.formula.empty() || i.formula.size() > 100)
    return what + ": " + where + ".";
  return what + ":\n\n    " + i.formula + "\n\n" + capitalized(where) + ".";
}

std::string whatToLookFor(const Finding &f) {
  if (f.stage == "loop")
    return "They are the loop's values at the start of its first pass; the stops that follow are inside this pass.";
  if (f.stage == "data")
    return "The sizes and the first values read should match the data file; a count of 0, or a huge one, means the "
           "file is not read the way this code expects.";
  if (f.stage == "model")
    return f.role == "backward" ? "Gradients are signed and mostly small; all zero means no error reaches this part "
                                  "of the model."
                                : "Values flowing through the model that are all zero, NaN or very large point at "
                                  "this layer or its weights.";
  if (f.stage == "loss") {
    std::string kind = lossKind(f);
    // Past the Σ loop the loss is the whole sum, not one example's share.
    std::string summed = f.stop.pastLoop && !f.watch.empty()
                             ? code(f.watch.front()) + " adds up every pass of the loop on " +
                                   linesText(f.stop.pastLine, f.stop.pastEndLine) +
                                   ": over a batch it may be a sum, not a mean. "
                             : "";
    return summed + (kind == "cross-entropy" ? "A cross-entropy over C classes starts near ln C with fresh weights (2.3 for "
                                     "10 classes), and falls as the model learns."
                                     : "The loss falls as training goes on; NaN, or a loss that grows, points at the "
                                       "learning rate or the data.");
  }
  if (f.stage == "optimizer")
    return f.role == "zero_grad" ? "After this call every gradient is zero."
                                 : "Each change should be small next to the parameter it changes; a change as large "
                                   "as the parameter itself means the learning rate is too high.";
  if (f.stage == "metrics")
    return "With fresh weights an accuracy is near chance (one in the number of classes), and it rises as the model "
           "learns.";
  if (f.stage == "checkpoint")
    return savesCheckpoint(f) ? "This is what goes into the file, which the evaluation program or a later run reads "
                              "back."
                            : "What is read must match the model's shapes.";
  return "They are the values this stage works with.";
}

/// What other findings at the same place add to its stop: "It also runs the loss layer on each
/// mini-batch." from "... calls `dlib::dnn_trainer::train`, inside which dlib runs the loss ...";
/// "It is also the stop for clearing the gradients." for a stage that starts on the same line.
static std::string alsoHereText(const std::vector<const Finding *> &alsoHere) {
  std::string text;
  static const std::string inside = "inside which ";
  for (const Finding *o : alsoHere) {
    bool said = false;
    for (const Evidence &e : o->evidence)
      if (size_t at = e.text.find(inside); at != std::string::npos) {
        size_t runs = e.text.find(" runs ", at);
        if (runs == std::string::npos)
          continue;
        text += " It also" + e.text.substr(runs) + ".";
        said = true;
        break;
      }
    if (!said)
      text += " It is also the stop for " + stagePhrase(*o) + " in " + code(shortFunctionName(o->function)) + ".";
  }
  return text;
}

std::string stopText(const Finding &f, const std::string &relFile, const Finding *next,
                     const std::vector<const Finding *> &alsoHere) {
  std::string text = whatItDoes(f) + alsoHereText(alsoHere);
  if (std::string where = whereWeStop(f); !where.empty())
    text += " " + where;
  for (const IdiomFact *i : idiomsToShow(f))
    text += "\n\n" + idiomParagraph(*i, f.idioms);
  if (!f.watch.empty()) {
    text += "\n\nLook at ";
    for (size_t i = 0; i < f.watch.size(); ++i)
      text += (i ? ", " : "") + code(f.watch[i]);
    text += " here. " + whatToLookFor(f);
  }
  if (!f.observed.empty())
    text += "\n\nIn the run that confirmed this draft: " + f.observed + ".";
  if (next)
    text += "\n\nNext stop: " + stagePhrase(*next) + ", in " + code(shortFunctionName(next->function)) + ".";

  // The evidence, short: the strongest few static reasons, then what the run saw.
  constexpr size_t kShown = 3;
  std::vector<std::string> reasons, run;
  std::set<std::string> seen;
  size_t more = 0;
  std::vector<Evidence> evidence = f.evidence;
  for (const Finding *o : alsoHere)
    evidence.insert(evidence.end(), o->evidence.begin(), o->evidence.end());
  for (const Evidence &e : evidence) {
    if (!seen.insert(e.text).second)
      continue;
    if (isRunEvidence(e))
      run.push_back(e.text);
    else if (reasons.size() < kShown)
      reasons.push_back(e.text);
    else
      ++more;
  }
  text += "\n\n**Why this stop:** `tourguide index` found it in " + relFile + ":" + std::to_string(f.line) +
          " (confidence " + std::to_string(static_cast<int>(f.confidence * 100 + 0.5)) + "%):\n";
  for (const std::string &r : reasons)
    text += "\n- " + r;
  if (more)
    text += "\n- and " + std::to_string(more) + " more (`tourguide index --format=json` lists them all)";
  for (const std::string &r : run)
    text += "\n- " + r;
  return text;
}

} // namespace tourguide::indexer
