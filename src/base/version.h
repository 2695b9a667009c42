#ifndef GUATU_BASE_VERSION_H
#define GUATU_BASE_VERSION_H
#ifndef GUATU_VERSION
#define GUATU_VERSION "0.1.0"
#endif
#endif
