// A compact binary form for what a TUCache entry holds: the fields of plain structs in a fixed
// order, without names. Reading an entry back is the whole cost of a cache hit, and going
// through a JSON document (even CBOR) made hits several times slower than this direct walk.
//
// A struct takes part by an overload, found by argument-dependent lookup in its own namespace,
//   template <class IO> void fields(IO &io, MyStruct &s) { io(s.name, s.line, s.items); }
// that serves both directions. Numbers are LEB128 varints (ints zigzagged), strings and lists
// carry their length first; a reader that overruns, meets an impossible length or does not end
// exactly at the end fails as a whole. A reader's llvm::StringRef is a view into its input
// (no copy): a part that may be skipped is written as a string and read as a StringRef.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tourguide::clangfront {

class PayloadWriter {
public:
  std::string out;
  /// Appends each value (the references are only read).
  template <class... T> void operator()(T &...values) { (put(values), ...); }

private:
  void varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7)
      out += static_cast<char>((v & 0x7f) | 0x80);
    out += static_cast<char>(v);
  }
  void put(bool &b) { out += b ? '\1' : '\0'; }
  void put(unsigned &u) { varint(u); }
  void put(uint64_t &u) { varint(u); }
  void put(int &i) { varint((static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 31)); }
  void put(std::string &s) {
    varint(s.size());
    out += s;
  }
  void put(llvm::StringRef &s) {
    varint(s.size());
    out += s;
  }
  template <class A, class B> void put(std::pair<A, B> &p) { (*this)(p.first, p.second); }
  template <class T> void put(std::vector<T> &list) {
    varint(list.size());
    for (T &item : list)
      put(item);
  }
  template <class T, class = decltype(fields(std::declval<PayloadWriter &>(), std::declval<T &>()))>
  void put(T &record) {
    fields(*this, record);
  }
};

class PayloadReader {
public:
  explicit PayloadReader(llvm::StringRef in) : in_(in) {}
  /// Reads each value in turn; check ok() (and atEnd()) afterwards.
  template <class... T> void operator()(T &...values) { (get(values), ...); }
  bool ok() const { return ok_; }
  bool atEnd() const { return in_.empty(); }

private:
  uint64_t varint() {
    uint64_t v = 0;
    for (unsigned shift = 0; ok_ && shift < 64 && !in_.empty(); shift += 7) {
      auto byte = static_cast<uint8_t>(in_.front());
      in_ = in_.drop_front();
      v |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return v;
    }
    ok_ = false;
    return 0;
  }
  void get(bool &b) {
    uint64_t v = varint();
    ok_ = ok_ && v <= 1;
    b = v == 1;
  }
  void get(unsigned &u) {
    uint64_t v = varint();
    ok_ = ok_ && v <= UINT32_MAX;
    u = static_cast<unsigned>(v);
  }
  void get(uint64_t &u) { u = varint(); }
  void get(int &i) {
    uint64_t v = varint();
    i = static_cast<int>((v >> 1) ^ (~(v & 1) + 1));
  }
  void get(std::string &s) {
    uint64_t n = varint();
    if (!ok_ || n > in_.size()) {
      ok_ = false;
      return;
    }
    s.assign(in_.data(), n);
    in_ = in_.drop_front(n);
  }
  void get(llvm::StringRef &s) {
    uint64_t n = varint();
    if (!ok_ || n > in_.size()) {
      ok_ = false;
      return;
    }
    s = in_.take_front(n);
    in_ = in_.drop_front(n);
  }
  template <class A, class B> void get(std::pair<A, B> &p) { (*this)(p.first, p.second); }
  template <class T> void get(std::vector<T> &list) {
    uint64_t n = varint();
    if (!ok_ || n > in_.size()) { // every item takes at least one byte
      ok_ = false;
      return;
    }
    list.resize(n);
    for (T &item : list)
      if (ok_)
        get(item);
  }
  template <class T, class = decltype(fields(std::declval<PayloadReader &>(), std::declval<T &>()))>
  void get(T &record) {
    fields(*this, record);
  }

  llvm::StringRef in_;
  bool ok_ = true;
};

} // namespace tourguide::clangfront
