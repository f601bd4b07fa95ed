#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
