#include "torchlike/metrics/metrics.h"

namespace metrics {

std::size_t argmax(const float* scores, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

void Accuracy::update(const Tensor& logits, const std::vector<int>& labels) {
  const std::size_t classes = logits.cols();
  for (std::size_t i = 0; i < logits.rows(); ++i) {
    const std::size_t predicted = argmax(logits.ptr() + i * classes, classes);
    if (predicted == static_cast<std::size_t>(labels[i])) ++correct_;
    ++total_;
  }
}

double Accuracy::compute() const {
  return total_ == 0 ? 0.0 : static_cast<double>(correct_) / static_cast<double>(total_);
}

void Accuracy::reset() { correct_ = total_ = 0; }

void MeanLoss::update(double batch_mean_loss, std::size_t batch_size) {
  sum_ += batch_mean_loss * static_cast<double>(batch_size);
  count_ += batch_size;
}

double MeanLoss::compute() const {
  return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_);
}

void MeanLoss::reset() {
  sum_ = 0.0;
  count_ = 0;
}

ConfusionMatrix::ConfusionMatrix(std::size_t num_classes)
    : num_classes_(num_classes), counts_(num_classes * num_classes, 0) {}

void ConfusionMatrix::update(const Tensor& logits, const std::vector<int>& labels) {
  const std::size_t classes = logits.cols();
  for (std::size_t i = 0; i < logits.rows(); ++i) {
    const std::size_t predicted = argmax(logits.ptr() + i * classes, classes);
    const std::size_t actual = static_cast<std::size_t>(labels[i]);
    if (actual < num_classes_ && predicted < num_classes_)
      ++counts_[actual * num_classes_ + predicted];
  }
}

std::size_t ConfusionMatrix::count(std::size_t true_class, std::size_t predicted) const {
  return counts_[true_class * num_classes_ + predicted];
}

double ConfusionMatrix::recall(std::size_t true_class) const {
  std::size_t total = 0;
  for (std::size_t p = 0; p < num_classes_; ++p) total += count(true_class, p);
  return total == 0 ? 0.0 : static_cast<double>(count(true_class, true_class)) / total;
}

}  // namespace metrics
