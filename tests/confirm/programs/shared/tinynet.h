#pragma once
float tinynet_forward(const float *w, const float *x, int n);
void tinynet_sgd_update(float *w, const float *grad, float lr, int n);
