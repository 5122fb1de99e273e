// glibc malloc tuning (mallopt), which Glibc does not export to Swift.
#include <malloc.h>
