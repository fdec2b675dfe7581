// Developer entry point until the tourguide CLI forwards `tourguide index` to runIndexCommand.
#include "IndexCommand.h"

int main(int argc, const char **argv) { return tourguide::indexer::runIndexCommand(argc, argv); }
