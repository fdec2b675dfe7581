// fit: adjusts any model against any objective, one shelf-full of handfuls at a time.
//
// A Model provides: Scalar, Trace, apply(x, trace) -> scores, collect(trace, slope) -> grads,
// parameters() -> pointers in the order of grads.
// An Objective provides: penalty(scores, labels, slope) -> Scalar, writing d(penalty)/d(scores).
#pragma once

#include "generic_fit/corpus.hpp"
#include "generic_fit/inertia.hpp"
#include "generic_fit/shelf.hpp"

#include <cstddef>
#include <functional>

namespace gf {

struct Schedule {
  int passes = 12;          // full passes over the corpus
  std::size_t handful = 32; // rows per handful
  float step = 0.1f;
  float beta = 0.9f;
  unsigned seed = 7;        // shelf order
};

// Called from inside fit() so the caller decides what to report.
template <class Model>
struct Hooks {
  std::function<void(int pass, double mean_penalty, const Model &model)> after_pass;
};

namespace detail {

// Every handful on the shelf once; returns the mean penalty per row.
template <class Model, class Objective, class Update>
double sweep(Model &model, const Objective &objective, Shelf &shelf, Update &update) {
  using T = typename Model::Scalar;
  double total = 0;
  std::size_t seen = 0;
  Handful handful;
  while (shelf.next(handful)) {
    typename Model::Trace trace;
    lin::Mat<T> scores = model.apply(handful.x, trace);
    lin::Mat<T> slope;
    T penalty = objective.penalty(scores, handful.y, slope);
    std::vector<lin::Mat<T>> grads = model.collect(trace, slope);
    update.nudge(model.parameters(), grads);
    total += double(penalty) * double(handful.y.size());
    seen += handful.y.size();
  }
  return seen ? total / double(seen) : 0.0;
}

} // namespace detail

template <class Model, class Objective>
void fit(Model &model, const Objective &objective, const Corpus &corpus, Schedule schedule,
         Hooks<Model> &hooks) {
  Shelf shelf(corpus, schedule.handful, schedule.seed);
  Inertia<typename Model::Scalar> inertia(schedule.step, schedule.beta);
  for (int pass = 1; pass <= schedule.passes; ++pass) {
    shelf.restock();
    double mean_penalty = detail::sweep(model, objective, shelf, inertia);
    if (hooks.after_pass)
      hooks.after_pass(pass, mean_penalty, model);
  }
}

} // namespace gf
