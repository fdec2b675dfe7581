#include "torchlike/optim/optimizer.h"

namespace optim {

void Optimizer::zero_grad() {
  for (nn::Parameter* param : params_) param->grad.fill(0.0f);
}

}  // namespace optim
