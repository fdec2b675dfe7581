/* A model step defined in a header (an inline function, as protobuf's generated accessors and
   many C++ layers are): the confirming run places its line through the function. */
#pragma once
static inline float header_step(float w, float grad) {
  float lr = 0.5f;
  /* the update: a comment line has no code, the stop moves to the next line */
  w -= lr * grad;
  return w;
}
