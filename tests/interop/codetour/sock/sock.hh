// A socket-like class for tests/interop/test_codetour_declarations.py: what a header tour points
// at (declarations of members defined in sock.cc, a member template, deleted copies).
#pragma once

#include <string>

class Sock
{
public:
  explicit Sock( int fd );

  Sock( const Sock& other ) = delete;
  Sock& operator=( const Sock& other ) = delete;

  //! Binds to a port
  void bind( int port );

  void send( const std::string& payload );
  void send( int value );

  int fd() const { return fd_; }

protected:
  template<typename T>
  int option( int level, T& value ) const;

private:
  int fd_;
  int sent_ = 0;
};
