#include "sock.hh"

#include <cstdio>

Sock::Sock( int fd ) : fd_( fd ) {}

void Sock::bind( int port )
{
  int v = 0;
  option( port, v );
  std::printf( "bound %d on %d\n", v, fd_ );
}

void Sock::send( const std::string& payload )
{
  sent_ += static_cast<int>( payload.size() );
}

void Sock::send( int value )
{
  sent_ += value;
}

template<typename T>
int Sock::option( int level, T& value ) const
{
  value = level + fd();
  return static_cast<int>( sizeof( T ) );
}

int main()
{
  Sock s( 3 );
  s.bind( 8 );
  s.send( "hello" );
  s.send( 2 );
  return 0;
}
