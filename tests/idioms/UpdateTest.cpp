// Parameter updates: sgd, momentum, adam.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Sgd, ArrayLoop) {
  std::string Code = R"cc(
void sgd(float *w, const float *g, float lr, int n) {
  for (int i = 0; i < n; ++i) // $begin:sgd_update
    w[i] -= lr * g[i];        // $end:sgd_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "sgd_update");
  EXPECT_EQ(I.formula, "w[i] -= lr·g[i]");
  EXPECT_EQ(I.description, "a gradient-descent step (SGD)");
  EXPECT_EQ(I.evidence,
            "floating-point w[i] decreased by lr * g[i]; 'lr' names a learning rate");
}

TEST(Sgd, MembersOutsideALoop) {
  std::string Code = R"cc(
struct Neuron { double weight, bias, dW, db; };
void update(Neuron *n, double eta) {
  n->weight -= eta * n->dW;           // $line:sgd_update
  n->bias = n->bias - eta * n->db;    // $line:sgd_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Sgd, RangeForOverParameters) {
  std::string Code = R"cc(
struct Param { float w, grad; };
struct Span { Param *b, *e; Param *begin() const { return b; } Param *end() const { return e; } };
void step(Span params, float lr) {
  for (Param &p : params) p.w -= lr * p.grad; // $line:sgd_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "sgd_update"), "p.w -= lr·p.grad");
}

TEST(Momentum, TensorClassWithOverloadedOperators) {
  std::string Code = R"cc(
struct Tensor {
  Tensor &operator-=(const Tensor &);
  Tensor &operator=(const Tensor &);
};
Tensor operator*(float, const Tensor &);
Tensor operator+(const Tensor &, const Tensor &);
struct Optim { Tensor weight, grad, velocity; float lr, momentum; };
void step(Optim &o) {
  o.velocity = o.momentum * o.velocity + o.grad; // $begin:momentum_update
  o.weight -= o.lr * o.velocity;                 // $end:momentum_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "momentum_update"),
            "o.velocity = o.momentum·o.velocity + o.grad; o.weight -= o.lr·o.velocity");
}

TEST(Momentum, VelocityThenStep) {
  std::string Code = R"cc(
void momentum(float *w, float *v, const float *grad, float lr, float mu, int n) {
  for (int i = 0; i < n; ++i) { // $begin:momentum_update
    v[i] = mu * v[i] + grad[i];
    w[i] -= lr * v[i];
  }                             // $end:momentum_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "momentum_update");
  EXPECT_EQ(I.formula, "v[i] = mu·v[i] + grad[i]; w[i] -= lr·v[i]");
}

TEST(Momentum, DampenedAverageOnScalars) {
  std::string Code = R"cc(
struct P { float w, g, vel; };
void step(P &p, float lr, float beta) {
  p.vel = beta * p.vel + (1 - beta) * p.g; // $begin:momentum_update
  p.w -= lr * p.vel;                       // $end:momentum_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "momentum_update"),
            "p.vel = beta·p.vel + (1 - beta)·p.g; p.w -= lr·p.vel");
}

TEST(Adam, MomentsBiasCorrectionAndStep) {
  std::string Code = MathDecls + R"cc(
void adam(float *w, const float *g, float *m, float *v, int n, float lr,
          float b1, float b2, float eps, int t) {
  float c1 = 1 - powf(b1, t), c2 = 1 - powf(b2, t);
  for (int i = 0; i < n; ++i) { // $begin:adam_update
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    float mhat = m[i] / c1;
    float vhat = v[i] / c2;
    w[i] -= lr * mhat / (sqrtf(vhat) + eps);
  }                             // $end:adam_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "adam_update");
  EXPECT_EQ(I.formula, "m[i] = b1·m[i] + (1 - b1)·g[i]; "
                       "v[i] = b2·v[i] + (1 - b2)·g[i]²; "
                       "w[i] -= lr·mhat/(sqrt(vhat) + eps)");
}

} // namespace
} // namespace tourguide::idioms::test
