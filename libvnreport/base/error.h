/*
 * error.h — private helpers to build vnr_error objects.
 *
 * Owns: the vnr_error struct and status strings. Every stage reports failure
 * through error_set(), which is a no-op when the caller passed no out-param.
 *
 * May include: the public headers and the C library; error.c uses utf8.h
 * (base) to keep messages valid UTF-8 — never a stage above base.
 */
#ifndef VNR_ERROR_H
#define VNR_ERROR_H

#include "vnreport/vnreport.h"

#define VNR_NO_POSITION ((size_t)-1)

/* Returns `status` so callers can `return error_set(...)`; VNR_E_NOMEM when
 * the error object itself cannot be allocated (then *error says so). */
vnr_status error_set(vnr_error **error, vnr_status status, size_t line,
                     size_t byte, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
