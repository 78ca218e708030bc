/**
 * @file vnreport.h
 * @brief umbrella header of libvnreport, the library that turns
 * Vietnamese provincial socio-economic reports into indicator records and
 * converts Vietnamese units.
 *
 * Include only this header; the topic headers refuse to be included alone.
 */

/**
 * @mainpage libvnreport API reference
 *
 * libvnreport turns Vietnamese provincial socio-economic reports ("báo cáo
 * tình hình kinh tế - xã hội") into indicator records — indicator, value,
 * unit, role, baseline, period and the exact place in the input each number
 * came from — and converts Vietnamese units and scale words (ha, tạ, sào,
 * nghìn, triệu, tỷ …).
 *
 * Include `<vnreport/vnreport.h>` and link with
 * `pkg-config --cflags --libs vnreport`. The API is in four topics:
 *
 * - vnr-common.h — status codes (#vnr_status) and the error object
 *   (#vnr_error);
 * - vnr-version.h — compile-time and run-time versions;
 * - vnr-document.h — parsing a report (#vnr_parser, vnr_parse()) into a
 *   #vnr_document of #vnr_record, one accessor per record field;
 * - vnr-units.h — the unit registry and conversion (vnr_convert(),
 *   #vnr_unit, #vnr_converter, #vnr_unit_registry).
 *
 * @section conventions Conventions
 *
 * - **Ownership** is stated on every function. "Borrowed" means the caller
 *   keeps ownership of what it passes, and that a returned pointer belongs to
 *   the object it came from (valid as long as that object is). "Owned by the
 *   caller" means the caller must release it with the named function. Every
 *   release function accepts NULL.
 * - **Errors**: every fallible call returns a #vnr_status; calls that can
 *   say more take an optional `vnr_error **error` (pass NULL to ignore).
 * - **Threads**: there is no global mutable state. Distinct objects may be
 *   used on distinct threads; a parsed document and the built-in unit
 *   registry are immutable and may be shared.
 * - **Text** is UTF-8 everywhere; strings the library returns are NFC.
 * - **ABI**: only the functions declared here are exported, under symbol
 *   versions (VNR_0.1, …); additions never change existing symbols.
 *
 * The guide (docs/guide.md), the man pages vnreport(1) and libvnreport(3)
 * and the Python and Lua guide (docs/bindings.md) come with the sources.
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
