#include "torchlike/checkpoint.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace {

constexpr char kMagic[4] = {'T', 'L', 'C', 'K'};

// The file stores raw host-order integers and floats: checkpoints are for this machine only.
void write_u32(std::ofstream& out, std::uint32_t value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint32_t read_u32(std::ifstream& in) {
  std::uint32_t value = 0;
  in.read(reinterpret_cast<char*>(&value), sizeof value);
  return value;
}

}  // namespace

void save_checkpoint(nn::Module& model, const std::string& path) {
  // Write a temporary file and rename it at the end, so a run stopped half-way (say, killed in a
  // debugger) never leaves a truncated checkpoint where eval would look for one.
  const std::string temp_path = path + ".tmp";
  std::ofstream out(temp_path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot create checkpoint '" + temp_path + "'");
  const std::vector<nn::Parameter*> params = model.parameters();
  out.write(kMagic, 4);
  write_u32(out, static_cast<std::uint32_t>(params.size()));
  for (const nn::Parameter* param : params) {
    write_u32(out, static_cast<std::uint32_t>(param->name.size()));
    out.write(param->name.data(), static_cast<std::streamsize>(param->name.size()));
    write_u32(out, static_cast<std::uint32_t>(param->value.numel()));
    out.write(reinterpret_cast<const char*>(param->value.ptr()),
              static_cast<std::streamsize>(param->value.numel() * sizeof(float)));
  }
  out.close();
  if (!out) throw std::runtime_error("failed writing checkpoint '" + temp_path + "'");
  if (std::rename(temp_path.c_str(), path.c_str()) != 0)
    throw std::runtime_error("cannot rename '" + temp_path + "' to '" + path + "'");
}

void load_checkpoint(nn::Module& model, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open checkpoint '" + path + "' (run train first)");
  char magic[4] = {};
  in.read(magic, 4);
  if (!in || std::memcmp(magic, kMagic, 4) != 0)
    throw std::runtime_error("'" + path + "' is not a torchlike checkpoint");
  const std::vector<nn::Parameter*> params = model.parameters();
  const std::uint32_t count = read_u32(in);
  if (!in || count != params.size())
    throw std::runtime_error("checkpoint '" + path + "' has " + std::to_string(count) +
                             " parameters, the model has " + std::to_string(params.size()));
  for (nn::Parameter* param : params) {
    const std::uint32_t name_size = read_u32(in);
    std::string name(in ? name_size : 0, '\0');
    in.read(name.data(), static_cast<std::streamsize>(name.size()));
    const std::uint32_t numel = read_u32(in);
    if (!in || name != param->name || numel != param->value.numel())
      throw std::runtime_error("checkpoint '" + path + "' does not match the model at parameter '" +
                               param->name + "'");
    in.read(reinterpret_cast<char*>(param->value.ptr()),
            static_cast<std::streamsize>(numel * sizeof(float)));
    if (!in) throw std::runtime_error("checkpoint '" + path + "' is truncated");
  }
}
