/*
 * vnreport.h — umbrella header of libvnreport, the library that turns
 * Vietnamese provincial socio-economic reports into indicator records and
 * converts Vietnamese units.
 *
 * Include only this header; the topic headers refuse to be included alone.
 */
#ifndef VNREPORT_H
#define VNREPORT_H

#define VNR_H_IN
#include <vnreport/vnr-common.h>
#include <vnreport/vnr-version.h>
#include <vnreport/vnr-document.h>
#include <vnreport/vnr-units.h>
#undef VNR_H_IN

#endif /* VNREPORT_H */
